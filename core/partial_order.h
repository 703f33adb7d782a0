// SPDX-License-Identifier: MIT
// The partial-order reduction of the explorer (Reduction::Por): persistent sets computed from
// which steps conflict (step_footprint.h) and which threads can reach a conflicting step. Why the
// reduced graph keeps every verdict is argued in partial_order.cpp.
#pragma once

#include "core/model.h"
#include "core/state.h"
#include "core/step_footprint.h"

#include <cstdint>
#include <vector>

namespace msb::core {

/// Per-model tables (each thread's step footprints and what it may touch in the future) and the
/// choice of the threads to expand. Immutable after construction, so passes and threads can share
/// one. Construction costs O(threads x accesses x program counters); the model must outlive it.
class PartialOrder
{
public:
    explicit PartialOrder(const Model& model);

    /// The threads the reduced graph expands in `state`, given the enabled ones: the enabled
    /// threads of the smallest persistent set found, or every enabled thread when that set would
    /// take a cycle-closing step (a fault leaving Access, a pre-v5.9 waiter that may sleep again).
    /// Depends on the state only, never on visit order, so every pass sees the same reduced graph.
    /// Cost O(threads^3) footprint tests at worst; no allocation.
    std::uint32_t ampleThreads(const State& state, std::uint32_t enabled) const;

    /// The persistent set grown from `seed` (enabled threads and blocked ones alike), as a mask.
    /// Exposed for the tests that check persistence on whole state graphs.
    std::uint32_t persistentSet(const State& state, std::uint32_t enabled, int seed) const;

    /// True when thread t's next step can close a cycle of the state graph (see ampleThreads).
    bool closesCycle(const State& state, int thread) const;

private:
    struct Context;
    Context contextOf(const State& state, std::uint32_t enabled) const;
    const Footprint& current(int thread, int access, Pc pc, bool present) const;
    /// Every step `thread` may take before a thread of `set` moves.
    Footprint future(const State& state, std::uint32_t set, int thread) const;
    static std::size_t withinIndex(int access, Pc pc, int mode);
    bool needsPageLock(Pc from, Pc to) const;
    /// Woken from a page-lock sleep (W5 or F5): its next step reads and writes nothing shared.
    bool isAwake(const ThreadState& thread) const;
    static bool needsMappedPage(Pc from, Pc to);
    void buildTables(int thread);
    /// Grows the set from `seed`; stops early once it has `limit` enabled threads.
    std::uint32_t grow(const Context& context, int seed, int limit) const;

    // The modes of a thread's future on one access: the PTL's owner is in the set; the page
    // lock's owner is; the page's PTE is present (then it stays so).
    static constexpr int kPtlBlocked = 4;
    static constexpr int kLockBlocked = 2;
    static constexpr int kPresent = 1;
    static constexpr int kModes = 8;

    const Model& m_model;
    int m_threads;
    bool m_waiterSleepsAgain;
    // Per thread, indexed [(access * pcs + pc) * 2 + present].
    std::vector<std::vector<Footprint>> m_current;
    // Per thread, indexed by withinIndex(): every step the thread may take from that pc while on
    // that access in that mode, and whether it may go on to the next access (A0).
    std::vector<std::vector<Footprint>> m_within;
    std::vector<std::vector<std::uint8_t>> m_leaves;
};

} // namespace msb::core
