// SPDX-License-Identifier: MIT
// What `run` can add to its trace: --watch expressions (core/expression.h), shown after every step
// as a table or in the JSON, and --causal / --causal-step, the causal slice (core/causal_slice.h)
// of the run's outcome or of a chosen step, marked '*' in the trace and "causal" in the JSON.
#pragma once

#include "core/expression.h"
#include "core/result.h"
#include "core/simulator.h"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace msb::cli {

struct RunAnnotations
{
    std::vector<core::Expression> watches;
    std::vector<bool> causal;  // per step of the run; empty without --causal
    std::vector<int> deciding; // the deciding steps (0-based)
    std::string decidedBy;     // what the deciding steps are, for the trace's last line
};

/// Parses every --watch text; an error names the expression and the column.
core::Result<std::vector<core::Expression>> parseWatches(
    const std::vector<std::string>& texts, const core::Scenario& scenario);

/// The deciding steps of the run's outcome (or `causalStep`, 1-based, when not 0) and their slice.
/// Errors when the run has no outcome to explain or the step is not one of the run's.
core::Result<RunAnnotations> causalAnnotations(const core::Simulator& sim, int causalStep);

/// The trace's step mark: "* " for a step of the slice, "  " otherwise.
const char* causalMark(const RunAnnotations& notes, int step);

/// The watch table: one row per position (0 = the initial state), one column per expression.
void printWatchTable(const core::Simulator& sim, const RunAnnotations& notes, std::ostream& out);

/// The watched values at a position, in --watch order (numbers, booleans, names as strings).
nlohmann::ordered_json watchValuesJson(const core::Simulator& sim, const RunAnnotations& notes, int position);

} // namespace msb::cli
