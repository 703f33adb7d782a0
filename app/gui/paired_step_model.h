// SPDX-License-Identifier: MIT
// The step list of the "Compare two kernels" dialog: one row per choice of a paired replay
// (core/kernel_diff.h), with the thread chosen and what each side ran. The first diverged row is
// marked three ways: a coloured background, a "▶" marker and the words "first divergence".
#pragma once

#include "core/kernel_diff.h"

#include <QAbstractTableModel>
#include <QColor>

#include <optional>

namespace msb::app {

class PairedStepModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ChoiceColumn, ThreadColumn, StepAColumn, StepBColumn, NoteColumn, ColumnCount };

    explicit PairedStepModel(QObject* parent = nullptr);

    /*! Shows replay's steps; the scenario names the threads. */
    void setReplay(const core::Scenario& scenario, const core::PairedReplay& replay);
    /*! A livelock replay: its prefix, then the cycle round after round. The row where each round
        starts says so ("round 2 of the cycle"). */
    void setRounds(int prefixLength, int cycleLength);
    /*! The round of the cycle the choice in row starts, or 0. */
    int roundStartingAt(int row) const;
    void clear();
    /*! Row of the first diverged step (PairedReplay::firstDivergence()), if any. */
    std::optional<int> firstDivergenceRow() const { return m_first; }
    /*! The colour of the first divergence (the row, and the frames of the dialog's two scenes). */
    static QColor divergenceColor();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<core::PairedStep> m_steps;
    std::vector<QString> m_threadNames;
    std::optional<int> m_first;
    int m_prefixLength = 0;
    int m_cycleLength = 0; // 0: no rounds to mark
};

} // namespace msb::app
