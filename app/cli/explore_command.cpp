// SPDX-License-Identifier: MIT
// `explore`: every interleaving of a scenario under one preset (or all of them), with the
// verdict of each outcome and the shortest counterexample for each bad one (docs/architecture.md §4).
#include "app/cli/commands.h"
#include "app/cli/diff_command.h"
#include "app/cli/explore_find.h"
#include "app/cli/scenario_options.h"
#include "app/cli/trace_output.h"
#include "app/cli/verdict_output.h"
#include "core/causal_slice.h"
#include "core/explorer.h"
#include "core/memory_budget.h"
#include "core/model.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <map>
#include <unistd.h>

namespace msb::cli {

namespace {

struct ExploreCommandOptions
{
    ScenarioOptions scenario;
    bool json = false;
    std::string reduction = "none";
    std::string symmetry = "on";
    std::string fairness = "weak";
    std::uint64_t maxStates = 50'000'000;
    std::string memoryBudget;      // empty: core::defaultMemoryBudget()
    std::vector<std::string> diff; // --diff A B: compare two presets instead (diff_command.h)
    std::vector<std::string> setsA;
    std::vector<std::string> setsB;
    std::string find; // --find EXPR: a shortest schedule to a state where it holds
};

/// A one-line progress display on stderr, shown only on a terminal and only for runs over 1 s.
class ProgressLine
{
public:
    ProgressLine()
        : m_enabled(isatty(STDERR_FILENO) != 0)
    {
    }
    ~ProgressLine() { clear(); }

