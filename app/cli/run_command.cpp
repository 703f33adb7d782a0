// SPDX-License-Identifier: MIT
// `run`: one execution of a scenario, driven by an explicit schedule, a seeded random scheduler or
// round-robin, printed as a step-by-step trace (or one JSON object) with the outcome.
#include "app/cli/commands.h"
#include "app/cli/possible_output.h"
#include "app/cli/run_annotations.h"
#include "app/cli/scenario_options.h"
#include "core/outcome.h"
#include "core/recording.h"
#include "core/simulator.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <utility>

namespace msb::cli {

namespace {

/// The safety flags a run reports (text and JSON), each under its outcome's word.
constexpr std::pair<std::uint8_t, core::Outcome> kSafetyFlags[] = {
    {core::FlagLostUpdate, core::Outcome::LostUpdate}, {core::FlagStalePageUse, core::Outcome::StalePageUse}};

struct RunOptions
{
    ScenarioOptions scenario;
    std::optional<std::uint64_t> seed;
    std::string schedule;
    bool runOn = false;
    int maxSteps = 1000;
    bool json = false;
    std::string record;
    std::vector<std::string> watch; // --watch EXPR, repeatable
    bool causal = false;            // --causal: mark the steps that cause the run's outcome
    int causalStep = 0;             // --causal-step N: ... that cause step N (1-based)
    PossibleOptions possible;
};

std::string lockOwner(const core::Simulator& sim, const core::State& state, int page)
{
    const int owner = state.pages[page].dLockOwner;
    return owner == core::kNobody ? "-" : sim.scenario().threads[owner].name;
}

/// The threads queued on PG_locked of this page (K12: every one is woken by unlock).
std::string waiters(const core::Simulator& sim, const core::State& state, int page)
{
    std::string out;
    for (int t = 0; t < sim.model().threadCount(); ++t) {
        if (state.threads[t].queued && sim.model().currentPage(state, t) == page)
            out += (out.empty() ? "" : ",") + sim.scenario().threads[t].name;
    }
    return out.empty() ? "-" : out;
}

// A run that ends while threads can still step was stopped by its step bound: `run` says "stopped".
std::string runOutcomeName(const core::Simulator& sim)
{
    return sim.status() == core::Outcome::Running ? "stopped" : std::string(core::outcomeName(sim.status()));
}

std::string hex(std::uint64_t value)
{
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
    return buffer;
}

void printTrace(
    const core::Simulator& sim, const ResolvedScenario& resolved, std::ostream& out, const RunAnnotations& notes = {})
{
    out << "scenario " << sim.scenario().name << ", preset " << resolved.presetName << " (";
    bool first = true;
    for (const auto& knob : core::knobs()) {
        if (!core::knobListed(sim.settings(), knob))
            continue;
        out << (first ? "" : ", ") << knob.key << '=' << core::knobValue(sim.settings(), knob.key);
        first = false;
    }
    out << ")\n";
    const auto& history = sim.history();
    for (int i = 0; i < sim.position(); ++i) {
        const core::StepRecord& rec = history[i];
        const core::State& after = sim.stateAt(i + 1);
        const auto& info = core::stepInfo(rec.id);
        out << std::right << std::setw(4) << i + 1 << causalMark(notes, i) << std::left << std::setw(3)
            << sim.scenario().threads[rec.thread].name << ' ' << std::setw(10) << info.id << info.text;
        if (!rec.note.empty())
            out << " (" << rec.note << ')';
        const std::string d = "D" + std::to_string(rec.page);
        out << "\n      page_count(" << d << ")=" << rec.refAfter << "  PTE(X" << rec.page
            << ")=" << core::pteText(after.pages[rec.page].pte, rec.page) << "  PG_locked(" << d
            << ")=" << lockOwner(sim, after, rec.page) << "  waiters=" << waiters(sim, after, rec.page) << '\n';
    }
    printWatchTable(sim, notes, out);
    out << "outcome: " << runOutcomeName(sim) << " after " << sim.position() << " steps\n";
    const std::uint8_t flags = sim.state().flags;
    for (const auto& [bit, outcome] : kSafetyFlags)
        out << core::outcomeName(outcome) << ": " << ((flags & bit) ? "yes" : "no") << '\n';
    if (sim.status() == core::Outcome::Running) {
        for (int t = 0; t < sim.model().threadCount(); ++t) {
            if (!sim.canStep(t))
                out << "  " << sim.scenario().threads[t].name << ": " << sim.blockedReason(t) << '\n';
        }
    }
    if (const auto earlier = sim.repeatsPosition()) {
        out << "livelock round: the state after step " << sim.position() << " equals the state after step " << *earlier
            << (*earlier == 0 ? " (the initial state)" : "") << '\n';
    }
    if (!notes.causal.empty()) {
        out << "causal: " << std::count(notes.causal.begin(), notes.causal.end(), true) << " of " << sim.position()
            << " steps (marked *) cause " << notes.decidedBy << '\n';
    }
}

void printJson(const core::Simulator& sim, const ResolvedScenario& resolved, const core::OutcomeProspects* prospects,
    std::ostream& out, const RunAnnotations& notes)
{
    using Json = nlohmann::ordered_json;
    Json doc;
    doc["scenario"] = sim.scenario().name;
    doc["preset"] = resolved.presetName;
    Json settings;
    for (const auto& knob : core::knobs()) {
        if (core::knobListed(sim.settings(), knob))
            settings[std::string(knob.key)] = core::knobValue(sim.settings(), knob.key);
    }
    doc["settings"] = std::move(settings);
    auto steps = Json::array();
    const auto& history = sim.history();
    for (int i = 0; i < sim.position(); ++i) {
        const core::StepRecord& rec = history[i];
        const auto& info = core::stepInfo(rec.id);
        Json step;
        step["index"] = i + 1;
        step["thread"] = sim.scenario().threads[rec.thread].name;
        step["step"] = info.id;
        step["text"] = info.text;
        step["kernel"] = info.function;
        step["file"] = info.file;
        step["fact"] = info.fact;
        step["ref_before"] = rec.refBefore;
        step["ref_after"] = rec.refAfter;
        step["pte"] = core::pteText(sim.stateAt(i + 1).pages[rec.page].pte, rec.page);
        step["hash"] = hex(rec.hash);
        step["note"] = rec.note;
        if (!notes.causal.empty())
            step["causal"] = static_cast<bool>(notes.causal[static_cast<std::size_t>(i)]);
        if (!notes.watches.empty())
            step["watch"] = watchValuesJson(sim, notes, i + 1);
        steps.push_back(std::move(step));
    }
    if (!notes.watches.empty()) {
        Json watch = Json::array();
        for (const core::Expression& expression : notes.watches)
            watch.push_back(expression.text());
        doc["watch"] = std::move(watch);
        doc["watch_initial"] = watchValuesJson(sim, notes, 0);
    }
    doc["steps"] = std::move(steps);
    doc["outcome"] = runOutcomeName(sim);
    const std::uint8_t flags = sim.state().flags;
    for (const auto& [bit, outcome] : kSafetyFlags)
        doc[std::string(core::outcomeName(outcome))] = (flags & bit) != 0;
    if (const auto earlier = sim.repeatsPosition())
        doc["repeats_step"] = *earlier;
    else
        doc["repeats_step"] = nullptr;
    if (!notes.causal.empty()) {
        Json deciding = Json::array();
        for (const int d : notes.deciding)
            deciding.push_back(d + 1);
        doc["deciding_steps"] = std::move(deciding);
    }
    if (prospects)
        doc["possible"] = possibleJson(sim, *prospects);
    out << doc.dump(2) << '\n';
}

int runRun(const RunOptions& options)
{
    auto resolved = resolveScenario(options.scenario);
    if (!resolved)
        return reportBadInput(resolved.error());
    if (options.maxSteps < 0)
        return reportBadInput(core::Error {{}, 0, 0, "--max-steps", "must not be negative"});
    core::Simulator sim(resolved.value().scenario, resolved.value().settings);
    RunAnnotations notes;
    if (auto watches = parseWatches(options.watch, sim.scenario()))
        notes.watches = std::move(watches).value();
    else
        return reportBadInput(watches.error());

    if (!options.schedule.empty()) {
        auto schedule = core::parseSchedule(options.schedule, sim.scenario());
        if (!schedule)
            return reportBadInput(schedule.error());
        for (std::size_t i = 0; i < schedule.value().size(); ++i) {
            auto stepped = sim.step(schedule.value()[i]);
            if (!stepped) {
                // Show how far it got, then say which entry could not run and why.
                printTrace(sim, resolved.value(), std::cerr);
                return reportBadInput(core::Error {
                    {}, 0, 0, "--schedule", "entry " + std::to_string(i + 1) + ": " + stepped.error().message});
            }
        }
        if (options.runOn) {
            core::RoundRobinScheduler scheduler;
            core::runScheduler(sim, scheduler, options.maxSteps);
        }
    } else if (options.seed) {
        core::RandomScheduler scheduler(*options.seed);
        core::runScheduler(sim, scheduler, options.maxSteps);
    } else {
        core::RoundRobinScheduler scheduler;
        core::runScheduler(sim, scheduler, options.maxSteps);
    }

    if (options.causal || options.causalStep != 0) {
        auto causal = causalAnnotations(sim, options.causalStep);
        if (!causal)
            return reportBadInput(causal.error());
        notes.causal = std::move(causal.value().causal);
        notes.deciding = std::move(causal.value().deciding);
        notes.decidedBy = std::move(causal.value().decidedBy);
    }
    std::unique_ptr<core::OutcomeProspects> prospects;
    if (options.possible.enabled && !(prospects = exploreProspects(sim, options.possible)))
        return ExitBadInput;
    if (options.json) {
        printJson(sim, resolved.value(), prospects.get(), std::cout, notes);
    } else {
        printTrace(sim, resolved.value(), std::cout, notes);
        if (prospects)
            printPossible(sim, *prospects, std::cout);
    }

    if (!options.record.empty()) {
        auto saved = core::saveRecordingFile(core::recordFromSimulator(sim), options.record);
        if (!saved)
            return reportBadInput(saved.error());
        if (!options.json)
            std::cout << "recorded " << sim.position() << " steps to " << options.record << '\n';
    }
    return ExitOk;
}

} // namespace

void addRunCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<RunOptions>();
    auto* command = app.add_subcommand("run", "Run one execution and print its step-by-step trace and outcome");
    addScenarioOptions(*command, options->scenario);
    auto* seed = command->add_option_function<std::uint64_t>(
        "--seed", [options](std::uint64_t value) { options->seed = value; },
        "pick among the enabled threads at random, reproducibly from this seed");
    auto* schedule = command->add_option(
        "--schedule", options->schedule, "comma-separated threads to step, by name or 1-based number: T1,T1,T2,...");
    seed->excludes(schedule);
    command->add_flag("--run-on", options->runOn, "after --schedule, continue round-robin until the run ends")
        ->needs(schedule);
    // Every step keeps a State snapshot for undo; the bound keeps a typo from exhausting memory.
    command->add_option("--max-steps", options->maxSteps, "stop after this many scheduler steps")
        ->check(CLI::Range(0, 10'000'000))
        ->capture_default_str();
    command->add_flag("--json", options->json, "print one JSON object instead of the trace");
    command->add_option("--record", options->record, "write the execution as a recording (*.msrec.json)");
    command
        ->add_option("--watch", options->watch,
            "show EXPR after every step (repeatable), e.g. 'page_count(D0)' or 'sleeping(T2)' (docs/expressions.md)")
        ->type_name("EXPR");
    auto* causal = command->add_flag("--causal", options->causal,
        "mark (*) the steps that cause the run's outcome: the step that set lost_update, stale_page_use or sigbus "
        "(else the livelock round, or the last step of a deadlock or completion) and every step that happens "
        "before it");
    command
        ->add_option("--causal-step", options->causalStep,
            "mark (*) the steps that cause step N: N and every step that happens before it")
        ->check(CLI::PositiveNumber)
        ->excludes(causal);
    addPossibleOptions(*command, options->possible);
    command->callback([options, &exitCode] { exitCode = runRun(*options); });
}

} // namespace msb::cli
