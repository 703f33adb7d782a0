// SPDX-License-Identifier: MIT
// Odds under random scheduling (core/odds.h): reproducible for a seed, equal run for run to the
// simulator's RandomScheduler, and showing what the presets are for: pre-v5.0 fails the M7 check
// more often than v5.11, and the 2021 patch never fails it.
#include "core/odds.h"
#include "core/simulator.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <atomic>

namespace msb::core {
namespace {

using testing::faultVsHolder;
using testing::twoFaults;

Settings preset(std::string_view name)
{
    const Preset* p = findPreset(name);
    EXPECT_NE(p, nullptr) << name;
    return p ? p->settings : Settings {};
}

void expectSame(const OddsResult& a, const OddsResult& b)
{
    EXPECT_EQ(a.runs, b.runs);
    EXPECT_EQ(a.outcomes, b.outcomes);
    EXPECT_EQ(a.lostUpdate, b.lostUpdate);
    EXPECT_EQ(a.stalePageUse, b.stalePageUse);
    EXPECT_EQ(a.attempts, b.attempts);
    EXPECT_EQ(a.checkFailures, b.checkFailures);
    EXPECT_EQ(a.steps, b.steps);
    EXPECT_EQ(a.roundsHistogram, b.roundsHistogram);
}

TEST(Odds, ReproducibleForAFixedSeed)
{
    const OddsOptions options {300, 42, 1000};
    const OddsResult first = computeOdds(twoFaults(), preset("v5.11"), options);
    const OddsResult second = computeOdds(twoFaults(), preset("v5.11"), options);
    expectSame(first, second);
    EXPECT_EQ(first.runs, 300);
    // Another seed gives other schedules (the step totals of 300 runs all agreeing would be a
    // scheduler that ignores its seed).
    const OddsResult other = computeOdds(twoFaults(), preset("v5.11"), {300, 4242, 1000});
    EXPECT_NE(first.steps, other.steps);
}

TEST(Odds, RunIMatchesTheSimulatorWithSeedPlusI)
{
    const Settings settings = preset("v5.11");
    for (std::uint64_t i = 0; i < 20; ++i) {
        const std::uint64_t seed = 7 + i;
        const RunResult run = runRandom(faultVsHolder(), settings, seed, 200);
        Simulator sim(faultVsHolder(), settings);
        RandomScheduler scheduler(seed);
        const int steps = runScheduler(sim, scheduler, 200);
        EXPECT_EQ(run.steps, steps) << "seed " << seed;
        EXPECT_EQ(run.flags, sim.state().flags) << "seed " << seed;
        int m1 = 0;
        int m7Fail = 0;
        for (const auto& rec : sim.history()) {
            m1 += rec.id == StepId::M1;
            m7Fail += rec.id == StepId::M7Fail;
        }
        EXPECT_EQ(run.attempts, m1) << "seed " << seed;
        EXPECT_EQ(run.checkFailures, m7Fail) << "seed " << seed;
        EXPECT_EQ(run.outcome, sim.status()) << "seed " << seed;
    }
}

TEST(Odds, TalliesAddUp)
{
    const OddsResult odds = computeOdds(makeNFaults(3, 2), preset("v5.11"), {200, 1, 2000});
    int outcomes = 0;
    for (int n : odds.outcomes)
        outcomes += n;
    EXPECT_EQ(outcomes, 200);
    int histogram = 0;
    for (int n : odds.roundsHistogram)
        histogram += n;
    EXPECT_EQ(histogram, odds.migratedPages);
    EXPECT_EQ(odds.migratedPages + odds.unmigratedPages, 200 * 2);
    ASSERT_FALSE(odds.roundsHistogram.empty());
    EXPECT_EQ(odds.roundsHistogram[0], 0) << "no page commits on its 0th attempt";
    // Every committed page took at least one attempt, and failures add attempts.
    EXPECT_GE(odds.attempts, odds.migratedPages);
}

TEST(Odds, PreV50RetriesMoreThanV511OnTwoFaults)
{
    // pre-v5.0 waiters hold their reference while they sleep (K12), so the M7 check
    // sees it far more often than v5.11's transient reference.
    const OddsOptions options {1000, 1, 1000};
    const OddsResult old = computeOdds(twoFaults(), preset("pre-v5.0"), options);
    const OddsResult v511 = computeOdds(twoFaults(), preset("v5.11"), options);
    EXPECT_GT(v511.checkFailures, 0) << "v5.11 does retry sometimes";
    EXPECT_GT(old.checkFailures, v511.checkFailures);
    EXPECT_GT(old.meanRounds(), v511.meanRounds());
    EXPECT_GT(v511.meanRounds(), 1.0);
}

TEST(Odds, PatchedNeverFailsTheCheck)
{
    for (const auto& scenario : {twoFaults(), faultVsHolder(), makeNFaults(3, 2)}) {
        const OddsResult odds = computeOdds(scenario, preset("v5.11-patched"), {500, 3, 2000});
        EXPECT_EQ(odds.checkFailures, 0) << scenario.name;
        EXPECT_EQ(odds.maxRounds(), odds.migratedPages ? 1 : 0) << scenario.name;
    }
    // ... and without holders it always completes in one round per page.
    const OddsResult odds = computeOdds(twoFaults(), preset("v5.11-patched"), {500, 3, 1000});
    EXPECT_EQ(odds.count(Outcome::Completes), 500);
    EXPECT_DOUBLE_EQ(odds.meanRounds(), 1.0);
}

TEST(Odds, NaiveDrainDeadlocksAndZeroBudgetNeverFinishes)
{
    const OddsResult drain = computeOdds(twoFaults(), preset("naive-drain"), {300, 1, 1000});
    EXPECT_GT(drain.count(Outcome::Deadlock), 0);
    const OddsResult none = computeOdds(twoFaults(), preset("v5.11"), {50, 1, 0});
    EXPECT_EQ(none.count(Outcome::Running), 50);
    EXPECT_EQ(none.migratedPages, 0);
    EXPECT_EQ(none.unmigratedPages, 50);
}

TEST(Odds, ProgressAndCancel)
{
    std::vector<int> reported;
    const OddsResult all = computeOdds(twoFaults(), preset("v5.11"), {250, 1, 1000}, [&](int done, int total) {
        EXPECT_EQ(total, 250);
        reported.push_back(done);
    });
    ASSERT_FALSE(reported.empty());
    EXPECT_EQ(reported.back(), 250);
    EXPECT_TRUE(std::is_sorted(reported.begin(), reported.end()));
    EXPECT_FALSE(all.cancelled);

    std::atomic<bool> cancel {false};
    const OddsResult part = computeOdds(
        twoFaults(), preset("v5.11"), {1000, 1, 1000}, [&](int done, int) { cancel = done >= 100; }, &cancel);
    EXPECT_TRUE(part.cancelled);
    EXPECT_EQ(part.runs, 100);
    // The runs done before the cancel are the first 100 runs of the full batch.
    expectSame(part, computeOdds(twoFaults(), preset("v5.11"), {100, 1, 1000}));
}

} // namespace
} // namespace msb::core
