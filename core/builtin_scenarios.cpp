// SPDX-License-Identifier: MIT
#include "core/builtin_scenarios.h"

#include "core/builtin_scenarios_data.h"

namespace msb::core {

const std::vector<std::string>& builtinScenarioNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& entry : detail::kBuiltinScenarioFiles)
            out.emplace_back(entry.name);
        return out;
    }();
    return names;
}

std::string_view builtinScenarioText(std::string_view name)
{
    for (const auto& entry : detail::kBuiltinScenarioFiles) {
        if (entry.name == name)
            return entry.text;
    }
    return {};
}

bool isBuiltinScenario(std::string_view name)
{
    return !builtinScenarioText(name).empty();
}

Result<Scenario> loadBuiltinScenario(std::string_view name, const ScenarioParameters& parameters)
{
    const std::string_view text = builtinScenarioText(name);
    if (text.empty()) {
        std::string known;
        for (const auto& n : builtinScenarioNames())
            known += (known.empty() ? "" : ", ") + n;
        return Error {std::string(name), 0, 0, {}, "no such built-in scenario (built-ins: " + known + ")"};
    }
    // Errors name the asset the text came from.
    return parseScenario(text, "assets/scenarios/" + std::string(name) + ".json", parameters);
}

std::optional<SuggestedRun> suggestedRun(std::string_view scenarioName)
{
    // Under v5.11 the waiter's page reference makes the migrator's refcount check fail, and both
    // threads fault again from where they started (K12).
    if (scenarioName == "two-faults")
        return SuggestedRun {"the livelock round", {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1}};
    return std::nullopt;
}

} // namespace msb::core
