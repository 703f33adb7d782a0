// SPDX-License-Identifier: MIT
// Which steps of a run matter for the outcome it shows at its current position: the run's deciding
// steps (causal_slice.h decidingSteps) and their causal slice. One account for `run --causal` and
// the app's faded History, lanes and exports, so they always agree on which steps matter.
#pragma once

#include "core/simulator.h"

#include <string>
#include <vector>

namespace msb::core {

struct RunCausality
{
    std::vector<int> deciding; // 0-based steps of the run; empty: no outcome to explain
    std::vector<bool> causal;  // per step [0, position): in the slice of `deciding`
    std::string decidedBy;     // "sigbus (set by step 7)", "the livelock round (steps 3 to 12)"...
    bool empty() const { return deciding.empty(); }
};

/// The run up to the simulator's position: the steps that set a flag (sigbus, lost_update,
/// stale_page_use), else the livelock round when the state repeats an earlier one, else the last
/// step of a deadlock or a completed run. Empty when the run shows none of them yet. O(steps^2).
RunCausality runCausality(const Simulator& sim);

} // namespace msb::core
