// SPDX-License-Identifier: MIT
// `explore SCENARIO --diff PRESET_A PRESET_B [--set-a k=v] [--set-b k=v]`: what tells two kernels
// (or two knob settings) apart (core/kernel_diff.h), as text or JSON.
#pragma once

#include "app/cli/scenario_options.h"
#include "core/explorer.h"

#include <string>
#include <vector>

namespace msb::cli {

struct DiffRequest
{
    ScenarioOptions scenario;       // SCENARIO and the --set assignments both sides share
    std::vector<std::string> diff;  // the two presets, A then B
    std::vector<std::string> setsA; // --set-a: knobs of side A only, after its preset
    std::vector<std::string> setsB;
};

/// Resolves both sides, compares them and prints the result. Bad input: ExitBadInput with an
/// error naming the option (--diff, --set-a, --set-b, --set).
int runDiff(const DiffRequest& request, const core::ExploreOptions& exploreOptions, bool json);

} // namespace msb::cli
