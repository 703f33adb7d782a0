// SPDX-License-Identifier: MIT
#include "app/gui/prospect_sentences.h"

#include <QObject>

#include <new>

namespace msb::app {

namespace {

/// core::outcomeNoun, translated.
QString outcomeNounText(core::Outcome outcome)
{
    switch (outcome) {
    case core::Outcome::Completes:
        return QObject::tr("completion");
    case core::Outcome::Deadlock:
        return QObject::tr("a deadlock");
    case core::Outcome::Livelock:
        return QObject::tr("a livelock");
    case core::Outcome::LostUpdate:
        return QObject::tr("a lost update");
    case core::Outcome::StalePageUse:
        return QObject::tr("stale page use");
    default:
        break;
    }
    const std::string_view noun = core::outcomeNoun(outcome);
    return QString::fromUtf8(noun.data(), qsizetype(noun.size()));
}

QString nouns(core::OutcomeMask mask)
{
    QStringList out;
    for (const core::Outcome outcome : core::kProspectOutcomes) {
        if (mask & core::outcomeBit(outcome))
            out << outcomeNounText(outcome);
    }
    return out.isEmpty() ? QStringLiteral("—") : out.join(QStringLiteral(", "));
}

} // namespace

std::vector<std::optional<core::Prospects>> prospectsOfHistory(
    const core::OutcomeProspects& prospects, const core::Simulator& simulator)
{
    std::vector<std::optional<core::Prospects>> positions;
    positions.reserve(std::size_t(simulator.historySize()) + 1);
    for (int i = 0; i <= simulator.historySize(); ++i)
        positions.push_back(prospects.at(simulator.stateAt(i)));
    return positions;
}

QString prospectsLine(const std::optional<core::Prospects>& prospects)
{
    if (!prospects)
        return {};
    return QObject::tr("Still possible: %1 · inevitable: %2")
        .arg(nouns(prospects->possible), nouns(prospects->inevitable));
}

QString turningPointPhrase(const core::TurningPoint& point)
{
    const QString noun = outcomeNounText(point.outcome);
    return point.inevitable ? QObject::tr("%1 can no longer be avoided").arg(noun)
                            : QObject::tr("%1 is no longer possible").arg(noun);
}

std::map<int, QStringList> turningPointSentences(
    const std::vector<core::TurningPoint>& points, const core::Simulator& simulator)
{
    std::map<int, QStringList> sentences;
    for (const core::TurningPoint& point : points)
        sentences[point.step] << QString::fromStdString(core::describeTurningPoint(point, simulator));
    return sentences;
}

std::map<int, QStringList> exploreTurningPointSentences(const core::Simulator& simulator, QString* reason)
{
    core::ProspectOptions options;
    options.maxStates = 2'000'000; // as the app's background run: an export is not a long exploration
    try {
        const core::OutcomeProspects prospects(simulator.model(), options);
        if (!prospects.complete()) {
            if (reason)
                *reason = QString::fromStdString(prospects.incompleteReason());
            return {};
        }
        return turningPointSentences(core::turningPoints(prospectsOfHistory(prospects, simulator)), simulator);
    } catch (const std::bad_alloc&) {
        if (reason)
            *reason = QObject::tr("out of memory while keeping the state graph");
        return {};
    }
}

} // namespace msb::app
