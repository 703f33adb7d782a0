// SPDX-License-Identifier: MIT
// The explorer's verdicts for one scenario: presets as columns, outcomes as rows.
#pragma once

#include "core/explorer.h"
#include "core/settings.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace msb::app {

class VerdictModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Roles {
        ReachedRole = Qt::UserRole, // bool, or invalid while pending / unknown
        IsBadRole,                  // bool: a bad outcome that was reached (clickable)
        OutcomeRole,                // int core::Outcome, or -1 for the "completes" rows
        PresetRole,                 // QString
    };
    enum Row { CompletesAlways, CompletesPossible, Deadlock, Livelock, Sigbus, LostUpdate, StalePageUse, RowCount };

    explicit VerdictModel(QObject* parent = nullptr);

    /*! Clears every column to "pending" for these settings (one column each). */
    void resetColumns(const std::vector<std::pair<QString, core::Settings>>& columns);
    void setResult(int column, const core::ExploreResult& result);
    const std::optional<core::ExploreResult>& result(int column) const { return m_columns[size_t(column)].result; }
    core::Settings settings(int column) const { return m_columns[size_t(column)].settings; }
    /*! The counterexample behind a bad cell, if any. */
    std::optional<core::Counterexample> counterexample(const QModelIndex& index) const;
    /*! The value shown for a row: reached or not; nullopt while pending or unknown. */
    static std::optional<bool> verdict(const core::ExploreResult& result, int row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Column
    {
        QString name;
        core::Settings settings;
        std::optional<core::ExploreResult> result;
    };
    std::vector<Column> m_columns;
};

} // namespace msb::app
