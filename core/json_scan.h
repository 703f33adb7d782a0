// SPDX-License-Identifier: MIT
// Linear scans over raw JSON text, for what the parser cannot tell us: the nesting guard that
// runs before any parsing, and where in the text a field's value starts (for error messages).
// Plain string code (no nlohmann), so it is safe on any input, valid JSON or not.
//
// Every scan is O(text) time and O(nesting depth) memory: a document is at most 1 MiB, and
// bracket bombs such as '[' x 100000 are refused by firstTooDeep before anything else runs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace msb::core::detail {

/// The deepest nesting of arrays and objects accepted in a file or a network message. The
/// deepest real document (a lesson's checkpoint options) nests 4 levels.
inline constexpr int kMaxJsonNesting = 64;

struct TextPosition
{
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based, in bytes
};

/// The line and column of the byte at offset.
TextPosition positionAt(std::string_view text, std::size_t offset);

/// The offset of the first '[' or '{' (outside strings) that opens level limit + 1, or npos when
/// the text nests at most limit levels.
std::size_t firstTooDeep(std::string_view text, int limit = kMaxJsonNesting);

/// Where the value of field ("pages[3].checkpoint.answer") starts; if the field is absent, where
/// its closest enclosing field's value starts; {0, 0} if not even the first component is there.
TextPosition locateField(std::string_view text, std::string_view field);

/// The field path of the value that starts at offset ("settings.check"), empty if none does.
std::string fieldStartingAt(std::string_view text, std::size_t offset);

} // namespace msb::core::detail
