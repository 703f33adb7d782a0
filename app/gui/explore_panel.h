// SPDX-License-Identifier: MIT
// Runs the exhaustive explorer for the current scenario under every preset on a worker thread
// and shows the verdicts side by side. Clicking a reached bad outcome asks for its counterexample.
#pragma once

#include "app/gui/core_metatypes.h"
#include "app/gui/verdict_model.h"
#include "core/explorer.h"
#include "core/scenario.h"

#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace msb::app {

class ExplorePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ExplorePanel(QWidget* parent = nullptr);
    ~ExplorePanel() override;

    VerdictModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    bool isRunning() const { return m_running; }
    QString statusText() const;
    /*! States per preset before a run stops as incomplete (keeps the GUI responsive on big scenarios). */
    void setMaxStates(std::uint64_t maxStates) { m_maxStates = maxStates; }

public Q_SLOTS:
    void start(const msb::core::Scenario& scenario);
    void cancel();
    /*! The scenario changed: old verdicts no longer apply. */
    void clear();

Q_SIGNALS:
    void explorationFinished(bool complete);
    /*! The user clicked a reached bad outcome: replay schedule under settings. */
    void counterexampleRequested(const msb::core::Settings& settings, const std::vector<int>& schedule, int cycleStart);
    /*! States found so far under one preset, seconds since that preset's run began (for the
        exploration chart). */
    void progressSnapshot(const QString& preset, double seconds, qulonglong states);
    /*! One preset is done: its final figures and its verdict in words. */
    void presetExplored(const QString& preset, double seconds, qulonglong states, const QString& verdict);

private:
    void onProgress(int column, quint64 states, quint64 transitions, const QString& phase, double seconds);
    void onResult(int column, const core::ExploreResult& result);
    void onFinished(bool cancelled);
    void setRunning(bool running);

    VerdictModel* m_model;
    QTableView* m_table;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    core::Scenario m_scenario;
    QThreadPool m_pool; // owned so the destructor can wait for the worker
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    int m_jobId = 0;
    bool m_running = false;
    std::uint64_t m_maxStates = 2'000'000;
};

} // namespace msb::app
