// SPDX-License-Identifier: MIT
// The teacher's session as session events: every change of the controller (steps, undo/jump,
// settings, scenario, narration) is diffed against what was published so far and sent to the
// ClassroomHost as the smallest list of events, each folded into the record of what the
// followers have (a SessionState). An event that does not fit that record is logged and the
// session is published afresh, so no follower is left with a session that parted from the
// teacher's. No threads: call it on the GUI thread; the host posts onto its own.
#pragma once

#include "app/classroom/messages.h"
#include "app/classroom/session_state.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace msb::classroom {
class ClassroomHost;
} // namespace msb::classroom

namespace msb::app {

class SimulationController;

class HostPublisher
{
    Q_DECLARE_TR_FUNCTIONS(HostPublisher)

public:
    explicit HostPublisher(const SimulationController* controller);

    /// Every event sent to the host, after it is (the frame renderer forgets what it made stale).
    std::function<void(const classroom::Message& event)> onPublished;
    /// Why an event was not sent.
    std::function<void(const QString& text)> onLog;

    /// A new class on host: the controller's session from scratch.
    void start(classroom::ClassroomHost* host);
    /// Ends the session for the followers (what was published stays readable).
    void end();
    /// Sends what changed in the controller since the last call; nothing while not started.
    void sync();
    /// A lesson checkpoint at the controller's position; false (logged) if it did not fit.
    bool publishCheckpoint(classroom::CheckpointEvent event);

    /// What the followers have been sent (after end(): the last class's).
    const classroom::Snapshot& published() const { return m_published.snapshot(); }

private:
    enum class Outcome { Published, NeedsSession, Rejected };
    void publishFresh();
    Outcome publishChanges();
    bool send(const classroom::Message& event);

    const SimulationController* m_controller;
    classroom::ClassroomHost* m_host = nullptr;
    classroom::SessionState m_published;
};

} // namespace msb::app
