// SPDX-License-Identifier: MIT
// The teacher's role in a class: runs the ClassroomHost (its io-thread callbacks posted back with
// postToGui), keeps it fed by a HostPublisher (the session events, on every change of the
// controller) and a WebFrameRenderer (the browsers' pictures), and keeps the room's count of
// followers and its answers (the host's while hosting, the last class's or a restored session's
// between classes). ClassroomBridge's teacher half; see classroom_bridge.h for the threads.
#pragma once

#include "app/classroom/answer_tally.h"
#include "app/classroom/classroom_host.h"
#include "app/gui/host_publisher.h"
#include "app/gui/web_frame_renderer.h"
#include "core/result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace msb::app {

class SimulationController;

class HostingRole : public QObject
{
    Q_OBJECT

public:
    explicit HostingRole(SimulationController* controller, QObject* parent = nullptr);
    ~HostingRole() override;

    /*! Listens and publishes the controller's session, or says why it cannot. */
    core::Result<void> start(const QString& bindAddress, quint16 port, const QString& code);
    /*! Ends the session for every follower and closes the server. */
    void stop();
    bool isHosting() const { return m_host != nullptr; }

    QString bindAddress() const { return m_bindAddress; }
    quint16 port() const { return m_host ? m_host->port() : 0; }
    QString code() const;
    classroom::FollowerCounts followerCounts() const { return m_followers; }
    QString followPageUrl(const QString& host) const;
    int framesPublished() const { return m_frames.framesPublished(); }

    void publishCheckpoint(const QString& question, const QStringList& choices, int answer);
    void publishLessonPage(const classroom::msg::Page& page);
    void revealAnswer(int checkpoint = -1);
    const std::vector<classroom::CheckpointEvent>& askedQuestions() const
    {
        return m_publisher.published().checkpoints;
    }
    classroom::AnswerTally answers() const { return m_host ? m_host->answers() : m_answers; }
    void restoreAnswers(const classroom::AnswerTally& answers);

Q_SIGNALS:
    void followerCountChanged(int count);
    void logged(const QString& text);
    void tallyChanged(const QString& line);
    void questionAsked();

private:
    void sync();
    void countFollowers();

    SimulationController* m_controller;
    std::unique_ptr<classroom::ClassroomHost> m_host;
    HostPublisher m_publisher;
    WebFrameRenderer m_frames;
    classroom::AnswerTally m_answers; // kept while not hosting: a restored session's, the last class's
    QString m_bindAddress;
    classroom::FollowerCounts m_followers;
};

} // namespace msb::app
