// SPDX-License-Identifier: MIT
// Reductions never change a verdict (docs/architecture.md §4): every built-in scenario and a generated
// family (2-4 faults, with and without a holder, 1-2 pages, and classes of unequal threads) under
// every preset, explored with every Reduction value and symmetry on and off, give the verdict of
// the plain exploration, and every counterexample replays in the Simulator to its outcome. The
// driver lock (driver_lock=exclusive, K26) is checked the same way, under both fairness notions,
// on the presets whose fault paths differ.
#include "core/builtin_scenarios.h"
#include "core/explorer.h"
#include "core/simulator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace msb::core {
namespace {

// Generated n-faults sizes up to faults x pages = kMaxSize (6: about 4 * 10^5 states with a
// holder). Unoptimised and sanitizer builds run the same checks on the smaller scenarios only
// (at most about 10^4 states each).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || !defined(NDEBUG)
constexpr bool kSmall = true;
constexpr int kMaxSize = 3;
#else
constexpr bool kSmall = false;
constexpr int kMaxSize = 6;
#endif

struct Case
{
    std::string label;
    Scenario scenario;
};

Scenario withHolder(Scenario scenario, int page)
{
    scenario.name += "+H";
    scenario.threads.push_back({"H", ThreadKind::Holder, {page}});
    return scenario;
}

std::vector<Case> cases()
{
    std::vector<Case> out;
    for (const std::string& name : builtinScenarioNames())
        out.push_back({name, loadBuiltinScenario(name).value()});
    for (int faults = 2; faults <= 4; ++faults) {
        for (int pages = 1; pages <= 2; ++pages) {
            if (faults * pages > kMaxSize)
                continue; // bench territory
            const Scenario plain = makeNFaults(faults, pages);
            const std::string label = std::to_string(faults) + "x" + std::to_string(pages);
            out.push_back({label, plain});
            if (!kSmall || faults * pages <= 2)
                out.push_back({label + "+H", withHolder(plain, pages - 1)});
        }
    }
    // Two classes of interchangeable faults (one page each) and a holder on the busier page.
    Scenario mixed {"mixed", "", "", 2,
        {{"T1", ThreadKind::Fault, {0}}, {"T2", ThreadKind::Fault, {1}}, {"T3", ThreadKind::Fault, {0}}}};
    out.push_back({"mixed", mixed});
    if (!kSmall)
        out.push_back({"mixed+H", withHolder(mixed, 0)});
    return out;
}

// fairness: the livelock notion the result was explored with (Fairness::None's cycles need not be fair).
void expectReplays(const Model& model, const ExploreResult& result, Fairness fairness = Fairness::Weak)
{
    for (const Outcome outcome : kBadOutcomes) {
        SCOPED_TRACE(std::string(outcomeName(outcome)));
        const auto& trace = result.counterexample(outcome);
        ASSERT_EQ(trace.has_value(), result.reached(outcome));
        if (!trace)
            continue;
        Simulator sim(model.scenario(), model.settings());
        const std::vector<int> schedule = trace->schedule();
        ASSERT_TRUE(sim.replay(schedule).ok());
        for (size_t i = 0; i < schedule.size(); ++i) {
            const TraceStep& step =
                i < trace->prefix.size() ? trace->prefix[i] : trace->cycle[i - trace->prefix.size()];
            ASSERT_EQ(sim.history()[i].id, step.step) << "step " << i;
        }
        switch (outcome) {
        case Outcome::Deadlock:
        case Outcome::Sigbus:
            EXPECT_EQ(sim.status(), outcome);
            break;
        case Outcome::LostUpdate:
            EXPECT_TRUE(sim.state().flags & FlagLostUpdate);
            break;
        case Outcome::StalePageUse:
            EXPECT_TRUE(sim.state().flags & FlagStalePageUse);
            break;
        case Outcome::Livelock: {
            // A real cycle back to the state after the prefix, weakly fair by itself under Weak.
            ASSERT_FALSE(trace->cycle.empty());
            EXPECT_EQ(sim.repeatsPosition(), static_cast<int>(trace->prefix.size()));
            EXPECT_EQ(sim.state(), sim.stateAt(static_cast<int>(trace->prefix.size())));
            std::uint32_t enabledAll = ~0u;
            std::uint32_t stepped = 0;
            for (size_t i = trace->prefix.size(); i < schedule.size(); ++i) {
                enabledAll &= model.enabledMask(sim.stateAt(static_cast<int>(i)));
                stepped |= 1u << schedule[i];
                EXPECT_NE(trace->cycle[i - trace->prefix.size()].step, StepId::A0);
            }
            if (fairness == Fairness::Weak) {
                EXPECT_EQ(enabledAll & ~stepped, 0u);
            }
            break;
        }
        case Outcome::Running:
        case Outcome::Completes:
            ADD_FAILURE() << "not a bad outcome";
            break;
        }
    }
}

TEST(ReductionNeutrality, EveryReductionAndSymmetryKeepEveryVerdict)
{
    int symmetric = 0;
    for (const Case& c : cases()) {
        for (const Preset& preset : presets()) {
            const Model model(c.scenario, preset.settings);
            const ExploreResult plain = explore(model);
            ASSERT_TRUE(plain.complete);
            for (const Reduction reduction : kReductions) {
                for (const bool symmetry : {false, true}) {
                    SCOPED_TRACE(c.label + " " + std::string(preset.name) + " " + std::string(reductionName(reduction))
                        + (symmetry ? " symmetry" : ""));
                    ExploreOptions options;
                    options.reduction = reduction;
                    options.symmetry = symmetry;
                    const ExploreResult reduced = explore(model, options);
                    ASSERT_TRUE(reduced.complete);
                    EXPECT_EQ(static_cast<const Verdict&>(reduced), static_cast<const Verdict&>(plain));
                    EXPECT_LE(reduced.states, plain.states);
                    if (reduced.symmetry)
                        ++symmetric;
                    expectReplays(model, reduced);
                }
            }
        }
    }
    EXPECT_GT(symmetric, 0);
}

// The driver lock's owner is no state field but the thread between L1 and L2: the reductions must
// still see its guard (a sleeper on L1 is woken only by the owner's L2).
TEST(ReductionNeutrality, DriverLockKeepsEveryVerdict)
{
    std::vector<std::pair<std::string, Settings>> settings;
    for (const char* name : {"v5.11", "naive-drain", "v6.1", "v6.15", "v7.0"})
        settings.emplace_back(name, withKnob(findPreset(name)->settings, "driver_lock", "exclusive").value());
    // v6.1 with the naive drain: the migrator waits for a reference held by a sleeper on its lock (N1).
    settings.emplace_back("v6.1 drain-refs", withKnob(settings[2].second, "check", "drain-refs").value());
    for (const Case& c : cases()) {
        if (c.scenario.threads.size() * static_cast<std::size_t>(c.scenario.pages) > 4)
            continue; // keeps this test to a few seconds; the scenarios above it cover the rest
        for (const auto& [name, s] : settings) {
            const Model model(c.scenario, s);
            for (const Fairness fairness : kFairnesses) {
                ExploreOptions plainOptions;
                plainOptions.fairness = fairness;
                const ExploreResult plain = explore(model, plainOptions);
                ASSERT_TRUE(plain.complete);
                for (const Reduction reduction : kReductions) {
                    for (const bool symmetry : {false, true}) {
                        SCOPED_TRACE(c.label + " " + name + " exclusive " + std::string(reductionName(reduction))
                            + (symmetry ? " symmetry " : " ") + std::string(fairnessName(fairness)));
                        ExploreOptions options = plainOptions;
                        options.reduction = reduction;
                        options.symmetry = symmetry;
                        const ExploreResult reduced = explore(model, options);
                        ASSERT_TRUE(reduced.complete);
                        EXPECT_EQ(static_cast<const Verdict&>(reduced), static_cast<const Verdict&>(plain));
                        EXPECT_LE(reduced.states, plain.states);
                        expectReplays(model, reduced, fairness);
                    }
                }
            }
        }
    }
}

// With symmetry the explorer stores orbits: k interchangeable faults shrink the graph by up to k!.
TEST(ReductionNeutrality, SymmetryShrinksInterchangeableFaults)
{
    const Model model(makeNFaults(3, 1), findPreset("v5.11")->settings);
    ExploreOptions options;
    options.symmetry = true;
    const ExploreResult reduced = explore(model, options);
    const ExploreResult plain = explore(model);
    EXPECT_TRUE(reduced.symmetry);
    EXPECT_FALSE(plain.symmetry);
    EXPECT_GT(static_cast<double>(plain.states), 4.0 * static_cast<double>(reduced.states));
    // No two threads alike: symmetry is off whatever the option says.
    const Model single(loadBuiltinScenario("fault-vs-holder").value(), findPreset("v5.11")->settings);
    EXPECT_FALSE(explore(single, options).symmetry);
}

} // namespace
} // namespace msb::core
