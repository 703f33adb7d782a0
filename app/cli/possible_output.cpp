// SPDX-License-Identifier: MIT
#include "app/cli/possible_output.h"

#include "core/memory_budget.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <string_view>
#include <vector>

namespace msb::cli {

namespace {

std::vector<std::string> names(core::OutcomeMask mask)
{
    std::vector<std::string> out;
    for (const core::Outcome outcome : core::kProspectOutcomes) {
        if (mask & core::outcomeBit(outcome))
            out.emplace_back(core::outcomeName(outcome));
    }
    return out;
}

std::string joined(core::OutcomeMask mask)
{
    std::string out;
    for (const std::string& name : names(mask))
        out += (out.empty() ? "" : ", ") + name;
    return out.empty() ? "-" : out;
}

/// The thread that took step `step` (1-based), "-" for the initial state.
std::string threadOf(const core::Simulator& simulator, int step)
{
    if (step < 1)
        return "-";
    return simulator.scenario().threads[static_cast<std::size_t>(simulator.history()[step - 1].thread)].name;
}

std::string seconds(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
    return buffer;
}

} // namespace

void addPossibleOptions(CLI::App& command, PossibleOptions& options)
{
    auto* possible = command.add_flag("--possible", options.enabled,
        "after the run, list for each position the outcomes still possible from there and those now inevitable "
        "(one exhaustive exploration keeping the graph), and the steps where that changed");
    command
        .add_option("--fairness", options.fairness,
            "with --possible, what a livelock is: weak (a ready thread runs again) or none (any cycle)")
        ->check(CLI::IsMember({"weak", "none"}))
        ->capture_default_str()
        ->needs(possible);
}

std::unique_ptr<core::OutcomeProspects> exploreProspects(
    const core::Simulator& simulator, const PossibleOptions& options)
{
    core::ProspectOptions prospectOptions;
    prospectOptions.fairness = core::parseFairness(options.fairness).value_or(core::Fairness::Weak); // checked
    auto prospects = std::make_unique<core::OutcomeProspects>(simulator.model(), prospectOptions);
    if (!prospects->complete()) {
        std::cerr << "--possible: " << prospects->incompleteReason()
                  << "; the scenario is too large to keep its whole state graph\n";
        return nullptr;
    }
    return prospects;
}

nlohmann::ordered_json possibleJson(const core::Simulator& simulator, const core::OutcomeProspects& prospects)
{
    using Json = nlohmann::ordered_json;
    const auto positions = core::prospectsAlong(prospects, simulator);
    Json doc;
    doc["fairness"] = core::fairnessName(prospects.fairness());
    doc["symmetry"] = prospects.symmetric() ? "on" : "off";
    doc["states"] = prospects.states();
    doc["transitions"] = prospects.transitions();
    doc["seconds"] = prospects.seconds();
    doc["bytes"] = prospects.bytes();
    auto rows = Json::array();
    for (std::size_t i = 0; i < positions.size(); ++i) {
        Json row;
        row["step"] = i;
        row["thread"] = i == 0 ? Json(nullptr) : Json(threadOf(simulator, static_cast<int>(i)));
        row["possible"] = names(positions[i] ? positions[i]->possible : 0);
        row["inevitable"] = names(positions[i] ? positions[i]->inevitable : 0);
        rows.push_back(std::move(row));
    }
    doc["positions"] = std::move(rows);
    auto points = Json::array();
    for (const core::TurningPoint& point : core::turningPoints(positions)) {
        Json entry;
        entry["step"] = point.step;
        entry["thread"] = threadOf(simulator, point.step);
        entry["outcome"] = core::outcomeName(point.outcome);
        entry["became"] = point.inevitable ? "inevitable" : "impossible";
        entry["text"] = core::describeTurningPoint(point, simulator);
        points.push_back(std::move(entry));
    }
    doc["turning_points"] = std::move(points);
    return doc;
}

void printPossible(const core::Simulator& simulator, const core::OutcomeProspects& prospects, std::ostream& out)
{
    const auto positions = core::prospectsAlong(prospects, simulator);
    out << "still possible / inevitable from each position (fairness " << core::fairnessName(prospects.fairness())
        << "; one exploration: " << prospects.states() << (prospects.symmetric() ? " states (orbits), " : " states, ")
        << prospects.transitions() << " transitions, " << seconds(prospects.seconds()) << " s, "
        << core::formatBytes(prospects.bytes()) << "):\n";
    out << "  step thread possible" << std::string(39, ' ') << "inevitable\n";
    // A long run repeats itself (a livelock round): rows equal to the one before are folded.
    std::size_t folded = 0;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const bool last = i + 1 == positions.size();
        if (i > 0 && !last && positions[i] == positions[i - 1]) {
            ++folded;
            continue;
        }
        if (folded > 0)
            out << "     (steps " << i - folded << '-' << i - 1 << ": the same)\n";
        folded = 0;
        out << "  " << std::right << std::setw(4) << i << ' ' << std::left << std::setw(6)
            << threadOf(simulator, static_cast<int>(i)) << ' ' << std::setw(46)
            << joined(positions[i] ? positions[i]->possible : 0) << ' '
            << joined(positions[i] ? positions[i]->inevitable : 0) << '\n';
    }
    const auto points = core::turningPoints(positions);
    out << "turning points:" << (points.empty() ? " none (nothing became impossible or inevitable)" : "") << '\n';
    for (const core::TurningPoint& point : points)
        out << "  " << core::describeTurningPoint(point, simulator) << '\n';
}

} // namespace msb::cli
