// SPDX-License-Identifier: MIT
// Join codes: what a student types to follow a class.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace msb::classroom {

/// Join codes use letters and digits that cannot be misread on a projector (no 0/O, 1/I/L).
inline constexpr std::string_view kJoinCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
std::string randomJoinCode(std::size_t length = 6);
/// Upper-cases a code as typed by a student ("k7x" -> "K7X"), so codes compare case-insensitively.
std::string normalizeJoinCode(std::string_view code);

} // namespace msb::classroom
