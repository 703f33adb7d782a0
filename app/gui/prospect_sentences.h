// SPDX-License-Identifier: MIT
// What the app says about a run's prospects (core/outcome_prospects.h), shared by the Timeline,
// the History tab and the exports so every view uses the same words as `run --possible`.
#pragma once

#include "core/outcome_prospects.h"
#include "core/simulator.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace msb::app {

/*! The prospects of every position of the run, the redo tail included: [0, historySize()]. */
std::vector<std::optional<core::Prospects>> prospectsOfHistory(
    const core::OutcomeProspects& prospects, const core::Simulator& simulator);

/*! "Still possible: completion, a livelock · inevitable: —" (nothing for an unknown position). */
QString prospectsLine(const std::optional<core::Prospects>& prospects);

/*! "a lost update can no longer be avoided": describeTurningPoint() without its "after step" part. */
QString turningPointPhrase(const core::TurningPoint& point);

/*! Per step (1-based), describeTurningPoint()'s sentences of the turning points after it. */
std::map<int, QStringList> turningPointSentences(
    const std::vector<core::TurningPoint>& points, const core::Simulator& simulator);

/*! For the exports: builds the prospects of the simulator's model there and then (it blocks) and
    returns the sentences per step, or nothing when the graph is incomplete (*reason says why). */
std::map<int, QStringList> exploreTurningPointSentences(const core::Simulator& simulator, QString* reason = nullptr);

} // namespace msb::app
