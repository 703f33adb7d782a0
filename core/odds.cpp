// SPDX-License-Identifier: MIT
#include "core/odds.h"

#include "core/model.h"
#include "core/simulator.h"

#include <algorithm>

namespace msb::core {

double OddsResult::meanRounds() const
{
    long long total = 0;
    long long pages = 0;
    for (std::size_t r = 1; r < roundsHistogram.size(); ++r) {
        total += static_cast<long long>(r) * roundsHistogram[r];
        pages += roundsHistogram[r];
    }
    return pages ? double(total) / double(pages) : 0.0;
}

int OddsResult::maxRounds() const
{
    for (int r = static_cast<int>(roundsHistogram.size()) - 1; r > 0; --r) {
        if (roundsHistogram[r] > 0)
            return r;
    }
    return 0;
}

namespace {

RunResult runOne(const Model& model, std::uint64_t seed, int maxSteps)
{
    RunResult result;
    const int pages = model.pageCount();
    result.roundsUntilSuccess.assign(pages, 0);
    std::array<int, kMaxPages> attempts {};
    RandomScheduler scheduler(seed);
    State state = model.initialState();
    // Same loop as runScheduler(), without the simulator's per-step snapshots and notes, so run i
    // here is step for step the CLI's `run --seed <seed> --max-steps <budget>`.
    Outcome status = model.status(state);
    while (result.steps < maxSteps && status == Outcome::Running) {
        const int thread = scheduler.pick(model.enabledMask(state));
        const int page = model.currentPage(state, thread);
        const StepId id = model.apply(state, thread);
        ++result.steps;
        switch (id) {
        case StepId::M1:
            ++attempts[page];
            ++result.attempts;
            break;
        case StepId::M7:
            if (result.roundsUntilSuccess[page] == 0)
                result.roundsUntilSuccess[page] = attempts[page];
            break;
        case StepId::M7Fail:
            ++result.checkFailures;
            break;
        default:
            break;
        }
        status = model.status(state);
    }
    result.outcome = status;
    result.flags = state.flags;
    return result;
}

} // namespace

RunResult runRandom(const Scenario& scenario, const Settings& settings, std::uint64_t seed, int maxSteps)
{
    const Model model(scenario, settings);
    return runOne(model, seed, maxSteps);
}

OddsResult computeOdds(const Scenario& scenario, const Settings& settings, const OddsOptions& options,
    const OddsProgress& progress, const std::atomic<bool>* cancel)
{
    const Model model(scenario, settings);
    OddsResult odds;
    odds.settings = settings;
    const int total = std::max(0, options.runs);
    const int every = std::max(1, total / 100);
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            odds.cancelled = true;
            break;
        }
        const RunResult run = runOne(model, options.seed + static_cast<std::uint64_t>(i), options.maxSteps);
        ++odds.runs;
        ++odds.outcomes[static_cast<int>(run.outcome)];
        if (run.flags & FlagLostUpdate)
            ++odds.lostUpdate;
        if (run.flags & FlagStalePageUse)
            ++odds.stalePageUse;
        odds.attempts += run.attempts;
        odds.checkFailures += run.checkFailures;
        odds.steps += run.steps;
        for (const int rounds : run.roundsUntilSuccess) {
            if (rounds == 0) {
                ++odds.unmigratedPages;
                continue;
            }
            if (static_cast<int>(odds.roundsHistogram.size()) <= rounds)
                odds.roundsHistogram.resize(rounds + 1, 0);
            ++odds.roundsHistogram[rounds];
            ++odds.migratedPages;
        }
        if (progress && ((i + 1) % every == 0 || i + 1 == total))
            progress(i + 1, total);
    }
    return odds;
}

} // namespace msb::core
