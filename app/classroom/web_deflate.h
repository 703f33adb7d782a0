// SPDX-License-Identifier: MIT
// permessage-deflate (RFC 7692) for the browser followers: the settings, what they cost per
// connection, and how the host and the bench's clients hand them to Beast. No Beast types here,
// so HostOptions can carry the settings without pulling in Beast.
#pragma once

#include <cstddef>
#include <string_view>

namespace msb::classroom {

/// Chosen with `classroom bench --web --frames` on the livelock lesson's real frames (README:
/// "Light on the wire"): a 4 KiB window gets within 4-12 % of a 32 KiB one at a twelfth of the
/// memory (20 KiB against 256 KiB per connection); below 2 KiB a frame's repeats fall out of it.
struct WebDeflateOptions
{
    bool enabled = true;
    int windowBits = 12; // server_max_window_bits, 9..15: a 2^windowBits byte window
    int memLevel = 3;    // 1..9: hash table and literal buffer, 2^(memLevel+9) bytes together
    int compLevel = 6;   // 0..9: zlib's default trade of CPU against size
    // Kept on (RFC 7692's default); Beast 1.74 ends each message with a full flush anyway, so the
    // history does not carry over and the bytes are the same either way (measured; README).
    bool contextTakeover = true;
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
