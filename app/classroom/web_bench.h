// SPDX-License-Identifier: MIT
// The browser side of `classroom bench --web`: count WebSocket followers (Beast clients on one
// io thread, in the calling thread) join a host on 127.0.0.1 and record, per follower, when each
// step arrived and how many bytes came after the welcome, until the host ends the session.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace msb::classroom {

struct WebBenchFollower
{
    std::vector<std::int64_t> stepReceivedNs; // by step index, steady_clock ns (-1: never arrived)
    std::uint64_t bytesAfterWelcome = 0;      // WebSocket payload bytes (steps, frames, ...)
    bool ended = false;                       // saw the host's end
    std::string error;                        // why it stopped early
};

/// Blocks until every follower saw the end, failed, or the timeout passed.
std::vector<WebBenchFollower> runWebBenchFollowers(
    std::uint16_t port, const std::string& code, int count, std::chrono::milliseconds timeout);

} // namespace msb::classroom
