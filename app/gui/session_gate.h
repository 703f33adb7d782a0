// SPDX-License-Identifier: MIT
// The one door user input takes to the SimulationController's commands (docs/architecture.md §6).
// It holds the two locks a session can be under: read-only (a student following a teacher) and
// the forward limit (a lesson's unanswered checkpoint), each with the reason shown to the user.
// Every command checks them once; a refused command does not touch the controller and returns
// the reason instead (also emitted as refused(), which the window shows in its status bar), and
// a command core refuses (a blocked thread) returns core's error the same way; a widget's trigger
// may then drop the answer, because refused() has already told the user. Widgets enable
// themselves from the gate's state: changed() for the locks, the controller's stateChanged() for
// the position.
//
// One driver bypasses the locks on purpose: a following student's mirror of the teacher
// (followTeacher(), called by the bridge's FollowerMirror only). Programs that set a session up
// (the command line, a restored autosave, a lesson page's state) drive the controller directly.
#pragma once

#include "app/gui/simulation_controller.h"
#include "core/result.h"

#include <QObject>
#include <QString>

#include <map>
#include <string>
#include <vector>

namespace msb::app {

struct SessionPosition;

class SessionGate : public QObject
{
    Q_OBJECT

public:
    /*! A command's answer: the position it led to, or why it was refused or failed. */
    using CommandResult = core::Result<int>;

    explicit SessionGate(SimulationController* controller, QObject* parent = nullptr);

    SimulationController* controller() const { return m_controller; }

    // --- The locks ---
    /*! Read-only: every command below is refused with reason (stopping Play). */
    void setReadOnly(bool on, const QString& reason = {});
    bool isReadOnly() const { return m_readOnly; }
    QString readOnlyReason() const { return m_readOnlyReason; }
    /*! Nothing moves past position (-1: no limit) while it holds, reason says why: steps, Forward,
        Play, Auto step and jumps. Play stops when it gets there. */
    void setForwardLimit(int position, const QString& reason = {});
    int forwardLimit() const { return m_forwardLimit; }
    QString forwardLimitReason() const { return m_forwardLimitReason; }
    /*! The furthest position a user may go to now (the current one when held beyond the limit). */
    int reachablePosition() const;
    /*! Whether forward moves are held at the current position by the limit. */
    bool isHeld() const;
    /*! Why the session cannot go to position now, or an empty string. */
    QString refusalToReach(int position) const;
    /*! Why nothing can change the session now (read-only), or an empty string. */
    QString refusalToEdit() const;

    // --- The user's commands ---
    core::Result<core::StepRecord> step(int thread);
    core::Result<core::StepRecord> stepScheduled();
    CommandResult undo();
    CommandResult redo();
    CommandResult jumpTo(int position);
    CommandResult reset();
    CommandResult setPlaying(bool playing);
    CommandResult togglePlaying() { return setPlaying(!m_controller->isPlaying()); }
    CommandResult setSettings(const core::Settings& settings);
    CommandResult setNarration(int stepIndex, const QString& text);
    /*! A counterexample, a found state, a kernel side: settings, then the schedule, then position
        (-1: the schedule's end). */
    CommandResult loadRun(const core::Settings& settings, const std::vector<int>& schedule, int position = -1);
    CommandResult loadScenario(const core::Scenario& scenario);
    CommandResult loadBuiltin(const QString& name);
    CommandResult openFile(const QString& path);

    // --- The privileged driver ---
    /*! A following student's controller goes where the teacher's is, read-only or not (the lock
        is for the student's input, not for the teacher's session). False if a step of the target
        could not be replayed here. */
    bool followTeacher(const SessionPosition& target, const std::map<int, std::string>& narration);

Q_SIGNALS:
    /*! A lock or its reason changed. */
    void changed();
    /*! A command was refused or failed; reason is what to tell the user. */
    void refused(const QString& reason);

private:
    /*! The refusal as a command's answer (and refused()). */
    core::Error refuse(const QString& reason);
    CommandResult done() const { return m_controller->position(); }
    /*! A boolean command's answer: done, or refused with reason. */
    CommandResult doneIf(bool ok, const QString& reason);
    /*! Play stops where the session may not go on. */
    void stopPlayWhereHeld();

    SimulationController* m_controller;
    bool m_readOnly = false;
    QString m_readOnlyReason;
    int m_forwardLimit = -1;
    QString m_forwardLimitReason;
};

} // namespace msb::app
