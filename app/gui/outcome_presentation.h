// SPDX-License-Identifier: MIT
// The one place where the GUI turns core::Outcome into words and colours: the banner, the
// verdict table, the charts and the explorer's verdict summaries all read from here, so an
// outcome looks and reads the same everywhere.
#pragma once

#include "core/explorer.h"
#include "core/outcome.h"

#include <QColor>
#include <QString>

namespace msb::app {

/*! Short words for an outcome: "completes", "deadlock", "livelock", "SIGBUS", "lost update",
    "stale page use"; Running is "still running". */
QString outcomeLabel(core::Outcome outcome);

/*! A light background for text about the outcome (banner, verdict cells): green for Completes,
    amber for Livelock (a round that can repeat), red for the other bad outcomes; invalid for
    Running, which takes the palette's own colours. Light in both themes: put tintTextColour()
    on it. */
QColor outcomeTint(core::Outcome outcome);
/*! The background of an alarming answer that is no single outcome ("completes always: no"). */
QColor alarmTint();
QColor tintTextColour();

/*! A saturated colour for the outcome's series in a chart. Running stands for runs still retrying
    when their step budget ran out. */
QColor outcomeSeriesColour(core::Outcome outcome);

/*! The explorer's verdict in words: "completes always", or the reached bad outcomes ("livelock,
    lost update"), or "completes possible"; "(bound reached)" when the run was incomplete. */
QString verdictSummary(const core::ExploreResult& result);

} // namespace msb::app
