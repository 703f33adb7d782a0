// SPDX-License-Identifier: MIT
// Whether a strongly connected component of the symmetry quotient holds a weakly fair cycle of
// the concrete graph, when the explorer's per-state masks cannot tell (the threaded graph of
// symmetry.cpp: each node follows one thread through the quotient's renamings).
#pragma once

#include "core/model.h"
#include "core/state_store.h"
#include "core/symmetry.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace msb::core {

/// The threads the explorer expands in a canonical state, given the enabled ones.
using ExpandFunction = std::function<std::uint32_t(const State& state, std::uint32_t enabled)>;

/// Precondition: `members` are the ids of one non-trivial SCC of the stored quotient graph,
/// sorted ascending, each with `component` in its store mark; threads alone in their class were
/// already checked (they are exact on the per-state masks). Returns true iff every thread of a
/// larger class that is enabled throughout the concrete component steps inside it.
///
/// Cost: every member is expanded once (its edges inside the component are kept, about
/// 5 + threads bytes an edge), then an iterative Tarjan over (member, thread of a larger class)
/// pairs, 9 bytes a pair. Memory is freed on return.
bool threadedComponentIsFair(const Model& model, const Symmetry& symmetry, const StateStore& store,
    const StatePacker& packer, const ExpandFunction& expand, const std::vector<std::uint32_t>& members,
    std::uint32_t component);

} // namespace msb::core
