// SPDX-License-Identifier: MIT
#include "app/gui/charts/rounds_histogram_model.h"

#include "app/gui/charts/odds_model.h"

#include <algorithm>

namespace msb::app {

RoundsHistogramModel::RoundsHistogramModel(OddsModel* source, QObject* parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{
    connect(source, &QAbstractItemModel::modelReset, this, &RoundsHistogramModel::rebuild);
    connect(source, &QAbstractItemModel::rowsInserted, this, &RoundsHistogramModel::rebuild);
    connect(source, &QAbstractItemModel::rowsRemoved, this, &RoundsHistogramModel::rebuild);
    connect(source, &QAbstractItemModel::dataChanged, this, &RoundsHistogramModel::rebuild);
    rebuild();
}

void RoundsHistogramModel::rebuild()
{
    beginResetModel();
    m_columns.clear();
    m_rows = 0;
    if (m_source) {
        for (int row = 0; row < m_source->rowCount(); ++row) {
            const core::OddsResult& r = m_source->result(row);
            m_columns.push_back({m_source->presetName(row), r.roundsHistogram, r.migratedPages});
            m_rows = std::max<std::size_t>(m_rows, static_cast<std::size_t>(r.maxRounds()));
        }
    }
    endResetModel();
}

int RoundsHistogramModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows);
}

int RoundsHistogramModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_rows == 0 ? 0 : 1 + static_cast<int>(m_columns.size());
}

QVariant RoundsHistogramModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int rounds = index.row() + 1;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (index.column() == 0)
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(rounds) : QVariant();
    const PresetColumn& column = m_columns[index.column() - 1];
    const int count = rounds < static_cast<int>(column.histogram.size()) ? column.histogram[rounds] : 0;
    if (role == CountRole)
        return count;
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return column.migrated ? 100.0 * count / column.migrated : 0.0;
    return {};
}

QVariant RoundsHistogramModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section == 0)
        return tr("Attempts");
    if (section > 0 && section <= static_cast<int>(m_columns.size()))
        return m_columns[section - 1].name;
    return {};
}

} // namespace msb::app
