// SPDX-License-Identifier: MIT
// What the exports say about each step of a recording: whether it decides the outcome the
// recording ends in, or does not matter for it (core::runCausality of the whole run), the words
// the History's tooltips use.
#pragma once

#include "core/run_causality.h"
#include "core/simulator.h"

#include <QString>

namespace msb::app {

/*! The causal slice of the outcome at the end of sim's history (sim may sit anywhere in it). */
core::RunCausality causalityAtEnd(const core::Simulator& sim);

/*! "decides the outcome", "does not matter for the outcome", or empty (the step matters, or the
    run shows no outcome). step is 0-based. */
QString causalMark(const core::RunCausality& causality, int step);

/*! Whether step is outside the slice (false when there is none). */
bool doesNotMatter(const core::RunCausality& causality, int step);

} // namespace msb::app
