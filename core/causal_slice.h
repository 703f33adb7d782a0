// SPDX-License-Identifier: MIT
// Which steps of a schedule matter for its outcome: the causal slice. Step i happens before step
// j (i < j) when they are steps of one thread (program order) or their footprints conflict
// (step_footprint.h: the same relation the partial-order reduction trusts), closed transitively.
// The slice of a set of deciding steps is those steps and every step that happens before one of
// them. Every other step is independent of every later step of the slice, so it commutes past
// them: the slice alone still takes each of its steps the same way, and the schedule with those
// steps moved after the last deciding step reaches the same state (except after a step that kills
// the process: nothing runs after SIGBUS). tests/core/test_causal_slice.cpp checks both by
// replaying.
//
// The deciding steps of an outcome (decidingSteps): the step that sets the flag for sigbus,
// lost_update and stale_page_use; the last step for deadlock and completes (the state it leaves
// has the outcome); for a livelock every step of the cycle.
#pragma once

#include "core/explorer.h"
#include "core/model.h"
#include "core/outcome.h"
#include "core/result.h"

#include <vector>

namespace msb::core {

/// For each step of `schedule` (thread indices, replayed from the initial state), whether it is
/// in the slice of the `deciding` steps (indices into the schedule). Errors name the first entry
/// that cannot step, or a deciding index out of range. O(steps^2) footprint tests.
Result<std::vector<bool>> causalSlice(
    const Model& model, const std::vector<int>& schedule, const std::vector<int>& deciding);

/// The deciding steps of a run of `schedule` that ends in `outcome` (see the header comment); for
/// Outcome::Livelock the steps from `cycleStart` on are the cycle. Empty when the schedule does
/// not show the outcome (no step sets the flag, an empty schedule, Running). Precondition: the
/// schedule replays.
std::vector<int> decidingSteps(
    const Model& model, const std::vector<int>& schedule, Outcome outcome, int cycleStart = -1);

/// The slice of a counterexample of `outcome` (explore's shortest schedules), split like it.
struct CounterexampleSlice
{
    std::vector<bool> prefix;
    std::vector<bool> cycle;
    std::vector<int> deciding; // indices into prefix then cycle
};
/// Precondition: `trace` replays from the initial state (explore's counterexamples do).
CounterexampleSlice sliceCounterexample(const Model& model, const Counterexample& trace, Outcome outcome);

} // namespace msb::core
