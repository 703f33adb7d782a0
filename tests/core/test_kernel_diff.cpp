// SPDX-License-Identifier: MIT
// diffKernels (core/kernel_diff.h) against a brute force written from the header's definition:
// two Simulators driven by the same choices (a side stutters on a finished thread and once it
// has ended; a blocked choice cannot be taken), a depth-first search that keeps the shortest
// depth of every pair. Its shortest differing end must equal the pair search's schedule length,
// and when nothing differs it must reach exactly as many pairs.
#include "core/kernel_diff.h"
#include "core/simulator.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <deque>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace msb::core;
using msb::testing::preset;

Settings withKnobs(Settings settings, const std::vector<std::string>& assignments)
{
    for (const auto& assignment : assignments)
        settings = withAssignment(settings, assignment).value();
    return settings;
}

/// The brute force: breadth-first over schedules, each node rebuilt by replaying both sides'
/// own steps on fresh Simulators; a pair of states is expanded once, at its first (shortest) depth.
class BruteForce
{
public:
    BruteForce(const Scenario& scenario, const Settings& a, const Settings& b)
        : m_a(scenario, a)
        , m_b(scenario, b)
    {
        search();
    }

    std::size_t pairs() const { return m_seen.size(); }
    /// The fewest choices after which both sides have ended with different outcomes, if any.
    std::optional<int> shortestDifference() const { return m_shortest; }

private:
    enum class Move { Step, Stutter, Blocked };

    static Move move(const Simulator& sim, int thread)
    {
        if (sim.status() != Outcome::Running || sim.model().threadFinished(sim.state(), thread))
            return Move::Stutter;
        return sim.canStep(thread) ? Move::Step : Move::Blocked;
    }

    static std::tuple<Outcome, bool, bool> end(const Simulator& sim)
    {
        return {sim.status(), (sim.state().flags & FlagLostUpdate) != 0, (sim.state().flags & FlagStalePageUse) != 0};
    }

    std::vector<std::uint64_t> key() const
    {
        const PackedState a = m_a.model().pack(m_a.state());
        const PackedState b = m_b.model().pack(m_b.state());
        std::vector<std::uint64_t> words(a.words.begin(), a.words.begin() + a.used);
        words.insert(words.end(), b.words.begin(), b.words.begin() + b.used);
        return words;
    }

    struct Node
    {
        std::vector<int> a; // the threads side A stepped
        std::vector<int> b;
        int depth = 0; // choices taken
    };

    void load(const Node& node)
    {
        m_a.reset();
        m_b.reset();
        ASSERT_TRUE(m_a.replay(node.a).ok());
        ASSERT_TRUE(m_b.replay(node.b).ok());
    }

    void search()
    {
        std::deque<Node> queue {Node {}};
        m_seen.insert(key());
        while (!queue.empty()) {
            const Node node = std::move(queue.front());
            queue.pop_front();
            load(node);
            if (m_a.status() != Outcome::Running && m_b.status() != Outcome::Running && end(m_a) != end(m_b)) {
                m_shortest = node.depth;
                return;
            }
            for (int t = 0; t < m_a.model().threadCount(); ++t) {
                load(node);
                const Move a = move(m_a, t);
                const Move b = move(m_b, t);
                if (a == Move::Blocked || b == Move::Blocked || (a == Move::Stutter && b == Move::Stutter))
                    continue;
                Node next = node;
                ++next.depth;
                if (a == Move::Step) {
                    ASSERT_TRUE(m_a.step(t).ok());
                    next.a.push_back(t);
                }
                if (b == Move::Step) {
                    ASSERT_TRUE(m_b.step(t).ok());
                    next.b.push_back(t);
                }
                if (m_seen.insert(key()).second)
                    queue.push_back(std::move(next));
            }
        }
    }

    Simulator m_a;
    Simulator m_b;
    std::set<std::vector<std::uint64_t>> m_seen;
    std::optional<int> m_shortest;
};

struct DiffCase
{
    std::string scenario;
    std::string presetA;
    std::vector<std::string> knobsA;
    std::string presetB;
    std::vector<std::string> knobsB;
    bool differs; // at the end of some schedule
};

std::ostream& operator<<(std::ostream& out, const DiffCase& c)
{
    return out << c.scenario << ' ' << c.presetA << " vs " << c.presetB;
}

class KernelDiffBruteForce : public ::testing::TestWithParam<DiffCase>
{
};

