// SPDX-License-Identifier: MIT
// Line deltas between two frames: the app's SVG frames are ~850 lines, and a step changes a
// handful of them (a thread's state, a counter, the arrow of the step just done), so a frame is
// sent as the lines it shares with a frame the follower already holds plus the few new ones.
// A delta is a JSON array of [start, count] (copy count lines of the base from line start) and
// strings (literal text); a line is what follows a '\n' up to and including the next one (the
// last may have none). assets/web/frame_delta.js applies the same arrays in the page. No I/O.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msb::classroom {

/// The text's lines, each with its '\n' (the concatenation is the text again).
std::vector<std::string_view> splitLines(std::string_view text);

/// The ops that rebuild target from base: applyLineDelta(base, makeLineDelta(base, target)) == target.
nlohmann::json makeLineDelta(std::string_view base, std::string_view target);

/// Rebuilds the frame; nothing if an op is malformed or names lines the base does not have.
std::optional<std::string> applyLineDelta(std::string_view base, const nlohmann::json& delta);

} // namespace msb::classroom
