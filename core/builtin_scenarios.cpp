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

} // namespace msb::core
