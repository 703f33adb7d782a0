// SPDX-License-Identifier: MIT
// The one app-side owner of a core::Simulator (docs/architecture.md §6). Panels and the scene observe it
// through signals and read snapshots through the const accessors; only its commands mutate.
#pragma once

#include "app/gui/core_metatypes.h"
#include "core/recording.h"
#include "core/result.h"
#include "core/scenario.h"
#include "core/settings.h"
#include "core/simulator.h"

#include <QMetaType>
#include <QObject>
#include <QTimer>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>


namespace msb::app {

enum class ScheduleMode { RoundRobin, Random };

/*! What stateChanged() carries: the session at its new position, read once per change. The
    pointers stay valid until the controller's next command. */
struct SessionSnapshot
{
    const core::Simulator* simulator = nullptr;
    int position = 0;
    int historySize = 0;
    const core::State* state = nullptr;
    /*! The step that led to this position, if any. */
    const core::StepRecord* lastStep = nullptr;
    /*! This change was one step forward (a step or a redo), the one kind the scene animates. */
    bool steppedForward = false;
};

class SimulationController : public QObject
{
    Q_OBJECT

public:
    /*! Starts on two-faults under v5.11 (docs/architecture.md §2). */
    explicit SimulationController(QObject* parent = nullptr);
    ~SimulationController() override;

    const core::Simulator& simulator() const { return *m_simulator; }
    const core::Model& model() const { return m_simulator->model(); }
    const core::State& state() const { return m_simulator->state(); }
    const core::Scenario& scenario() const { return m_simulator->scenario(); }
    const core::Settings& settings() const { return m_simulator->settings(); }
    int position() const { return m_simulator->position(); }
    int historySize() const { return m_simulator->historySize(); }
    int threadCount() const { return model().threadCount(); }
    /*! The step that led to the current position, if any. */
    const core::StepRecord* lastStep() const;

    bool isPlaying() const { return m_timer.isActive(); }
    int stepsPerSecond() const { return m_stepsPerSecond; }

    /*! The session as stateChanged() last described it (steppedForward false): what a panel
        built later shows first. */
    SessionSnapshot snapshot() const { return snapshotOf(false); }

    /*! Runs one step of the auto-scheduler; an error when no thread can step. */
    core::Result<core::StepRecord> stepScheduled();

    /*! Narration of step index (0-based: the step that leads to position index + 1). */
    QString narration(int stepIndex) const;
    const std::map<int, std::string>& narrations() const { return m_narration; }
    /*! The whole run (the redo tail included) with its narration, as Save recording writes it. */
    core::Recording recording() const;

public Q_SLOTS:
    /*! core::Simulator::step's result: the step taken, or why the thread cannot step. */
    core::Result<core::StepRecord> step(int thread);
    bool undo();
    bool redo();
    void jumpTo(int position);
    void reset();
    /*! Keeps the schedule and replays it under the new settings (core::Simulator::changeSettings). */
    void setSettings(const msb::core::Settings& settings);
    /*! false and loadFailed() for an invalid scenario, which leaves the session as it was. */
    bool loadScenario(const msb::core::Scenario& scenario, const msb::core::Settings& settings);
    /*! Replays a schedule from the initial state (a counterexample, --schedule); false and
        loadFailed() if a thread could not step. The steps that did run stay. */
    bool replay(const std::vector<int>& schedule);
    /*! Opens a recording at position 0 with every step as redo tail, so it can be scrubbed,
        played or branched off; false and loadFailed() if a step no longer applies, and then the
        session is the one before the call. */
    bool loadRecording(const msb::core::Recording& recording);
    /*! A scenario file, or a recording (*.msrec.json) at position 0. Whatever goes wrong (a
        refused file, an exception from a loader) is reported by loadFailed() naming the file,
        returns false and leaves the session as it was. parameters override a parametric
        scenario's generator (n-faults: threads, pages). */
    bool openFile(const QString& path, const std::map<std::string, int, std::less<>>& parameters = {});
    /*! A built-in scenario by name (core::builtinScenarioNames()); failures as openFile(). */
    bool loadBuiltin(const QString& name, const std::map<std::string, int, std::less<>>& parameters = {});
    /*! Sets (or, with empty text, removes) the narration of a step that exists in the history. */
    void setNarration(int stepIndex, const QString& text);

    void setPlaying(bool playing);
    void togglePlaying() { setPlaying(!isPlaying()); }
    void setStepsPerSecond(int stepsPerSecond);
    void setScheduleMode(msb::app::ScheduleMode mode, std::uint64_t seed);

Q_SIGNALS:
    void stateChanged(const msb::app::SessionSnapshot& snapshot);
    void stepApplied(const msb::core::StepRecord& record);
    void settingsChanged(const msb::core::Settings& settings);
    void scenarioChanged(const msb::core::Model& model);
    void loadFailed(const QString& message);
    void playingChanged(bool playing);
    void narrationChanged(int stepIndex);

private:
    /*! A loader's result: loadFailed() with its error, or the scenario under the current settings. */
    bool loadParsed(const msb::core::Result<msb::core::Scenario>& scenario);
    /*! Swaps in a new session (stopping play) and says what changed. */
    void adopt(std::unique_ptr<core::Simulator> next, std::map<int, std::string> narration);
    void restartScheduler();
    SessionSnapshot snapshotOf(bool steppedForward) const;
    void emitState(bool steppedForward = false) { Q_EMIT stateChanged(snapshotOf(steppedForward)); }
    void onTick();
    /*! Drops narration of steps that left the history (a branch, a shorter replay). */
    void pruneNarration();

    std::unique_ptr<core::Simulator> m_simulator;
    std::unique_ptr<core::Scheduler> m_scheduler;
    QTimer m_timer;
    int m_stepsPerSecond = 4;
    ScheduleMode m_mode = ScheduleMode::RoundRobin;
    std::uint64_t m_seed = 1;
    bool m_repeatAtPlayStart = false;
    std::map<int, std::string> m_narration;
};

/*! The default scenario when no file is given: T1 and T2 faulting on one page. */
core::Scenario twoFaultsScenario();

} // namespace msb::app
