// SPDX-License-Identifier: MIT
// The refcount checks of a run: every M7 step (migrate_page_move_mapping's test, K9)
// with the count it saw, the count it expected and whether it passed. One row per check.
#pragma once

#include "core/simulator.h"

#include <QAbstractTableModel>

#include <vector>

namespace msb::app {

class RefcountChecksModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StepColumn, PageColumn, CountColumn, ExpectedColumn, PassedColumn, ColumnCount };

    explicit RefcountChecksModel(QObject* parent = nullptr);

    void setSimulator(const core::Simulator& simulator);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Check
    {
        int step = 0; // the position right after the check (1-based step number)
        int page = 0;
        int count = 0;
        int expected = 0;
        bool passed = false;
    };
    std::vector<Check> m_checks;
};

} // namespace msb::app
