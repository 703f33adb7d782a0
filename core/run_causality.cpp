// SPDX-License-Identifier: MIT
#include "core/run_causality.h"

#include "core/causal_slice.h"

namespace msb::core {

RunCausality runCausality(const Simulator& sim)
{
    RunCausality out;
    const std::vector<int> schedule = sim.schedule();
    const int steps = static_cast<int>(schedule.size());
    const Model& model = sim.model();
    // The flags first (the step that set each), then how the run ended.
    for (const Outcome outcome : {Outcome::Sigbus, Outcome::LostUpdate, Outcome::StalePageUse}) {
        for (const int d : decidingSteps(model, schedule, outcome)) {
            out.deciding.push_back(d);
            out.decidedBy += (out.decidedBy.empty() ? "" : ", ") + std::string(outcomeName(outcome)) + " (set by step "
                + std::to_string(d + 1) + ")";
        }
    }
    if (out.deciding.empty()) {
        if (const auto round = sim.repeatsPosition()) {
            out.deciding = decidingSteps(model, schedule, Outcome::Livelock, *round);
            out.decidedBy =
                "the livelock round (steps " + std::to_string(*round + 1) + " to " + std::to_string(steps) + ")";
        } else if (sim.status() == Outcome::Deadlock || sim.status() == Outcome::Completes) {
            out.deciding = decidingSteps(model, schedule, sim.status());
            out.decidedBy = std::string(outcomeName(sim.status())) + " (its last step, " + std::to_string(steps) + ")";
        }
    }
    if (out.deciding.empty()) {
        out.decidedBy.clear();
        return out;
    }
    // The schedule is the simulator's own run, so it replays and the deciding steps are in range.
    auto slice = causalSlice(model, schedule, out.deciding);
    if (slice)
        out.causal = std::move(slice).value();
    else
        out.deciding.clear();
    return out;
}

} // namespace msb::core
