// SPDX-License-Identifier: MIT
#include "app/gui/charts/exploration_model.h"

#include <algorithm>

namespace msb::app {

ExplorationModel::ExplorationModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int ExplorationModel::presetIndex(const QString& preset) const
{
    for (int i = 0; i < presetCount(); ++i) {
        if (m_presets[i].name == preset)
            return i;
    }
    return -1;
}

void ExplorationModel::addSnapshot(const QString& preset, double seconds, qulonglong states)
{
    int index = presetIndex(preset);
    if (index < 0) {
        index = presetCount();
        beginInsertColumns({}, 2 * index, 2 * index + 1);
        m_presets.push_back({preset, {}, {{0.0, 0}}});
        endInsertColumns();
        if (m_rows < 1) {
            beginInsertRows({}, 0, 0);
            m_rows = 1;
            endInsertRows();
        } else {
            Q_EMIT dataChanged(this->index(0, 2 * index), this->index(0, 2 * index + 1));
        }
    }
    auto& points = m_presets[index].points;
    points.push_back({seconds, states});
    m_maxSeconds = std::max(m_maxSeconds, seconds);
    m_maxStates = std::max(m_maxStates, states);
    const int row = static_cast<int>(points.size()) - 1;
    if (row >= m_rows) {
        beginInsertRows({}, m_rows, row);
        m_rows = row + 1;
        endInsertRows();
    } else {
        Q_EMIT dataChanged(this->index(row, 2 * index), this->index(row, 2 * index + 1));
    }
}

void ExplorationModel::setVerdict(const QString& preset, const QString& verdict)
{
    const int index = presetIndex(preset);
    if (index < 0)
        return;
    m_presets[index].verdict = verdict;
    Q_EMIT headerDataChanged(Qt::Horizontal, 2 * index, 2 * index + 1);
    Q_EMIT verdictChanged(index);
}

void ExplorationModel::clear()
{
    beginResetModel();
    m_presets.clear();
    m_rows = 0;
    m_maxSeconds = 0;
    m_maxStates = 0;
    endResetModel();
}

int ExplorationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int ExplorationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 2 * presetCount();
}

QVariant ExplorationModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Preset& preset = m_presets[index.column() / 2];
    if (role == VerdictRole)
        return preset.verdict;
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    if (index.row() >= static_cast<int>(preset.points.size()))
        return {};
    const Point& point = preset.points[index.row()];
    return index.column() % 2 == 0 ? QVariant(point.seconds) : QVariant(point.states);
}

QVariant ExplorationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    const Preset& preset = m_presets[section / 2];
    return section % 2 == 0 ? tr("%1: seconds").arg(preset.name) : tr("%1: states").arg(preset.name);
}

} // namespace msb::app
