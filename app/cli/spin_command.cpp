// SPDX-License-Identifier: MIT
// `spin`: the verdict of `explore`, decided by SPIN on the exported Promela model instead of the
// built-in explorer (a second, independent check), with each trail turned back into a schedule
// that `run --schedule` replays.
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "app/cli/spin_runner.h"
#include "app/cli/verdict_output.h"
#include "core/outcome.h"
#include "core/settings.h"
#include "core/steps.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>

namespace msb::cli {

namespace {

struct SpinCommandOptions
{
    ScenarioOptions scenario;
    SpinOptions spin;
    bool json = false;
    std::string fairness = "weak";
};

std::string scheduleText(const core::Scenario& scenario, const std::vector<int>& schedule)
{
    std::string out;
    for (const int thread : schedule)
        out += (out.empty() ? "" : ",") + scenario.threads[thread].name;
    return out;
}

nlohmann::ordered_json stepsJson(
    const core::Scenario& scenario, const SpinRunResult& run, std::size_t begin, std::size_t end)
{
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (std::size_t i = begin; i < end; ++i) {
        const core::StepInfo& info = core::stepInfo(run.steps[i]);
        array.push_back({{"thread", scenario.threads[run.schedule[i]].name}, {"step", info.id}, {"text", info.text},
            {"kernel", info.function}});
    }
    return array;
}

nlohmann::ordered_json verdictJson(const ResolvedScenario& resolved, const SpinVerdict& verdict)
{
    nlohmann::ordered_json settings = nlohmann::ordered_json::object();
    for (const auto& knob : core::knobs()) {
        if (core::knobListed(resolved.settings, knob))
            settings[std::string(knob.key)] = core::knobValue(resolved.settings, knob.key);
    }
    nlohmann::ordered_json counterexamples = nlohmann::ordered_json::object();
    nlohmann::ordered_json schedules = nlohmann::ordered_json::object();
    nlohmann::ordered_json runs = nlohmann::ordered_json::array();
    for (const SpinRunResult& run : verdict.runs) {
        runs.push_back(
            {{"outcome", run.outcome}, {"found", run.found}, {"states", run.states}, {"seconds", run.seconds}});
        if (!run.found)
            continue;
        schedules[run.outcome] = scheduleText(resolved.scenario, run.schedule);
        if (run.outcome == "livelock") {
            counterexamples[run.outcome] = {{"prefix", stepsJson(resolved.scenario, run, 0, run.cycleStart)},
                {"cycle", stepsJson(resolved.scenario, run, run.cycleStart, run.schedule.size())}};
        } else if (run.outcome != "completes_possible") {
            counterexamples[run.outcome] = stepsJson(resolved.scenario, run, 0, run.schedule.size());
        }
    }
    return {
        {"scenario", resolved.scenario.name},
        {"preset", resolved.presetName},
        {"settings", settings},
        {"engine", "spin"},
        {"fairness", verdict.weakFairness ? "weak" : "none"},
        {"states", verdict.states},
        {"seconds", verdict.seconds},
        {"complete", verdict.complete},
        {"liveness", livenessJson(verdict)},
        {"safety", safetyJson(verdict)},
        {"counterexamples", counterexamples},
        {"schedules", schedules},
        {"runs", runs},
    };
}

void printHuman(const ResolvedScenario& resolved, const SpinVerdict& verdict, std::ostream& out)
{
    out << "scenario " << resolved.scenario.name << ", preset " << resolved.presetName << ", SPIN, fairness "
        << (verdict.weakFairness ? "weak" : "none")
        << (verdict.complete ? "" : " (bitstate: absent outcomes are only likely absent)") << '\n';
    out << "  " << verdict.states << " states, " << std::fixed << std::setprecision(3) << verdict.seconds
        << " s (build " << verdict.secondsBuild << " s, pan runs " << verdict.secondsPanSerial << " s in all)\n";
    printVerdictLines(verdict, out);
    for (const core::Outcome bad : core::kBadOutcomes) {
        const std::string outcome(core::outcomeName(bad));
        const SpinRunResult* run = verdict.run(outcome);
        if (!run || !run->found)
            continue;
        out << "  " << outcome << ": run --schedule " << scheduleText(resolved.scenario, run->schedule);
        if (run->outcome == "livelock")
            out << "  (the cycle starts after step " << run->cycleStart << ')';
        out << '\n';
    }
}

int runSpinCommand(const SpinCommandOptions& options)
{
    auto resolved = resolveScenario(options.scenario);
    if (!resolved)
        return reportBadInput(resolved.error());
    SpinOptions spin = options.spin;
    spin.weakFairness = options.fairness == "weak";
    auto verdict = runSpin(resolved.value(), spin);
    if (!verdict) {
        // A refused configuration is bad input; SPIN failing or disagreeing with the core is not.
        if (verdict.error().field != "spin")
            return reportBadInput(verdict.error());
        std::cerr << "spin: " << verdict.error().message << '\n';
        return ExitInternal;
    }
    if (options.json)
        std::cout << verdictJson(resolved.value(), verdict.value()).dump(2) << '\n';
    else
        printHuman(resolved.value(), verdict.value(), std::cout);
    return ExitOk;
}

} // namespace

void addSpinCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<SpinCommandOptions>();
    CLI::App* command = app.add_subcommand("spin",
        "Decide the explore verdict with the SPIN model checker on the exported Promela model (needs spin, gcc)");
    addScenarioOptions(*command, options->scenario);
    command->add_option("--jobs", options->spin.jobs, "pan runs at a time")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    command
        ->add_option("--fairness", options->fairness,
            "what a livelock is (as in explore): weak runs the non-progress search with -f, none without it")
        ->check(CLI::IsMember({"weak", "none"}))
        ->capture_default_str();
    command->add_flag("--bitstate", options->spin.bitstate,
        "bitstate hashing: far less memory; outcomes found are real, absent ones only likely absent");
    command->add_option("--optimize", options->spin.optimize, "gcc -O level for pan (0 builds fastest, 2 runs fastest)")
        ->check(CLI::Range(0, 3))
        ->capture_default_str();
    command
        ->add_option("--hash-bits", options->spin.hashBits,
            "pan -w: 2^N hash-table slots (bitstate: bits); default 22 (30 with --bitstate), more for big models")
        ->check(CLI::Range(10, 40));
    command->add_option("--keep", options->spin.keepDir, "work in this directory and keep the model, pan and trails");
    command->add_flag("--json", options->json, "print one JSON object (the shape of explore --json)");
    command->callback([options, &exitCode] { exitCode = runSpinCommand(*options); });
}

} // namespace msb::cli
