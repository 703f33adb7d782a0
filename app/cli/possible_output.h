// SPDX-License-Identifier: MIT
// `--possible` of `run` and `replay`: after the run, what was still possible and what had become
// inevitable at each position of it, and the steps where that changed (core/outcome_prospects.h).
#pragma once

#include "core/outcome_prospects.h"
#include "core/simulator.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <ostream>
#include <string>

namespace CLI {
class App;
}

namespace msb::cli {

struct PossibleOptions
{
    bool enabled = false;
    std::string fairness = "weak";
};

/// Adds --possible and --fairness (which needs --possible) to a command.
void addPossibleOptions(CLI::App& command, PossibleOptions& options);

/// Explores the simulator's model once, keeping the graph. Prints why to stderr and returns
/// nullptr when the graph does not fit (the state or memory bound).
std::unique_ptr<core::OutcomeProspects> exploreProspects(
    const core::Simulator& simulator, const PossibleOptions& options);

/// {"fairness", "symmetry", "states", "transitions", "seconds", "bytes", "positions": [{"step", "thread", "possible",
/// "inevitable"}], "turning_points": [{"step", "thread", "outcome", "became", "text"}]}.
nlohmann::ordered_json possibleJson(const core::Simulator& simulator, const core::OutcomeProspects& prospects);

/// The same as a table of positions followed by the turning points in sentences.
void printPossible(const core::Simulator& simulator, const core::OutcomeProspects& prospects, std::ostream& out);

} // namespace msb::cli
