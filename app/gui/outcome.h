// SPDX-License-Identifier: MIT
// What the banner says about the run at the current position, in plain language, and which
// steps of the history are responsible. Pure: computed from a Simulator, no widgets.
#pragma once

#include "core/simulator.h"

#include <QString>

#include <vector>

namespace msb::app {

/*! The run at one position, for people. outcome is Livelock when the state repeats an earlier one
    (a livelock round: the interleaving can go on forever), Running when nothing happened yet. */
struct OutcomeDescription
{
    core::Outcome outcome = core::Outcome::Running;
    bool bad = false;
    QString title;
    QString text;
    std::vector<int> steps; // 0-based history indices to highlight
};

OutcomeDescription describeOutcome(const core::Simulator& simulator);

/*! The step the thread would take now: exact when it can step (the branch is decided by trying
    it on a copy of the state), else the nominal line of its program counter. */
core::StepId nextStep(const core::Model& model, const core::State& state, int thread);

} // namespace msb::app
