// SPDX-License-Identifier: MIT
// Outcome shares of K random schedules per preset (core/odds.h), one row per preset. start() runs
// the batches on a worker thread (JobTracker) and rows arrive as each preset finishes; a newer
// start() or cancel() drops the running job.
#pragma once

#include "app/gui/job_tracker.h"
#include "core/odds.h"
#include "core/scenario.h"
#include "core/settings.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <optional>
#include <vector>

namespace msb::app {

class OddsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /*! Share columns hold percentages of the preset's runs. The four outcome columns are
        exclusive and add up to 100; lost update and stale page use are flags on top of them. */
    enum Column {
        PresetColumn,
        CompletesColumn,
        RetryColumn,
        DeadlockColumn,
        SigbusColumn,
        LostUpdateColumn,
        StalePageUseColumn,
        MeanRoundsColumn,
        CheckFailuresColumn,
        RunsColumn,
        IndexColumn, // the row number, as x for series drawn over the preset categories
        ColumnCount
    };
    enum Roles { CountRole = Qt::UserRole };

    explicit OddsModel(QObject* parent = nullptr);
    ~OddsModel() override;

    /*! Starts K runs per preset (all presets when presets is empty) off the GUI thread. */
    void start(const core::Scenario& scenario, const QStringList& presets, const core::OddsOptions& options);
    void cancel();
    bool isRunning() const { return m_jobs.isRunning(); }
    /*! Shows results computed elsewhere (tests, the CLI's numbers). */
    void setResults(const QStringList& presets, const std::vector<core::OddsResult>& results);
    void clear();

    const core::OddsResult& result(int row) const { return m_results[row]; }
    /*! The outcome a share column counts (RetryColumn: runs still Running at the step budget). */
    static std::optional<core::Outcome> outcomeOfColumn(int column);
    QString presetName(int row) const { return m_presets[row]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void progressChanged(int done, int total);
    void runningChanged(bool running);
    void finished();

private:
    void append(const QString& preset, const core::OddsResult& result);

    QStringList m_presets;
    std::vector<core::OddsResult> m_results;
    JobTracker m_jobs {this}; // last: its destructor waits for the worker before the rows go
};

} // namespace msb::app
