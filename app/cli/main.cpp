// SPDX-License-Identifier: MIT
// migration-sandbox-cli: run, replay and explore the device-private migration race without a GUI.
// Exit codes (docs/architecture.md §4): 0 ok, 1 the checked property failed, 2 bad input, 3 internal error.
#include "app/cli/classroom_command.h"
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "core/invariant.h"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
    using namespace msb::cli;
    CLI::App app {"Migration Sandbox: step through the device-private page migration race of Linux "
                  "(migrate_vma_*, do_swap_page, migration_entry_wait)",
        "migration-sandbox-cli"};
    app.require_subcommand(1);
    app.footer("Exit codes: 0 ok, 1 the checked property failed, 2 bad input, 3 internal error.");

    int exitCode = ExitOk;
    addListCommand(app, exitCode);
    addRunCommand(app, exitCode);
    addReplayCommand(app, exitCode);
    addOddsCommand(app, exitCode);
    addExploreCommand(app, exitCode);
    addBenchCommand(app, exitCode);
    addExportPromelaCommand(app, exitCode);
    addSpinCommand(app, exitCode);
    addClassroomCommand(app, exitCode);
    addLessonCommand(app, exitCode);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // Usage errors: the message, then the usage, both on stderr (heaptrack_print's habit).
        const auto parsed = app.get_subcommands();
        const CLI::App* command = parsed.empty() ? &app : parsed.back();
        std::cerr << "error: " << e.what() << "\n\n" << command->help() << std::flush;
        return ExitBadInput;
    } catch (const msb::core::InvariantViolation& e) {
        std::cerr << "internal error: " << e.what() << '\n';
        return ExitInternal;
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << '\n';
        return ExitInternal;
    }
    return exitCode;
}
