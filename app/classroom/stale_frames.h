// SPDX-License-Identifier: MIT
// Which rendered frames an event makes stale: the one rule every holder of frames follows (the
// host's caches and what it knows each browser holds, the teacher's renderer, the test and bench
// clients; the page's copy is frame_delta.js's firstStaleFrame, checked against this one by
// tests/web/frame_delta_check.js). A frame shows the state at one position, so a step at index i
// (which replaces the schedule from i on) leaves the frames up to i and makes every frame past i
// stale; a new session or new settings (the states replay differently) and a welcome (a new
// connection holds nothing yet) make them all stale; nothing else touches them. No I/O.
#pragma once

#include "app/classroom/messages.h"

#include <optional>

namespace msb::classroom {

/// The first position whose frame a message of this type makes stale (every frame from it on
/// is), or nothing when the frames stay. stepIndex is the step's index (only read for a step).
std::optional<int> firstStaleFrame(MessageType type, int stepIndex = 0);
/// The same for a decoded message.
std::optional<int> firstStaleFrame(const Message& message);

/// Erases the stale frames from a map keyed by position (std::map<int, ...>).
template <typename FramesByPosition>
void dropStaleFrames(FramesByPosition& frames, std::optional<int> firstStale)
{
    if (firstStale)
        frames.erase(frames.lower_bound(*firstStale), frames.end());
}

} // namespace msb::classroom
