// SPDX-License-Identifier: MIT
// The causal slice (causal_slice.h). Footprints are those of the partial-order reduction, taken
// for the program counter and page each step ran on (and whether that page's PTE was present),
// with one resource left out: the SIGBUS flag. Every guard reads it and only the step that kills
// the process writes it, which is then the last step of any run (nothing is enabled after it). A
// step before the kill read "alive" and decided nothing about it, so it can still be dropped; it
// can no longer be moved after the kill, which is why the slice of a SIGBUS keeps only the
// dropping half of the claim (causal_slice.h).
#include "core/causal_slice.h"

#include "core/step_footprint.h"

namespace msb::core {

namespace {

struct ReplayedStep
{
    int thread = 0;
    Footprint footprint;
};

Result<std::vector<ReplayedStep>> replayFootprints(const Model& model, const std::vector<int>& schedule)
{
    std::vector<ReplayedStep> steps;
    steps.reserve(schedule.size());
    const Resources withoutSigbus = ~Resources::sigbus();
    State state = model.initialState();
    for (std::size_t i = 0; i < schedule.size(); ++i) {
        const int thread = schedule[i];
        if (thread < 0 || thread >= model.threadCount() || !model.enabled(state, thread)) {
            const std::string name = thread >= 0 && thread < model.threadCount()
                ? model.scenario().threads[static_cast<std::size_t>(thread)].name
                : std::to_string(thread);
            return Error {{}, 0, 0, "schedule",
                "entry " + std::to_string(i + 1) + ": thread " + name + " cannot step"
                    + (thread >= 0 && thread < model.threadCount() ? " (" + model.blockedReason(state, thread) + ")"
                                                                   : "")};
        }
        const int page = model.currentPage(state, thread);
        ReplayedStep step;
        step.thread = thread;
        step.footprint = stepFootprint(model.settings(), state.threads[static_cast<std::size_t>(thread)].pc, page,
            state.pages[static_cast<std::size_t>(page)].pte == Pte::Present);
        step.footprint &= withoutSigbus;
        model.apply(state, thread);
        steps.push_back(step);
    }
    return steps;
}

} // namespace

Result<std::vector<bool>> causalSlice(
    const Model& model, const std::vector<int>& schedule, const std::vector<int>& deciding)
{
    auto replayed = replayFootprints(model, schedule);
    if (!replayed)
        return replayed.error();
    const std::vector<ReplayedStep>& steps = replayed.value();
    std::vector<bool> causal(steps.size(), false);
    for (const int d : deciding) {
        if (d < 0 || d >= static_cast<int>(steps.size()))
            return Error {{}, 0, 0, "deciding step",
                "step " + std::to_string(d + 1) + " is not in the schedule of " + std::to_string(steps.size())
                    + " steps"};
        causal[static_cast<std::size_t>(d)] = true;
    }
    // Backwards: when j is in the slice, every earlier step ordered before it joins; those are
    // visited later in this loop, which closes the relation transitively.
    for (std::size_t j = steps.size(); j-- > 0;) {
        if (!causal[j])
            continue;
        for (std::size_t i = 0; i < j; ++i) {
            if (!causal[i] && (steps[i].thread == steps[j].thread || steps[i].footprint.conflicts(steps[j].footprint)))
                causal[i] = true;
        }
    }
    return causal;
}

std::vector<int> decidingSteps(const Model& model, const std::vector<int>& schedule, Outcome outcome, int cycleStart)
{
    std::vector<int> deciding;
    const int n = static_cast<int>(schedule.size());
    std::uint8_t flag = 0;
    switch (outcome) {
    case Outcome::Running:
        return deciding;
    case Outcome::Completes:
    case Outcome::Deadlock:
        if (n > 0)
            deciding.push_back(n - 1);
        return deciding;
    case Outcome::Livelock:
        for (int i = std::max(cycleStart, 0); i < n; ++i)
            deciding.push_back(i);
        return deciding;
    case Outcome::Sigbus:
        flag = FlagSigbus;
        break;
    case Outcome::LostUpdate:
        flag = FlagLostUpdate;
        break;
    case Outcome::StalePageUse:
        flag = FlagStalePageUse;
        break;
    }
    State state = model.initialState();
    for (int i = 0; i < n; ++i) {
        const int thread = schedule[static_cast<std::size_t>(i)];
        if (!model.enabled(state, thread))
            break;
        model.apply(state, thread);
        if (state.flags & flag) {
            deciding.push_back(i);
            break;
        }
    }
    return deciding;
}

CounterexampleSlice sliceCounterexample(const Model& model, const Counterexample& trace, Outcome outcome)
{
    const std::vector<int> schedule = trace.schedule();
    CounterexampleSlice slice;
    slice.deciding = decidingSteps(model, schedule, outcome, static_cast<int>(trace.prefix.size()));
    auto causal = causalSlice(model, schedule, slice.deciding);
    std::vector<bool> all = causal ? std::move(causal).value() : std::vector<bool>(schedule.size(), false);
    slice.prefix.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(trace.prefix.size()));
    slice.cycle.assign(all.begin() + static_cast<std::ptrdiff_t>(trace.prefix.size()), all.end());
    return slice;
}

} // namespace msb::core
