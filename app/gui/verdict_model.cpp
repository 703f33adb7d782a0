// SPDX-License-Identifier: MIT
#include "app/gui/verdict_model.h"

#include "app/gui/outcome_presentation.h"

namespace msb::app {

namespace {

std::optional<core::Outcome> outcomeOfRow(int row)
{
    switch (row) {
    case VerdictModel::Deadlock:
        return core::Outcome::Deadlock;
    case VerdictModel::Livelock:
        return core::Outcome::Livelock;
    case VerdictModel::Sigbus:
        return core::Outcome::Sigbus;
    case VerdictModel::LostUpdate:
        return core::Outcome::LostUpdate;
    case VerdictModel::StalePageUse:
        return core::Outcome::StalePageUse;
    default:
        return std::nullopt;
    }
}

} // namespace

VerdictModel::VerdictModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void VerdictModel::resetColumns(const std::vector<std::pair<QString, core::Settings>>& columns)
{
    beginResetModel();
    m_columns.clear();
    for (const auto& [name, settings] : columns)
        m_columns.push_back({name, settings, std::nullopt});
    endResetModel();
}

void VerdictModel::setResult(int column, const core::ExploreResult& result)
{
    if (column < 0 || column >= columnCount())
        return;
    m_columns[size_t(column)].result = result;
    Q_EMIT dataChanged(index(0, column), index(RowCount - 1, column));
    Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
}

std::optional<bool> VerdictModel::verdict(const core::ExploreResult& r, int row)
{
    std::optional<bool> reached;
    switch (row) {
    case CompletesAlways:
        reached = r.completesAlways;
        break;
    case CompletesPossible:
        reached = r.completesPossible;
        break;
    case Deadlock:
        reached = r.deadlock;
        break;
    case Livelock:
        reached = r.livelock;
        break;
    case Sigbus:
        reached = r.sigbus;
        break;
    case LostUpdate:
        reached = r.lostUpdate;
        break;
    case StalePageUse:
        reached = r.stalePageUse;
        break;
    default:
        return std::nullopt;
    }
    // An incomplete run proves what it found, not what it did not find.
    if (!r.complete && !*reached)
        return std::nullopt;
    return reached;
}

std::optional<core::Counterexample> VerdictModel::counterexample(const QModelIndex& index) const
{
    if (!index.isValid() || !data(index, IsBadRole).toBool())
        return std::nullopt;
    const auto& result = *m_columns[size_t(index.column())].result;
    if (auto outcome = outcomeOfRow(index.row()))
        return result.counterexample(*outcome);
    return std::nullopt;
}

int VerdictModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : RowCount;
}

int VerdictModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant VerdictModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Column& column = m_columns[size_t(index.column())];
    const std::optional<bool> reached = column.result ? verdict(*column.result, index.row()) : std::optional<bool>();
    const auto outcome = outcomeOfRow(index.row());
    const bool bad = reached.value_or(false) && outcome && column.result->counterexample(*outcome).has_value();
    // "completes always: no" and reached bad outcomes are the red cells.
    const bool alarming = reached.has_value()
        && ((outcome && *reached) || (index.row() == CompletesAlways && !*reached)
            || (index.row() == CompletesPossible && !*reached));
    switch (role) {
    case Qt::DisplayRole:
        if (!column.result)
            return QStringLiteral("…");
        if (!reached)
            return QStringLiteral("?");
        if (bad)
            return tr("YES ▸");
        return *reached ? QStringLiteral("yes") : QStringLiteral("no");
    case Qt::ToolTipRole:
        if (bad)
            return tr("Reachable. Click to load the shortest counterexample into the timeline.");
        if (column.result && !reached)
            return tr("Unknown: the exploration stopped before visiting every state.");
        return {};
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::BackgroundRole:
        if (!reached)
            return {};
        if (alarming)
            return alarmTint();
        if ((index.row() <= CompletesPossible && *reached) || (outcome && !*reached))
            return outcomeTint(core::Outcome::Completes);
        return {};
    case Qt::ForegroundRole:
        // The tints are light in both themes, so their text is always dark.
        if (reached)
            return tintTextColour();
        return {};
    case ReachedRole:
        return reached ? QVariant(*reached) : QVariant();
    case IsBadRole:
        return bad;
    case OutcomeRole:
        return outcome ? int(*outcome) : -1;
    case PresetRole:
        return column.name;
    default:
        return {};
    }
}

QVariant VerdictModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount())
            return {};
        const Column& column = m_columns[size_t(section)];
        if (role == Qt::ToolTipRole && column.result)
            return tr("%1 states, %2 transitions, %3 s")
                .arg(column.result->states)
                .arg(column.result->transitions)
                .arg(column.result->seconds, 0, 'f', 3);
        return column.name;
    }
    if (section == CompletesAlways)
        return tr("completes always");
    if (section == CompletesPossible)
        return tr("completes possible");
    if (const auto outcome = outcomeOfRow(section))
        return outcomeLabel(*outcome);
    return {};
}

} // namespace msb::app
