// SPDX-License-Identifier: MIT
// `--set key=value` as both front ends take it: a scenario parameter of a parametric scenario
// (n-faults: threads, pages) or a knob of the settings (core/settings.h). One rule, so the CLI and
// the app accept and refuse the same assignments with the same words.
#pragma once

#include "core/result.h"
#include "core/scenario_io.h"
#include "core/settings.h"

#include <string>
#include <string_view>
#include <vector>

namespace msb::core {

/// Whether key names a scenario parameter rather than a knob: "threads", "pages".
bool isScenarioParameter(std::string_view key);

struct SetAssignments
{
    ScenarioParameters parameters;  // for the scenario's generator
    std::vector<std::string> knobs; // "key=value" for withAssignment, in the order given
};

/// Splits --set assignments into parameters (their value must be a whole number; the error's
/// field is "--set threads") and knob assignments (checked when applied: applyKnobs).
Result<SetAssignments> splitSetAssignments(const std::vector<std::string>& sets);

/// Applies knob assignments in order after base (a preset); the error's field is "--set KEY".
Result<Settings> applyKnobs(Settings base, const std::vector<std::string>& knobs);

} // namespace msb::core
