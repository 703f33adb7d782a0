// SPDX-License-Identifier: MIT
// Compact fixtures for core tests: the built-in scenarios written out by hand (so the model tests
// do not depend on the file loader) and a schedule DSL, "1111 22 1" = T1 four times, T2 twice, T1
// (spaces are only for reading).
#pragma once

#include "core/scenario.h"
#include "core/settings.h"

#include <stdexcept>
#include <string_view>
#include <vector>

namespace msb::core::testing {

inline Scenario singleFault()
{
    return {"single-fault", "", "", 1, {{"T1", ThreadKind::Fault, {0}}}};
}

inline Scenario twoFaults()
{
    return {"two-faults", "", "", 1, {{"T1", ThreadKind::Fault, {0}}, {"T2", ThreadKind::Fault, {0}}}};
}

inline Scenario faultVsHolder()
{
    return {"fault-vs-holder", "", "", 1, {{"T1", ThreadKind::Fault, {0}}, {"H", ThreadKind::Holder, {0}}}};
}

inline std::vector<int> schedule(std::string_view digits)
{
    std::vector<int> out;
    for (char c : digits) {
        if (c == ' ')
            continue;
        if (c < '1' || c > '9')
            throw std::invalid_argument("schedule digit");
        out.push_back(c - '1');
    }
    return out;
}

inline Settings preset(std::string_view name)
{
    const Preset* found = findPreset(name);
    if (!found)
        throw std::invalid_argument("preset");
    return found->settings;
}

// The schedule the README documents: one v5.11 livelock round (T1 migrates, T2 waits and holds its
// reference across T1's check, the check fails, everyone re-faults).
inline constexpr std::string_view kLivelockRound = "1111111 222 1 22 111 22";

} // namespace msb::core::testing
