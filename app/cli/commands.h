// SPDX-License-Identifier: MIT
// Sub-commands of migration-sandbox-cli, one file each (rr's *Command.cc). Each add*Command
// registers a CLI11 sub-command whose callback runs it and stores its exit code in exitCode.
#pragma once

namespace CLI {
class App;
}

namespace msb::cli {

void addListCommand(CLI::App& app, int& exitCode);
void addRunCommand(CLI::App& app, int& exitCode);
void addReplayCommand(CLI::App& app, int& exitCode);
void addExploreCommand(CLI::App& app, int& exitCode);
void addBenchCommand(CLI::App& app, int& exitCode);
void addOddsCommand(CLI::App& app, int& exitCode);
void addLessonCommand(CLI::App& app, int& exitCode);
void addExportPromelaCommand(CLI::App& app, int& exitCode);
void addSpinCommand(CLI::App& app, int& exitCode);

} // namespace msb::cli
