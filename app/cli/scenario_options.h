// SPDX-License-Identifier: MIT
// The options every scenario-running sub-command shares: SCENARIO (a built-in name or a file),
// --preset P and repeatable --set key=value (knobs, plus threads/pages for parametric scenarios
// such as n-faults), and their resolution into a Scenario and Settings.
#pragma once

#include "core/result.h"
#include "core/scenario.h"
#include "core/settings.h"

#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace msb::cli {

/// Exit codes of migration-sandbox-cli (docs/architecture.md §4).
enum ExitCode : int {
    ExitOk = 0,
    ExitPropertyFailed = 1, // the checked property failed (e.g. replay divergence)
    ExitBadInput = 2,       // file, option or value the user gave is wrong
    ExitInternal = 3,       // model invariant broken or unexpected exception
};

struct ScenarioOptions
{
    std::string scenario; // built-in name or path to a scenario file
    std::string preset = "v5.11";
    std::vector<std::string> sets; // "key=value", in command-line order
};

/// Adds SCENARIO (required positional), --preset and --set to a sub-command.
void addScenarioOptions(CLI::App& command, ScenarioOptions& options);

struct ResolvedScenario
{
    core::Scenario scenario;
    core::Settings settings;
    std::string presetName; // the preset the settings equal, or "custom" after --set changed them
};

/// Loads the scenario (built-in first, then as a file) with the threads/pages overrides from
/// --set, applies the preset and then the knob assignments. Errors name the file or option.
core::Result<ResolvedScenario> resolveScenario(const ScenarioOptions& options);
/// The same with another preset name instead of options.preset (e.g. for "--preset all" loops).
core::Result<ResolvedScenario> resolveScenario(const ScenarioOptions& options, std::string_view preset);

/// Prints "file:line:col: field: problem" to stderr and returns ExitBadInput.
int reportBadInput(const core::Error& error);

} // namespace msb::cli
