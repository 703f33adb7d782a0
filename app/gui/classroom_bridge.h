// SPDX-License-Identifier: MIT
// The Qt side of live follow-along (docs/architecture.md §7): owns a classroom::ClassroomHost (the teacher)
// or a classroom::ClassroomFollower (a student) and connects it to one SimulationController.
//
// Threads: the classroom library calls back on its io thread. Every callback here only posts a
// copy of its arguments to this object with QMetaObject::invokeMethod(..., Qt::QueuedConnection)
// and re-checks a QPointer on the GUI thread; no Qt object is touched on the io thread. The
// destructor stops the io thread before the QObject goes, so no callback outlives the bridge.
//
// Hosting: every change of the controller (steps, undo/jump, settings, scenario, narration) is
// diffed against what was published so far and sent as the smallest list of session events.
// Web followers also get each position's scene as SVG (the HTML export's renderer, inlineSvg, on
// an offscreen scene; twice: 1280x720 and, for phones held upright, the portrait layout at
// 390x844), the teacher's position first, the rest of the schedule one per turn of
// the event loop so the teacher's window stays responsive; only while a browser follows.
// Following: events fold into a mirror of the teacher's session; while attached the controller
// is driven to the mirror through the gate's one privileged path (SessionGate::followTeacher),
// while the gate refuses the student's own commands (read-only); detached, the mirror keeps up
// but the controller is the student's own until re-attach().
#pragma once

#include "app/classroom/classroom_host.h"
#include "app/classroom/session_state.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <memory>

namespace msb::classroom {
class ClassroomFollower;
} // namespace msb::classroom

namespace msb::scenes {
class RaceScene;
} // namespace msb::scenes

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
        the controller's current session. Returns an error message, or an empty string. */
    QString startHosting(
        const QString& bindAddress = QStringLiteral("127.0.0.1"), quint16 port = 0, const QString& code = {});
    /*! Ends the session for every follower and closes the server. */
    void stopHosting();
    QString bindAddress() const { return m_bindAddress; }
    quint16 port() const;
    QString code() const;
    int followerCount() const { return m_followers.total(); }
    /*! Students following, by kind: the app's and browsers' (the follow page). */
    classroom::FollowerCounts followerCounts() const { return m_followers; }
    /*! The follow page's address for students' browsers, e.g. "http://127.0.0.1:7331/"; host is
        the name or address they reach this machine by. */
    QString followPageUrl(const QString& host) const;
    /*! Positions whose scene went to the web followers (as SVG) since the session began. */
    int framesPublished() const { return m_framesPublished; }
    /*! A lesson checkpoint for the followers (their lesson panel may show it). */
    void publishCheckpoint(const QString& question, const QStringList& choices, int answer);
    /*! The lesson page's own text (title, narration, cited notes) for the followers. */
    void publishLessonPage(const classroom::msg::Page& page);
    /*! Shows the latest question's model answer and the room's tally on every follower. */
    void revealAnswer();
    /*! The same for the question at index checkpoint of askedQuestions(). */
    void revealQuestion(int checkpoint);
    /*! The questions asked in this session, in order (a page revisited asks again). */
    const std::vector<classroom::CheckpointEvent>& askedQuestions() const { return m_published.snapshot().checkpoints; }

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
    classroom::AnswerTally answers() const;
    /*! A saved session's answers: the next class starts with them (the host's now, if hosting). */
    void restoreAnswers(const classroom::AnswerTally& answers);
    bool isJoined() const { return m_joined; }
    bool isAttached() const { return m_attached; }
    /*! "HOST:PORT" of the teacher followed. */
    QString teacherAddress() const { return m_teacher; }
    /*! Explore on your own: events are still received but not applied to the controller. */
    void detach();
    /*! Asks for a fresh snapshot and mirrors the teacher's current position again. */
    void reattach();
    const classroom::Snapshot& mirror() const { return m_mirror.snapshot(); }

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
    void countFollowers();
    void syncHost();
    void forgetFramesAfter(int position);
    void scheduleFrames();
    void publishNextFrame();
    void publishFresh();
    void received(const classroom::Message& message);
    void applyMirror();
    void onControllerMoved();

    SessionGate* m_gate;
    SimulationController* m_controller;
    Mode m_mode = Mode::Idle;
    // Teacher
    std::unique_ptr<classroom::ClassroomHost> m_host;
    classroom::SessionState m_published; // what the followers have been sent
    classroom::AnswerTally m_answers;    // kept while not hosting: a restored session's, the last class's
    QString m_bindAddress;
    classroom::FollowerCounts m_followers;
    std::unique_ptr<scenes::RaceScene> m_frameScene;    // offscreen, for the web followers' frames
    std::unique_ptr<scenes::RaceScene> m_portraitScene; // the same state in one column, for phones
    std::map<int, std::uint64_t> m_framed;              // position -> state hash of the frame sent
    bool m_framesQueued = false;
    int m_framesPublished = 0;
    // Student
    std::unique_ptr<classroom::ClassroomFollower> m_follower;
    classroom::SessionState m_mirror;
    QString m_teacher;
    bool m_joined = false;
    bool m_attached = true;
};

} // namespace msb::app
