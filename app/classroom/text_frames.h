// SPDX-License-Identifier: MIT
// The scene as plain text, for hosts with no scene renderer (the CLI host): the state at a
// position of the snapshot's schedule, replayed with the core's Simulator, in the vocabulary of
// `migration-sandbox-cli run` (PTE, page_count, PG_locked, waiters, each thread's next step).
#pragma once

#include "app/classroom/messages.h"

#include <string>

namespace msb::classroom {

/// The state after the first position steps of snapshot.steps, as a few lines of text. Costs one
/// Simulator replay of position steps. A schedule that does not replay says so in the text.
std::string renderPositionText(const Snapshot& snapshot, int position);

} // namespace msb::classroom
