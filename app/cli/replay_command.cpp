// SPDX-License-Identifier: MIT
// `replay FILE`: re-runs every recorded decision and checks each step id and state hash.
// Exit 0 when all match, 1 at the first divergence, 2 when the file cannot be read or parsed.
#include "app/cli/commands.h"
#include "app/cli/possible_output.h"
#include "app/cli/run_annotations.h"
#include "app/cli/scenario_options.h"
#include "core/recording.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace msb::cli {

namespace {

struct ReplayOptions
{
    std::string path;
    std::vector<std::string> watch; // --watch EXPR, repeatable
    PossibleOptions possible;
    bool json = false;
};

/// The --watch table over the steps that replayed as recorded.
void printWatches(const core::Recording& recording, const RunAnnotations& notes, int steps)
{
    if (notes.watches.empty())
        return;
    core::Simulator sim(recording.scenario, recording.settings);
    for (int i = 0; i < steps && sim.step(recording.steps[static_cast<std::size_t>(i)].thread); ++i) { }
    printWatchTable(sim, notes, std::cout);
}

/// --possible: the recorded run, stepped again, with what each of its positions still allowed.
int printReplayPossible(const core::Recording& recording, const ReplayOptions& options)
{
    core::Simulator sim(recording.scenario, recording.settings);
    for (const core::RecordedStep& step : recording.steps) {
        if (!sim.step(step.thread)) // verifyRecording has just replayed these very steps
            return ExitInternal;
    }
    const auto prospects = exploreProspects(sim, options.possible);
    if (!prospects)
        return ExitBadInput;
    if (options.json) {
        nlohmann::ordered_json doc;
        doc["replayed"] = recording.steps.size();
        doc["outcome"] = recording.outcome;
        doc["possible"] = possibleJson(sim, *prospects);
        std::cout << doc.dump(2) << '\n';
    } else {
        printPossible(sim, *prospects, std::cout);
    }
    return ExitOk;
}

int runReplay(const ReplayOptions& options)
{
    const std::string& path = options.path;
    auto recording = core::loadRecordingFile(path);
    if (!recording)
        return reportBadInput(recording.error());
    RunAnnotations notes;
    if (auto watches = parseWatches(options.watch, recording.value().scenario))
        notes.watches = std::move(watches).value();
    else
        return reportBadInput(watches.error());
    const core::ReplayCheck check = core::verifyRecording(recording.value());
    if (!(options.possible.enabled && options.json))
        printWatches(recording.value(), notes, check.stepsReplayed);
    if (check.identical) {
        if (options.possible.enabled && options.json)
            return printReplayPossible(recording.value(), options);
        std::cout << "replayed " << check.stepsReplayed << " steps, every state hash matches (outcome "
                  << recording.value().outcome << ")\n";
        return options.possible.enabled ? printReplayPossible(recording.value(), options) : ExitOk;
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
    auto options = std::make_shared<ReplayOptions>();
    auto* command = app.add_subcommand("replay", "Replay a recording and check every step's state hash");
    command->add_option("FILE", options->path, "recording (*.msrec.json)")->required();
    command
        ->add_option("--watch", options->watch,
            "show EXPR after every replayed step (repeatable), e.g. 'page_count(D0)' (docs/expressions.md)")
        ->type_name("EXPR");
    addPossibleOptions(*command, options->possible);
    command->add_flag("--json", options->json, "with --possible, print one JSON object")->needs("--possible");
    command->callback([options, &exitCode] { exitCode = runReplay(*options); });
}

} // namespace msb::cli
