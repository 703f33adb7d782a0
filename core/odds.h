// SPDX-License-Identifier: MIT
// Odds under random scheduling: how often a scenario completes, keeps retrying, deadlocks, dies of
// SIGBUS or corrupts data when the scheduler picks uniformly among the runnable threads.
//
// Exhaustive exploration (explorer.h) says what *can* happen; this says how *likely* it is under
// a fair coin, which is what users of a real kernel see: v5.11 usually migrates but may fail the
// check in migrate_page_move_mapping (M7, K9 and K20) several times first, because a
// migration-entry waiter's transient reference (K12, K13) is counted as an extra user;
// pre-v5.0 waiters hold that reference while sleeping, so the check fails far more often; the 2021
// patch skips the check for device-private pages (K21) and never retries.
//
// Run i of a batch uses RandomScheduler(seed + i), so `migration-sandbox-cli run SCENARIO
// --seed <seed+i> --max-steps <budget>` replays exactly that run.
//
// A migration *attempt* (a "round") on page X<p> is one collect of D<p> by migrate_vma_setup
// (step M1 on that page, K5): the attempt then either commits (M7) or gives the page
// up (M2Give, M5-fail, M7-fail). "Rounds until success" of a page is the number of attempts on it
// up to and including the one whose M7 committed; a page that never committed within the budget
// is counted in OddsResult::unmigratedPages instead. A collect that finds no device-private entry
// (M1Skip, another thread got there first) is not an attempt.
#pragma once

#include "core/outcome.h"
#include "core/scenario.h"
#include "core/settings.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace msb::core {

struct RunResult
{
    /// The final state's status: Completes, Deadlock, Sigbus, or Running when the step budget ran
    /// out first (still retrying: a livelock is one way). Safety outcomes are in `flags`.
    Outcome outcome = Outcome::Running;
    std::uint8_t flags = 0; // State::flags at the end (FlagLostUpdate, FlagStalePageUse, ...)
    int steps = 0;
    int attempts = 0;      // M1 collects, all pages
    int checkFailures = 0; // M7-fail steps
    /// Per page: attempts up to the committing M7, or 0 if the page never committed.
    std::vector<int> roundsUntilSuccess;
};

struct OddsOptions
{
    int runs = 1000;
    std::uint64_t seed = 1;
    int maxSteps = 1000; // step budget per run
};

/// The tally of a batch of runs under one setting.
struct OddsResult
{
    Settings settings;
    int runs = 0; // runs finished (fewer than requested when cancelled)
    bool cancelled = false;
    std::array<int, kOutcomeCount> outcomes {}; // runs per final status (RunResult::outcome)
    int lostUpdate = 0;                         // runs whose final state has FlagLostUpdate
    int stalePageUse = 0;                       // runs whose final state has FlagStalePageUse
    long long attempts = 0;                     // migration attempts over all runs
    long long checkFailures = 0;
    long long steps = 0;
    /// roundsHistogram[r] = pages that committed on their r-th attempt (index 0 is unused).
    std::vector<int> roundsHistogram;
    int migratedPages = 0;
    int unmigratedPages = 0; // pages with no committed migration when their run ended

    int count(Outcome outcome) const { return outcomes[static_cast<int>(outcome)]; }
    double share(Outcome outcome) const { return runs ? double(count(outcome)) / runs : 0.0; }
    /// Mean attempts per migrated page; 0 if none migrated.
    double meanRounds() const;
    /// The largest r with roundsHistogram[r] > 0 (0 if none).
    int maxRounds() const;
};

/// Called with (runs done, runs requested) about every 1% of the batch and at the end.
using OddsProgress = std::function<void(int done, int total)>;

/// One run: RandomScheduler(seed) for at most maxSteps steps. Precondition: scenario is valid.
/// Cost: O(maxSteps), no allocation per step.
RunResult runRandom(const Scenario& scenario, const Settings& settings, std::uint64_t seed, int maxSteps);

/// Runs options.runs random runs, run i with seed options.seed + i, and tallies them. Deterministic
/// for fixed inputs. The cancel flag is polled between runs; a cancelled batch returns the runs
/// done so far with cancelled set. Precondition: scenario is valid, runs >= 0, maxSteps >= 0.
OddsResult computeOdds(const Scenario& scenario, const Settings& settings, const OddsOptions& options,
    const OddsProgress& progress = {}, const std::atomic<bool>* cancel = nullptr);

} // namespace msb::core
