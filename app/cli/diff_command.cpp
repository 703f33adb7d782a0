// SPDX-License-Identifier: MIT
#include "app/cli/diff_command.h"

#include "core/kernel_diff.h"
#include "core/model.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>
#include <optional>

namespace msb::cli {

namespace {

core::Error optionError(std::string option, std::string message)
{
    return core::Error {{}, 0, 0, std::move(option), std::move(message)};
}

struct Side
{
    ResolvedScenario resolved;
    std::string label; // "v6.15" or "v6.15 + fault_ref=counted"
};

/// One side: the shared scenario options with this side's preset, then its own knobs.
core::Result<Side> resolveSide(const DiffRequest& request, int index)
{
    const std::string& preset = request.diff[static_cast<std::size_t>(index)];
    const std::vector<std::string>& sets = index == 0 ? request.setsA : request.setsB;
    const std::string option = index == 0 ? "--set-a" : "--set-b";
    auto resolved = resolveScenario(request.scenario, preset);
    if (!resolved) {
        core::Error error = resolved.error();
        if (error.field == "--preset")
            error.field = "--diff";
        return error;
    }
    Side side {std::move(resolved).value(), preset};
    for (const std::string& shared : request.scenario.sets) { // already applied; named in the label
        const std::string key = shared.substr(0, shared.find('='));
        if (key != "threads" && key != "pages")
            side.label += (side.label == preset ? " + " : " ") + shared;
    }
    for (const std::string& assignment : sets) {
        const std::string key = assignment.substr(0, assignment.find('='));
        if (key == "threads" || key == "pages")
            return optionError(option + " " + key, "both sides run the same scenario: give " + key + " with --set");
        auto applied = core::withAssignment(side.resolved.settings, assignment);
        if (!applied) {
            core::Error error = applied.error();
            error.field = option + " " + (error.field.empty() ? assignment : error.field);
            return error;
        }
        side.resolved.settings = applied.value();
        side.label += (side.label == preset ? " + " : " ") + assignment;
    }
    side.resolved.presetName = std::string(core::presetNameFor(side.resolved.settings));
    return side;
}

const std::string& threadName(const core::Scenario& scenario, int thread)
{
    return scenario.threads[static_cast<std::size_t>(thread)].name;
}

std::string choicesText(const core::Scenario& scenario, const std::vector<int>& schedule)
{
    std::string out;
    for (const int thread : schedule)
        out += (out.empty() ? "" : " ") + threadName(scenario, thread);
    return out.empty() ? "(no choice: the initial state)" : out;
}

std::string lassoText(const core::Scenario& scenario, const core::Counterexample& lasso)
{
    auto steps = [&](const std::vector<core::TraceStep>& list) {
        std::string out;
        for (const core::TraceStep& step : list)
            out += (out.empty() ? "" : " ") + threadName(scenario, step.thread) + ':'
                + std::string(core::stepInfo(step.step).id);
        return out;
    };
    const std::string prefix = steps(lasso.prefix);
    return (prefix.empty() ? "from the initial state, repeat [" : prefix + ", then repeat [") + steps(lasso.cycle)
        + "]";
}

/// The steps one side ran (side 0 = A), stutters left out: what that side's scene shows.
std::string sideStepsText(const core::Scenario& scenario, const core::PairedReplay& replay, int side)
{
    std::string out;
    for (const core::PairedStep& step : replay.steps) {
        const auto& id = side == 0 ? step.stepA : step.stepB;
        if (id)
            out += (out.empty() ? "" : " ") + threadName(scenario, step.thread) + ':'
                + std::string(core::stepInfo(*id).id);
    }
    return out.empty() ? "(no step)" : out;
}

std::string stepName(const std::optional<core::StepId>& step)
{
    return step ? std::string(core::stepInfo(*step).id) : std::string("nothing (finished)");
}

nlohmann::ordered_json sideStepsJson(const core::Scenario& scenario, const core::PairedReplay& replay, int side)
{
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < replay.steps.size(); ++i) {
        const core::PairedStep& step = replay.steps[i];
        const auto& id = side == 0 ? step.stepA : step.stepB;
        if (!id)
            continue;
        const core::StepInfo& info = core::stepInfo(*id);
        array.push_back({{"choice", i}, {"thread", threadName(scenario, step.thread)}, {"step", info.id},
            {"text", info.text}, {"kernel", info.function}});
    }
    return array;
}

nlohmann::ordered_json divergenceJson(const core::Scenario& scenario, const core::PairedReplay& replay)
{
    const auto first = replay.firstDivergence();
    if (!first)
        return nullptr;
    const core::PairedStep& step = replay.steps[static_cast<std::size_t>(*first)];
    auto name = [](const std::optional<core::StepId>& id) -> nlohmann::ordered_json {
        return id ? nlohmann::ordered_json(core::stepInfo(*id).id) : nlohmann::ordered_json(nullptr);
    };
    return {{"choice", *first}, {"thread", threadName(scenario, step.thread)}, {"a", name(step.stepA)},
        {"b", name(step.stepB)}, {"same_step", step.stepA == step.stepB}};
}

nlohmann::ordered_json replayJson(const core::Scenario& scenario, const core::PairedReplay& replay)
{
    nlohmann::ordered_json object = {
        {"a", {{"outcome", core::sideOutcomeText(replay.endA)}, {"steps", sideStepsJson(scenario, replay, 0)}}},
        {"b", {{"outcome", core::sideOutcomeText(replay.endB)}, {"steps", sideStepsJson(scenario, replay, 1)}}},
        {"first_divergence", divergenceJson(scenario, replay)},
    };
    if (replay.blockedAt) {
        object["blocked"] = {{"choice", *replay.blockedAt}, {"side", replay.blockedSide == 0 ? "a" : "b"},
            {"reason", replay.blockedReason}};
    }
    return object;
}

nlohmann::ordered_json scheduleJson(const core::Scenario& scenario, const std::vector<int>& schedule)
{
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const int thread : schedule)
        array.push_back(threadName(scenario, thread));
    return array;
}

