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
    };

    explicit HistoryModel(QObject* parent = nullptr);

    void resetData(const core::Simulator& simulator, const std::vector<int>& highlighted);
    void setPalette(const QPalette& palette);
    int position() const { return m_position; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
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
    QSet<int> m_highlighted;
    int m_position = 0;
    QPalette m_palette;
};

} // namespace msb::app
