// SPDX-License-Identifier: MIT
// The causal slice (core/causal_slice.h) checked by replaying: every step outside the slice can
// be dropped (the slice alone takes each of its steps the same way) and moved after the deciding
// steps (the run then ends in the very same state; not after a SIGBUS, after which nothing runs),
// on seeded random runs and on the explorer's counterexamples of every built-in scenario and
// preset.
#include "core/causal_slice.h"
#include "core/explorer.h"
#include "core/simulator.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

namespace {

using namespace msb::core;
namespace testing = msb::testing;

struct Replay
{
    std::vector<StepId> steps;
    State state;
};

/// The steps a schedule takes and the state it ends in; nullopt if some entry cannot step.
std::optional<Replay> replay(const Model& model, const std::vector<int>& schedule)
{
    Replay out;
    out.state = model.initialState();
    for (const int thread : schedule) {
        if (!model.enabled(out.state, thread))
            return std::nullopt;
        out.steps.push_back(model.apply(out.state, thread));
    }
    return out;
}

/// Checks both properties for one schedule and its deciding steps; returns the slice's size.
int checkSlice(const Model& model, const std::vector<int>& schedule, const std::vector<int>& deciding)
{
    const auto original = replay(model, schedule);
    EXPECT_TRUE(original.has_value());
    const auto slice = causalSlice(model, schedule, deciding);
    EXPECT_TRUE(slice.ok());
    if (!original || !slice.ok())
        return 0;
    const std::vector<bool>& causal = slice.value();
    for (const int d : deciding)
        EXPECT_TRUE(causal[static_cast<std::size_t>(d)]);
    const int last = deciding.empty() ? -1 : *std::max_element(deciding.begin(), deciding.end());
    for (std::size_t i = static_cast<std::size_t>(last + 1); i < schedule.size(); ++i)
        EXPECT_FALSE(causal[i]) << "step " << i + 1 << " comes after every deciding step";

    // The slice alone, then everything else in its original order.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < schedule.size(); ++i) {
        if (causal[i])
            order.push_back(i);
    }
    const std::size_t sliceSize = order.size();
    for (std::size_t i = 0; i < schedule.size(); ++i) {
        if (!causal[i])
            order.push_back(i);
    }
    // Dropped: the slice alone takes each of its steps as the run did.
    std::vector<int> alone;
    for (std::size_t k = 0; k < sliceSize; ++k)
        alone.push_back(schedule[order[k]]);
    const auto dropped = replay(model, alone);
    EXPECT_TRUE(dropped.has_value()) << "the slice alone cannot run";
    for (std::size_t k = 0; dropped && k < sliceSize; ++k)
        EXPECT_EQ(dropped->steps[k], original->steps[order[k]]) << "step " << order[k] + 1 << " took another branch";
    // Moved after it, unless the slice ends by killing the process: nothing runs after SIGBUS.
    if ((original->state.flags & FlagSigbus) && causal.back())
        return static_cast<int>(sliceSize);
    std::vector<int> reordered;
    for (const std::size_t i : order)
        reordered.push_back(schedule[i]);
    const auto moved = replay(model, reordered);
    EXPECT_TRUE(moved.has_value()) << "the steps outside the slice cannot all run after it";
    if (!moved)
        return static_cast<int>(sliceSize);
    for (std::size_t k = 0; k < order.size(); ++k)
        EXPECT_EQ(moved->steps[k], original->steps[order[k]]) << "step " << order[k] + 1 << " took another branch";
    EXPECT_EQ(moved->state, original->state) << "moving the steps outside the slice changed where the run ends";
    return static_cast<int>(sliceSize);
}

struct Config
{
    Scenario scenario;
    std::string name; // the preset, for messages
    Settings settings;
};

Config config(Scenario scenario, const char* preset)
{
    return {std::move(scenario), preset, testing::preset(preset)};
}

std::vector<Config> configs()
{
    // A driver that kills the process when the page was not migrated: the SIGBUS step is last.
    Settings killing = testing::preset("v5.11");
    killing.onNotMigrated = OnNotMigrated::Sigbus;
    return {config(testing::twoFaults(), "v5.11"), config(testing::faultVsHolder(), "v5.11-patched"),
        config(testing::twoFaultsAndHolder(), "v5.11"), config(testing::twoFaultsAndHolder(), "v6.1"),
        config(makeNFaults(2, 2), "v7.0"), config(makeNFaults(3, 2), "v6.15"),
        config(testing::twoFaults(), "naive-drain"), {testing::twoFaults(), "v5.11 on_not_migrated=sigbus", killing},
        {testing::twoFaultsAndHolder(), "v5.11 on_not_migrated=sigbus", killing}};
}

TEST(CausalSlice, StepsOutsideTheSliceOfAnyStepCanBeDroppedOrMovedAfterIt)
{
    int smaller = 0;
    int checked = 0;
    for (const Config& config : configs()) {
        SCOPED_TRACE(std::string(config.scenario.name) + " " + config.name);
        const Model model(config.scenario, config.settings);
        for (std::uint64_t seed = 1; seed <= 40; ++seed) {
            Simulator sim(config.scenario, config.settings);
            RandomScheduler scheduler(seed);
            runScheduler(sim, scheduler, 40);
            const std::vector<int> schedule = sim.schedule();
            if (schedule.empty())
                continue;
            SCOPED_TRACE("seed " + std::to_string(seed));
            // A few deciding steps of each run: one of them, two of them.
            const int n = static_cast<int>(schedule.size());
            for (const std::vector<int>& deciding :
                std::vector<std::vector<int>> {{n - 1}, {n / 2}, {n / 3, (2 * n) / 3}}) {
                const int size = checkSlice(model, schedule, deciding);
                const int last = *std::max_element(deciding.begin(), deciding.end());
                smaller += size < last + 1 ? 1 : 0;
                ++checked;
            }
        }
    }
    // A slice that always held every earlier step would pass the replays trivially.
    EXPECT_GT(smaller, checked / 4) << smaller << " of " << checked;
}

