// SPDX-License-Identifier: MIT
// The explorer's verdicts (the README's verdict table is the contract), POR-vs-none equality, counterexample
// replay in the simulator, and the fairness rule for livelock.
#include "core/explorer.h"
#include "core/simulator.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <string>

namespace msb::core {
namespace {

using testing::faultVsHolder;
using testing::preset;
using testing::singleFault;
using testing::twoFaults;

struct Row
{
    const char* scenario;
    const char* preset;
    const char* set; // extra knob assignment or ""
    bool livelock;
    bool deadlock;
    bool sigbus;
    bool lostUpdate;
    bool completesAlways;
};

Scenario scenarioNamed(std::string_view name)
{
    if (name == "single-fault")
        return singleFault();
    if (name == "two-faults")
        return twoFaults();
    if (name == "fault-vs-holder")
        return faultVsHolder();
    if (name == "n-faults-3x1")
        return makeNFaults(3, 1);
    if (name == "n-faults-2x2")
        return makeNFaults(2, 2);
    throw std::invalid_argument("scenario");
}

Settings settingsFor(const Row& row)
{
    Settings settings = preset(row.preset);
    if (*row.set)
        settings = withAssignment(settings, row.set).value();
    return settings;
}

std::string rowName(const Row& row)
{
    std::string name = std::string(row.scenario) + "_" + row.preset + (*row.set ? std::string("_") + row.set : "");
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    }
    return name;
}

// Issue 3's verdict table, row for row ("single-fault | every preset" expanded below).
const Row kTable[] = {
    {"two-faults", "pre-v5.0", "", true, false, false, false, false},
    {"two-faults", "v5.11", "", true, false, false, false, false},
    {"two-faults", "v5.11-patched", "", false, false, false, false, true},
    {"two-faults", "count-waiters", "", false, false, false, false, true},
    {"two-faults", "v5.17", "", false, false, false, false, true},
    {"two-faults", "naive-drain", "", false, true, false, false, false},
    {"two-faults", "v5.11", "on_not_migrated=sigbus", false, false, true, false, false},
    {"fault-vs-holder", "v5.11", "", false, false, false, true, true},
    {"fault-vs-holder", "v5.11-patched", "", false, false, false, true, true},
    {"fault-vs-holder", "v5.17", "", false, false, false, false, true},
};

class VerdictTable : public ::testing::TestWithParam<Row>
{
};

TEST_P(VerdictTable, MatchesIssueThree)
{
    const Row& row = GetParam();
    const Model model(scenarioNamed(row.scenario), settingsFor(row));
    const ExploreResult result = explore(model);
    ASSERT_TRUE(result.complete);
    EXPECT_EQ(result.livelock, row.livelock);
    EXPECT_EQ(result.deadlock, row.deadlock);
    EXPECT_EQ(result.sigbus, row.sigbus);
    EXPECT_EQ(result.lostUpdate, row.lostUpdate);
    EXPECT_EQ(result.completesAlways, row.completesAlways);
    EXPECT_EQ(
        result.completesAlways, result.completesPossible && !result.livelock && !result.deadlock && !result.sigbus);
}

INSTANTIATE_TEST_SUITE_P(Issue3, VerdictTable, ::testing::ValuesIn(kTable),
    [](const ::testing::TestParamInfo<Row>& info) { return rowName(info.param); });

TEST(Explorer, SingleFaultCompletesUnderEveryPreset)
{
    for (const Preset& p : presets()) {
        SCOPED_TRACE(std::string(p.name));
        const ExploreResult result = explore(Model(singleFault(), p.settings));
        ASSERT_TRUE(result.complete);
        EXPECT_FALSE(result.livelock);
        EXPECT_FALSE(result.deadlock);
        EXPECT_FALSE(result.sigbus);
        EXPECT_FALSE(result.lostUpdate);
        EXPECT_FALSE(result.stalePageUse);
        EXPECT_TRUE(result.completesAlways);
    }
}

TEST(Explorer, StalePageUseReachableOnlyWithTwoFaults)
{
    const ExploreResult two = explore(Model(twoFaults(), preset("v5.11")));
    EXPECT_TRUE(two.stalePageUse);
    ASSERT_TRUE(two.counterexample(Outcome::StalePageUse));
    const ExploreResult single = explore(Model(singleFault(), preset("v5.11")));
    EXPECT_FALSE(single.stalePageUse);
}

// What came after v5.17 (K14, K26): v6.1's counted fault reference closes the stale
// page use but every other faulter's reference now fails the check (the Xe livelock); v6.15's
// trylock in do_swap_page leaves one faulter with a reference, and the others retry unreferenced.
TEST(Explorer, LaterKernelsCloseTheStalePageUseThenTheLivelock)
{
    const ExploreResult v61 = explore(Model(twoFaults(), preset("v6.1")));
    ASSERT_TRUE(v61.complete);
    EXPECT_FALSE(v61.stalePageUse);
    EXPECT_TRUE(v61.livelock);
    EXPECT_FALSE(v61.completesAlways);
    const ExploreResult v615 = explore(Model(twoFaults(), preset("v6.15")));
    EXPECT_FALSE(v615.stalePageUse);
    EXPECT_FALSE(v615.livelock);
    EXPECT_FALSE(v615.deadlock);
    EXPECT_TRUE(v615.completesAlways);
    for (const char* name : {"v6.1", "v6.15"}) {
        // Zero-based counts (v5.18+) let one extra reference through the pre-copy check (K29), so
        // a holder that writes after the copy and lets go before the final check is lost again.
        const ExploreResult holder = explore(Model(faultVsHolder(), preset(name)));
        EXPECT_TRUE(holder.lostUpdate) << name;
        EXPECT_TRUE(holder.completesAlways) << name;
        const ExploreResult three = explore(Model(makeNFaults(3, 1), preset(name)));
        EXPECT_FALSE(three.stalePageUse) << name;
        EXPECT_EQ(three.livelock, std::string_view(name) == "v6.1") << name;
    }
}

// The only cycle of fault-vs-holder under v5.17 is T1 retrying while H holds its reference:
// H is enabled throughout it and never steps, so the cycle is unfair.
TEST(Explorer, UnfairRetryLoopIsNoLivelock)
{
    const Model model(faultVsHolder(), preset("v5.17"));
    const ExploreResult result = explore(model);
    EXPECT_FALSE(result.livelock);
    EXPECT_TRUE(result.completesAlways);
    // The cycle exists: T1 can retry forever while H sits between H1 and H3.
    Simulator sim(faultVsHolder(), preset("v5.17"));
    ASSERT_TRUE(sim.step(1).ok()); // H1: H takes its reference
    bool repeated = false;
    for (int i = 0; i < 40 && !repeated; ++i) {
        ASSERT_TRUE(sim.canStep(0)) << sim.blockedReason(0);
        ASSERT_TRUE(sim.step(0).ok());
        repeated = sim.repeatsPosition().has_value();
        EXPECT_TRUE(sim.canStep(1)); // H stays enabled: the loop starves it
    }
    EXPECT_TRUE(repeated);
}

void expectReplays(const Scenario& scenario, const Settings& settings, const ExploreResult& result)
{
    for (const Outcome outcome : kBadOutcomes) {
        SCOPED_TRACE(std::string(outcomeName(outcome)));
        const auto& trace = result.counterexample(outcome);
        ASSERT_EQ(trace.has_value(), result.reached(outcome));
        if (!trace)
            continue;
        Simulator sim(scenario, settings);
        const std::vector<int> schedule = trace->schedule();
        ASSERT_TRUE(sim.replay(schedule).ok());
        ASSERT_EQ(sim.historySize(), static_cast<int>(schedule.size()));
        for (size_t i = 0; i < schedule.size(); ++i) {
            const TraceStep& step =
                i < trace->prefix.size() ? trace->prefix[i] : trace->cycle[i - trace->prefix.size()];
            EXPECT_EQ(sim.history()[i].id, step.step) << "step " << i;
        }
        switch (outcome) {
        case Outcome::Deadlock:
            EXPECT_EQ(sim.status(), Outcome::Deadlock);
            break;
        case Outcome::Sigbus:
            EXPECT_EQ(sim.status(), Outcome::Sigbus);
            break;
        case Outcome::LostUpdate:
            EXPECT_TRUE(sim.state().flags & FlagLostUpdate);
            break;
        case Outcome::StalePageUse:
            EXPECT_TRUE(sim.state().flags & FlagStalePageUse);
            break;
        case Outcome::Livelock: {
            ASSERT_FALSE(trace->cycle.empty());
            EXPECT_EQ(sim.repeatsPosition(), static_cast<int>(trace->prefix.size()));
            // Weak fairness of the cycle itself: a thread enabled in all its states steps in it.
            std::uint32_t enabledAll = ~0u;
            std::uint32_t stepped = 0;
            for (size_t i = trace->prefix.size(); i < schedule.size(); ++i) {
                enabledAll &= sim.model().enabledMask(sim.stateAt(static_cast<int>(i)));
                stepped |= 1u << schedule[i];
                EXPECT_NE(trace->cycle[i - trace->prefix.size()].step, StepId::A0);
            }
            EXPECT_EQ(enabledAll & ~stepped, 0u);
            break;
        }
        case Outcome::Running:
        case Outcome::Completes:
            ADD_FAILURE() << "not a bad outcome";
            break;
        }
        // Shortest: no prefix of the trace already reached the outcome.
        if (outcome != Outcome::Livelock && !schedule.empty()) {
            const State& before = sim.stateAt(static_cast<int>(schedule.size()) - 1);
            const Outcome status = sim.model().status(before);
            EXPECT_EQ(status, Outcome::Running);
        }
    }
}

TEST(Explorer, CounterexamplesReplayInTheSimulator)
{
    for (const Row& row : kTable) {
        SCOPED_TRACE(rowName(row));
        const Settings settings = settingsFor(row);
        const Scenario scenario = scenarioNamed(row.scenario);
        expectReplays(scenario, settings, explore(Model(scenario, settings)));
        ExploreOptions por;
        por.reduction = Reduction::Por;
        expectReplays(scenario, settings, explore(Model(scenario, settings), por));
        for (ExploreOptions symmetric : {ExploreOptions {}, por}) {
            symmetric.symmetry = true;
            expectReplays(scenario, settings, explore(Model(scenario, settings), symmetric));
        }
    }
}

TEST(Explorer, LostUpdateTraceIsShortest)
{
    // Breadth-first ids make every trace shortest: no schedule one step shorter sets the flag.
    const Model model(faultVsHolder(), preset("v5.11"));
    const ExploreResult result = explore(model);
    ASSERT_TRUE(result.counterexample(Outcome::LostUpdate));
    const size_t length = result.counterexample(Outcome::LostUpdate)->prefix.size();
    // Exhaustive check of all schedules of length < length (small: two threads).
    std::vector<State> layer {model.initialState()};
    for (size_t depth = 0; depth + 1 < length; ++depth) {
        std::vector<State> next;
        for (const State& s : layer) {
            for (int t = 0; t < model.threadCount(); ++t) {
                if (!model.enabled(s, t))
                    continue;
                State n = s;
                model.apply(n, t);
                EXPECT_FALSE(n.flags & FlagLostUpdate) << "reached at depth " << depth + 1;
                next.push_back(n);
            }
        }
        layer = std::move(next);
    }
}

// POR keeps every verdict, on every scenario x every preset (and the SIGBUS contract).
TEST(Explorer, PorKeepsEveryVerdict)
{
    const char* scenarios[] = {"single-fault", "two-faults", "fault-vs-holder", "n-faults-3x1", "n-faults-2x2"};
    for (const char* name : scenarios) {
        for (const Preset& p : presets()) {
            for (const char* extra : {"", "on_not_migrated=sigbus"}) {
                SCOPED_TRACE(std::string(name) + " " + std::string(p.name) + " " + extra);
                Settings settings = p.settings;
                if (*extra)
                    settings = withAssignment(settings, extra).value();
                const Model model(scenarioNamed(name), settings);
                const ExploreResult full = explore(model);
                ExploreOptions options;
                options.reduction = Reduction::Por;
                const ExploreResult reduced = explore(model, options);
                ASSERT_TRUE(full.complete);
                ASSERT_TRUE(reduced.complete);
                EXPECT_EQ(reduced.livelock, full.livelock);
                EXPECT_EQ(reduced.deadlock, full.deadlock);
                EXPECT_EQ(reduced.sigbus, full.sigbus);
                EXPECT_EQ(reduced.lostUpdate, full.lostUpdate);
                EXPECT_EQ(reduced.stalePageUse, full.stalePageUse);
                EXPECT_EQ(reduced.completesPossible, full.completesPossible);
                EXPECT_EQ(reduced.completesAlways, full.completesAlways);
                EXPECT_LE(reduced.states, full.states);
            }
        }
    }
}

// The explorer's own packing and store against a plain BFS over core::pack and std::set.
TEST(Explorer, CountsMatchAPlainBreadthFirstSearch)
{
    const char* scenarios[] = {"two-faults", "fault-vs-holder", "n-faults-3x1", "n-faults-2x2"};
    for (const char* name : scenarios) {
        for (const char* presetName : {"v5.11", "pre-v5.0", "v5.17", "naive-drain", "v6.1", "v6.15"}) {
            SCOPED_TRACE(std::string(name) + " " + presetName);
            const Model model(scenarioNamed(name), preset(presetName));
            std::set<PackedState, bool (*)(const PackedState&, const PackedState&)> seen(
                [](const PackedState& a, const PackedState& b) { return a.words < b.words; });
            std::vector<State> queue {model.initialState()};
            seen.insert(model.pack(queue[0]));
            std::uint64_t transitions = 0;
            for (size_t i = 0; i < queue.size(); ++i) {
                for (int t = 0; t < model.threadCount(); ++t) {
                    if (!model.enabled(queue[i], t))
                        continue;
                    State next = queue[i];
                    model.apply(next, t);
                    ++transitions;
                    if (seen.insert(model.pack(next)).second)
                        queue.push_back(next);
                }
            }
            const ExploreResult result = explore(model);
            EXPECT_EQ(result.states, queue.size());
            EXPECT_EQ(result.transitions, transitions);
        }
    }
}

TEST(Explorer, PorReducesTwoFaults)
{
    const Model model(twoFaults(), preset("v5.11"));
    ExploreOptions options;
    options.reduction = Reduction::Por;
    EXPECT_LT(explore(model, options).states, explore(model).states);
}

TEST(Explorer, MaxStatesReportsIncomplete)
{
    const Model model(makeNFaults(3, 1), preset("v5.11"));
    const ExploreResult full = explore(model);
    ExploreOptions options;
    options.maxStates = full.states / 2;
    const ExploreResult bounded = explore(model, options);
    EXPECT_FALSE(bounded.complete);
    EXPECT_FALSE(bounded.completesAlways);
    EXPECT_EQ(bounded.states, options.maxStates);
}

TEST(Explorer, CancelStopsAndProgressIsReported)
{
    const Model model(makeNFaults(3, 2), preset("v5.11"));
    std::atomic<bool> cancel {false};
    int reports = 0;
    ExploreOptions options;
    options.cancel = &cancel;
    options.progress = [&](const ExploreProgress& progress) {
        ++reports;
        EXPECT_GE(progress.states, 1u);
        cancel = true;
    };
    const ExploreResult result = explore(model, options);
    EXPECT_TRUE(result.cancelled);
    EXPECT_FALSE(result.complete);
    EXPECT_GE(reports, 1);
}

TEST(Explorer, StoreStaysCompact)
{
    const ExploreResult result = explore(Model(makeNFaults(3, 2), preset("v5.11")));
    ASSERT_TRUE(result.complete);
    ASSERT_GT(result.states, 50'000u);
    EXPECT_LE(result.bytesPerState, 40.0);
}

} // namespace
} // namespace msb::core
