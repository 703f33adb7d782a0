// SPDX-License-Identifier: MIT
// page_count(D<p>) of every page after each step of a run, one row per position (0 = the initial
// state), for the refcount timeline chart and the PDF handout's table. Reset from a simulator
// snapshot; it keeps no pointer to the simulator.
#pragma once

#include "core/simulator.h"

#include <QAbstractTableModel>

#include <vector>

namespace msb::app {

class RefcountTimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /*! Columns: Step, then page_count(D<p>) for each page, then the expected count at the check
        for each page (Model::expectedCountAtCheck in that state). */
    enum Roles { PageRole = Qt::UserRole, KindRole };
    enum class Kind { Step, Count, Expected };

    explicit RefcountTimelineModel(QObject* parent = nullptr);

    /*! Takes every position of the simulator's history (including the redo tail). */
    void setSimulator(const core::Simulator& simulator);
    void clear();

    int pageCount() const { return m_pages; }
    int countColumn(int page) const { return 1 + page; }
    int expectedColumn(int page) const { return 1 + m_pages + page; }
    int count(int position, int page) const { return m_counts[position * m_pages + page]; }
    int maxCount() const { return m_maxCount; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int m_pages = 0;
    int m_rows = 0;
    int m_maxCount = 0;
    std::vector<int> m_counts;   // [position * pages + page]
    std::vector<int> m_expected; // same layout
};

} // namespace msb::app
