// SPDX-License-Identifier: MIT
// Livelock without fairness (Fairness::None): on small scenarios under every preset the explorer's
// verdict, with every reduction and symmetry on and off, equals a brute-force search for a
// reachable cycle without an access completing (A0) on the plain state graph, and its
// counterexample replays in the Simulator as a real cycle. And the teaching result, decided by the
// explorer: on two-faults v6.15 spins without fairness (the failed trylock re-faults while the
// lock holder never runs) though it has no weakly fair livelock.
#include "core/builtin_scenarios.h"
#include "core/explorer.h"
#include "core/simulator.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace msb::core {
namespace {

/// Brute force: every reachable state by DFS over Model::apply, and a cycle found by colours,
/// following only edges whose step is not A0 (an access completing).
bool hasNonProgressCycle(const Model& model)
{
    std::map<std::array<std::uint64_t, PackedState::kWords>, int> colour; // 1 on the stack, 2 done
    struct Frame
    {
        State state;
        int next;
    };
    std::vector<Frame> stack {{model.initialState(), 0}};
    colour[model.pack(stack[0].state).words] = 1;
    while (!stack.empty()) {
        Frame& frame = stack.back();
        const std::uint32_t enabled = model.enabledMask(frame.state);
        while (frame.next < model.threadCount() && !(enabled >> frame.next & 1))
            ++frame.next;
        if (frame.next == model.threadCount()) {
            colour[model.pack(frame.state).words] = 2;
            stack.pop_back();
            continue;
        }
        State next = frame.state;
        const StepId step = model.apply(next, frame.next++);
        if (step == StepId::A0)
            continue;
        int& c = colour[model.pack(next).words];
        if (c == 1)
            return true;
        if (c == 0) {
            c = 1;
            stack.push_back({next, 0});
        }
    }
    return false;
}

std::vector<Scenario> smallScenarios()
{
    std::vector<Scenario> out;
    for (const std::string& name : builtinScenarioNames())
        out.push_back(loadBuiltinScenario(name).value());
    out.push_back(makeNFaults(3, 1));
    Scenario withHolder = makeNFaults(2, 1);
    withHolder.threads.push_back({"H", ThreadKind::Holder, {0}});
    out.push_back(withHolder);
    return out;
}

void expectRealCycle(const Model& model, const ExploreResult& result)
{
    const auto& trace = result.counterexample(Outcome::Livelock);
    ASSERT_EQ(trace.has_value(), result.livelock);
    if (!trace)
        return;
    ASSERT_FALSE(trace->cycle.empty());
    Simulator sim(model.scenario(), model.settings());
    ASSERT_TRUE(sim.replay(trace->schedule()).ok());
    EXPECT_EQ(sim.state(), sim.stateAt(static_cast<int>(trace->prefix.size())));
    for (const TraceStep& step : trace->cycle)
        EXPECT_NE(step.step, StepId::A0);
}

TEST(Fairness, NoneMatchesBruteForceUnderEveryReduction)
{
    int spinsOnlyUnfairly = 0;
    for (const Scenario& scenario : smallScenarios()) {
        for (const Preset& preset : presets()) {
            const Model model(scenario, preset.settings);
            const bool expected = hasNonProgressCycle(model);
            ExploreOptions weak;
            const bool weakLivelock = explore(model, weak).livelock;
            // A weakly fair livelock is a livelock without fairness too.
            EXPECT_TRUE(!weakLivelock || expected) << scenario.name << ' ' << preset.name;
            spinsOnlyUnfairly += expected && !weakLivelock ? 1 : 0;
            for (const Reduction reduction : kReductions) {
                for (const bool symmetry : {false, true}) {
                    SCOPED_TRACE(scenario.name + " " + std::string(preset.name) + " "
                        + std::string(reductionName(reduction)) + (symmetry ? " symmetry" : ""));
                    ExploreOptions options;
                    options.fairness = Fairness::None;
                    options.reduction = reduction;
                    options.symmetry = symmetry;
                    const ExploreResult result = explore(model, options);
                    ASSERT_TRUE(result.complete);
                    EXPECT_EQ(result.fairness, Fairness::None);
                    EXPECT_EQ(result.livelock, expected);
                    expectRealCycle(model, result);
                }
            }
        }
    }
    EXPECT_GT(spinsOnlyUnfairly, 0); // the two questions differ somewhere
}

TEST(Fairness, TwoFaultsV615SpinsOnlyWithoutFairness)
{
    const Model model(loadBuiltinScenario("two-faults").value(), findPreset("v6.15")->settings);
    EXPECT_FALSE(explore(model).livelock);
    ExploreOptions options;
    options.fairness = Fairness::None;
    const ExploreResult result = explore(model, options);
    ASSERT_TRUE(result.livelock);
    // The cycle is one fault's failed trylock and re-fault while the other holds the page lock.
    const auto& trace = result.counterexample(Outcome::Livelock);
    ASSERT_TRUE(trace);
    bool trylockFails = false;
    for (const TraceStep& step : trace->cycle)
        trylockFails = trylockFails || std::string(stepInfo(step.step).id) == "F1-busy";
    EXPECT_TRUE(trylockFails);
}

TEST(Fairness, Names)
{
    for (const Fairness fairness : kFairnesses)
        EXPECT_EQ(parseFairness(fairnessName(fairness)), fairness);
    EXPECT_FALSE(parseFairness("strong"));
}

} // namespace
} // namespace msb::core