TEST(CausalSlice, FlagOutcomesOfRandomRunsNeedOnlyTheirSlice)
{
    int runs = 0;
    int kills = 0;
    for (const Config& config : configs()) {
        const Model model(config.scenario, config.settings);
        for (std::uint64_t seed = 1; seed <= 500; ++seed) {
            Simulator sim(config.scenario, config.settings);
            RandomScheduler scheduler(seed);
            runScheduler(sim, scheduler, 60);
            const std::vector<int> schedule = sim.schedule();
            for (const Outcome outcome : {Outcome::StalePageUse, Outcome::LostUpdate, Outcome::Sigbus}) {
                const std::vector<int> deciding = decidingSteps(model, schedule, outcome);
                if (deciding.empty())
                    continue;
                SCOPED_TRACE(std::string(config.scenario.name) + " " + config.name + " seed " + std::to_string(seed)
                    + " " + std::string(outcomeName(outcome)));
                ++runs;
                kills += outcome == Outcome::Sigbus ? 1 : 0;
                checkSlice(model, schedule, deciding);
                // The slice alone sets the flag at its last step, the deciding one.
                const std::vector<bool> causal = causalSlice(model, schedule, deciding).value();
                std::vector<int> alone;
                for (std::size_t i = 0; i < schedule.size(); ++i) {
                    if (causal[i])
                        alone.push_back(schedule[i]);
                }
                const std::vector<int> again = decidingSteps(model, alone, outcome);
                ASSERT_EQ(again.size(), 1u);
                EXPECT_EQ(again[0], static_cast<int>(alone.size()) - 1);
            }
        }
    }
    EXPECT_GT(runs, 30);
    EXPECT_GT(kills, 5) << "no run died of SIGBUS: the SIGBUS step was not checked";
}

TEST(CausalSlice, CounterexamplesOfEveryPresetReplayFromTheirSlice)
{
    ExploreOptions options;
    options.symmetry = false;
    for (const auto& scenario : {testing::twoFaults(), testing::faultVsHolder(), testing::singleFault()}) {
        for (const auto& preset : presets()) {
            SCOPED_TRACE(std::string(scenario.name) + " " + std::string(preset.name));
            const Model model(scenario, preset.settings);
            const ExploreResult result = explore(model, options);
            for (const Outcome outcome : kBadOutcomes) {
                const auto& trace = result.counterexample(outcome);
                if (!trace)
                    continue;
                SCOPED_TRACE(std::string(outcomeName(outcome)));
                const CounterexampleSlice slice = sliceCounterexample(model, *trace, outcome);
                ASSERT_EQ(slice.prefix.size(), trace->prefix.size());
                ASSERT_EQ(slice.cycle.size(), trace->cycle.size());
                ASSERT_FALSE(slice.deciding.empty());
                if (outcome != Outcome::Livelock) {
                    checkSlice(model, trace->schedule(), slice.deciding);
                    continue;
                }
                // Every step of the cycle decides; the prefix's slice then the cycle is a cycle.
                for (const bool causal : slice.cycle)
                    EXPECT_TRUE(causal);
                std::vector<int> prefix;
                for (std::size_t i = 0; i < trace->prefix.size(); ++i) {
                    if (slice.prefix[i])
                        prefix.push_back(trace->prefix[i].thread);
                }
                const auto start = replay(model, prefix);
                ASSERT_TRUE(start.has_value());
                std::vector<int> round = prefix;
                for (const TraceStep& step : trace->cycle)
                    round.push_back(step.thread);
                const auto end = replay(model, round);
                ASSERT_TRUE(end.has_value());
                EXPECT_EQ(end->state, start->state);
            }
        }
    }
}

TEST(CausalSlice, DecidingStepsPerOutcome)
{
    const Model model(testing::twoFaults(), testing::preset("v5.11"));
    // T1 migrates page 0 while T2 saw the device-private entry: T2's collect finds D0 freed.
    const std::vector<int> stale = testing::schedule("2 11111111111 2");
    const std::vector<int> deciding = decidingSteps(model, stale, Outcome::StalePageUse);
    ASSERT_EQ(deciding, std::vector<int> {static_cast<int>(stale.size()) - 1});
    EXPECT_TRUE(decidingSteps(model, stale, Outcome::LostUpdate).empty());
    EXPECT_EQ(decidingSteps(model, stale, Outcome::Deadlock), deciding);
    EXPECT_EQ(decidingSteps(model, stale, Outcome::Livelock, 10).size(), stale.size() - 10);
    EXPECT_TRUE(decidingSteps(model, {}, Outcome::Deadlock).empty());
    EXPECT_FALSE(causalSlice(model, stale, {99}).ok());
    const auto blocked = causalSlice(model, testing::schedule("11 22"), {0});
    ASSERT_FALSE(blocked.ok());
    EXPECT_NE(blocked.error().message.find("cannot step"), std::string::npos) << blocked.error().message;
}

} // namespace