TEST_P(KernelDiffBruteForce, ShortestDifferenceAndPairCountMatch)
{
    const DiffCase& c = GetParam();
    const Scenario scenario = msb::testing::builtin(c.scenario);
    const Settings a = withKnobs(preset(c.presetA), c.knobsA);
    const Settings b = withKnobs(preset(c.presetB), c.knobsB);
    const KernelDiff diff = diffKernels(Model(scenario, a), Model(scenario, b));
    const BruteForce brute(scenario, a, b);
    ASSERT_TRUE(diff.complete);
    ASSERT_EQ(diff.outcomeSchedule.has_value(), c.differs);
    ASSERT_EQ(brute.shortestDifference().has_value(), c.differs);
    if (!c.differs) {
        // Nothing stopped the pair search early: it must have met every pair the brute force did.
        EXPECT_EQ(diff.pairStates, brute.pairs());
        return;
    }
    EXPECT_EQ(static_cast<int>(diff.outcomeSchedule->size()), *brute.shortestDifference());

    // The schedule really differs: each side's steps, replayed by a Simulator, end as reported.
    const PairedReplay& replay = *diff.outcome;
    EXPECT_FALSE(replay.blockedAt);
    EXPECT_EQ(replay.steps.size(), diff.outcomeSchedule->size());
    EXPECT_NE(replay.endA, replay.endB);
    Simulator simA(scenario, a);
    Simulator simB(scenario, b);
    ASSERT_TRUE(simA.replay(replay.scheduleA).ok());
    ASSERT_TRUE(simB.replay(replay.scheduleB).ok());
    EXPECT_EQ(sideOutcome(simA.model(), simA.state()), replay.endA);
    EXPECT_EQ(sideOutcome(simB.model(), simB.state()), replay.endB);
    EXPECT_NE(simA.status(), Outcome::Running);
    EXPECT_NE(simB.status(), Outcome::Running);
}

INSTANTIATE_TEST_SUITE_P(Pairs, KernelDiffBruteForce,
    ::testing::Values(DiffCase {"fault-vs-holder", "v5.17", {}, "v5.18", {}, true},
        DiffCase {"fault-vs-holder", "v5.11", {}, "v5.11-patched", {}, true},
        DiffCase {"two-faults", "v5.11", {}, "v5.11", {"on_not_migrated=sigbus"}, true},
        DiffCase {"two-faults", "v5.11", {}, "v5.16", {}, true},
        DiffCase {"two-faults", "v6.15", {}, "v7.0", {}, false},
        DiffCase {"single-fault", "v5.11", {}, "v5.11", {"driver_lock=exclusive"}, false},
        DiffCase {"two-faults", "v6.1", {}, "v6.1", {}, false},
        // The driver lock adds steps (L1, L2): a thread finishes on one side first and stutters there.
        DiffCase {"two-faults", "v5.17", {}, "v5.17", {"driver_lock=exclusive"}, true},
        DiffCase {"two-faults", "v6.15", {}, "v6.15", {"driver_lock=exclusive"}, false},
        DiffCase {"fault-vs-holder", "v5.17", {}, "v5.17", {"driver_lock=exclusive"}, false}));

TEST(KernelDiff, SamePresetTwiceIsIndistinguishableAndNeverDiverges)
{
    const Model model(msb::testing::twoFaults(), preset("v6.1"));
    const KernelDiff diff = diffKernels(model, model);
    EXPECT_TRUE(diff.indistinguishable());
    EXPECT_FALSE(diff.livelock);
    EXPECT_FALSE(diff.partingSchedule);
    EXPECT_GT(diff.pairStates, 0u);
    const PairedReplay replay = replayPaired(model, model, msb::testing::schedule("1122"));
    EXPECT_FALSE(replay.firstDivergence());
    EXPECT_EQ(replay.scheduleA, replay.scheduleB);
}

TEST(KernelDiff, V61LivelockRoundEndsUnderV615)
{
    const Scenario scenario = msb::testing::twoFaults();
    const Model a(scenario, preset("v6.1"));
    const Model b(scenario, preset("v6.15"));
    const KernelDiff diff = diffKernels(a, b);
    EXPECT_TRUE(diff.complete);
    EXPECT_FALSE(diff.outcomeSchedule); // both always end completed: only the livelock tells them apart
    EXPECT_FALSE(diff.indistinguishable());
    ASSERT_TRUE(diff.livelock);
    const LivelockDiff& l = *diff.livelock;
    EXPECT_EQ(l.livelockSide, 0);
    EXPECT_EQ(l.end, LivelockReplayEnd::Ends);
    EXPECT_EQ(l.replay.endB.status, Outcome::Completes);
    EXPECT_EQ(l.replay.endA.status, Outcome::Running);
    ASSERT_GE(l.rounds, 1);
    EXPECT_EQ(l.schedule.size(), l.livelock.prefix.size() + l.rounds * l.livelock.cycle.size());
    // Side A really loops: after every round it is back where the prefix left it.
    Simulator simA(scenario, preset("v6.1"));
    ASSERT_TRUE(simA.replay(l.schedule).ok());
    State afterPrefix = a.initialState();
    for (const TraceStep& step : l.livelock.prefix)
        a.apply(afterPrefix, step.thread);
    EXPECT_EQ(simA.state(), afterPrefix);
    // The first step where they differ is the fault path's trylock (K14).
    const auto first = l.replay.firstDivergence();
    ASSERT_TRUE(first);
    EXPECT_EQ(l.replay.steps[*first].stepA, StepId::F1);
    EXPECT_EQ(l.replay.steps[*first].stepB, StepId::F1Lock);
}

