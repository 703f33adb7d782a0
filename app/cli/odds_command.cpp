// SPDX-License-Identifier: MIT
// `odds`: K seeded random schedules of a scenario under one preset (or all), tallied into outcome
// shares and a histogram of migration attempts until success (core/odds.h has the definitions).
// Run i uses seed S+i, so `run SCENARIO --seed S+i --max-steps N` replays any single run.
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "core/odds.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace msb::cli {

namespace {

struct OddsCommandOptions
{
    ScenarioOptions scenario;
    int runs = 1000;
    std::uint64_t seed = 1;
    int maxSteps = 1000;
    bool json = false;
};

using Json = nlohmann::ordered_json;

// How a random run can end, in the order the report lists them.
constexpr core::Outcome kRunOutcomes[] = {
    core::Outcome::Completes, core::Outcome::Running, core::Outcome::Deadlock, core::Outcome::Sigbus};

// The odds report calls a run still going at its step budget "retry_bounded": it was retrying.
std::string oddsKey(core::Outcome outcome)
{
    return outcome == core::Outcome::Running ? "retry_bounded" : std::string(core::outcomeName(outcome));
}

Json oddsJson(const ResolvedScenario& resolved, const OddsCommandOptions& options, const core::OddsResult& odds)
{
    Json doc;
    doc["scenario"] = resolved.scenario.name;
    doc["preset"] = resolved.presetName;
    Json settings;
    for (const auto& knob : core::knobs()) {
        if (core::knobListed(odds.settings, knob))
            settings[std::string(knob.key)] = core::knobValue(odds.settings, knob.key);
    }
    doc["settings"] = std::move(settings);
    doc["runs"] = odds.runs;
    doc["seed"] = options.seed;
    doc["max_steps"] = options.maxSteps;
    Json outcomes;
    for (const auto outcome : kRunOutcomes)
        outcomes[oddsKey(outcome)] = odds.count(outcome);
    doc["outcomes"] = std::move(outcomes);
    doc["lost_update"] = odds.lostUpdate;
    doc["stale_page_use"] = odds.stalePageUse;
    doc["attempts"] = odds.attempts;
    doc["check_failures"] = odds.checkFailures;
    doc["steps"] = odds.steps;
    doc["migrated_pages"] = odds.migratedPages;
    doc["unmigrated_pages"] = odds.unmigratedPages;
    doc["mean_rounds"] = odds.meanRounds();
    doc["max_rounds"] = odds.maxRounds();
    // rounds_until_success[r-1] = pages that committed on attempt r.
    auto histogram = Json::array();
    for (std::size_t r = 1; r < odds.roundsHistogram.size(); ++r)
        histogram.push_back(odds.roundsHistogram[r]);
    doc["rounds_until_success"] = std::move(histogram);
    return doc;
}

std::string percent(int count, int runs)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%5.1f%%", runs ? 100.0 * count / runs : 0.0);
    return buffer;
}

void printTableHeader(const OddsCommandOptions& options, const std::string& scenario, std::ostream& out)
{
    out << "scenario " << scenario << ": " << options.runs << " random runs per preset, seeds " << options.seed << ".."
        << options.seed + static_cast<std::uint64_t>(options.runs > 0 ? options.runs - 1 : 0) << ", budget "
        << options.maxSteps << " steps\n";
    out << std::left << std::setw(15) << "preset" << std::right;
    for (const char* column : {"completes", "retrying", "deadlock", "sigbus", "lost_upd", "stale_use"})
        out << std::setw(10) << column;
    out << std::setw(8) << "rounds" << std::setw(6) << "max" << std::setw(10) << "M7-fails" << '\n';
}

void printTableRow(const ResolvedScenario& resolved, const core::OddsResult& odds, std::ostream& out)
{
    out << std::left << std::setw(15) << resolved.presetName << std::right;
    for (const auto outcome : kRunOutcomes)
        out << std::setw(10) << percent(odds.count(outcome), odds.runs);
    out << std::setw(10) << percent(odds.lostUpdate, odds.runs) << std::setw(10)
        << percent(odds.stalePageUse, odds.runs);
    std::ostringstream mean;
    mean << std::fixed << std::setprecision(2) << odds.meanRounds();
    out << std::setw(8) << mean.str() << std::setw(6) << odds.maxRounds() << std::setw(10) << odds.checkFailures
        << '\n';
}

void printHistogram(const ResolvedScenario& resolved, const core::OddsResult& odds, std::ostream& out)
{
    out << "  " << resolved.presetName << ": attempts until success:";
    for (std::size_t r = 1; r < odds.roundsHistogram.size(); ++r) {
        if (odds.roundsHistogram[r] > 0)
            out << ' ' << r << ':' << odds.roundsHistogram[r];
    }
    if (odds.migratedPages == 0)
        out << " (no page migrated)";
    if (odds.unmigratedPages > 0)
        out << "  never: " << odds.unmigratedPages;
    out << '\n';
}

int runOdds(const OddsCommandOptions& options)
{
    if (options.runs < 0)
        return reportBadInput(core::Error {{}, 0, 0, "--runs", "must not be negative"});
    if (options.maxSteps < 0)
        return reportBadInput(core::Error {{}, 0, 0, "--max-steps", "must not be negative"});

    std::vector<std::string> presetNames;
    if (options.scenario.preset == "all") {
        for (const auto& preset : core::presets())
            presetNames.emplace_back(preset.name);
    } else {
        presetNames.push_back(options.scenario.preset);
    }

    std::vector<ResolvedScenario> resolved;
    for (const auto& name : presetNames) {
        auto one = resolveScenario(options.scenario, name);
        if (!one)
            return reportBadInput(one.error());
        resolved.push_back(std::move(one).value());
    }

    const core::OddsOptions oddsOptions {options.runs, options.seed, options.maxSteps};
    std::vector<core::OddsResult> results;
    for (const auto& one : resolved)
        results.push_back(core::computeOdds(one.scenario, one.settings, oddsOptions));

    if (options.json) {
        if (options.scenario.preset == "all") {
            auto array = Json::array();
            for (std::size_t i = 0; i < results.size(); ++i)
                array.push_back(oddsJson(resolved[i], options, results[i]));
            std::cout << array.dump(2) << '\n';
        } else {
            std::cout << oddsJson(resolved[0], options, results[0]).dump(2) << '\n';
        }
        return ExitOk;
    }

    printTableHeader(options, resolved[0].scenario.name, std::cout);
    for (std::size_t i = 0; i < results.size(); ++i)
        printTableRow(resolved[i], results[i], std::cout);
    std::cout << "rounds = mean migration attempts (M1 collects) per page until its M7 commits; retrying = "
                 "budget spent without finishing\n";
    for (std::size_t i = 0; i < results.size(); ++i)
        printHistogram(resolved[i], results[i], std::cout);
    return ExitOk;
}

} // namespace

void addOddsCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<OddsCommandOptions>();
    auto* command = app.add_subcommand(
        "odds", "Run many seeded random schedules and tally outcomes and migration attempts until success");
    addScenarioOptions(*command, options->scenario);
    command->add_option("--runs", options->runs, "random schedules per preset (run i uses seed S+i)")
        ->capture_default_str();
    command->add_option("--seed", options->seed, "base seed S")->capture_default_str();
    command->add_option("--max-steps", options->maxSteps, "step budget per run; a run still going is 'retrying'")
        ->capture_default_str();
    command->add_flag("--json", options->json, "print JSON (an array with --preset all)");
    command->footer("--preset all runs every preset.");
    command->callback([options, &exitCode] { exitCode = runOdds(*options); });
}

} // namespace msb::cli
