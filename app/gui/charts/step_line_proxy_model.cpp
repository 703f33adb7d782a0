// SPDX-License-Identifier: MIT
#include "app/gui/charts/step_line_proxy_model.h"

namespace msb::app {

StepLineProxyModel::StepLineProxyModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void StepLineProxyModel::setSourceModel(QAbstractItemModel* source, int xColumn)
{
    beginResetModel();
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    m_xColumn = xColumn;
    if (m_source) {
        // Any change of the source changes the vertex list; a reset is cheap at these sizes.
        const auto reset = [this] {
            beginResetModel();
            endResetModel();
        };
        connect(m_source, &QAbstractItemModel::modelReset, this, reset);
        connect(m_source, &QAbstractItemModel::rowsInserted, this, reset);
        connect(m_source, &QAbstractItemModel::rowsRemoved, this, reset);
        connect(m_source, &QAbstractItemModel::columnsInserted, this, reset);
        connect(m_source, &QAbstractItemModel::columnsRemoved, this, reset);
        connect(m_source, &QAbstractItemModel::dataChanged, this, reset);
    }
    endResetModel();
}

int StepLineProxyModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_source)
        return 0;
    const int rows = m_source->rowCount();
    return rows == 0 ? 0 : 2 * rows - 1;
}

int StepLineProxyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

QVariant StepLineProxyModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_source)
        return {};
    const int k = index.row() / 2;
    const bool riser = index.row() % 2 == 1; // the corner (x[k+1], y[k])
    const int sourceRow = (riser && index.column() == m_xColumn) ? k + 1 : k;
    return m_source->data(m_source->index(sourceRow, index.column()), role);
}

QVariant StepLineProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && m_source)
        return m_source->headerData(section, orientation, role);
    return {};
}

} // namespace msb::app