TEST(KernelDiff, ACycleOfFinishedThreadsStallsTheOtherSide)
{
    // Without fairness v5.11 livelocks on fault-vs-holder: T1 retries while H never drops its
    // reference. Under v5.11-patched T1's first round succeeds and T1 finishes; the cycle chooses
    // only T1, so that side takes no step any more and H never gets a choice: a stall, not a loop.
    const Scenario scenario = msb::testing::faultVsHolder();
    const Model a(scenario, preset("v5.11"));
    const Model b(scenario, preset("v5.11-patched"));
    KernelDiffOptions options;
    options.explore.fairness = Fairness::None;
    const KernelDiff diff = diffKernels(a, b, options);
    ASSERT_TRUE(diff.livelock);
    EXPECT_EQ(diff.livelock->livelockSide, 0);
    EXPECT_EQ(diff.livelock->end, LivelockReplayEnd::Stalls);
    const PairedReplay& replay = diff.livelock->replay;
    EXPECT_TRUE(b.threadFinished(replay.stateB, 0));
    EXPECT_FALSE(b.threadFinished(replay.stateB, 1));
    EXPECT_EQ(replay.endB.status, Outcome::Running);
    // The last round ran steps on A only.
    const std::size_t cycle = diff.livelock->livelock.cycle.size();
    ASSERT_GE(replay.steps.size(), cycle);
    for (std::size_t i = replay.steps.size() - cycle; i < replay.steps.size(); ++i) {
        EXPECT_TRUE(replay.steps[i].stepA);
        EXPECT_FALSE(replay.steps[i].stepB);
    }
}

TEST(KernelDiff, DivergenceIsTheFirstStepOrStateThatDiffers)
{
    const Scenario scenario = msb::testing::faultVsHolder();
    const Model a(scenario, preset("v5.17"));
    const Model b(scenario, preset("v5.18"));
    const KernelDiff diff = diffKernels(a, b);
    ASSERT_TRUE(diff.outcome);
    EXPECT_FALSE(diff.outcome->endA.lostUpdate);
    EXPECT_TRUE(diff.outcome->endB.lostUpdate);
    const auto first = diff.outcome->firstDivergence();
    ASSERT_TRUE(first);
    // Before it both sides ran the same steps through the same states.
    State sa = a.initialState();
    State sb = b.initialState();
    for (int i = 0; i < *first; ++i) {
        const int t = (*diff.outcomeSchedule)[i];
        EXPECT_EQ(a.apply(sa, t), b.apply(sb, t)) << "choice " << i;
        EXPECT_EQ(sa, sb) << "choice " << i;
    }
    // v5.18's pre-copy check lets the holder's reference through (K29); v5.17's catches it.
    EXPECT_EQ(diff.outcome->steps[*first].stepA, StepId::M5Fail);
    EXPECT_EQ(diff.outcome->steps[*first].stepB, StepId::M5);
}

TEST(KernelDiff, ReplayStopsAtABlockedChoice)
{
    const Scenario scenario = msb::testing::twoFaults();
    const Model a(scenario, preset("v6.1"));
    const Model b(scenario, preset("v6.15"));
    // Where the schedules part, the parting thread is blocked on one side (under v6.1 T2 spins on
    // the PTL that T1's collect holds; under v6.15 T2's trylock failed and it re-faults freely):
    // a replay that takes that choice stops there and names the side and the reason.
    const KernelDiff diff = diffKernels(a, b);
    ASSERT_TRUE(diff.partingSchedule);
    std::vector<int> schedule = *diff.partingSchedule;
    schedule.push_back(diff.partingThread);
    const PairedReplay replay = replayPaired(a, b, schedule);
    ASSERT_TRUE(replay.blockedAt);
    EXPECT_EQ(*replay.blockedAt, static_cast<int>(diff.partingSchedule->size()));
    const Model& blocked = replay.blockedSide == 0 ? a : b;
    const State& state = replay.blockedSide == 0 ? replay.stateA : replay.stateB;
    EXPECT_FALSE(blocked.enabled(state, diff.partingThread));
    EXPECT_EQ(replay.blockedReason, blocked.blockedReason(state, diff.partingThread));
    EXPECT_FALSE(replay.blockedReason.empty());
}

TEST(KernelDiff, MemoryBudgetStopsThePairSearch)
{
    const Model a(msb::testing::twoFaults(), preset("v6.1"));
    const Model b(msb::testing::twoFaults(), preset("v6.15"));
    KernelDiffOptions options;
    options.explore.memoryBudget = 64 * 1024;
    const KernelDiff diff = diffKernels(a, b, options);
    EXPECT_FALSE(diff.complete);
    EXPECT_EQ(diff.stoppedBy, ExploreStop::MemoryBudget);
    EXPECT_FALSE(diff.indistinguishable());
    EXPECT_NE(pairSearchIncompleteReason(diff).find("memory budget"), std::string::npos);
    KernelDiffOptions few;
    few.explore.maxStates = 10;
    const KernelDiff capped = diffKernels(a, b, few);
    EXPECT_EQ(capped.stoppedBy, ExploreStop::MaxStates);
    EXPECT_FALSE(capped.indistinguishable());
}

} // namespace
