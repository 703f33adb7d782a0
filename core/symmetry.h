// SPDX-License-Identifier: MIT
// Thread symmetry of a scenario (ExploreOptions::symmetry): threads with the same kind and the
// same page list run the same program on the same pages, so renaming them maps executions to
// executions. The explorer stores one canonical state per orbit; why every verdict survives, and
// how livelock under weak fairness is judged on the quotient, is argued in symmetry.cpp.
#pragma once

#include "core/model.h"
#include "core/state.h"

#include <array>
#include <cstdint>
#include <vector>

namespace msb::core {

/// A renaming of threads: thread t of one state is thread to[t] of the other.
struct ThreadPermutation
{
    std::array<std::uint8_t, kMaxThreads> to {};

    static ThreadPermutation identity();
    ThreadPermutation inverse() const;
    /// First this, then `after`.
    ThreadPermutation then(const ThreadPermutation& after) const;
    friend bool operator==(const ThreadPermutation&, const ThreadPermutation&) = default;
};

/// Moves thread t's record to to[t] and renames every thread-indexed field (each page's PG_locked
/// owner, the PTL owner). O(threads + pages).
State permuted(const State& state, const ThreadPermutation& permutation);

/// The classes of interchangeable threads of a model and the canonical form of its states.
/// Immutable after construction; shareable across threads.
class Symmetry
{
public:
    /// O(threads^2 x accesses). Two threads are interchangeable when kind and page list are equal.
    explicit Symmetry(const Model& model);

    /// Some class holds two or more threads (otherwise canonicalisation is the identity).
    bool active() const { return m_multi != 0; }
    /// Threads that share their class with another thread.
    std::uint32_t multiMask() const { return m_multi; }
    /// The class of each thread, as a mask of the threads in it.
    std::uint32_t classOf(int thread) const { return m_classMask[thread]; }
    /// The classes of two or more threads, as masks.
    const std::vector<std::uint32_t>& multiClasses() const { return m_multiClasses; }

    /// Sorts the threads of every class by their full description (record, PTL held, page locks
    /// held), in place, and returns the renaming applied (`*applied`, if given, receives it: the
    /// canonical state is permuted(old, *applied)). Equal descriptions mean identical threads, so
    /// the result is the same for every state of an orbit. Returns false when nothing moved.
    /// O(threads + pages) when already sorted; insertion sort within a class otherwise.
    bool canonicalize(State& state, ThreadPermutation* applied = nullptr) const;

    /// Threads identical to `thread` in `state` (same class, same description), itself included:
    /// swapping two of them leaves the state unchanged.
    std::uint32_t twins(const State& state, int thread) const;
    /// `mask` plus every twin of its threads.
    std::uint32_t withTwins(const State& state, std::uint32_t mask) const;
    /// The lowest-numbered twin of `thread`.
    int firstTwin(const State& state, int thread) const;
    /// firstTwin() of every thread at once. O(threads^2 + pages).
    void firstTwins(const State& state, std::array<std::uint8_t, kMaxThreads>& out) const;

private:
    using Keys = std::array<std::uint64_t, kMaxThreads>;
    void keys(const State& state, Keys& out) const;

    int m_threads = 0;
    int m_pages = 0;
    std::uint32_t m_multi = 0;
    std::array<std::uint32_t, kMaxThreads> m_classMask {};
    std::vector<std::vector<int>> m_classes; // classes of two or more, threads ascending
    std::vector<std::uint32_t> m_multiClasses;
};

} // namespace msb::core
