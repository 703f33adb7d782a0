// SPDX-License-Identifier: MIT
// What is still possible and what is inevitable from every position of the window's run
// (core/outcome_prospects.h). The graph is built once per model (scenario + settings) off the GUI
// thread, cancelled and rebuilt when either changes; stepping, undo and scrubbing only look the
// run's states up in it (one hash probe each).
#pragma once

#include "app/gui/job_tracker.h"
#include "core/outcome_prospects.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace msb::app {

class SimulationController;

class RunProspects : public QObject
{
    Q_OBJECT

public:
    enum class Status { Computing, Ready, Incomplete, Failed };

    /*! Starts building the graph of the controller's model right away. */
    explicit RunProspects(SimulationController* controller, QObject* parent = nullptr);
    ~RunProspects() override;

    Status status() const { return m_status; }
    /*! "computing… 12000 states", the reason it is incomplete, or the graph's figures. */
    QString statusText() const { return m_statusText; }
    /*! The current position's line: "Still possible: … · inevitable: …", or the status. */
    QString currentLine() const;

    /*! Positions [0, historySize()] of the run, the redo tail included; empty unless Ready. */
    const std::vector<std::optional<core::Prospects>>& positions() const { return m_positions; }
    /*! The turning points along the whole run (redo tail included), in step order. */
    const std::vector<core::TurningPoint>& turningPoints() const { return m_points; }
    /*! describeTurningPoint()'s sentences per step (1-based). */
    const std::map<int, QStringList>& sentences() const { return m_sentences; }
    /*! History row (0-based step index) -> "⟶ a lost update can no longer be avoided", or empty. */
    QString rowMarker(int stepIndex) const;

    /*! Time from the request (a new model) to the marks, and the graph's size, of the last build. */
    qint64 lastBuildMilliseconds() const { return m_buildMilliseconds; }
    std::uint64_t lastBuildBytes() const { return m_buildBytes; }

    /*! States the graph may hold before it gives up (a smaller limit applies to the next build). */
    void setMaxStates(std::uint64_t maxStates) { m_maxStates = maxStates; }
    std::uint64_t maxStates() const { return m_maxStates; }
    core::Fairness fairness() const { return m_fairness; }

public Q_SLOTS:
    /*! Drops the graph and builds the current model's again. */
    void restart();
    /*! What a livelock is (weak by default, as explore); a change rebuilds the graph. */
    void setFairness(msb::core::Fairness fairness);

Q_SIGNALS:
    /*! The status, the marks or the current position changed. */
    void updated();

private:
    struct Built;
    void onBuilt(const std::shared_ptr<const Built>& built);
    void refreshRun();
    void setStatus(Status status, const QString& text);

    SimulationController* m_controller;
    std::uint64_t m_maxStates = 2'000'000;
    core::Fairness m_fairness = core::Fairness::Weak;
    Status m_status = Status::Computing;
    QString m_statusText;
    std::shared_ptr<const Built> m_built;
    std::vector<std::optional<core::Prospects>> m_positions;
    std::vector<core::TurningPoint> m_points;
    std::map<int, QStringList> m_sentences;
    QElapsedTimer m_requested;
    qint64 m_buildMilliseconds = -1;
    std::uint64_t m_buildBytes = 0;
    JobTracker m_jobs {this}; // last: its destructor waits for the worker
};

} // namespace msb::app
