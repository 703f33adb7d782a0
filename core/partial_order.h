// SPDX-License-Identifier: MIT
// The partial-order reduction of the explorer (Reduction::Por): persistent sets of one
// thread-local step. Why the reduced graph keeps every verdict is argued in partial_order.cpp.
#pragma once

#include "core/model.h"
#include "core/state.h"

#include <cstdint>

namespace msb::core {

/// True when thread t's next step in `state` touches only t's own state and commutes with every
/// step other threads can take before it (the POR candidates). O(threads); no allocation.
/// Precondition: t < model.threadCount().
bool isLocalStep(const Model& model, const State& state, int thread);

/// The threads the reduced graph expands in `state`, given the enabled ones: the lowest enabled
/// thread whose step is local (an ample set of one), or every enabled thread when none is.
/// Depends on the state only, never on visit order, so every pass sees the same reduced graph.
std::uint32_t ampleThreads(const Model& model, const State& state, std::uint32_t enabled);

} // namespace msb::core
