// SPDX-License-Identifier: MIT
#include "app/gui/charts/odds_model.h"

#include "app/gui/outcome_presentation.h"

#include <utility>
#include <vector>


namespace msb::app {

OddsModel::OddsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

OddsModel::~OddsModel() = default;

void OddsModel::start(const core::Scenario& scenario, const QStringList& presets, const core::OddsOptions& options)
{
    cancel();
    clear();
    std::vector<std::pair<QString, core::Settings>> runs;
    for (const auto& preset : core::presets()) {
        const QString name = QString::fromUtf8(preset.name.data(), qsizetype(preset.name.size()));
        if (presets.isEmpty() || presets.contains(name))
            runs.emplace_back(name, preset.settings);
    }
    const int total = static_cast<int>(runs.size()) * options.runs;
    m_jobs.start(
        [this, scenario, runs, options, total](const JobTracker::Job& job) {
            // The worker reads only its copies; `this` is touched in posted calls alone.
            for (std::size_t i = 0; i < runs.size(); ++i) {
                const int before = static_cast<int>(i) * options.runs;
                const auto progress = [this, &job, before, total](int done, int) {
                    job.post([this, done, before, total] { Q_EMIT progressChanged(before + done, total); });
                };
                const core::OddsResult result =
                    core::computeOdds(scenario, runs[i].second, options, progress, job.cancelFlag());
                if (result.cancelled)
                    break;
                job.post([this, name = runs[i].first, result] { append(name, result); });
            }
            return true;
        },
        [this](bool) {
            Q_EMIT runningChanged(false);
            Q_EMIT finished();
        });
    Q_EMIT runningChanged(true);
    Q_EMIT progressChanged(0, total);
}

void OddsModel::cancel()
{
    if (!m_jobs.isRunning())
        return;
    m_jobs.cancel(); // results still in flight belong to the cancelled job
    Q_EMIT runningChanged(false);
}

void OddsModel::setResults(const QStringList& presets, const std::vector<core::OddsResult>& results)
{
    Q_ASSERT(presets.size() == qsizetype(results.size()));
    beginResetModel();
    m_presets = presets;
    m_results = results;
    endResetModel();
}

void OddsModel::clear()
{
    beginResetModel();
    m_presets.clear();
    m_results.clear();
    endResetModel();
}

void OddsModel::append(const QString& preset, const core::OddsResult& result)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_presets.append(preset);
    m_results.push_back(result);
    endInsertRows();
}

int OddsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_results.size());
}

int OddsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OddsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const core::OddsResult& r = m_results[index.row()];
    const auto percent = [&r](int count) { return r.runs ? 100.0 * count / r.runs : 0.0; };
    const auto countOf = [&r](int column) -> int {
        if (column == LostUpdateColumn)
            return r.lostUpdate;
        if (column == StalePageUseColumn)
            return r.stalePageUse;
        const auto outcome = outcomeOfColumn(column);
        return outcome ? r.count(*outcome) : 0;
    };
    const int column = index.column();
    if (role == CountRole && column >= CompletesColumn && column <= StalePageUseColumn)
        return countOf(column);
    if (role == Qt::TextAlignmentRole && column != PresetColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case PresetColumn:
        return m_presets[index.row()];
    case MeanRoundsColumn:
        return r.meanRounds();
    case CheckFailuresColumn:
        return static_cast<qlonglong>(r.checkFailures);
    case RunsColumn:
        return r.runs;
    case IndexColumn:
        return index.row();
    default:
        return percent(countOf(column));
    }
}

QVariant OddsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case PresetColumn:
        return tr("Preset");
    case RetryColumn:
        return tr("still retrying at the step budget");
    case MeanRoundsColumn:
        return tr("Mean attempts");
    case CheckFailuresColumn:
        return tr("M7 check failures");
    case RunsColumn:
        return tr("Runs");
    case IndexColumn:
        return tr("Index");
    default:
        if (const auto outcome = outcomeOfColumn(section))
            return outcomeLabel(*outcome);
        return {};
    }
}

std::optional<core::Outcome> OddsModel::outcomeOfColumn(int column)
{
    switch (column) {
    case CompletesColumn:
        return core::Outcome::Completes;
    case RetryColumn:
        return core::Outcome::Running;
    case DeadlockColumn:
        return core::Outcome::Deadlock;
    case SigbusColumn:
        return core::Outcome::Sigbus;
    case LostUpdateColumn:
        return core::Outcome::LostUpdate;
    case StalePageUseColumn:
        return core::Outcome::StalePageUse;
    default:
        return std::nullopt;
    }
}

} // namespace msb::app
