// SPDX-License-Identifier: MIT
#include "app/gui/outcome_presentation.h"

#include "app/gui/translate.h"

#include <QStringList>

namespace msb::app {

QString outcomeLabel(core::Outcome outcome)
{
    switch (outcome) {
    case core::Outcome::Running:
        return tr("still running");
    case core::Outcome::Completes:
        return tr("completes");
    case core::Outcome::Deadlock:
        return tr("deadlock");
    case core::Outcome::Livelock:
        return tr("livelock");
    case core::Outcome::Sigbus:
        return QStringLiteral("SIGBUS");
    case core::Outcome::LostUpdate:
        return tr("lost update");
    case core::Outcome::StalePageUse:
        return tr("stale page use");
    }
    return QStringLiteral("?");
}

QColor outcomeTint(core::Outcome outcome)
{
    switch (outcome) {
    case core::Outcome::Running:
        return {};
    case core::Outcome::Completes:
        return QColor(0xC8, 0xE6, 0xC9);
    case core::Outcome::Livelock:
        return QColor(0xFF, 0xE0, 0xB2);
    default:
        return alarmTint();
    }
}

QColor alarmTint()
{
    return QColor(0xFF, 0xCD, 0xD2);
}

QColor tintTextColour()
{
    return QColor(0x1A, 0x1A, 0x1A);
}

QColor outcomeSeriesColour(core::Outcome outcome)
{
    switch (outcome) {
    case core::Outcome::Completes:
        return QColor(0x2c, 0xa0, 0x2c);
    case core::Outcome::Running:
    case core::Outcome::Livelock:
        return QColor(0xff, 0xbb, 0x33);
    case core::Outcome::Deadlock:
        return QColor(0x7f, 0x3c, 0x8d);
    case core::Outcome::Sigbus:
        return QColor(0xd6, 0x27, 0x28);
    case core::Outcome::LostUpdate:
        return QColor(0x11, 0x11, 0x11);
    case core::Outcome::StalePageUse:
        return QColor(0xe3, 0x77, 0xc2);
    }
    return {};
}

QString verdictSummary(const core::ExploreResult& result)
{
    QStringList found;
    if (result.completesAlways)
        found << tr("completes always");
    for (const core::Outcome outcome : core::kBadOutcomes) {
        if (result.reached(outcome))
            found << outcomeLabel(outcome);
    }
    QString text = found.isEmpty() ? tr("completes possible") : found.join(QStringLiteral(", "));
    if (!result.complete)
        text += tr(" (bound reached)");
    return text;
}

} // namespace msb::app
