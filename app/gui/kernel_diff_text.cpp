// SPDX-License-Identifier: MIT
#include "app/gui/kernel_diff_text.h"

#include "app/gui/translate.h"
#include "core/explorer.h"
#include "scenes/item_data.h"

#include <QCoreApplication>

namespace msb::app {

namespace {

using scenes::qs;

QString threadName(const core::Scenario& scenario, int thread)
{
    return QString::fromStdString(scenario.threads[static_cast<std::size_t>(thread)].name);
}

QString lassoText(const core::Scenario& scenario, const core::Counterexample& lasso)
{
    auto steps = [&](const std::vector<core::TraceStep>& list) {
        QStringList out;
        for (const core::TraceStep& step : list)
            out << threadName(scenario, step.thread) + QLatin1Char(':') + qs(core::stepInfo(step.step).id);
        return out.join(QLatin1Char(' '));
    };
    const QString prefix = steps(lasso.prefix);
    if (prefix.isEmpty())
        return tr("from the initial state, repeat [%1]").arg(steps(lasso.cycle));
    return tr("%1, then repeat [%2]").arg(prefix, steps(lasso.cycle));
}

QString verdict(const core::ExploreResult& result)
{
    QString text = result.livelock ? tr("yes (%1 states") : tr("no (%1 states");
    text = text.arg(result.states);
    if (!result.complete)
        text += tr(", INCOMPLETE: %1").arg(QString::fromStdString(core::incompleteReason(result)));
    return text + QLatin1Char(')');
}

QString blockedText(const core::PairedReplay& replay)
{
    if (!replay.blockedAt)
        return {};
    return tr(" Then %1 cannot run choice %2: %3.")
        .arg(replay.blockedSide == 0 ? QStringLiteral("A") : QStringLiteral("B"))
        .arg(*replay.blockedAt + 1)
        .arg(QString::fromStdString(replay.blockedReason));
}

QString livelockText(const core::Model& modelA, const core::Model& modelB, const core::LivelockDiff& l)
{
    const core::Scenario& scenario = modelA.scenario();
    const QString mine = l.livelockSide == 0 ? QStringLiteral("A") : QStringLiteral("B");
    const QString other = l.livelockSide == 0 ? QStringLiteral("B") : QStringLiteral("A");
    QString text =
        tr("%1 livelocks, %2 does not: %1's shortest livelock: %3. ").arg(mine, other, lassoText(scenario, l.livelock));
    const QString round = tr("round %1 of the cycle").arg(l.rounds);
    switch (l.end) {
    case core::LivelockReplayEnd::Ends:
        text +=
            tr("On the same choices %1 ends (%2) in %3.")
                .arg(other,
                    QString::fromStdString(core::sideOutcomeText(l.livelockSide == 0 ? l.replay.endB : l.replay.endA)),
                    round);
        break;
    case core::LivelockReplayEnd::Blocked:
        text += tr("On the same choices %1 cannot follow them, in %2.").arg(other, round);
        break;
    case core::LivelockReplayEnd::Repeats:
        text += tr("On the same choices %1 is back, after %2, in a state an earlier round started from: it loops "
                   "too, but not as a livelock (a thread that stays ready never runs).")
                    .arg(other, round);
        break;
    case core::LivelockReplayEnd::Stalls: {
        const core::Model& model = l.livelockSide == 0 ? modelB : modelA;
        const core::State& state = l.livelockSide == 0 ? l.replay.stateB : l.replay.stateA;
        QStringList waiting;
        for (int t = 0; t < model.threadCount(); ++t) {
            if (!model.threadFinished(state, t))
                waiting << threadName(scenario, t);
        }
        text += tr("On the same choices %1 stalls in %2: the cycle only chooses threads that have finished there, "
                   "and %3 never gets a choice.")
                    .arg(other, round, waiting.join(QStringLiteral(", ")));
        break;
    }
    case core::LivelockReplayEnd::Rounds:
        text += tr("On the same choices %1 is still running after %2 rounds of the cycle.").arg(other).arg(l.rounds);
        break;
    }
    return text + blockedText(l.replay);
}

} // namespace

QString choicesText(const core::Scenario& scenario, const std::vector<int>& schedule)
{
    QStringList names;
    for (const int thread : schedule)
        names << threadName(scenario, thread);
    return names.isEmpty() ? tr("(no choice: the initial state)") : names.join(QLatin1Char(' '));
}

QString pairedStepName(const std::optional<core::StepId>& step)
{
    return step ? qs(core::stepInfo(*step).id) : tr("nothing (finished)");
}

QString firstDivergenceText(const core::Scenario& scenario, const core::PairedReplay& replay)
{
    const auto first = replay.firstDivergence();
    if (!first)
        return {};
    const core::PairedStep& step = replay.steps[static_cast<std::size_t>(*first)];
    return tr("first divergence: choice %1 (%2): A runs %3, B runs %4%5")
        .arg(*first + 1)
        .arg(threadName(scenario, step.thread), pairedStepName(step.stepA), pairedStepName(step.stepB),
            step.stepA == step.stepB ? tr(", and the states differ after it") : QString());
}

QStringList kernelDiffSentences(const core::Model& modelA, const core::Model& modelB, const core::KernelDiff& diff)
{
    const core::Scenario& scenario = modelA.scenario();
    QStringList out;
    if (diff.indistinguishable()) {
        out << tr("No schedule tells them apart (%1 pair states explored, the whole pair graph): every schedule "
                  "both can run ends the same way, and the livelock verdicts agree.")
                   .arg(diff.pairStates);
    }
    if (diff.outcome) {
        out << tr("Shortest differing schedule (%1 choices): %2. A: %3; B: %4.")
                    .arg(diff.outcomeSchedule->size())
                    .arg(choicesText(scenario, *diff.outcomeSchedule),
                        QString::fromStdString(core::sideOutcomeText(diff.outcome->endA)),
                        QString::fromStdString(core::sideOutcomeText(diff.outcome->endB)))
                + blockedText(*diff.outcome);
        if (const QString first = firstDivergenceText(scenario, *diff.outcome); !first.isEmpty())
            out << first.left(1).toUpper() + first.mid(1) + QLatin1Char('.');
    } else if (!diff.complete) {
        out << tr("At the end of a schedule: no difference among the pairs explored; the search is incomplete (%1), "
                  "so one may exist.")
                   .arg(QString::fromStdString(core::pairSearchIncompleteReason(diff)));
    } else if (!diff.indistinguishable()) {
        out << tr("At the end of a schedule: no schedule both can run ends differently.");
    }
    if (diff.livelock)
        out << livelockText(modelA, modelB, *diff.livelock);
    out << tr("Pair search: %1 pair states, %2 transitions, %3 s. Livelock (fairness %4): A %5, B %6.")
               .arg(diff.pairStates)
               .arg(diff.pairTransitions)
               .arg(diff.seconds, 0, 'f', 3)
               .arg(qs(core::fairnessName(diff.exploreA.fairness)), verdict(diff.exploreA), verdict(diff.exploreB));
    return out;
}

} // namespace msb::app
