// SPDX-License-Identifier: MIT
// A scenario says who touches which pages: the CPU threads that fault on device-private pages
// (each re-faults until its access completes, K30) and the
// optional holders H of a genuine page reference (docs/architecture.md §2, Jason Gunthorpe's objection,
// K21 and K27). Every virtual page X<i> starts mapped to device-private page D<i>.
#pragma once

#include "core/result.h"

#include <string>
#include <vector>

namespace msb::core {

inline constexpr int kMaxThreads = 16;
inline constexpr int kMaxPages = 16;
inline constexpr int kMaxAccessesPerThread = 16;

enum class ThreadKind : unsigned char { Fault, Holder };

struct ThreadSpec
{
    std::string name; // unique, e.g. "T1" or "H"
    ThreadKind kind = ThreadKind::Fault;
    std::vector<int> pages; // Fault: the pages it touches, in order. Holder: exactly one page.

    friend bool operator==(const ThreadSpec&, const ThreadSpec&) = default;
};

struct Scenario
{
    std::string name;  // "two-faults"
    std::string title; // one line for pickers
    std::string description;
    int pages = 1;
    std::vector<ThreadSpec> threads;

    int threadIndex(std::string_view threadName) const; // -1 if unknown
    friend bool operator==(const Scenario&, const Scenario&) = default;
};

/// Checks limits and references; the error's field names the offending entry ("threads[1].pages[0]").
Result<Scenario> validateScenario(Scenario scenario);

/// A schedule as people type it (`--schedule` of the CLI and the app): comma-separated entries,
/// each a thread name ("T1", "H") or a 1-based thread number ("1"), spaces around an entry
/// ignored. The one rule for both front ends; the error's field is "--schedule" and its message
/// names the entry ("entry 2 \"7\" is not a thread of two-faults (threads: T1, T2, or 1-2)").
Result<std::vector<int>> parseSchedule(std::string_view text, const Scenario& scenario);

/// N fault threads, each touching pages X0..X(P-1) in order (docs/architecture.md §2 "n-faults").
Scenario makeNFaults(int threads, int pages);

} // namespace msb::core
