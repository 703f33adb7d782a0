// SPDX-License-Identifier: MIT
#include "app/cli/scenario_options.h"

#include "core/builtin_scenarios.h"
#include "core/scenario_io.h"
#include "core/settings.h"

#include <CLI/CLI.hpp>

#include <charconv>
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

bool isScenarioParameter(std::string_view key)
{
    return key == "threads" || key == "pages";
}

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

    // Split --set into scenario parameters and knob assignments; knobs apply after the preset.
    core::ScenarioParameters parameters;
    std::vector<std::string> assignments;
    for (const auto& set : options.sets) {
        const auto eq = set.find('=');
        const std::string key = set.substr(0, eq);
        if (eq == std::string::npos || !isScenarioParameter(key)) {
            assignments.push_back(set);
            continue;
        }
        const std::string value = set.substr(eq + 1);
        int number = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (ec != std::errc() || end != value.data() + value.size())
            return optionError("--set " + key, "expected a whole number, got '" + value + "'");
        parameters[key] = number;
    }

    auto scenario = core::isBuiltinScenario(options.scenario) ? core::loadBuiltinScenario(options.scenario, parameters)
                                                              : core::loadScenarioFile(options.scenario, parameters);
    if (!scenario) {
        core::Error error = scenario.error();
        if (isScenarioParameter(error.field) && error.line == 0)
            error.field = "--set " + error.field;
        return error;
    }

    core::Settings settings = found->settings;
    for (const auto& assignment : assignments) {
        auto applied = core::withAssignment(settings, assignment);
        if (!applied) {
            core::Error error = applied.error();
            error.field = "--set " + (error.field.empty() ? assignment : error.field);
            return error;
        }
        settings = applied.value();
    }
    return ResolvedScenario {std::move(scenario).value(), settings, std::string(core::presetNameFor(settings))};
}

int reportBadInput(const core::Error& error)
{
    std::cerr << error.toString() << '\n';
    return ExitBadInput;
}

} // namespace msb::cli
