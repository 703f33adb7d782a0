// SPDX-License-Identifier: MIT
// Shared bits of the app tests: the documented schedule and a reference core::Simulator.
#pragma once

#include "core/builtin_scenarios.h"
#include "core/settings.h"
#include "core/simulator.h"

#include <QtTest>

#include <string_view>
#include <vector>

namespace msb::app::testing {

// One v5.11 livelock round on two-faults (README, DESIGN.md): T-numbers, spaces for reading.
inline constexpr std::string_view kLivelockRound = "1111111 222 1 22 111 22";

inline std::vector<int> schedule(std::string_view digits)
{
    std::vector<int> out;
    for (char c : digits) {
        if (c >= '1' && c <= '9')
            out.push_back(c - '1');
    }
    return out;
}

inline core::Settings preset(std::string_view name)
{
    const core::Preset* found = core::findPreset(name);
    Q_ASSERT(found);
    return found->settings;
}

inline core::Scenario builtin(std::string_view name)
{
    auto scenario = core::loadBuiltinScenario(name);
    Q_ASSERT(scenario.ok());
    return scenario.value();
}

} // namespace msb::app::testing
