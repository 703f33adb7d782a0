// SPDX-License-Identifier: MIT
#include "app/gui/export/causal_marks.h"

#include <QCoreApplication>

#include <algorithm>

namespace msb::app {

core::RunCausality causalityAtEnd(const core::Simulator& sim)
{
    core::Simulator atEnd = sim;
    atEnd.jumpTo(sim.historySize());
    return core::runCausality(atEnd);
}

bool doesNotMatter(const core::RunCausality& causality, int step)
{
    return step >= 0 && static_cast<std::size_t>(step) < causality.causal.size()
        && !causality.causal[static_cast<std::size_t>(step)];
}

QString causalMark(const core::RunCausality& causality, int step)
{
    if (std::find(causality.deciding.begin(), causality.deciding.end(), step) != causality.deciding.end())
        return QCoreApplication::translate("CausalMarks", "decides the outcome");
    if (doesNotMatter(causality, step))
        return QCoreApplication::translate("CausalMarks", "does not matter for the outcome");
    return {};
}

} // namespace msb::app
