// SPDX-License-Identifier: MIT
// One row per step of the run (including the redo tail), reset from a Simulator snapshot.
#pragma once

#include "core/simulator.h"

#include <QAbstractListModel>
#include <QPalette>
#include <QSet>
#include <QString>

#include <vector>

namespace msb::app {

class HistoryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles {
        ThreadRole = Qt::UserRole, // int
        LabelRole,                 // "M7!"
        TextRole,                  // our pseudo-kernel line
        RefDeltaRole,              // int, page_count change of the step's D
        IsRedoRole,                // bool: after the current position
        IsHighlightedRole,         // bool: responsible for the current outcome
        NoteRole,
        IsCausalRole,     // bool: in the causal slice of the run's outcome; invalid when no slice is shown
        IsDecidingRole,   // bool: a deciding step of that outcome (core::decidingSteps)
        TurningPointRole, // "⟶ a lost update can no longer be avoided", or empty
        WatchValuesRole,  // "page_count(D0)=3 · sleeping(T2)=true" after the step, or empty
    };

    explicit HistoryModel(QObject* parent = nullptr);

    void resetData(const core::Simulator& simulator, const std::vector<int>& highlighted);
    /*! The causal slice of the outcome at the current position (core::runCausality): per step
        before the position, whether it matters; the other rows are drawn faded and the deciding
        steps marked. Empty vectors: no slice (nothing faded). Call after resetData(). */
    void setCausality(const std::vector<bool>& causal, const std::vector<int>& deciding);
    bool hasCausality() const { return !m_causal.empty(); }
    /*! Per row (step index): the turning-point marker and the watch values after the step;
        missing entries are empty. Kept until the next resetData(). */
    void setAnnotations(std::vector<QString> turningPoints, std::vector<QString> watchValues);
    void setPalette(const QPalette& palette);
    int position() const { return m_position; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    static QString annotation(const std::vector<QString>& column, int row);

    struct Row
    {
        int thread;
        QString threadName;
        QString label;
        QString text;
        QString note;
        int refDelta;
        int page;
    };
    std::vector<Row> m_rows;
    std::vector<QString> m_turningPoints;
    std::vector<QString> m_watchValues;
    QSet<int> m_highlighted;
    std::vector<bool> m_causal;
    QSet<int> m_deciding;
    int m_position = 0;
    QPalette m_palette;
};

} // namespace msb::app