    void update(const core::ExploreProgress& progress)
    {
        if (!m_enabled || progress.seconds < 1.0 || progress.phase == "done")
            return;
        std::fprintf(stderr, "\r\033[K%s: %llu states, %llu transitions, %s %llu, %.1f s", m_label.c_str(),
            static_cast<unsigned long long>(progress.states), static_cast<unsigned long long>(progress.transitions),
            progress.phase == "traces" ? "queue" : "depth", static_cast<unsigned long long>(progress.queue),
            progress.seconds);
        std::fflush(stderr);
        m_shown = true;
    }
    void clear()
    {
        if (m_shown) {
            std::fprintf(stderr, "\r\033[K");
            std::fflush(stderr);
            m_shown = false;
        }
    }
    void setLabel(std::string label) { m_label = std::move(label); }

private:
    bool m_enabled;
    bool m_shown = false;
    std::string m_label;
};

nlohmann::ordered_json exploreJson(const ResolvedScenario& resolved, const core::ExploreResult& result)
{
    nlohmann::ordered_json settings = nlohmann::ordered_json::object();
    for (const auto& knob : core::knobs()) {
        if (core::knobListed(resolved.settings, knob))
            settings[std::string(knob.key)] = core::knobValue(resolved.settings, knob.key);
    }
    nlohmann::ordered_json counterexamples = nlohmann::ordered_json::object();
    const core::Model model(resolved.scenario, resolved.settings);
    for (const core::Outcome outcome : core::kBadOutcomes) {
        const auto& trace = result.counterexample(outcome);
        if (!trace)
            continue;
        const core::CounterexampleSlice slice = core::sliceCounterexample(model, *trace, outcome);
        if (outcome == core::Outcome::Livelock) {
            counterexamples[std::string(core::outcomeName(outcome))] = {
                {"prefix", stepsJson(resolved.scenario, trace->prefix, slice.prefix)},
                {"cycle", stepsJson(resolved.scenario, trace->cycle, slice.cycle)}};
        } else {
            counterexamples[std::string(core::outcomeName(outcome))] =
                stepsJson(resolved.scenario, trace->prefix, slice.prefix);
        }
    }
    nlohmann::ordered_json object = {
        {"scenario", resolved.scenario.name},
        {"preset", resolved.presetName},
        {"settings", settings},
        {"reduction", core::reductionName(result.reduction)},
        {"symmetry", result.symmetry ? "on" : "off"},
        {"fairness", core::fairnessName(result.fairness)},
        {"states", result.states},
        {"transitions", result.transitions},
        {"seconds", result.seconds},
        {"complete", result.complete},
        {"liveness", livenessJson(result)},
        {"safety", safetyJson(result)},
        {"counterexamples", counterexamples},
    };
    if (!result.complete)
        object["incomplete_reason"] = core::incompleteReason(result);
    return object;
}

void printHuman(const ResolvedScenario& resolved, const core::ExploreResult& result, std::ostream& out)
{
    out << "scenario " << resolved.scenario.name << ", preset " << resolved.presetName << ", reduction "
        << core::reductionName(result.reduction) << ", symmetry " << (result.symmetry ? "on" : "off") << ", fairness "
        << core::fairnessName(result.fairness) << '\n';
    out << "  " << result.states << " states, " << result.transitions << " transitions, " << std::fixed
        << std::setprecision(3) << result.seconds << " s"
        << (result.complete ? "" : "  (INCOMPLETE: " + core::incompleteReason(result) + ")") << '\n';
    printVerdictLines(result, out);
    const core::Model model(resolved.scenario, resolved.settings);
    bool marked = false;
    for (const core::Outcome outcome : core::kBadOutcomes) {
        const auto& trace = result.counterexample(outcome);
        if (!trace)
            continue;
        const core::CounterexampleSlice slice = core::sliceCounterexample(model, *trace, outcome);
        out << "  shortest " << core::outcomeName(outcome) << ": " << formatSchedule(resolved.scenario, *trace, &slice)
            << '\n';
        marked = true;
    }
    if (marked)
        out << "  (* marks the steps that cause the outcome: its deciding step and every step that happens before "
               "it)\n";
}

void printTable(const std::vector<std::pair<ResolvedScenario, core::ExploreResult>>& rows, std::ostream& out)
{
    out << std::left << std::setw(16) << "preset" << std::right << std::setw(10) << "states" << std::setw(10)
        << "livelock" << std::setw(10) << "deadlock" << std::setw(8) << "sigbus" << std::setw(13) << "lost_update"
        << std::setw(16) << "stale_page_use" << std::setw(18) << "completes_always" << '\n';
    for (const auto& [resolved, r] : rows) {
        out << std::left << std::setw(16) << resolved.presetName << std::right << std::setw(10) << r.states
            << std::setw(10) << yesNo(r.livelock) << std::setw(10) << yesNo(r.deadlock) << std::setw(8)
            << yesNo(r.sigbus) << std::setw(13) << yesNo(r.lostUpdate) << std::setw(16) << yesNo(r.stalePageUse)
            << std::setw(18) << yesNo(r.completesAlways) << (r.complete ? "" : "  incomplete") << '\n';
    }
}

int runExplore(const ExploreCommandOptions& options)
{
    if (!options.find.empty()) {
        if (options.scenario.preset == "all")
            return reportBadInput(core::Error {{}, 0, 0, "--find", "searches one preset at a time, not --preset all"});
        core::FindOptions findOptions;
        findOptions.maxStates = options.maxStates;
        if (!options.memoryBudget.empty())
            findOptions.memoryBudget = core::parseByteSize(options.memoryBudget); // checked by the option
        return runExploreFind(options.scenario, options.find, findOptions, options.json);
    }
    core::ExploreOptions exploreOptions;
    if (options.reduction == "por")
        exploreOptions.reduction = core::Reduction::Por;
    exploreOptions.symmetry = options.symmetry == "on";
    exploreOptions.fairness = core::parseFairness(options.fairness).value_or(core::Fairness::Weak); // checked
    exploreOptions.maxStates = options.maxStates;
    if (!options.memoryBudget.empty())
        exploreOptions.memoryBudget = core::parseByteSize(options.memoryBudget); // checked by the option
    ProgressLine progress;
    exploreOptions.progress = [&progress](const core::ExploreProgress& p) { progress.update(p); };
    if (!options.diff.empty())
        return runDiff({options.scenario, options.diff, options.setsA, options.setsB}, exploreOptions, options.json);

    std::vector<std::string> presetNames;
    const bool all = options.scenario.preset == "all";
    if (all) {
        for (const auto& preset : core::presets())
            presetNames.emplace_back(preset.name);
    } else {
        presetNames.push_back(options.scenario.preset);
    }

    std::vector<std::pair<ResolvedScenario, core::ExploreResult>> rows;
    for (const auto& name : presetNames) {
        auto resolved = resolveScenario(options.scenario, name);
        if (!resolved)
            return reportBadInput(resolved.error());
        progress.setLabel(resolved.value().scenario.name + " " + resolved.value().presetName);
        const core::Model model(resolved.value().scenario, resolved.value().settings);
        core::ExploreResult result = core::explore(model, exploreOptions);
        progress.clear();
        if (result.stoppedBy == core::ExploreStop::MemoryBudget) {
            std::cerr << "explore: " << resolved.value().scenario.name << ' ' << resolved.value().presetName << ": "
                      << core::incompleteReason(result)
                      << "; absent outcomes are unknown (a larger --memory-budget may finish it)\n";
        }
        rows.emplace_back(std::move(resolved).value(), std::move(result));
    }

    if (options.json) {
        if (all) {
            nlohmann::ordered_json array = nlohmann::ordered_json::array();
            for (const auto& [resolved, result] : rows)
                array.push_back(exploreJson(resolved, result));
            std::cout << array.dump(2) << '\n';
        } else {
            std::cout << exploreJson(rows[0].first, rows[0].second).dump(2) << '\n';
        }
    } else if (all) {
        std::cout << "scenario " << rows[0].first.scenario.name << ", reduction " << options.reduction << ", symmetry "
                  << (rows[0].second.symmetry ? "on" : "off") << ", fairness " << options.fairness << '\n';
        printTable(rows, std::cout);
    } else {
        printHuman(rows[0].first, rows[0].second, std::cout);
    }
    return ExitOk;
}

} // namespace

void addExploreCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<ExploreCommandOptions>();
    CLI::App* command = app.add_subcommand("explore",
        "Explore every interleaving: which outcomes are reachable, with the shortest schedule to each bad one");
    addScenarioOptions(*command, options->scenario);
    command->get_option("--preset")->description("kernel preset (see `list`), or `all` for every preset");
    command->add_flag("--json", options->json, "print one JSON object (an array with --preset all)");
    command
        ->add_option("--reduction", options->reduction,
            "none: expand every thread in every state; por: partial-order reduction (same verdicts, fewer "
            "states; traces are shortest within the reduced graph)")
        ->check(CLI::IsMember({"none", "por"}))
        ->capture_default_str();
    command
        ->add_option("--symmetry", options->symmetry,
            "on: store one state per orbit of interchangeable threads (same kind and pages; same verdicts, "
            "schedules still name real threads; no effect when no two threads are alike); off: every state")
        ->check(CLI::IsMember({"on", "off"}))
        ->capture_default_str();
    command
        ->add_option("--fairness", options->fairness,
            "what a livelock is. weak: a cycle in which every thread that stays ready runs (SPIN -l -f); none: any "
            "reachable cycle in which no access completes, even if a ready thread never runs again (SPIN -l), as "
            "when the lock holder waits for work queued behind a spinning CPU")
        ->check(CLI::IsMember({"weak", "none"}))
        ->capture_default_str();
    command
        ->add_option("--max-states", options->maxStates,
            "stop storing states at N and report complete: false instead of running out of memory")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    command
        ->add_option("--memory-budget", options->memoryBudget,
            "stop storing states before the explorer holds this much memory (e.g. 2G, 512M) and report complete: "
            "false instead of being killed by the OOM killer; default: 3/4 of the memory available at start ("
                + core::formatBytes(core::defaultMemoryBudget()) + " now)")
        ->check(CLI::Validator(
            [](const std::string& text) {
                return core::parseByteSize(text) ? std::string() : "not a size: use e.g. 2G, 512M or 100000";
            },
            "SIZE"));
    CLI::Option* diff =
        command
            ->add_option("--diff", options->diff,
                "PRESET_A PRESET_B: what tells two kernels apart: the shortest schedule whose outcomes differ, or that "
                "none does (the whole pair graph); --set applies to both, --set-a/--set-b to one side")
            ->expected(2)
            ->excludes(command->get_option("--preset"));
    command->add_option("--set-a", options->setsA, "key=value: a knob of --diff's side A only; repeatable")
        ->needs(diff)
        ->take_all()
        ->allow_extra_args(false);
    command->add_option("--set-b", options->setsB, "key=value: a knob of --diff's side B only; repeatable")
        ->needs(diff)
        ->take_all()
        ->allow_extra_args(false);
    command
        ->add_option("--find", options->find,
            "instead of the verdicts, a shortest schedule to a state where EXPR holds, e.g. 'page_count(D0) == 3 && "
            "sleeping(T2)' (docs/expressions.md), or that no reachable state satisfies it; breadth-first over every "
            "state (no reduction, no symmetry); exit 1 when none is found")
        ->type_name("EXPR")
        ->excludes(command->get_option("--reduction"))
        ->excludes(command->get_option("--symmetry"))
        ->excludes(command->get_option("--fairness"))
        ->excludes(diff);
    command->callback([options, &exitCode] { exitCode = runExplore(*options); });
}

} // namespace msb::cli