nlohmann::ordered_json lassoStepsJson(const core::Scenario& scenario, const std::vector<core::TraceStep>& steps)
{
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const core::TraceStep& step : steps)
        array.push_back({{"thread", threadName(scenario, step.thread)}, {"step", core::stepInfo(step.step).id}});
    return array;
}

const char* replayEndName(core::LivelockReplayEnd end)
{
    switch (end) {
    case core::LivelockReplayEnd::Ends:
        return "ends";
    case core::LivelockReplayEnd::Blocked:
        return "blocked";
    case core::LivelockReplayEnd::Repeats:
        return "repeats";
    case core::LivelockReplayEnd::Stalls:
        return "stalls";
    case core::LivelockReplayEnd::Rounds:
        return "rounds";
    }
    return "?";
}

/// Which side the parting thread can step on, and why it cannot on the other.
struct Parting
{
    std::vector<int> schedule;
    int thread = 0;
    int canStep = 0; // 0 = A, 1 = B
    std::string blockedReason;
};

std::optional<Parting> parting(const core::Model& a, const core::Model& b, const core::KernelDiff& diff)
{
    if (!diff.partingSchedule)
        return std::nullopt;
    const core::PairedReplay replay = core::replayPaired(a, b, *diff.partingSchedule);
    Parting p {*diff.partingSchedule, diff.partingThread, 0, {}};
    if (a.enabled(replay.stateA, p.thread)) {
        p.blockedReason = b.blockedReason(replay.stateB, p.thread);
    } else {
        p.canStep = 1;
        p.blockedReason = a.blockedReason(replay.stateA, p.thread);
    }
    return p;
}

nlohmann::ordered_json settingsJson(const core::Settings& settings)
{
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const auto& knob : core::knobs()) {
        if (core::knobListed(settings, knob))
            object[std::string(knob.key)] = core::knobValue(settings, knob.key);
    }
    return object;
}

