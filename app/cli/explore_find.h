// SPDX-License-Identifier: MIT
// `explore SCENARIO --find EXPR`: a shortest schedule to a state where the expression holds
// (core/find_state.h), or the proof that none is reachable, as text or JSON.
#pragma once

#include "app/cli/scenario_options.h"
#include "core/find_state.h"

#include <string>

namespace msb::cli {

/// Exit codes: ExitOk when found, ExitPropertyFailed when no state (of those explored) satisfies
/// it, ExitBadInput for a bad scenario, option or expression.
int runExploreFind(
    const ScenarioOptions& scenario, const std::string& expression, const core::FindOptions& options, bool json);

} // namespace msb::cli
