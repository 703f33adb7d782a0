// SPDX-License-Identifier: MIT
// `replay FILE`: re-runs every recorded decision and checks each step id and state hash.
// Exit 0 when all match, 1 at the first divergence, 2 when the file cannot be read or parsed.
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "core/recording.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace msb::cli {

namespace {

int runReplay(const std::string& path)
{
    auto recording = core::loadRecordingFile(path);
    if (!recording)
        return reportBadInput(recording.error());
    const core::ReplayCheck check = core::verifyRecording(recording.value());
    if (check.identical) {
        std::cout << "replayed " << check.stepsReplayed << " steps, every state hash matches (outcome "
                  << recording.value().outcome << ")\n";
        return ExitOk;
    }
    if (check.divergentStep >= 0) {
        std::cerr << path << ": diverges at step " << check.divergentStep + 1 << " (steps[" << check.divergentStep
                  << "]): " << check.what << '\n';
    } else {
        std::cerr << path << ": diverges: " << check.what << '\n';
    }
    return ExitPropertyFailed;
}

} // namespace

void addReplayCommand(CLI::App& app, int& exitCode)
{
    auto path = std::make_shared<std::string>();
    auto* command = app.add_subcommand("replay", "Replay a recording and check every step's state hash");
    command->add_option("FILE", *path, "recording (*.msrec.json)")->required();
    command->callback([path, &exitCode] { exitCode = runReplay(*path); });
}

} // namespace msb::cli
