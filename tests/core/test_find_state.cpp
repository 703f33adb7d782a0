// SPDX-License-Identifier: MIT
// explore --find (core/find_state.h) against independent searches: a depth-first enumeration of
// schedules gives the true distance to the nearest state that satisfies the expression, and the
// explorer's verdicts say which flags are reachable at all.
#include "core/explorer.h"
#include "core/expression.h"
#include "core/find_state.h"
#include "core/simulator.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <map>

namespace {

using namespace msb::core;
namespace testing = msb::testing;

/// The length of a shortest schedule to a state where `predicate` holds, by depth-first
/// enumeration of every schedule of at most `limit` steps (a state already reached at no greater
/// depth is not expanded again, which changes no minimum); -1 if none is that short.
int bruteForceDistance(const Model& model, const Expression& predicate, int limit)
{
    std::map<std::vector<std::uint64_t>, int> bestDepth;
    int best = -1;
    auto visit = [&](auto& self, const State& state, int depth) -> void {
        if (best >= 0 && depth >= best)
            return;
        if (predicate.holds(model, state)) {
            best = depth;
            return;
        }
        if (depth == limit)
            return;
        const PackedState packed = model.pack(state);
        auto key = std::vector<std::uint64_t>(packed.words.begin(), packed.words.end());
        auto [it, inserted] = bestDepth.emplace(key, depth);
        if (!inserted) {
            if (it->second <= depth)
                return;
            it->second = depth;
        }
        for (int t = 0; t < model.threadCount(); ++t) {
            if (!model.enabled(state, t))
                continue;
            State next = state;
            model.apply(next, t);
            self(self, next, depth + 1);
        }
    };
    visit(visit, model.initialState(), 0);
    return best;
}

struct Case
{
    Scenario scenario;
    const char* preset;
    const char* expression;
};

TEST(FindState, ShortestDistanceMatchesEnumeratingEverySchedule)
{
    const std::vector<Case> cases = {
        {testing::twoFaults(), "v5.11", "page_count(D0) == 3 && sleeping(T2)"},
        {testing::twoFaults(), "v5.11", "step(T1) == done && step(T2) == done"},
        {testing::twoFaults(), "v5.11", "stale_page_use"},
        {testing::twoFaults(), "v7.0", "sleeping(T2)"},
        {testing::twoFaults(), "v6.1", "page_count(D0) >= 3"},
        {testing::faultVsHolder(), "v5.11-patched", "lost_update"},
        {testing::faultVsHolder(), "v5.11", "pte(X0) == MIGR && data(D0) > data(S0)"},
        {testing::singleFault(), "v5.11", "pte(X0) == PRESENT"},
        {msb::core::makeNFaults(2, 2), "v5.11", "locked(D0) && locked(D1)"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(std::string(c.scenario.name) + " " + c.preset + ": " + c.expression);
        const Model model(c.scenario, testing::preset(c.preset));
        const Expression predicate = Expression::parse(c.expression, c.scenario).value();
        const FindResult found = findState(model, predicate);
        ASSERT_TRUE(found.found);
        const int length = static_cast<int>(found.schedule.size());
        EXPECT_EQ(bruteForceDistance(model, predicate, length), length);
        if (length > 0) {
            EXPECT_EQ(bruteForceDistance(model, predicate, length - 1), -1);
        }

        // The schedule replays, names the steps it takes, and ends where the expression holds.
        Simulator sim(c.scenario, testing::preset(c.preset));
        for (const TraceStep& step : found.schedule) {
            auto record = sim.step(step.thread);
            ASSERT_TRUE(record.ok()) << record.error().message;
            EXPECT_EQ(record.value().id, step.step);
        }
        EXPECT_TRUE(predicate.holds(sim.model(), sim.state()));
        EXPECT_EQ(sim.state(), found.state);
    }
}

TEST(FindState, TheInitialStateNeedsNoStep)
{
    const Model model(testing::twoFaults(), testing::preset("v5.11"));
    const FindResult found = findState(model, Expression::parse("page_count(D0) == 2", model.scenario()).value());
    ASSERT_TRUE(found.found);
    EXPECT_TRUE(found.schedule.empty());
    EXPECT_EQ(found.states, 1u);
}

TEST(FindState, UnreachableIsProvedOverEveryState)
{
    // The explorer without reductions stores every reachable state once: --find must have seen
    // exactly as many before it says "unreachable".
    ExploreOptions everyState;
    everyState.symmetry = false;
    for (const char* preset : {"v5.11", "v6.15"}) {
        SCOPED_TRACE(preset);
        const Model model(testing::twoFaults(), testing::preset(preset));
        const ExploreResult explored = explore(model, everyState);
        ASSERT_FALSE(explored.lostUpdate);
        const FindResult result = findState(model, Expression::parse("lost_update", model.scenario()).value());
        EXPECT_FALSE(result.found);
        EXPECT_TRUE(result.complete);
        EXPECT_EQ(result.states, explored.states);
        EXPECT_EQ(result.transitions, explored.transitions);
        // page_count(D0) of one page with two faults never exceeds 2 + 2 references a thread.
        EXPECT_FALSE(findState(model, Expression::parse("page_count(D0) > 6", model.scenario()).value()).found);
    }
}

TEST(FindState, ReachableFlagsMatchTheExplorersShortestCounterexamples)
{
    ExploreOptions everyState;
    everyState.symmetry = false;
    for (const auto& scenario : {testing::twoFaults(), testing::faultVsHolder()}) {
        for (const auto& preset : presets()) {
            SCOPED_TRACE(std::string(scenario.name) + " " + std::string(preset.name));
            const Model model(scenario, preset.settings);
            const ExploreResult explored = explore(model, everyState);
            for (const auto& [outcome, text] : {std::pair {Outcome::StalePageUse, "stale_page_use"},
                     std::pair {Outcome::LostUpdate, "lost_update"}, std::pair {Outcome::Sigbus, "sigbus"}}) {
                const FindResult found = findState(model, Expression::parse(text, scenario).value());
                ASSERT_EQ(found.found, explored.counterexample(outcome).has_value()) << text;
                if (found.found) {
                    EXPECT_EQ(found.schedule.size(), explored.counterexample(outcome)->prefix.size()) << text;
                }
            }
        }
    }
}

TEST(FindState, StopsAtTheStateLimit)
{
    const Model model(makeNFaults(3, 2), testing::preset("v5.11"));
    FindOptions options;
    options.maxStates = 100;
    const FindResult result = findState(model, Expression::parse("lost_update", model.scenario()).value(), options);
    EXPECT_FALSE(result.found);
    EXPECT_FALSE(result.complete);
    EXPECT_EQ(result.stoppedBy, ExploreStop::MaxStates);
    EXPECT_EQ(result.states, 100u);
    EXPECT_EQ(findIncompleteReason(result), "stopped at 100 states: the limit on stored states was reached");
}

} // namespace
