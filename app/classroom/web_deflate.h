// SPDX-License-Identifier: MIT
// permessage-deflate (RFC 7692) for the browser followers: the settings, what they cost per
// connection, and how the host and the bench's clients hand them to Beast. No Beast types here,
// so HostOptions can carry the settings without pulling in Beast.
#pragma once

#include <cstddef>
#include <string_view>

namespace msb::classroom {

/// Chosen with `classroom wire-table` on the livelock lesson's real frames (README: "Light on the
/// wire"): the messages the host sends after the welcome are small (steps, frame deltas of a few
/// KB), so a 4 KiB window finds nearly every repeat a 32 KiB one finds, at an eighth of the memory.
struct WebDeflateOptions
{
    bool enabled = true;
    int windowBits = 12;         // server_max_window_bits, 9..15: a 2^windowBits byte window
    int memLevel = 3;            // 1..9: hash table and literal buffer, 2^(memLevel+9) bytes together
    int compLevel = 6;           // 0..9: zlib's default trade of CPU against size
    bool contextTakeover = true; // keep the window between messages (same memory in Beast, smaller deltas)
};

/// The host's deflate memory for one connection, allocated once at its first compressed message
/// and kept until it closes (Beast's deflate_stream: a 2-window buffer, the prev chain, the hash
/// heads and the literal buffer = 4 * 2^windowBits + 2^(memLevel+9) bytes).
std::size_t deflateBytesPerConnection(const WebDeflateOptions& options);

/// The inflate window for what the browser sends (hello, pings, answers: a few hundred bytes):
/// 2^9 when the browser's offer lets the server bound it (client_max_window_bits, as Chrome
/// offers), else 2^15, which RFC 7692 then leaves to the client.
int clientWindowBitsFor(std::string_view extensionsOffer);
std::size_t inflateBytesPerConnection(int clientWindowBits);

} // namespace msb::classroom
