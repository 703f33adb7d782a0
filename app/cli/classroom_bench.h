// SPDX-License-Identifier: MIT
// `classroom bench`: step-to-follower latency, bytes and host CPU with N followers (native or
// WebSocket) in a child process, so the host's CPU figure is its own.
#pragma once

#include <cstdint>
#include <string>

namespace msb::cli {

struct ClassroomBenchArgs
{
    int followers = 100;
    int steps = 200;
    int paceMs = 10;
    int idleMs = 3000;
    bool web = false;
    int svgBytes = 0; // web: publish an SVG frame of this size per step instead of the core's text
};

/// Hosts the v5.11 livelock round, starts `classroom bench-followers` as a child and prints the
/// figures; ExitOk when the latency target was met.
int runClassroomBench(const ClassroomBenchArgs& args);
/// The hidden child: `count` followers that print every step's receive time once the host ended.
int runClassroomBenchFollowers(std::uint16_t port, const std::string& code, int count, bool web);

} // namespace msb::cli
