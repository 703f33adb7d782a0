// SPDX-License-Identifier: MIT
#include "app/cli/explore_find.h"

#include "app/cli/trace_output.h"
#include "core/expression.h"
#include "core/model.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>

namespace msb::cli {

namespace {

/// The `run` command line that replays the schedule, with the scenario options as given.
std::string replayCommand(const ScenarioOptions& options, const std::string& preset, const std::string& schedule)
{
    std::string command = "migration-sandbox-cli run " + options.scenario + " --preset " + preset;
    for (const std::string& set : options.sets)
        command += " --set " + set;
    return command + (schedule.empty() ? "" : " --schedule " + schedule);
}

std::string valuesText(const core::Scenario& scenario, const std::vector<std::pair<std::string, core::Value>>& values)
{
    std::string out;
    for (const auto& [text, value] : values)
        out += (out.empty() ? "" : "  ") + text + " = " + core::valueText(scenario, value);
    return out;
}

} // namespace

int runExploreFind(
    const ScenarioOptions& options, const std::string& text, const core::FindOptions& findOptions, bool json)
{
    auto resolved = resolveScenario(options);
    if (!resolved)
        return reportBadInput(resolved.error());
    const core::Scenario& scenario = resolved.value().scenario;
    auto parsed = core::Expression::parse(text, scenario);
    if (!parsed) {
        core::Error error = parsed.error();
        error.field = "--find";
        return reportBadInput(error);
    }
    const core::Expression& expression = parsed.value();
    if (expression.kind() != core::ValueKind::Boolean) {
        return reportBadInput(core::Error {{}, 0, 1, "--find",
            "'" + text + "' is " + std::string(core::valueKindName(expression.kind()))
                + ", not true or false: compare it, e.g. '" + text + " == ...'"});
    }
    const core::Model model(scenario, resolved.value().settings);
    const core::FindResult result = core::findState(model, expression, findOptions);
    const std::string& preset = resolved.value().presetName;
    const std::string schedule = scheduleArgument(scenario, result.schedule);
    const auto values =
        result.found ? expression.callValues(model, result.state) : std::vector<std::pair<std::string, core::Value>> {};

    if (json) {
        nlohmann::ordered_json settings = nlohmann::ordered_json::object();
        for (const auto& knob : core::knobs()) {
            if (core::knobListed(resolved.value().settings, knob))
                settings[std::string(knob.key)] = core::knobValue(resolved.value().settings, knob.key);
        }
        nlohmann::ordered_json object = {
            {"scenario", scenario.name},
            {"preset", preset},
            {"settings", settings},
            {"find", text},
            {"reduction", "none"},
            {"symmetry", "off"},
            {"found", result.found},
            {"complete", result.complete},
            {"states", result.states},
            {"transitions", result.transitions},
            {"seconds", result.seconds},
        };
        if (result.found) {
            object["length"] = result.schedule.size();
            object["schedule"] = stepsJson(scenario, result.schedule);
            nlohmann::ordered_json valueObject = nlohmann::ordered_json::object();
            for (const auto& [call, value] : values)
                valueObject[call] = valueJson(scenario, value);
            object["values"] = valueObject;
            object["replay"] = replayCommand(options, options.preset, schedule);
        }
        if (result.stoppedBy != core::ExploreStop::None)
            object["incomplete_reason"] = core::findIncompleteReason(result);
        std::cout << object.dump(2) << '\n';
    } else {
        std::cout << "scenario " << scenario.name << ", preset " << preset << ", reduction none, symmetry off\n";
        std::cout << "  find: " << text << '\n';
        if (result.found) {
            std::cout << "  found after " << result.schedule.size() << " steps (shortest; " << result.states
                      << " states explored breadth-first, " << std::fixed << std::setprecision(3) << result.seconds
                      << " s)\n";
            std::cout << "  schedule: "
                      << (result.schedule.empty() ? "(the initial state)" : formatSteps(scenario, result.schedule))
                      << '\n';
            std::cout << "  values: " << valuesText(scenario, values) << '\n';
            std::cout << "  replay: " << replayCommand(options, options.preset, schedule) << '\n';
        } else if (result.complete) {
            std::cout << "  unreachable: none of the " << result.states << " reachable states satisfies it (every "
                      << "state explored, " << result.transitions << " transitions, " << std::fixed
                      << std::setprecision(3) << result.seconds << " s)\n";
        } else {
            std::cout << "  not found in the " << result.states
                      << " states explored (INCOMPLETE: " << core::findIncompleteReason(result)
                      << "); a state beyond them may still satisfy it\n";
        }
    }
    return result.found ? ExitOk : ExitPropertyFailed;
}

} // namespace msb::cli
