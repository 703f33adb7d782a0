// SPDX-License-Identifier: MIT
// The student's role in a class: follows a teacher through a ClassroomFollower (its io-thread
// callbacks posted back with postToGui), folds the teacher's events into a mirror of the
// session, and while attached drives the controller to the mirror. Detached, the mirror keeps up
// but the controller is the student's own until reattach(). An event that does not fit the mirror
// is logged and a fresh snapshot asked for. Nothing here keeps the student's window read-only:
// the window does that itself while attached, and the mirror wins on the next event anyway.
// ClassroomBridge's student half; see classroom_bridge.h for the threads.
#pragma once

#include "app/classroom/messages.h"
#include "app/classroom/session_state.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace msb::classroom {
class ClassroomFollower;
} // namespace msb::classroom

namespace msb::app {

class SessionGate;
class SimulationController;

class FollowerMirror : public QObject
{
    Q_OBJECT

public:
    /*! Drives gate's controller to the mirror by the gate's privileged path (followTeacher). */
    explicit FollowerMirror(SessionGate* gate, QObject* parent = nullptr);
    ~FollowerMirror() override;

    /*! Connects and joins (a new mirror, attached); joined() or connectionFailed() follows. */
    void join(const QString& host, quint16 port, const QString& code);
    /*! Disconnects; the controller and the mirror keep the last mirrored state. */
    void leave();
    /*! After leave(): attached again, as the next join() starts (attachedChanged if detached). */
    void attachAfterLeaving();
    bool isFollowing() const { return m_follower != nullptr; }
    bool isJoined() const { return m_joined; }
    bool isAttached() const { return m_attached; }
    QString teacherAddress() const { return m_teacher; }
    const classroom::Snapshot& mirror() const { return m_mirror.snapshot(); }

    void detach();
    /*! Mirrors the teacher's position again and asks for a fresh snapshot to confirm it. */
    void reattach();
    /*! The answer to the teacher's latest question as the matching choice's number (see
        ClassroomBridge::sendAnswer). */
    void sendAnswer(const QString& answer);

Q_SIGNALS:
    void logged(const QString& text);
    void joined();
    void attachedChanged(bool attached);
    void connectionFailed(const QString& message, bool persistent);
    void sessionEnded();
    void checkpointReceived(const QString& question, const QStringList& choices, int answer);
    void narrationReceived(int position, const QString& text);

private:
    void received(const classroom::Message& message);
    void eventReceived(const classroom::Message& event);
    void applyMirror();

    SessionGate* m_gate;
    SimulationController* m_controller;
    std::unique_ptr<classroom::ClassroomFollower> m_follower;
    int m_connection = 0; // which join() a posted callback belongs to: a left one's are dropped
    classroom::SessionState m_mirror;
    QString m_teacher;
    bool m_joined = false;
    bool m_attached = true;
    bool m_resyncAsked = false; // a snapshot was asked for an event that did not fit; not again until it came
};

} // namespace msb::app
