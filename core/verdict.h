// SPDX-License-Identifier: MIT
#pragma once

namespace msb::core {

/// Which outcomes a whole search found reachable: what `explore` and the SPIN runner both decide
/// and must agree on (docs/architecture.md §4's `liveness` and `safety`).
struct Verdict
{
    bool completesPossible = false;
    bool completesAlways = false; // complete && !deadlock && !livelock && !sigbus
    bool deadlock = false;
    bool livelock = false;
    bool sigbus = false;
    bool lostUpdate = false;
    bool stalePageUse = false;

    bool operator==(const Verdict&) const = default;
};

} // namespace msb::core
