// SPDX-License-Identifier: MIT
// The browser side of `classroom bench --web` and `classroom capture-frames`: count WebSocket
// followers (Beast clients on one io thread, in the calling thread) join a host and record, per
// follower, when each step and each position's frame arrived and how many bytes came after the
// welcome (payload, and TCP bytes on the socket as the kernel counts them), until the host ends
// the session or every wanted frame is there.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace msb::classroom {

struct WebBenchOptions
{
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::string code;
    int followers = 1;
    std::chrono::milliseconds timeout {120000};
    bool deflate = true;     // offer permessage-deflate, as browsers do
    bool deltas = true;      // say frames:"delta" in the hello, as the follow page does
    bool keepFrames = false; // keep each position's latest SVG/text (capture-frames)
    // Followers 0, verifyEvery, 2 * verifyEvery, ... rebuild every frame (deltas applied as the
    // page does) and compare it with expectedFrame(position); 0: none (they only count bytes).
    int verifyEvery = 0;
    std::function<const std::string*(int position)> expectedFrame;
    int stopAtPositions = -1;                    // >= 0: stop once frames of positions 0..stopAtPositions are all there
    std::chrono::milliseconds connectSpread {0}; // joins spread over this time (a room arriving)
};

struct WebBenchFollower
{
    std::vector<std::int64_t> stepReceivedNs;  // by step index, steady_clock ns (-1: never arrived)
    std::vector<std::int64_t> frameReceivedNs; // by position, the latest frame's arrival (-1: none)
    std::uint64_t bytesAfterWelcome = 0;       // WebSocket payload bytes (steps, frames, ...), inflated
    std::uint64_t wireBytesAfterWelcome = 0;   // TCP bytes received after the welcome (compressed, framed)
    std::uint64_t frames = 0;                  // frame messages received
    std::uint64_t deltaFrames = 0;             // of which deltas
    int framesVerified = 0;                    // rebuilt and equal to the expected frame
    int framesWrong = 0;                       // rebuilt differently, or a delta without its base
    bool deflateNegotiated = false;
    bool ended = false;                      // saw the host's end
    std::string error;                       // why it stopped early
    std::map<int, std::string> frameContent; // keepFrames: position -> the SVG or text
};

/// Blocks until every follower saw the end (or its wanted frames), failed, or the timeout passed.
std::vector<WebBenchFollower> runWebBenchFollowers(const WebBenchOptions& options);

} // namespace msb::classroom
