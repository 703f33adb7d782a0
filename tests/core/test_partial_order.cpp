// SPDX-License-Identifier: MIT
// The partial-order reduction's foundations checked against the model itself, on whole state
// graphs: every step stays inside its footprint, steps with disjoint footprints commute and do not
// enable or disable each other, the persistent sets are persistent, and the cycle proviso's steps
// lie on every cycle. The verdict equality with and without reduction is in test_explorer.cpp.
#include "core/explorer.h"
#include "core/partial_order.h"
#include "core/step_footprint.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <array>
#include <bit>
#include <map>
#include <string>
#include <vector>

namespace msb::core {
namespace {

using Key = std::array<std::uint64_t, PackedState::kWords>;
using testing::preset;

struct Graph
{
    std::vector<State> states;
};

/// Every reachable state, breadth-first.
Graph reachable(const Model& model)
{
    Graph graph;
    std::map<Key, int> seen;
    graph.states.push_back(model.initialState());
    seen.emplace(model.pack(graph.states[0]).words, 0);
    for (std::size_t i = 0; i < graph.states.size(); ++i) {
        for (int t = 0; t < model.threadCount(); ++t) {
            if (!model.enabled(graph.states[i], t))
                continue;
            State next = graph.states[i];
            model.apply(next, t);
            if (seen.emplace(model.pack(next).words, static_cast<int>(graph.states.size())).second)
                graph.states.push_back(next);
        }
    }
    return graph;
}

/// The resources whose values differ between two states (a thread's own pc and access are its
/// own; another thread's queued bit belongs to its page's lock, its waiter reference to the count).
Resources changed(const Model& model, const State& a, const State& b)
{
    Resources r;
    if (a.ptlOwner != b.ptlOwner)
        r |= Resources::ptl();
    if ((a.flags ^ b.flags) & FlagSigbus)
        r |= Resources::sigbus();
    for (int p = 0; p < model.pageCount(); ++p) {
        const PageState& x = a.pages[p];
        const PageState& y = b.pages[p];
        if (x.pte != y.pte)
            r |= Resources::page(p, PageResource::Pte);
        if (x.dLockOwner != y.dLockOwner)
            r |= Resources::page(p, PageResource::Lock);
        if (x.dWaiters != y.dWaiters)
            r |= Resources::page(p, PageResource::Wake);
        if (x.dRef != y.dRef || x.dFree != y.dFree)
            r |= Resources::page(p, PageResource::Count);
        if (x.dMapcount != y.dMapcount)
            r |= Resources::page(p, PageResource::Map);
        if (x.dData != y.dData || x.sAllocated != y.sAllocated || x.sLocked != y.sLocked || x.sRef != y.sRef
            || x.sData != y.sData)
            r |= Resources::page(p, PageResource::Data);
    }
    for (int t = 0; t < model.threadCount(); ++t) {
        if (a.threads[t].queued != b.threads[t].queued)
            r |= Resources::page(model.currentPage(a, t), PageResource::Wake);
        if (model.holdsWaiterReference(a, t) != model.holdsWaiterReference(b, t))
            r |= Resources::page(model.currentPage(a, t), PageResource::Count);
    }
    return r;
}

Footprint footprintOf(const Model& model, const State& state, int thread)
{
    const int page = model.currentPage(state, thread);
    return stepFootprint(model.settings(), state.threads[thread].pc, page, state.pages[page].pte == Pte::Present);
}

struct Case
{
    std::string name;
    Scenario scenario;
};

std::vector<Case> smallCases()
{
    Scenario holderOnTwoPages = makeNFaults(2, 2);
    holderOnTwoPages.threads.push_back({"H", ThreadKind::Holder, {1}});
    return {{"two-faults", testing::twoFaults()}, {"fault-vs-holder", testing::faultVsHolder()},
        {"two-faults-holder", testing::twoFaultsAndHolder()}, {"n-faults-2x2", makeNFaults(2, 2)},
        {"2x2+holder", holderOnTwoPages}};
}

std::vector<std::pair<std::string, Settings>> allSettings()
{
    std::vector<std::pair<std::string, Settings>> out;
    for (const Preset& p : presets()) {
        out.emplace_back(std::string(p.name), p.settings);
        out.emplace_back(std::string(p.name) + " sigbus", withAssignment(p.settings, "on_not_migrated=sigbus").value());
        out.emplace_back(
            std::string(p.name) + " driver-lock", withAssignment(p.settings, "driver_lock=exclusive").value());
    }
    return out;
}

TEST(PartialOrder, FootprintsCoverEveryStepAndDisjointStepsCommute)
{
    for (const Case& c : smallCases()) {
        for (const auto& [settingsName, settings] : allSettings()) {
            SCOPED_TRACE(c.name + " " + settingsName);
            const Model model(c.scenario, settings);
            const Graph graph = reachable(model);
            for (const State& s : graph.states) {
                for (int t = 0; t < model.threadCount(); ++t) {
                    if (!model.enabled(s, t))
                        continue;
                    const Footprint mine = footprintOf(model, s, t);
                    State after = s;
                    model.apply(after, t);
                    const Pc from = s.threads[t].pc;
                    ASSERT_TRUE(pcSuccessors(settings, from).contains(after.threads[t].pc))
                        << pcName(from) << " -> " << pcName(after.threads[t].pc);
                    ASSERT_FALSE(changed(model, s, after).intersects(~(mine.writes | mine.adds)))
                        << pcName(from) << " writes outside its footprint";
                    for (int p = 0; p < model.pageCount(); ++p) {
                        if (s.pages[p].pte == Pte::Present) {
                            ASSERT_EQ(after.pages[p].pte, Pte::Present) << "a present PTE changed";
                        }
                    }
                    for (int u = 0; u < model.threadCount(); ++u) {
                        if (u == t || mine.conflicts(footprintOf(model, s, u)))
                            continue;
                        // Independent: u's enabledness is the same after t's step, and both orders meet.
                        ASSERT_EQ(model.enabled(after, u), model.enabled(s, u))
                            << pcName(from) << " changes whether " << pcName(s.threads[u].pc) << " is enabled";
                        if (!model.enabled(s, u))
                            continue;
                        State tu = after;
                        model.apply(tu, u);
                        State ut = s;
                        model.apply(ut, u);
                        model.apply(ut, t);
                        ASSERT_EQ(model.pack(tu), model.pack(ut))
                            << pcName(from) << " and " << pcName(s.threads[u].pc) << " do not commute";
                    }
                }
            }
        }
    }
}

/// Along every path from `s` that moves no thread of `set`, the members' enabledness never
/// changes and every step commutes with every enabled member's step, but for a last step that
/// sets SIGBUS (which must stay enabled after a member's step).
void expectPersistent(const Model& model, const State& s, std::uint32_t set)
{
    std::map<Key, bool> seen;
    std::vector<State> queue {s};
    seen.emplace(model.pack(s).words, true);
    const std::uint32_t members = set & ((1u << model.threadCount()) - 1);
    const std::uint32_t enabledMembers = model.enabledMask(s) & members;
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const State x = queue[i];
        if (x.flags & FlagSigbus)
            continue; // the run ended: a step that sets SIGBUS may disable the members
        ASSERT_EQ(model.enabledMask(x) & members, enabledMembers) << "an outside step changed a member";
        for (int u = 0; u < model.threadCount(); ++u) {
            if ((members >> u & 1) || !model.enabled(x, u))
                continue;
            State next = x;
            model.apply(next, u);
            for (int m = 0; m < model.threadCount(); ++m) {
                if (!(enabledMembers >> m & 1))
                    continue;
                State mu = x;
                model.apply(mu, m);
                ASSERT_TRUE(model.enabled(mu, u)) << "member " << m << " disables " << u;
                model.apply(mu, u);
                if (next.flags & FlagSigbus) {
                    EXPECT_TRUE(mu.flags & FlagSigbus);
                    continue;
                }
                State um = next;
                model.apply(um, m);
                ASSERT_EQ(model.pack(mu), model.pack(um)) << "member " << m << " and " << u << " do not commute";
            }
            if (seen.emplace(model.pack(next).words, true).second)
                queue.push_back(next);
        }
    }
}

TEST(PartialOrder, PersistentSetsArePersistent)
{
    int reduced = 0;
    for (const Case& c : smallCases()) {
        for (const auto& [settingsName, settings] : allSettings()) {
            SCOPED_TRACE(c.name + " " + settingsName);
            const Model model(c.scenario, settings);
            const PartialOrder por(model);
            for (const State& s : reachable(model).states) {
                const std::uint32_t enabled = model.enabledMask(s);
                const std::uint32_t ample = por.ampleThreads(s, enabled);
                if (enabled == 0)
                    continue;
                ASSERT_NE(ample & enabled, 0u);
                ASSERT_EQ(ample & ~enabled, 0u);
                if (ample == enabled)
                    continue;
                ++reduced;
                for (std::uint32_t m = ample; m; m &= m - 1)
                    ASSERT_FALSE(por.closesCycle(s, std::countr_zero(m)));
                // The set that was chosen: grown from one of its members.
                bool persistentFound = false;
                for (int seed = 0; seed < model.threadCount() && !persistentFound; ++seed) {
                    const std::uint32_t set = por.persistentSet(s, enabled, seed);
                    if ((ample >> seed & 1) && (set & enabled) == ample) {
                        persistentFound = true;
                        expectPersistent(model, s, set);
                    }
                }
                ASSERT_TRUE(persistentFound);
                if (::testing::Test::HasFatalFailure())
                    return;
            }
        }
    }
    EXPECT_GT(reduced, 0);
}

// The reduction's strength, as a floor that fails if the sets get coarser: at least half the
// states of n-faults 3x2 go (4x2, the bench's case, loses two thirds).
TEST(PartialOrder, HalvesThreeFaultsOnTwoPages)
{
    const Model model(makeNFaults(3, 2), preset("v5.11"));
    const ExploreResult full = explore(model);
    ExploreOptions options;
    options.reduction = Reduction::Por;
    const ExploreResult reduced = explore(model, options);
    EXPECT_EQ(static_cast<const Verdict&>(reduced), static_cast<const Verdict&>(full));
    EXPECT_GE(full.states, 2 * reduced.states) << full.states << " vs " << reduced.states;
}

// C3's premise: without the steps closesCycle() names, the state graph has no cycle.
TEST(PartialOrder, EveryCycleHasACycleClosingStep)
{
    for (const Case& c : smallCases()) {
        for (const auto& [settingsName, settings] : allSettings()) {
            SCOPED_TRACE(c.name + " " + settingsName);
            const Model model(c.scenario, settings);
            const PartialOrder por(model);
            const Graph graph = reachable(model);
            std::map<Key, int> index;
            for (std::size_t i = 0; i < graph.states.size(); ++i)
                index.emplace(model.pack(graph.states[i]).words, static_cast<int>(i));
            std::vector<std::vector<int>> edges(graph.states.size());
            std::vector<int> indegree(graph.states.size(), 0);
            for (std::size_t i = 0; i < graph.states.size(); ++i) {
                for (int t = 0; t < model.threadCount(); ++t) {
                    if (!model.enabled(graph.states[i], t) || por.closesCycle(graph.states[i], t))
                        continue;
                    State next = graph.states[i];
                    model.apply(next, t);
                    const int j = index.at(model.pack(next).words);
                    edges[i].push_back(j);
                    ++indegree[static_cast<std::size_t>(j)];
                }
            }
            // Kahn: a graph is acyclic iff repeatedly removing sources removes every node.
            std::vector<int> sources;
            for (std::size_t i = 0; i < indegree.size(); ++i) {
                if (indegree[i] == 0)
                    sources.push_back(static_cast<int>(i));
            }
            std::size_t removed = 0;
            while (!sources.empty()) {
                const int i = sources.back();
                sources.pop_back();
                ++removed;
                for (int j : edges[static_cast<std::size_t>(i)]) {
                    if (--indegree[static_cast<std::size_t>(j)] == 0)
                        sources.push_back(j);
                }
            }
            EXPECT_EQ(removed, graph.states.size());
        }
    }
}

} // namespace
} // namespace msb::core
