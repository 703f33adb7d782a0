// SPDX-License-Identifier: MIT
// Explores one scenario under every preset, one preset after the other, off the GUI thread. The
// one run behind the Explore tab (its verdict table) and the Charts tab (states over time): both
// views read the two models here, so a run started from either shows in both, and a view created
// after the run still shows it.
#pragma once

#include "app/gui/job_tracker.h"
#include "core/explorer.h"
#include "core/scenario.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <optional>

namespace msb::app {

class ExplorationModel;
class VerdictModel;

class PresetExploration : public QObject
{
    Q_OBJECT

public:
    explicit PresetExploration(QObject* parent = nullptr);
    ~PresetExploration() override;

    /*! Presets as columns, each filled in when its preset is explored. */
    VerdictModel* verdicts() const { return m_verdicts; }
    /*! States stored over time per preset, with each preset's verdict once it is explored. */
    ExplorationModel* timeline() const { return m_timeline; }

    const core::Scenario& scenario() const { return m_scenario; }
    /*! False until setScenario(): start() then does nothing. */
    bool hasScenario() const { return !m_scenario.threads.empty(); }
    bool isRunning() const { return m_jobs.isRunning(); }
    /*! States per preset before a run stops as incomplete (keeps the GUI responsive on big
        scenarios). */
    void setMaxStates(std::uint64_t maxStates) { m_maxStates = maxStates; }
    std::uint64_t maxStates() const { return m_maxStates; }
    /*! Bytes each preset's run may hold before it stops as incomplete, rather than meet the
        OOM killer; nothing: core::defaultMemoryBudget(), read when each run starts. */
    void setMemoryBudget(std::optional<std::uint64_t> bytes) { m_memoryBudget = bytes; }
    std::optional<std::uint64_t> memoryBudget() const { return m_memoryBudget; }
    /*! Store one state per orbit of interchangeable threads (core/symmetry.h): the same verdicts
        and real-thread counterexamples from far fewer states. On by default. */
    void setSymmetry(bool on) { m_symmetry = on; }
    bool symmetry() const { return m_symmetry; }
    /*! What a livelock is (core::Fairness): weak by default; none counts cycles that starve a
        ready thread. Applies to the next start(). */
    void setFairness(core::Fairness fairness)
    {
        if (fairness == m_fairness)
            return;
        m_fairness = fairness;
        Q_EMIT fairnessChanged(fairness);
    }
    core::Fairness fairness() const { return m_fairness; }

public Q_SLOTS:
    /*! The scenario to explore next; a running exploration is cancelled and the results cleared,
        since they no longer apply. */
    void setScenario(const msb::core::Scenario& scenario);
    /*! Explores the scenario under every preset (a running exploration is cancelled first,
        its results dropped). */
    void start();
    /*! Stops the running exploration; the presets explored so far keep their results. */
    void cancel();

Q_SIGNALS:
    void started();
    /*! Figures of the preset in column `column` while it is being explored. */
    void progressed(int column, qulonglong states, qulonglong transitions, const QString& phase, double seconds);
    /*! The preset in column `column` is explored: its result is in verdicts(). */
    void presetExplored(int column);
    /*! Every preset was explored; complete is false when a run hit the state limit. */
    void finished(bool complete);
    void cancelled();
    /*! The results were dropped: a new scenario. */
    void cleared();
    /*! The Explore tab's Fairness box changed (the Timeline's prospects follow it). */
    void fairnessChanged(msb::core::Fairness fairness);

private:
    void onProgress(int column, quint64 states, quint64 transitions, const QString& phase, double seconds);
    void onResult(int column, const core::ExploreResult& result);
    void clearResults();

    VerdictModel* m_verdicts;
    ExplorationModel* m_timeline;
    core::Scenario m_scenario;
    std::uint64_t m_maxStates = 2'000'000;
    std::optional<std::uint64_t> m_memoryBudget;
    bool m_symmetry = true;
    core::Fairness m_fairness = core::Fairness::Weak;
    JobTracker m_jobs {this}; // last: its destructor waits for the worker before the models go
};

} // namespace msb::app
