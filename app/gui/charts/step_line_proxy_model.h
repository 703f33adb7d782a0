// SPDX-License-Identifier: MIT
// Turns a table of (x, y...) rows into the vertices of a step line: between row k and row k+1 it
// inserts (x[k+1], y[k]), so a QLineSeries mapped onto it draws horizontal runs and vertical
// jumps instead of diagonals (Qt Charts has no step-line series).
#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace msb::app {

class StepLineProxyModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit StepLineProxyModel(QObject* parent = nullptr);
    /*! Column xColumn of the source holds x; every other column is a y value. */
    void setSourceModel(QAbstractItemModel* source, int xColumn = 0);
    QAbstractItemModel* sourceModel() const { return m_source; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<QAbstractItemModel> m_source;
    int m_xColumn = 0;
};

} // namespace msb::app
