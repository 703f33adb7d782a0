// SPDX-License-Identifier: MIT
#include "app/gui/hosting_role.h"

#include "app/gui/post_to_gui.h"
#include "app/gui/simulation_controller.h"
#include "scenes/item_data.h"

namespace msb::app {

using scenes::qs;

HostingRole::HostingRole(SimulationController* controller, QObject* parent)
    : QObject(parent)
    , m_controller(controller)
    , m_publisher(controller)
    , m_frames(controller)
{
    m_publisher.onPublished = [this](const classroom::Message& event) { m_frames.eventPublished(event); };
    m_publisher.onLog = [this](const QString& text) { Q_EMIT logged(text); };
    connect(&m_frames, &WebFrameRenderer::logged, this, &HostingRole::logged);
    connect(m_controller, &SimulationController::stateChanged, this, &HostingRole::sync);
    connect(m_controller, &SimulationController::narrationChanged, this, &HostingRole::sync);
}

HostingRole::~HostingRole()
{
    // Join the io thread first: after this no callback can post to a half-destroyed object.
    if (m_host)
        m_host->stop();
}

core::Result<void> HostingRole::start(const QString& bindAddress, quint16 port, const QString& code)
{
    classroom::HostOptions options;
    options.bindAddress = bindAddress.toStdString();
    options.port = port;
    options.code = classroom::normalizeJoinCode(code.trimmed().toStdString());
    auto host = std::make_unique<classroom::ClassroomHost>(options);
    // io thread: copy and post, nothing else.
    host->onFollowerJoined = [this](const std::string&) { // onLog already names the peer
        postToGui(this, [](HostingRole* self) { self->countFollowers(); });
    };
    host->onFollowerLeft = [this](const std::string&, const std::string&) {
        postToGui(this, [](HostingRole* self) { self->countFollowers(); });
    };
    host->onLog = [this](const std::string& text) {
        postToGui(this, [text](HostingRole* self) { Q_EMIT self->logged(qs(text)); });
    };
    const auto started = host->start();
    if (!started.ok())
        return started.error();
    host->onTally = [this](const classroom::QuestionTally& tally, int followers) {
        const auto line = QString::fromStdString(classroom::AnswerTally::line(tally, followers));
        postToGui(this, [line](HostingRole* self) { Q_EMIT self->tallyChanged(line); });
    };
    host->restoreAnswers(m_answers); // a restored session's answers go on counting
    m_host = std::move(host);
    m_bindAddress = bindAddress;
    m_followers = {};
    m_frames.start(m_host.get());
    m_publisher.start(m_host.get());
    m_frames.schedule();
    return {};
}

void HostingRole::stop()
{
    if (!m_host)
        return;
    m_publisher.end();
    m_host->flush(std::chrono::milliseconds(500));
    m_answers = m_host->answers(); // the session keeps them (autosave, the next class)
    m_frames.stop();
    m_host->stop();
    m_host.reset();
    m_followers = {};
    Q_EMIT followerCountChanged(0);
}

void HostingRole::sync()
{
    if (!m_host)
        return;
    m_publisher.sync();
    m_frames.schedule();
}

void HostingRole::countFollowers()
{
    m_followers = m_host ? m_host->followerCounts() : classroom::FollowerCounts {};
    Q_EMIT followerCountChanged(m_followers.total());
    m_frames.setWebFollowers(m_followers.web);
}

QString HostingRole::code() const
{
    return m_host ? qs(m_host->code()) : QString();
}

QString HostingRole::followPageUrl(const QString& host) const
{
    if (!m_host)
        return {};
    const QString name = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host; // IPv6
    return QStringLiteral("http://%1:%2/").arg(name).arg(m_host->port());
}

void HostingRole::publishCheckpoint(const QString& question, const QStringList& choices, int answer)
{
    if (!m_host)
        return;
    classroom::CheckpointEvent event;
    event.index = m_controller->position();
    event.question = question.toStdString();
    for (const auto& choice : choices)
        event.choices.push_back(choice.toStdString());
    event.answer = answer;
    if (m_publisher.publishCheckpoint(std::move(event)))
        Q_EMIT questionAsked();
}

void HostingRole::publishLessonPage(const classroom::msg::Page& page)
{
    if (m_host)
        m_host->publishPage(page);
}

void HostingRole::revealAnswer(int checkpoint)
{
    if (m_host)
        m_host->revealAnswer(checkpoint);
}

void HostingRole::restoreAnswers(const classroom::AnswerTally& answers)
{
    m_answers = answers;
    if (m_host)
        m_host->restoreAnswers(answers);
    Q_EMIT tallyChanged(QString());
}

} // namespace msb::app
