// SPDX-License-Identifier: MIT
// The verdict as `explore` and `spin` print it, so that the two outputs stay comparable.
#pragma once

#include "core/verdict.h"

#include <nlohmann/json.hpp>

#include <ostream>

namespace msb::cli {

nlohmann::json livenessJson(const core::Verdict& verdict);
nlohmann::json safetyJson(const core::Verdict& verdict);

/// The three indented "completes_always yes ..." lines of the human-readable report.
void printVerdictLines(const core::Verdict& verdict, std::ostream& out);

const char* yesNo(bool value);

} // namespace msb::cli
