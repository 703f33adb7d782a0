// SPDX-License-Identifier: MIT
// The Qt side of live follow-along (docs/architecture.md §7): one SimulationController in a class,
// as the teacher (a HostingRole: HostPublisher for the session events, WebFrameRenderer for the
// browsers' pictures) or as a student (a FollowerMirror). This facade owns both roles, says which
// one is active (mode()), and keeps the one API and set of signals the window, the dialogs, the
// tally panel and the host bench use.
//
// Threads: the classroom library calls back on its io thread. Every callback only posts a copy of
// its arguments to the role object with QMetaObject::invokeMethod(..., Qt::QueuedConnection)
// (postToGui, post_to_gui.h) and re-checks a QPointer on the GUI thread; no Qt object is touched
// on the io thread. The roles' destructors stop their io thread before the QObject goes, so no
// callback outlives the bridge.
#pragma once

#include "app/gui/follower_mirror.h"
#include "app/gui/hosting_role.h"
#include "core/result.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace msb::app {

class SessionGate;
class SimulationController;

class ClassroomBridge : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Idle, Hosting, Following };
    Q_ENUM(Mode)

    /*! The mirror moves the gate's controller by SessionGate::followTeacher. */
    explicit ClassroomBridge(SessionGate* gate, QObject* parent = nullptr);
    /*! A bridge on a bare controller (no window): with a gate of its own. */
    explicit ClassroomBridge(SimulationController* controller, QObject* parent = nullptr);
    ~ClassroomBridge() override;

    SimulationController* controller() const { return m_controller; }
    Mode mode() const { return m_mode; }

    // --- Teacher ---
    /*! Listens on bindAddress:port (0: ephemeral) with code (empty: a random one) and publishes
        the controller's current session, or says why it cannot (already in a class, the port). */
    core::Result<void> startHosting(
        const QString& bindAddress = QStringLiteral("127.0.0.1"), quint16 port = 0, const QString& code = {});
    /*! Ends the session for every follower and closes the server. */
    void stopHosting();
    QString bindAddress() const { return m_hosting.bindAddress(); }
    quint16 port() const { return m_hosting.port(); }
    QString code() const { return m_hosting.code(); }
    int followerCount() const { return m_hosting.followerCounts().total(); }
    /*! Students following, by kind: the app's and browsers' (the follow page). */
    classroom::FollowerCounts followerCounts() const { return m_hosting.followerCounts(); }
    /*! The follow page's address for students' browsers, e.g. "http://127.0.0.1:7331/"; host is
        the name or address they reach this machine by. */
    QString followPageUrl(const QString& host) const { return m_hosting.followPageUrl(host); }
    /*! Positions whose scene went to the web followers (as SVG) since the session began. */
    int framesPublished() const { return m_hosting.framesPublished(); }
    /*! A lesson checkpoint for the followers (their lesson panel may show it). */
    void publishCheckpoint(const QString& question, const QStringList& choices, int answer);
    /*! The lesson page's own text (title, narration, cited notes) for the followers. */
    void publishLessonPage(const classroom::msg::Page& page) { m_hosting.publishLessonPage(page); }
    /*! Shows the latest question's model answer and the room's tally on every follower. */
    void revealAnswer() { m_hosting.revealAnswer(); }
    /*! The same for the question at index checkpoint of askedQuestions(). */
    void revealQuestion(int checkpoint);
    /*! The questions asked in this session, in order (a page revisited asks again). */
    const std::vector<classroom::CheckpointEvent>& askedQuestions() const { return m_hosting.askedQuestions(); }

    // --- Student ---
    /*! Connects and joins; joined() or connectionFailed() follows. */
    void join(const QString& host, quint16 port, const QString& code);
    /*! Disconnects; the controller keeps the last mirrored state. */
    void leave();
    /*! A following student's answer to the teacher's latest question, sent to the host's tally as
        the matching choice's number (core::answerMatches); an answer that is none of the choices
        stays here (the host would close the connection). The student id is kept in QSettings. */
    void sendAnswer(const QString& answer);
    /*! The room's answers: the host's while hosting, else the last class's (or a restored session's). */
    classroom::AnswerTally answers() const { return m_hosting.answers(); }
    /*! A saved session's answers: the next class starts with them (the host's now, if hosting). */
    void restoreAnswers(const classroom::AnswerTally& answers) { m_hosting.restoreAnswers(answers); }
    bool isJoined() const { return m_following.isJoined(); }
    bool isAttached() const { return m_following.isAttached(); }
    /*! "HOST:PORT" of the teacher followed. */
    QString teacherAddress() const { return m_following.teacherAddress(); }
    /*! Explore on your own: events are still received but not applied to the controller. */
    void detach();
    /*! Asks for a fresh snapshot and mirrors the teacher's current position again. */
    void reattach();
    const classroom::Snapshot& mirror() const { return m_following.mirror(); }

Q_SIGNALS:
    void modeChanged(msb::app::ClassroomBridge::Mode mode);
    void followerCountChanged(int count);
    void logged(const QString& text);
    /*! A question's tally changed (the host's one-line summary). */
    void tallyChanged(const QString& line);
    /*! The teacher asked a question (askedQuestions() grew). */
    void questionAsked();
    void joined();
    void attachedChanged(bool attached);
    /*! persistent: the host refused us (wrong code, ...) or gave up; else a quiet retry follows. */
    void connectionFailed(const QString& message, bool persistent);
    void sessionEnded();
    void checkpointReceived(const QString& question, const QStringList& choices, int answer);
    void narrationReceived(int position, const QString& text);

private:
    void setMode(Mode mode);

    SimulationController* m_controller;
    Mode m_mode = Mode::Idle;
    HostingRole m_hosting;
    FollowerMirror m_following;
};

} // namespace msb::app
