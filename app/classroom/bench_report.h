// SPDX-License-Identifier: MIT
// What both classroom benches share (`migration-sandbox-cli classroom bench`, which hosts with the
// classroom library alone, and `migration-sandbox --host-bench`, which hosts with the app's own
// bridge and scene renderer): the followers' child process and how to read it, step-to-follower
// latency, and the host process's CPU and memory. Times are steady_clock nanoseconds
// (CLOCK_MONOTONIC on Linux: one clock for the host and the followers' process).
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace msb::classroom {

/// The command line of the hidden `classroom bench-followers` child.
struct BenchFollowersCommand
{
    std::string cli; // the migration-sandbox-cli to run
    std::string via; // a command prefix (e.g. "ip netns exec NS"), or empty
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::string code;
    int followers = 1;
    int joinSpreadMs = 0;
    bool web = false;
    bool deflate = true;
    bool deltas = true;
    std::string framesFile; // web: every 50th follower checks its rebuilt frames against these
    std::string toString() const;
};

/// What the followers' child printed once the host ended the session.
struct BenchFollowersReport
{
    std::map<std::pair<int, std::size_t>, long long> stepAt;  // (follower, step index) -> ns
    std::map<std::pair<int, std::size_t>, long long> frameAt; // (follower, position) -> ns
    unsigned long long payloadBytes = 0;                      // web: after the welcome, inflated
    unsigned long long wireBytes = 0;                         // web: TCP bytes after the welcome
    unsigned long long frames = 0;
    unsigned long long deltaFrames = 0;
    int deflateNegotiated = 0; // followers
    int framesVerified = 0;
    int framesWrong = 0;
};

/// Reads the child's lines ("R", "F", "B", "V"; classroom_bench.cpp prints them) until EOF.
BenchFollowersReport readBenchFollowers(std::FILE* child);

struct BenchLatency
{
    std::vector<double> sortedMs; // one per (follower, step) that arrived
    std::size_t missing = 0;      // (follower, step) pairs that never arrived
    /// The q-quantile (0.5: median), 0 when nothing arrived.
    double quantile(double q) const;
};

/// The latency of every published step at every follower: published[i] is when step i left the
/// host; with frames, a step has arrived once its frame (position i + 1) has too.
BenchLatency benchLatency(
    const BenchFollowersReport& report, int followers, const std::vector<std::int64_t>& published, bool withFrames);

std::int64_t benchNowNs();
/// User + system CPU seconds of this process, every thread.
double processCpuSeconds();
/// This process's resident memory (VmRSS) and its peak (VmHWM), in KiB.
std::pair<long, long> processResidentKiB();

} // namespace msb::classroom
