// SPDX-License-Identifier: MIT
// What the outcome banner says while nothing has happened yet: the keys, and for a built-in
// scenario with a suggested run (core::suggestedRun) the steps that show what it is about.
#pragma once

#include <QString>

namespace msb::core {
struct Scenario;
}

namespace msb::app {

/*! position: the run's current position (the suggestion goes once the run is past it). */
QString idleHint(const core::Scenario& scenario, int position);

} // namespace msb::app
