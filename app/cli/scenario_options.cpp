// SPDX-License-Identifier: MIT
#include "app/cli/scenario_options.h"

#include "core/builtin_scenarios.h"
#include "core/scenario_io.h"
#include "core/set_assignments.h"
#include "core/settings.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace msb::cli {

void addScenarioOptions(CLI::App& command, ScenarioOptions& options)
{
    std::string knobKeys; // from the table, so a new knob is named here too
    for (const auto& knob : core::knobs())
        knobKeys += (knobKeys.empty() ? "" : ", ") + std::string(knob.key);
    command.add_option("SCENARIO", options.scenario, "built-in scenario name (see `list`) or a scenario file")
        ->required();
    command.add_option("--preset", options.preset, "kernel preset (see `list`)")->capture_default_str();
    command
        .add_option("--set", options.sets,
            "key=value: a knob (" + knobKeys + ") or, for n-faults, threads=N / pages=P; repeatable")
        ->take_all()
        ->allow_extra_args(false);
}

namespace {

core::Error optionError(std::string option, std::string message)
{
    return core::Error {{}, 0, 0, std::move(option), std::move(message)};
}

} // namespace

core::Result<ResolvedScenario> resolveScenario(const ScenarioOptions& options)
{
    return resolveScenario(options, options.preset);
}

core::Result<ResolvedScenario> resolveScenario(const ScenarioOptions& options, std::string_view preset)
{
    const core::Preset* found = core::findPreset(preset);
    if (!found) {
        std::string known;
        for (const auto& p : core::presets())
            known += (known.empty() ? "" : ", ") + std::string(p.name);
        return optionError("--preset", "unknown preset '" + std::string(preset) + "'; known presets: " + known);
    }

    // Scenario parameters go to the generator; knobs apply after the preset.
    auto sets = core::splitSetAssignments(options.sets);
    if (!sets)
        return sets.error();
    const core::ScenarioParameters& parameters = sets.value().parameters;

    auto scenario = core::isBuiltinScenario(options.scenario) ? core::loadBuiltinScenario(options.scenario, parameters)
                                                              : core::loadScenarioFile(options.scenario, parameters);
    if (!scenario) {
        core::Error error = scenario.error();
        if (core::isScenarioParameter(error.field) && error.line == 0)
            error.field = "--set " + error.field;
        return error;
    }

    auto settings = core::applyKnobs(found->settings, sets.value().knobs);
    if (!settings)
        return settings.error();
    return ResolvedScenario {
        std::move(scenario).value(), settings.value(), std::string(core::presetNameFor(settings.value()))};
}

int reportBadInput(const core::Error& error)
{
    std::cerr << error.toString() << '\n';
    return ExitBadInput;
}

} // namespace msb::cli
