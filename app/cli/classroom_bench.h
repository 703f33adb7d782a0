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
    int steps = 200; // with --frames: the frames' steps (the livelock lesson: 18) unless given
    bool stepsGiven = false;
    int paceMs = 10;
    int idleMs = 3000;
    bool web = false;
    int svgBytes = 0;       // web: publish an SVG frame of this size per step instead of the core's text
    std::string framesFile; // web: publish these frames (classroom capture-frames), position by position
    // The wire (web): permessage-deflate and its bounds, frame deltas.
    bool deflate = true;
    int windowBits = 12;
    int memLevel = 3;
    int compLevel = 6;
    bool contextTakeover = true;
    bool deltas = true;
    // Where: the host listens on bind, the followers connect to connectAddress and run through
    // followersVia (a command prefix, e.g. "ip netns exec NS" for tools/netem-bench.sh).
    std::string bind = "127.0.0.1";
    std::uint16_t port = 0; // 0: any free port
    std::string connectAddress = "127.0.0.1";
    std::string followersVia;
    int joinSpreadMs = 0; // the followers' joins spread over this time
};

struct BenchFollowerArgs
{
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::string code;
    int followers = 1;
    bool web = false;
    bool deflate = true;
    bool deltas = true;
    std::string framesFile; // to verify the rebuilt frames of every 50th follower
    int steps = 0;
    int joinSpreadMs = 0;
};

/// Hosts the v5.11 livelock round, starts `classroom bench-followers` as a child and prints the
/// figures; ExitOk when the latency target was met.
int runClassroomBench(const ClassroomBenchArgs& args);
/// The hidden child: followers that print every step's receive time once the host ended.
int runClassroomBenchFollowers(const BenchFollowerArgs& args);

} // namespace msb::cli
