// SPDX-License-Identifier: MIT
#include "app/cli/trace_output.h"

namespace msb::cli {

nlohmann::ordered_json stepsJson(
    const core::Scenario& scenario, const std::vector<core::TraceStep>& steps, const std::vector<bool>& causal)
{
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const core::StepInfo& info = core::stepInfo(steps[i].step);
        nlohmann::ordered_json step = {{"thread", scenario.threads[static_cast<std::size_t>(steps[i].thread)].name},
            {"step", info.id}, {"text", info.text}, {"kernel", info.function}};
        if (i < causal.size())
            step["causal"] = static_cast<bool>(causal[i]);
        array.push_back(std::move(step));
    }
    return array;
}

std::string formatSteps(
    const core::Scenario& scenario, const std::vector<core::TraceStep>& steps, const std::vector<bool>& causal)
{
    std::string out;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        out += (out.empty() ? "" : " ") + scenario.threads[static_cast<std::size_t>(steps[i].thread)].name + ':'
            + std::string(core::stepInfo(steps[i].step).id) + (i < causal.size() && causal[i] ? "*" : "");
    }
    return out;
}

std::string formatSchedule(
    const core::Scenario& scenario, const core::Counterexample& trace, const core::CounterexampleSlice* slice)
{
    std::string out = formatSteps(scenario, trace.prefix, slice ? slice->prefix : std::vector<bool> {});
    if (!trace.cycle.empty()) {
        out += (out.empty() ? "from the initial state, repeat [" : ", then repeat [")
            + formatSteps(scenario, trace.cycle, slice ? slice->cycle : std::vector<bool> {}) + "]";
    }
    return out.empty() ? "(the initial state)" : out;
}

std::string scheduleArgument(const core::Scenario& scenario, const std::vector<core::TraceStep>& steps)
{
    std::string out;
    for (const core::TraceStep& step : steps)
        out += (out.empty() ? "" : ",") + scenario.threads[static_cast<std::size_t>(step.thread)].name;
    return out;
}

nlohmann::ordered_json valueJson(const core::Scenario& scenario, const core::Value& value)
{
    switch (value.kind) {
    case core::ValueKind::Number:
        return value.number;
    case core::ValueKind::Boolean:
        return value.number != 0;
    default:
        return core::valueText(scenario, value);
    }
}

} // namespace msb::cli
