// SPDX-License-Identifier: MIT
// `replay FILE`: re-runs every recorded decision and checks each step id and state hash.
// Exit 0 when all match, 1 at the first divergence, 2 when the file cannot be read or parsed.
#include "app/cli/commands.h"
#include "app/cli/run_annotations.h"
#include "app/cli/scenario_options.h"
#include "core/recording.h"
#include "core/simulator.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace msb::cli {

namespace {

/// The --watch table over the steps that replayed as recorded.
void printWatches(const core::Recording& recording, const RunAnnotations& notes, int steps)
{
    if (notes.watches.empty())
        return;
    core::Simulator sim(recording.scenario, recording.settings);
    for (int i = 0; i < steps; ++i)
        sim.step(recording.steps[static_cast<std::size_t>(i)].thread);
    printWatchTable(sim, notes, std::cout);
}

int runReplay(const std::string& path, const std::vector<std::string>& watch)
{
    auto recording = core::loadRecordingFile(path);
    if (!recording)
        return reportBadInput(recording.error());
    RunAnnotations notes;
    if (auto watches = parseWatches(watch, recording.value().scenario))
        notes.watches = std::move(watches).value();
    else
        return reportBadInput(watches.error());
    const core::ReplayCheck check = core::verifyRecording(recording.value());
    printWatches(recording.value(), notes, check.stepsReplayed);
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
    auto watch = std::make_shared<std::vector<std::string>>();
    auto* command = app.add_subcommand("replay", "Replay a recording and check every step's state hash");
    command->add_option("FILE", *path, "recording (*.msrec.json)")->required();
    command
        ->add_option("--watch", *watch,
            "show EXPR after every replayed step (repeatable), e.g. 'page_count(D0)' (docs/expressions.md)")
        ->type_name("EXPR");
    command->callback([path, watch, &exitCode] { exitCode = runReplay(*path, *watch); });
}

} // namespace msb::cli
