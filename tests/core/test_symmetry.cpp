// SPDX-License-Identifier: MIT
// The canonical form of core/symmetry.h: one representative per orbit of interchangeable threads,
// so the symmetric exploration stores exactly as many states as the full graph has orbits.
#include "core/explorer.h"
#include "core/symmetry.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace msb::core {
namespace {

Scenario withHolder(Scenario scenario)
{
    scenario.threads.push_back({"H", ThreadKind::Holder, {0}});
    return scenario;
}

/// Every reachable state of the full graph, breadth-first.
std::vector<State> reachable(const Model& model)
{
    std::set<PackedState, bool (*)(const PackedState&, const PackedState&)> seen(
        [](const PackedState& a, const PackedState& b) { return a.words < b.words; });
    std::vector<State> states {model.initialState()};
    seen.insert(model.pack(states[0]));
    for (size_t i = 0; i < states.size(); ++i) {
        for (int t = 0; t < model.threadCount(); ++t) {
            if (!model.enabled(states[i], t))
                continue;
            State next = states[i];
            model.apply(next, t);
            if (seen.insert(model.pack(next)).second)
                states.push_back(next);
        }
    }
    return states;
}

TEST(Symmetry, ClassesFollowKindAndPages)
{
    Scenario scenario = withHolder(makeNFaults(3, 2));
    scenario.threads.push_back({"T4", ThreadKind::Fault, {1, 0}}); // other order: its own class
    const Symmetry symmetry(Model(scenario, testing::preset("v5.11")));
    EXPECT_TRUE(symmetry.active());
    EXPECT_EQ(symmetry.multiMask(), 0b0111u);
    EXPECT_EQ(symmetry.classOf(3), 0b1000u);
    EXPECT_EQ(symmetry.classOf(4), 0b10000u);
    EXPECT_FALSE(Symmetry(Model(testing::faultVsHolder(), testing::preset("v5.11"))).active());
}

// canonicalize() is constant on orbits, returns the renaming it applied, and the symmetric
// exploration stores exactly one state per orbit of the full graph.
TEST(Symmetry, OneCanonicalStatePerOrbit)
{
    for (const char* presetName : {"v5.11", "pre-v5.0", "count-waiters", "v6.1", "v6.15"}) {
        for (const Scenario& scenario : {makeNFaults(3, 1), withHolder(makeNFaults(3, 1)), makeNFaults(2, 2)}) {
            SCOPED_TRACE(std::string(presetName) + " " + std::to_string(scenario.threads.size()) + " threads");
            const Model model(scenario, testing::preset(presetName));
            const Symmetry symmetry(model);
            std::set<PackedState, bool (*)(const PackedState&, const PackedState&)> orbits(
                [](const PackedState& a, const PackedState& b) { return a.words < b.words; });
            for (const State& state : reachable(model)) {
                State canonical = state;
                ThreadPermutation applied;
                symmetry.canonicalize(canonical, &applied);
                ASSERT_EQ(permuted(state, applied), canonical);
                // Every renaming of the faults (threads 0..2 or 0..1) lands on the same form.
                ThreadPermutation g = ThreadPermutation::identity();
                const int faults = symmetry.multiMask() == 0b111u ? 3 : 2;
                std::sort(g.to.begin(), g.to.begin() + faults);
                do {
                    State renamed = permuted(state, g);
                    symmetry.canonicalize(renamed);
                    ASSERT_EQ(renamed, canonical);
                } while (std::next_permutation(g.to.begin(), g.to.begin() + faults));
                orbits.insert(model.pack(canonical));
            }
            ExploreOptions options;
            options.symmetry = true;
            EXPECT_EQ(explore(model, options).states, orbits.size());
        }
    }
}

} // namespace
} // namespace msb::core