void printJson(const Side& a, const Side& b, const core::KernelDiff& diff, const std::optional<Parting>& part)
{
    const core::Scenario& scenario = a.resolved.scenario;
    auto sideJson = [](const Side& side, const core::ExploreResult& result) {
        return nlohmann::ordered_json {{"label", side.label}, {"preset", side.resolved.presetName},
            {"settings", settingsJson(side.resolved.settings)}, {"states", result.states},
            {"complete", result.complete}, {"livelock", result.livelock}};
    };
    nlohmann::ordered_json object = {
        {"scenario", scenario.name},
        {"a", sideJson(a, diff.exploreA)},
        {"b", sideJson(b, diff.exploreB)},
        {"fairness", core::fairnessName(diff.exploreA.fairness)},
        {"pair_states", diff.pairStates},
        {"pair_transitions", diff.pairTransitions},
        {"seconds", diff.seconds},
        {"complete", diff.complete},
        {"indistinguishable", diff.indistinguishable()},
    };
    if (!diff.complete)
        object["incomplete_reason"] = core::pairSearchIncompleteReason(diff);
    if (diff.outcome) {
        nlohmann::ordered_json outcome = {{"schedule", scheduleJson(scenario, *diff.outcomeSchedule)}};
        outcome.update(replayJson(scenario, *diff.outcome));
        object["outcome_difference"] = outcome;
    } else {
        object["outcome_difference"] = nullptr;
    }
    if (diff.livelock) {
        const core::LivelockDiff& l = *diff.livelock;
        nlohmann::ordered_json livelock = {{"livelock_side", l.livelockSide == 0 ? "a" : "b"},
            {"prefix", lassoStepsJson(scenario, l.livelock.prefix)},
            {"cycle", lassoStepsJson(scenario, l.livelock.cycle)}, {"rounds", l.rounds},
            {"other_side", replayEndName(l.end)}, {"schedule", scheduleJson(scenario, l.schedule)}};
        livelock.update(replayJson(scenario, l.replay));
        object["livelock_difference"] = livelock;
    } else {
        object["livelock_difference"] = nullptr;
    }
    if (part) {
        object["parting"] = {{"schedule", scheduleJson(scenario, part->schedule)},
            {"thread", threadName(scenario, part->thread)}, {"can_step", part->canStep == 0 ? "a" : "b"},
            {"blocked_reason", part->blockedReason}};
    } else {
        object["parting"] = nullptr;
    }
    std::cout << object.dump(2) << '\n';
}

void printReplay(const core::Scenario& scenario, const core::PairedReplay& replay, std::ostream& out)
{
    out << "    A: " << sideStepsText(scenario, replay, 0) << "  -> " << core::sideOutcomeText(replay.endA) << '\n';
    out << "    B: " << sideStepsText(scenario, replay, 1) << "  -> " << core::sideOutcomeText(replay.endB) << '\n';
    if (replay.blockedAt) {
        out << "    then " << (replay.blockedSide == 0 ? "A" : "B") << " cannot run choice " << *replay.blockedAt + 1
            << ": " << replay.blockedReason << '\n';
    }
    if (const auto first = replay.firstDivergence()) {
        const core::PairedStep& step = replay.steps[static_cast<std::size_t>(*first)];
        out << "    first divergence: choice " << *first + 1 << " (" << threadName(scenario, step.thread)
            << "): A runs " << stepName(step.stepA) << ", B runs " << stepName(step.stepB)
            << (step.stepA == step.stepB ? ", and the states differ after it" : "") << '\n';
    }
}

