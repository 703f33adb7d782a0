// SPDX-License-Identifier: MIT
#include "core/set_assignments.h"

#include <charconv>

namespace msb::core {

namespace {

Error optionError(std::string field, std::string message)
{
    return Error {{}, 0, 0, std::move(field), std::move(message)};
}

} // namespace

bool isScenarioParameter(std::string_view key)
{
    return key == "threads" || key == "pages";
}

Result<SetAssignments> splitSetAssignments(const std::vector<std::string>& sets)
{
    SetAssignments out;
    for (const auto& set : sets) {
        const auto eq = set.find('=');
        const std::string key = set.substr(0, eq);
        if (eq == std::string::npos || !isScenarioParameter(key)) {
            out.knobs.push_back(set);
            continue;
        }
        const std::string value = set.substr(eq + 1);
        int number = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (ec != std::errc() || end != value.data() + value.size())
            return optionError("--set " + key, "expected a whole number, got '" + value + "'");
        out.parameters[key] = number;
    }
    return out;
}

Result<Settings> applyKnobs(Settings base, const std::vector<std::string>& knobs)
{
    for (const auto& assignment : knobs) {
        auto applied = withAssignment(base, assignment);
        if (!applied) {
            Error error = applied.error();
            error.field = "--set " + (error.field.empty() ? assignment : error.field);
            return error;
        }
        base = applied.value();
    }
    return base;
}

} // namespace msb::core
