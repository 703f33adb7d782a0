// SPDX-License-Identifier: MIT
// Fixtures every test directory shares (core, cli, app, scenes): the built-in scenarios written
// out by hand, so the model tests do not depend on the file loader; the presets by name; and a
// schedule DSL, "1111 22 1" = T1 four times, T2 twice, T1 (spaces are only for reading).
// Qt-free: the core tests use it too.
#pragma once

#include "core/builtin_scenarios.h"
#include "core/scenario.h"
#include "core/settings.h"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace msb::testing {

inline core::Scenario singleFault()
{
    return {"single-fault", "", "", 1, {{"T1", core::ThreadKind::Fault, {0}}}};
}

/// two-faults as docs/architecture.md §2 defines it: T1 and T2 fault on one page.
inline core::Scenario twoFaults()
{
    return {"two-faults", "", "", 1, {{"T1", core::ThreadKind::Fault, {0}}, {"T2", core::ThreadKind::Fault, {0}}}};
}

/// fault-vs-holder: T1 faults while H holds a genuine reference to the same page.
inline core::Scenario faultVsHolder()
{
    return {"fault-vs-holder", "", "", 1, {{"T1", core::ThreadKind::Fault, {0}}, {"H", core::ThreadKind::Holder, {0}}}};
}

/// Two faults and a holder on one page: every reference kind can appear at once.
inline core::Scenario twoFaultsAndHolder()
{
    core::Scenario scenario = twoFaults();
    scenario.name = "two-faults-holder";
    scenario.threads.push_back({"H", core::ThreadKind::Holder, {0}});
    return scenario;
}

/// A built-in scenario as the app and the CLI load it (from assets/scenarios/).
inline core::Scenario builtin(std::string_view name)
{
    auto scenario = core::loadBuiltinScenario(name);
    if (!scenario.ok())
        throw std::invalid_argument("no built-in scenario " + std::string(name));
    return scenario.value();
}

/// Thread indices from T-numbers: "1112" = T1, T1, T1, T2.
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

inline core::Settings preset(std::string_view name)
{
    const core::Preset* found = core::findPreset(name);
    if (!found)
        throw std::invalid_argument("no preset " + std::string(name));
    return found->settings;
}

/// The schedule the README documents: one v5.11 livelock round on two-faults (T1 migrates, T2
/// waits and holds its reference across T1's check, the check fails, everyone re-faults).
inline constexpr std::string_view kLivelockRound = "1111111 222 1 22 111 22";

} // namespace msb::testing
