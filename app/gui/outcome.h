// SPDX-License-Identifier: MIT
// What the banner says about the run at the current position, in plain language, and which
// steps of the history are responsible. Pure: computed from a Simulator, no widgets.
#pragma once

#include "core/simulator.h"

#include <QString>

#include <vector>

namespace msb::app {

enum class OutcomeKind { Running, Completed, Deadlock, Sigbus, LivelockRound, LostUpdate, StalePageUse };

struct Outcome
{
    OutcomeKind kind = OutcomeKind::Running;
    bool bad = false;
    QString title;
    QString text;
    std::vector<int> steps; // 0-based history indices to highlight
};

Outcome describeOutcome(const core::Simulator& simulator);

} // namespace msb::app
