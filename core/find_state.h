// SPDX-License-Identifier: MIT
// `explore --find EXPR`: the shortest schedule from the initial state to a state where a
// true-or-false expression (expression.h) holds, by breadth-first search over the full state
// graph (no partial-order reduction, no symmetry: neither is known to keep an arbitrary
// expression's value, as canonical states rename threads and the reduced graph skips states).
#pragma once

#include "core/explorer.h"
#include "core/expression.h"
#include "core/model.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace msb::core {

struct FindOptions
{
    /// Stop storing new states at this many (complete == false).
    std::uint64_t maxStates = 50'000'000;
    /// Bytes the search may hold (store, table and parent links); unset: defaultMemoryBudget().
    std::optional<std::uint64_t> memoryBudget;
    const std::atomic<bool>* cancel = nullptr; // polled every 1024 states
};

struct FindResult
{
    bool found = false;
    /// Every reachable state was examined: when !found, no reachable state satisfies it.
    bool complete = false;
    ExploreStop stoppedBy = ExploreStop::None;
    std::uint64_t memoryBudget = 0;
    std::uint64_t states = 0;      // states stored (each was tested)
    std::uint64_t transitions = 0; // edges followed
    double seconds = 0;
    /// When found: a shortest schedule to the first such state met in breadth-first order
    /// (the initial state itself gives an empty schedule), each step named as explore names it.
    std::vector<TraceStep> schedule;
    State state; // the state it reaches
};

/// Precondition: predicate.kind() == ValueKind::Boolean, parsed against model.scenario().
/// Cost: O(states x (threads + expression size)) time, about 25 bytes a state plus 4 for its
/// parent link. Runs on the calling thread. Throws InvariantViolation on a model bug.
FindResult findState(const Model& model, const Expression& predicate, const FindOptions& options = {});

/// Why the search stopped early, as a sentence ("" when complete).
std::string findIncompleteReason(const FindResult& result);

} // namespace msb::core
