// SPDX-License-Identifier: MIT
// Turning the explorer's stored graph into counterexamples people can replay: the path to the
// nearest state of an outcome, and for a livelock a weakly fair cycle inside its SCC.
#pragma once

#include "core/explorer.h"
#include "core/partial_order.h"
#include "core/state_store.h"
#include "core/symmetry.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace msb::core {

/// Breadth-first parent links, one per state: the parent's id and the thread whose step led
/// here, packed in one word (the root links to itself).
inline constexpr int kLinkThreadBits = 4;
static_assert(kMaxThreads <= 1 << kLinkThreadBits, "a parent link keeps the thread in 4 bits");
inline std::uint32_t parentLink(std::uint32_t parent, int thread)
{
    return parent << kLinkThreadBits | static_cast<std::uint32_t>(thread);
}

/// Works on the graph the explorer stored (after pass 1, with the SCC component of each state in
/// its mark) and the BFS parent links of pass 2. With `symmetry` the stored states are canonical
/// (symmetry.h): each step is mapped back through the renamings accumulated so far, so the
/// schedule names real threads, and the livelock cycle is searched among concrete states.
/// Holds references only; all of them must outlive it. Everything it costs is per
/// counterexample, not per state of the graph.
class CounterexampleBuilder
{
public:
    CounterexampleBuilder(const Model& model, const StateStore& store, const StatePacker& packer, Reduction reduction,
        const Symmetry* symmetry, const std::vector<std::uint32_t>& parents, Fairness fairness = Fairness::Weak);

    /// The schedule from the initial state to `target` along the parent links (a shortest path
    /// in the explored graph), each step named by re-running it in the model; with `livelock`,
    /// followed by a cycle from `target` back to itself inside target's SCC (under Fairness::Weak a
    /// weakly fair one, and the SCC must be a fair component). O(length) for the prefix; the cycle costs breadth-first
    /// searches inside the SCC (O(SCC size) each, at most threads + 1 of them; with symmetry over the concrete states
    /// above it). Throws InvariantViolation when the component holds no fair cycle (an explorer bug).
    Counterexample build(std::uint32_t target, bool livelock) const;

private:
    std::uint32_t storedId(const State& concrete) const;
    std::vector<int> pathTo(std::uint32_t id) const;
    std::vector<TraceStep> steps(State& state, const std::vector<int>& threads) const;
    std::uint32_t expandedThreads(const State& concrete) const;
    template <typename F>
    void forEdges(const State& state, F f) const;
    template <typename EdgeGoal, typename StateGoal>
    std::pair<std::vector<int>, State> searchComponent(
        const State& from, std::uint32_t component, bool byOrbit, EdgeGoal edgeGoal, StateGoal stateGoal) const;
    std::vector<int> fairCycle(const State& s, std::uint32_t component) const;

    const Model& m_model;
    const StateStore& m_store;
    const StatePacker& m_packer;
    Reduction m_reduction;
    const Symmetry* m_symmetry;
    std::optional<PartialOrder> m_partialOrder; // set under Reduction::Por
    const std::vector<std::uint32_t>& m_parents;
    Fairness m_fairness;
};

} // namespace msb::core