void printText(const Side& a, const Side& b, const core::Model& modelA, const core::Model& modelB,
    const core::KernelDiff& diff, const std::optional<Parting>& part)
{
    std::ostream& out = std::cout;
    const core::Scenario& scenario = a.resolved.scenario;
    out << "scenario " << scenario.name << ": A = " << a.label << ", B = " << b.label << ", fairness "
        << core::fairnessName(diff.exploreA.fairness) << '\n';
    out << "  pair search: " << diff.pairStates << " pair states, " << diff.pairTransitions << " transitions, "
        << std::fixed << std::setprecision(3) << diff.seconds << " s"
        << (diff.complete ? "" : "  (INCOMPLETE: " + core::pairSearchIncompleteReason(diff) + ")") << '\n';
    auto verdict = [](const core::ExploreResult& result) {
        return std::string(result.livelock ? "yes" : "no") + " (" + std::to_string(result.states) + " states"
            + (result.complete ? "" : ", INCOMPLETE: " + core::incompleteReason(result)) + ")";
    };
    out << "  livelock: A " << verdict(diff.exploreA) << ", B " << verdict(diff.exploreB) << '\n';
    if (diff.indistinguishable()) {
        out << "  no schedule tells them apart: " << diff.pairStates
            << " pair states explored (the whole pair graph), every schedule both can run ends the same way, and "
               "the livelock verdicts agree\n";
    }
    if (diff.outcome) {
        out << "  shortest differing schedule (" << diff.outcomeSchedule->size()
            << " choices): " << choicesText(scenario, *diff.outcomeSchedule) << '\n';
        printReplay(scenario, *diff.outcome, out);
    } else if (!diff.complete) {
        out << "  at the end of a schedule: no difference among the pairs explored; the search is incomplete, so one "
               "may exist\n";
    } else if (!diff.indistinguishable()) {
        out << "  at the end of a schedule: no schedule both can run ends differently\n";
    }
    if (diff.livelock) {
        const core::LivelockDiff& l = *diff.livelock;
        const char* mine = l.livelockSide == 0 ? "A" : "B";
        const char* other = l.livelockSide == 0 ? "B" : "A";
        out << "  " << mine << " livelocks, " << other << " does not: " << mine
            << "'s shortest livelock: " << lassoText(scenario, l.livelock) << '\n';
        const std::string round = "round " + std::to_string(l.rounds) + " of the cycle";
        out << "  on the same choices " << other << ' ';
        switch (l.end) {
        case core::LivelockReplayEnd::Ends:
            out << "ends (" << core::sideOutcomeText(l.livelockSide == 0 ? l.replay.endB : l.replay.endA) << ") in "
                << round << '\n';
            break;
        case core::LivelockReplayEnd::Blocked:
            out << "cannot follow them, in " << round << '\n';
            break;
        case core::LivelockReplayEnd::Repeats:
            out << "after " << round << " is back in a state an earlier round started from: it loops too, but not as "
                << "a livelock (a thread that stays ready never runs)\n";
            break;
        case core::LivelockReplayEnd::Stalls: {
            const core::Model& model = l.livelockSide == 0 ? modelB : modelA;
            const core::State& state = l.livelockSide == 0 ? l.replay.stateB : l.replay.stateA;
            std::string waiting;
            for (int t = 0; t < model.threadCount(); ++t) {
                if (!model.threadFinished(state, t))
                    waiting += (waiting.empty() ? "" : ", ") + threadName(scenario, t);
            }
            out << "stalls in " << round << ": the cycle only chooses threads that have finished there, and " << waiting
                << " never gets a choice\n";
            break;
        }
        case core::LivelockReplayEnd::Rounds:
            out << "is still running after " << l.rounds << " rounds of the cycle\n";
            break;
        }
        printReplay(scenario, l.replay, out);
    }
    if (part) {
        out << "  the schedules first part after " << choicesText(scenario, part->schedule) << ": "
            << threadName(scenario, part->thread) << " can step under " << (part->canStep == 0 ? "A" : "B")
            << ", under " << (part->canStep == 0 ? "B" : "A") << " it is " << part->blockedReason << '\n';
    }
}

} // namespace

int runDiff(const DiffRequest& request, const core::ExploreOptions& exploreOptions, bool json)
{
    auto a = resolveSide(request, 0);
    if (!a)
        return reportBadInput(a.error());
    auto b = resolveSide(request, 1);
    if (!b)
        return reportBadInput(b.error());
    const core::Model modelA(a.value().resolved.scenario, a.value().resolved.settings);
    const core::Model modelB(b.value().resolved.scenario, b.value().resolved.settings);
    core::KernelDiffOptions options;
    options.explore = exploreOptions;
    const core::KernelDiff diff = core::diffKernels(modelA, modelB, options);
    if (diff.stoppedBy == core::ExploreStop::MemoryBudget) {
        std::cerr << "explore --diff: " << core::pairSearchIncompleteReason(diff)
                  << "; a larger --memory-budget may finish it\n";
    }
    const std::optional<Parting> part = parting(modelA, modelB, diff);
    if (json)
        printJson(a.value(), b.value(), diff, part);
    else
        printText(a.value(), b.value(), modelA, modelB, diff, part);
    return ExitOk;
}

} // namespace msb::cli
