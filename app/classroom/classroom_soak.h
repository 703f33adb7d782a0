// SPDX-License-Identifier: MIT
// A soak of ClassroomHost on loopback: followers join, leave, reconnect and stall (connect, say
// hello, never read) while the host publishes steps and jumps, for a given duration. At the end
// every connected follower must mirror the host's session, the process RSS must be flat since the
// warm-up and no descriptor may be left over. Used by a short CTest and by `classroom soak`.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace msb::classroom {

struct SoakOptions
{
    std::chrono::milliseconds duration {20000};
    std::chrono::milliseconds warmUp {5000}; // RSS baseline is taken after this much churn
    std::chrono::milliseconds stepInterval {5};
    int followers = 12; // slots for well-behaved followers
    int maxStalled = 3; // raw peers that never read, at the same time
    std::uint32_t seed = 1;
    long rssSlackKb = 6 * 1024;                       // growth allowed between warm-up and end (thread stacks, arenas)
    std::function<void(const std::string&)> progress; // a line now and then (optional)
};

struct SoakReport
{
    std::uint32_t seed = 0;
    double seconds = 0;
    long stepsPublished = 0;
    long jumpsPublished = 0;
    long joins = 0;      // followers created by the soak
    long leaves = 0;     // followers the soak disconnected
    long reconnects = 0; // leave and rejoin in one move
    long stalls = 0;     // raw peers that never read
    long hostJoined = 0; // the host's onFollowerJoined calls
    long hostLeft = 0;   // the host's onFollowerLeft calls
    long transientErrors = 0;
    int followersAtEnd = 0;
    int convergedAtEnd = 0;
    long rssWarmKb = 0;
    long rssEndKb = 0;
    bool rssChecked = true;   // false in sanitizer builds, whose RSS grows by design
    int fdsBefore = 0;        // before the host started
    int fdsHostIdleStart = 0; // host listening, nobody connected
    int fdsHostIdleEnd = 0;   // host listening, everybody gone again
    int fdsAfter = 0;         // after the host stopped
    std::vector<std::string> failures;
    bool ok() const { return failures.empty(); }
};

SoakReport runClassroomSoak(const SoakOptions& options);

/// The report as a few human-readable lines.
std::string describeSoak(const SoakReport& report);

/// VmRSS of this process in KiB (/proc/self/status), -1 if unreadable.
long residentSetKb();
/// Open descriptors of this process (/proc/self/fd), -1 if unreadable.
int openDescriptorCount();

} // namespace msb::classroom
