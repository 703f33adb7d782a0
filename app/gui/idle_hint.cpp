// SPDX-License-Identifier: MIT
#include "app/gui/idle_hint.h"

#include "app/gui/run_actions.h"
#include "app/gui/translate.h"
#include "core/builtin_scenarios.h"

#include <QStringList>

#include <algorithm>

namespace msb::app {

QString idleHint(const core::Scenario& scenario, int position)
{
    const int threads = std::min(int(scenario.threads.size()), kThreadKeyCount);
    QString hint = tr("Press a thread's Step button or its key (1–%1). ← / → undo and redo, Space plays, "
                      "R resets.")
                       .arg(threads);
    const auto suggested = core::suggestedRun(scenario.name);
    if (!suggested || position >= int(suggested->schedule.size()))
        return hint;
    // "T1 ×7, T2 ×3, T1" and "1111111 222 1": runs of the same thread.
    QStringList runs;
    QStringList keys;
    const auto& schedule = suggested->schedule;
    for (size_t i = 0; i < schedule.size();) {
        size_t j = i;
        while (j < schedule.size() && schedule[j] == schedule[i])
            ++j;
        const auto name = QString::fromStdString(scenario.threads[size_t(schedule[i])].name);
        const auto count = qsizetype(j - i);
        runs << (count > 1 ? QStringLiteral("%1 ×%2").arg(name).arg(count) : name);
        keys << QString(count, QChar(u'1' + schedule[i]));
        i = j;
    }
    // The core names the goal in English; the one built-in goal is translated here.
    const QString goal = suggested->goal == "the livelock round"
        ? tr("the livelock round")
        : QString::fromUtf8(suggested->goal.data(), qsizetype(suggested->goal.size()));
    return hint
        + tr(" To see %1: step %2 (keys %3), then flip the switch on the left.")
              .arg(goal, runs.join(QStringLiteral(", ")), keys.join(QLatin1Char(' ')));
}

} // namespace msb::app
