// SPDX-License-Identifier: MIT
// The scenarios shipped in assets/scenarios/, compiled into the core at build time (CMake turns
// each JSON file into a string constant), so the CLI needs neither Qt resources nor an install
// path to find them. They are parsed with the same loader as files on disk.
#pragma once

#include "core/result.h"
#include "core/scenario.h"
#include "core/scenario_io.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msb::core {

/// The built-in scenario names, in display order ("single-fault", "two-faults", ...).
const std::vector<std::string>& builtinScenarioNames();
/// The embedded JSON text of a built-in scenario; empty if there is no such built-in.
std::string_view builtinScenarioText(std::string_view name);
bool isBuiltinScenario(std::string_view name);
/// Parses a built-in (parameters as for parseScenario). Unknown names are an Error listing the
/// known ones.
Result<Scenario> loadBuiltinScenario(std::string_view name, const ScenarioParameters& parameters = {});

/// The run worth trying first in a built-in scenario: the steps that show what it is about
/// (the app offers it to newcomers as a hint).
struct SuggestedRun
{
    std::string_view goal;     // "the livelock round"
    std::vector<int> schedule; // thread indices, 0-based
};
/// Empty when the scenario has no suggested run.
std::optional<SuggestedRun> suggestedRun(std::string_view scenarioName);

} // namespace msb::core
