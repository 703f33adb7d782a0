// SPDX-License-Identifier: MIT
// Schedules as `explore` prints them (text "T1:M0 T1:M1 ..." and a JSON array of steps), shared by
// its counterexamples and --find, with the causal slice's marks (core/causal_slice.h) when given.
#pragma once

#include "core/causal_slice.h"
#include "core/explorer.h"
#include "core/expression.h"
#include "core/scenario.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace msb::cli {

/// One object a step: thread, step, text, kernel, and "causal" when `causal` is not empty.
nlohmann::ordered_json stepsJson(
    const core::Scenario& scenario, const std::vector<core::TraceStep>& steps, const std::vector<bool>& causal = {});

/// "T1:M0 T1:M1 ..."; with `causal`, a '*' after each step of the slice.
std::string formatSteps(
    const core::Scenario& scenario, const std::vector<core::TraceStep>& steps, const std::vector<bool>& causal = {});

/// The counterexample on one line: the prefix, then ", then repeat [cycle]" for a livelock.
std::string formatSchedule(const core::Scenario& scenario, const core::Counterexample& trace,
    const core::CounterexampleSlice* slice = nullptr);

/// The thread names of a schedule, comma-separated, as `run --schedule` takes them.
std::string scheduleArgument(const core::Scenario& scenario, const std::vector<core::TraceStep>& steps);

/// An expression's value in JSON: a number, a boolean, or the name as a string ("T1", "nobody").
nlohmann::ordered_json valueJson(const core::Scenario& scenario, const core::Value& value);

} // namespace msb::cli
