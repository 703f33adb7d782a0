// SPDX-License-Identifier: MIT
#include "app/cli/run_annotations.h"

#include "app/cli/trace_output.h"
#include "core/causal_slice.h"
#include "core/run_causality.h"

#include <algorithm>
#include <iomanip>

namespace msb::cli {

core::Result<std::vector<core::Expression>> parseWatches(
    const std::vector<std::string>& texts, const core::Scenario& scenario)
{
    std::vector<core::Expression> watches;
    for (const std::string& text : texts) {
        auto parsed = core::Expression::parse(text, scenario);
        if (!parsed) {
            core::Error error = parsed.error();
            error.field = "--watch '" + text + "'";
            return error;
        }
        watches.push_back(std::move(parsed).value());
    }
    return watches;
}

core::Result<RunAnnotations> causalAnnotations(const core::Simulator& sim, int causalStep)
{
    RunAnnotations notes;
    const std::vector<int> schedule = sim.schedule();
    const int steps = static_cast<int>(schedule.size());
    const core::Model& model = sim.model();
    if (causalStep != 0) {
        if (causalStep < 1 || causalStep > steps) {
            return core::Error {{}, 0, 0, "--causal-step",
                "step " + std::to_string(causalStep) + " is not a step of this run (it has " + std::to_string(steps)
                    + ")"};
        }
        notes.deciding = {causalStep - 1};
        notes.decidedBy = "step " + std::to_string(causalStep);
    } else {
        core::RunCausality run = core::runCausality(sim);
        if (run.empty()) {
            return core::Error {{}, 0, 0, "--causal",
                "the run ends in no outcome to explain (no flag set, no deadlock, no repeated state, not completed "
                "after "
                    + std::to_string(steps) + " steps): name the deciding step with --causal-step N"};
        }
        notes.deciding = std::move(run.deciding);
        notes.causal = std::move(run.causal);
        notes.decidedBy = std::move(run.decidedBy);
        return notes;
    }
    auto slice = core::causalSlice(model, schedule, notes.deciding);
    if (!slice)
        return slice.error();
    notes.causal = std::move(slice).value();
    return notes;
}

const char* causalMark(const RunAnnotations& notes, int step)
{
    return step < static_cast<int>(notes.causal.size()) && notes.causal[static_cast<std::size_t>(step)] ? "* " : "  ";
}

void printWatchTable(const core::Simulator& sim, const RunAnnotations& notes, std::ostream& out)
{
    if (notes.watches.empty())
        return;
    const core::Scenario& scenario = sim.scenario();
    // Every cell first, so each column is as wide as its widest entry.
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header = {"step", ""};
    for (const core::Expression& watch : notes.watches)
        header.push_back(watch.text());
    rows.push_back(header);
    for (int position = 0; position <= sim.position(); ++position) {
        std::vector<std::string> row = {std::to_string(position), position == 0 ? "(initial)" : ""};
        if (position > 0) {
            const core::StepRecord& record = sim.history()[static_cast<std::size_t>(position - 1)];
            row[1] = scenario.threads[static_cast<std::size_t>(record.thread)].name + ':'
                + std::string(core::stepInfo(record.id).id);
        }
        for (const core::Expression& watch : notes.watches)
            row.push_back(core::valueText(scenario, watch.evaluate(sim.model(), sim.stateAt(position))));
        rows.push_back(std::move(row));
    }
    std::vector<std::size_t> widths(header.size(), 0);
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    out << "watch:\n";
    for (const auto& row : rows) {
        out << "  " << std::right << std::setw(static_cast<int>(widths[0])) << row[0];
        for (std::size_t c = 1; c < row.size(); ++c) {
            const bool last = c + 1 == row.size();
            out << "  " << std::left << std::setw(last ? 0 : static_cast<int>(widths[c])) << row[c];
        }
        out << std::right << '\n';
    }
}

nlohmann::ordered_json watchValuesJson(const core::Simulator& sim, const RunAnnotations& notes, int position)
{
    nlohmann::ordered_json values = nlohmann::ordered_json::array();
    for (const core::Expression& watch : notes.watches)
        values.push_back(valueJson(sim.scenario(), watch.evaluate(sim.model(), sim.stateAt(position))));
    return values;
}

} // namespace msb::cli
