// SPDX-License-Identifier: MIT
#include "app/gui/classroom_bridge.h"

#include "app/classroom/classroom_follower.h"
#include "app/gui/controller_sync.h"
#include "app/gui/export/html_export.h"
#include "app/gui/simulation_controller.h"
#include "core/lesson.h"
#include "scenes/item_data.h"
#include "scenes/race_scene.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QSettings>
#include <QTimer>

#include <algorithm>

namespace msb::app {

namespace {

/// Runs fn on receiver's (GUI) thread later; dropped if the receiver is gone by then.
template <typename Fn>
void postTo(ClassroomBridge* receiver, Fn fn)
{
    QMetaObject::invokeMethod(
        receiver,
        [guard = QPointer<ClassroomBridge>(receiver), fn = std::move(fn)]() mutable {
            if (guard)
                fn(guard.data());
        },
        Qt::QueuedConnection);
}

using scenes::qs;

// The exported recording's frame size (RecordingExporter's default): the same picture.
constexpr QSizeF kFrameSize(1280, 720);
// A phone held upright, in CSS px (390 x 844: a common phone's viewport): the scene's portrait
// layout (scenes::isPortraitViewport), whose page_count and PTE text stay 16 px at full width.
constexpr QSizeF kPortraitFrameSize(390, 844);

std::unique_ptr<scenes::RaceScene> frameScene(QSizeF size)
{
    auto scene = std::make_unique<scenes::RaceScene>();
    scene->setReduceMotion(true);
    scene->setViewportSize(size);
    return scene;
}

} // namespace

ClassroomBridge::ClassroomBridge(SimulationController* controller, QObject* parent)
    : QObject(parent)
    , m_controller(controller)
{
    connect(m_controller, &SimulationController::stateChanged, this, &ClassroomBridge::onControllerMoved);
    connect(m_controller, &SimulationController::narrationChanged, this, [this] {
        if (m_mode == Mode::Hosting)
            syncHost();
    });
}

ClassroomBridge::~ClassroomBridge()
{
    // Join the io threads first: after this no callback can post to a half-destroyed object.
    if (m_host)
        m_host->stop();
    if (m_follower)
        m_follower->disconnect();
}

void ClassroomBridge::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    Q_EMIT modeChanged(mode);
}

// --- Teacher ------------------------------------------------------------------------------------

QString ClassroomBridge::startHosting(const QString& bindAddress, quint16 port, const QString& code)
{
    if (m_mode != Mode::Idle)
        return tr("already in a class: leave it first");
    classroom::HostOptions options;
    options.bindAddress = bindAddress.toStdString();
    options.port = port;
    options.code = classroom::normalizeJoinCode(code.trimmed().toStdString());
    auto host = std::make_unique<classroom::ClassroomHost>(options);
    // io thread: copy and post, nothing else.
    host->onFollowerJoined = [this](const std::string&) { // onLog already names the peer
        postTo(this, [](ClassroomBridge* self) { self->countFollowers(); });
    };
    host->onFollowerLeft = [this](const std::string&, const std::string&) {
        postTo(this, [](ClassroomBridge* self) { self->countFollowers(); });
    };
    host->onLog = [this](const std::string& text) {
        postTo(this, [text](ClassroomBridge* self) { Q_EMIT self->logged(qs(text)); });
    };
    const auto started = host->start();
    if (!started.ok())
        return qs(started.error().toString());
    host->onTally = [this](const classroom::QuestionTally& tally, int followers) {
        const auto line = QString::fromStdString(classroom::AnswerTally::line(tally, followers));
        postTo(this, [line](ClassroomBridge* self) { Q_EMIT self->tallyChanged(line); });
    };
    host->restoreAnswers(m_answers); // a restored session's answers go on counting
    m_host = std::move(host);
    m_bindAddress = bindAddress;
    m_published.reset({});
    m_followers = {};
    m_framed.clear();
    m_framesPublished = 0;
    publishFresh(); // before modeChanged: what its receivers publish comes after the session
    setMode(Mode::Hosting);
    return {};
}

void ClassroomBridge::stopHosting()
{
    if (!m_host)
        return;
    m_host->publishEnd();
    m_host->flush(std::chrono::milliseconds(500));
    m_answers = m_host->answers(); // the session keeps them (autosave, the next class)
    m_host->stop();
    m_host.reset();
    m_frameScene.reset();
    m_portraitScene.reset();
    m_framed.clear();
    m_followers = {};
    Q_EMIT followerCountChanged(0);
    setMode(Mode::Idle);
}

void ClassroomBridge::countFollowers()
{
    m_followers = m_host ? m_host->followerCounts() : classroom::FollowerCounts {};
    Q_EMIT followerCountChanged(m_followers.total());
    scheduleFrames(); // a first browser: draw what it has not seen yet
}

QString ClassroomBridge::followPageUrl(const QString& host) const
{
    if (!m_host)
        return {};
    const QString name = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host; // IPv6
    return QStringLiteral("http://%1:%2/").arg(name).arg(m_host->port());
}

quint16 ClassroomBridge::port() const
{
    return m_host ? m_host->port() : 0;
}

QString ClassroomBridge::code() const
{
    return m_host ? qs(m_host->code()) : QString();
}

void ClassroomBridge::publishLessonPage(const classroom::msg::Page& page)
{
    if (m_host)
        m_host->publishPage(page);
}

void ClassroomBridge::revealAnswer()
{
    if (m_host)
        m_host->revealAnswer();
}

void ClassroomBridge::revealQuestion(int checkpoint)
{
    if (m_host && checkpoint >= 0)
        m_host->revealAnswer(checkpoint);
}

void ClassroomBridge::publishCheckpoint(const QString& question, const QStringList& choices, int answer)
{
    if (!m_host)
        return;
    classroom::CheckpointEvent event;
    event.index = m_controller->position();
    event.question = question.toStdString();
    for (const auto& choice : choices)
        event.choices.push_back(choice.toStdString());
    event.answer = answer;
    m_published.apply(event);
    m_host->publishCheckpoint(event);
    Q_EMIT questionAsked();
}

void ClassroomBridge::publishFresh()
{
    const core::Simulator& sim = m_controller->simulator();
    m_published.apply(classroom::msg::Session {sim.scenario(), sim.settings()});
    m_host->publishSession(sim.scenario(), sim.settings());
    m_framed.clear(); // the host drops a session's frames with it
    syncHost();
}

void ClassroomBridge::syncHost()
{
    if (!m_host)
        return;
    const core::Simulator& sim = m_controller->simulator();
    const classroom::Snapshot& sent = m_published.snapshot();
    if (!sent.hasSession || sent.scenario != sim.scenario()) {
        publishFresh();
        return;
    }
    if (sent.settings != sim.settings()) {
        m_published.apply(classroom::msg::SettingsChange {sim.settings()});
        m_host->publishSettings(sim.settings());
        m_framed.clear(); // and with a settings change
    }
    // A step event at index i replaces everything from i on, so the history is sent from the first
    // step that differs. Only a shorter history (reset, a shorter replay) needs a new session.
    const auto& history = sim.history();
    const std::size_t common = std::min(history.size(), sent.steps.size());
    std::size_t first = 0;
    while (first < common && sent.steps[first].thread == history[first].thread
        && sent.steps[first].step == history[first].id && sent.steps[first].hash == history[first].hash)
        ++first;
    if (first == history.size() && history.size() < sent.steps.size()) {
        publishFresh();
        return;
    }
    if (first < history.size())
        forgetFramesAfter(static_cast<int>(first)); // as the host does on a step at that index
    for (std::size_t i = first; i < history.size(); ++i) {
        const classroom::StepEvent event {static_cast<int>(i), history[i].thread, history[i].id, history[i].hash};
        m_published.apply(event);
        m_host->publishStep(event);
    }
    // Narration: one text per position (a step's narration belongs to the position it leads to).
    for (const auto& [stepIndex, text] : m_controller->narrations()) {
        const auto it = std::find_if(sent.narration.begin(), sent.narration.end(),
            [&](const classroom::NarrationEvent& n) { return n.index == stepIndex + 1; });
        if (it == sent.narration.end() || it->text != text) {
            const classroom::NarrationEvent event {stepIndex + 1, text};
            m_published.apply(event);
            m_host->publishNarration(event);
        }
    }
    for (const auto& narration : std::vector<classroom::NarrationEvent>(sent.narration)) {
        if (!narration.text.empty() && !m_controller->narrations().contains(narration.index - 1)
            && narration.index - 1 < static_cast<int>(history.size())) {
            const classroom::NarrationEvent removed {narration.index, {}};
            m_published.apply(removed);
            m_host->publishNarration(removed);
        }
    }
    if (m_published.snapshot().position != sim.position()) {
        m_published.apply(classroom::msg::Jump {sim.position()});
        m_host->publishJump(sim.position());
    }
    scheduleFrames();
}

// --- Frames for the web followers -----------------------------------------------------------------

void ClassroomBridge::forgetFramesAfter(int position)
{
    m_framed.erase(m_framed.upper_bound(position), m_framed.end());
}

void ClassroomBridge::scheduleFrames()
{
    if (m_framesQueued)
        return;
    m_framesQueued = true;
    QTimer::singleShot(0, this, &ClassroomBridge::publishNextFrame);
}

void ClassroomBridge::publishNextFrame()
{
    m_framesQueued = false;
    // Frames cost the teacher's GUI thread a render each: drawn only while a browser follows.
    if (!m_host || m_followers.web == 0)
        return;
    const core::Simulator& sim = m_controller->simulator();
    const auto hashAt = [&](int position) { return sim.model().hash(sim.stateAt(position)); };
    const auto framed = [&](int position) {
        const auto it = m_framed.find(position);
        return it != m_framed.end() && it->second == hashAt(position);
    };
    // The teacher's position first (what every follower looks at now), then the schedule in order.
    int next = sim.position();
    if (framed(next)) {
        next = 0;
        while (next <= sim.historySize() && framed(next))
            ++next;
        if (next > sim.historySize())
            return; // every position has its frame
    }
    if (!m_frameScene) {
        m_frameScene = frameScene(kFrameSize);
        m_portraitScene = frameScene(kPortraitFrameSize);
    }
    // Both layouts of the same state: phones held upright get the portrait one. Portrait first,
    // so that the host never sends a portrait follower the landscape frame for want of one.
    const core::StepRecord* last = next > 0 ? &sim.history()[static_cast<std::size_t>(next - 1)] : nullptr;
    m_portraitScene->showState(sim.model(), sim.stateAt(next), last, false);
    m_frameScene->showState(sim.model(), sim.stateAt(next), last, false);
    const QByteArray portrait = inlineSvg(m_portraitScene.get());
    const QByteArray svg = inlineSvg(m_frameScene.get());
    if (svg.isEmpty() || portrait.isEmpty()) {
        Q_EMIT logged(tr("could not render position %1 for the web followers").arg(next));
        return;
    }
    m_host->publishFrame(next, portrait.toStdString(), classroom::FrameLayout::Portrait);
    m_host->publishFrame(next, svg.toStdString());
    m_framed[next] = hashAt(next);
    ++m_framesPublished;
    scheduleFrames(); // the next one on the next turn of the event loop
}

// --- Student ------------------------------------------------------------------------------------

void ClassroomBridge::join(const QString& host, quint16 port, const QString& code)
{
    if (m_mode != Mode::Idle)
        leave();
    auto follower = std::make_unique<classroom::ClassroomFollower>();
    follower->callbacks.message = [this](const classroom::Message& message) {
        postTo(this, [message](ClassroomBridge* self) { self->received(message); });
    };
    follower->onError = [this](const classroom::ConnectionError& error) {
        const bool persistent = error.kind == classroom::ConnectionError::Kind::Persistent;
        const bool wrongCode = error.refusal == classroom::Refusal::WrongCode;
        // Translated on the GUI thread, where the posted call runs.
        postTo(this, [text = error.message, persistent, wrongCode](ClassroomBridge* self) {
            const QString message = wrongCode
                ? tr("The teacher's app refused the join code. Check the code on the projector. (%1)").arg(qs(text))
                : qs(text);
            Q_EMIT self->connectionFailed(message, persistent);
        });
    };
    follower->onFinished = [this] {
        postTo(this, [](ClassroomBridge* self) {
            self->m_joined = false;
            Q_EMIT self->logged(tr("connection closed"));
        });
    };
    m_mirror.reset({});
    m_teacher = QStringLiteral("%1:%2").arg(host).arg(port);
    m_attached = true;
    m_joined = false;
    m_follower = std::move(follower);
    setMode(Mode::Following);
    m_follower->connect(host.toStdString(), port, code.trimmed().toStdString());
}

void ClassroomBridge::leave()
{
    if (!m_follower)
        return;
    m_follower->disconnect();
    m_follower.reset();
    m_joined = false;
    setMode(Mode::Idle);
    if (!m_attached) {
        m_attached = true;
        Q_EMIT attachedChanged(true);
    }
}

void ClassroomBridge::detach()
{
    if (m_mode != Mode::Following || !m_attached)
        return;
    m_attached = false;
    Q_EMIT attachedChanged(false);
}

void ClassroomBridge::reattach()
{
    if (m_mode != Mode::Following || m_attached)
        return;
    m_attached = true;
    Q_EMIT attachedChanged(true);
    applyMirror(); // what we have now; the snapshot that answers the resync confirms it
    m_follower->requestSnapshot();
}

void ClassroomBridge::received(const classroom::Message& message)
{
    if (m_mode != Mode::Following)
        return;
    if (const auto* welcome = std::get_if<classroom::msg::Welcome>(&message)) {
        m_mirror.reset(welcome->snapshot);
        m_joined = true;
        Q_EMIT joined();
    } else if (const auto* reply = std::get_if<classroom::msg::SnapshotReply>(&message)) {
        m_mirror.reset(reply->snapshot);
    } else if (classroom::isSessionEvent(message)) {
        const std::string why = m_mirror.apply(message);
        if (!why.empty()) {
            Q_EMIT logged(tr("ignored an event: %1").arg(qs(why)));
            return;
        }
        if (const auto* n = std::get_if<classroom::NarrationEvent>(&message))
            Q_EMIT narrationReceived(n->index, qs(n->text));
        if (const auto* c = std::get_if<classroom::CheckpointEvent>(&message)) {
            QStringList choices;
            for (const auto& choice : c->choices)
                choices << qs(choice);
            Q_EMIT checkpointReceived(qs(c->question), choices, c->answer);
        }
        if (std::holds_alternative<classroom::msg::End>(message))
            Q_EMIT sessionEnded();
    } else {
        return;
    }
    if (m_attached)
        applyMirror();
}

void ClassroomBridge::applyMirror()
{
    const classroom::Snapshot& snapshot = m_mirror.snapshot();
    if (!snapshot.hasSession)
        return;
    SessionPosition target {snapshot.scenario, snapshot.settings, {}, snapshot.position};
    for (const auto& step : snapshot.steps)
        target.history.push_back(step.thread);
    m_applying = true;
    if (!driveController(*m_controller, target))
        Q_EMIT logged(tr("could not replay the teacher's schedule here"));
    for (const auto& narration : snapshot.narration) {
        const int stepIndex = narration.index - 1;
        if (stepIndex >= 0 && stepIndex < m_controller->historySize()
            && m_controller->narration(stepIndex) != qs(narration.text))
            m_controller->setNarration(stepIndex, qs(narration.text));
    }
    m_applying = false;
}

void ClassroomBridge::onControllerMoved()
{
    if (m_mode == Mode::Hosting) {
        syncHost();
        return;
    }
    // Read-only while attached: anything that moved the controller besides us is undone.
    if (m_mode == Mode::Following && m_attached && !m_applying && !m_snapBackQueued) {
        m_snapBackQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_snapBackQueued = false;
            if (m_mode == Mode::Following && m_attached)
                applyMirror();
        });
    }
}

void ClassroomBridge::sendAnswer(const QString& answer)
{
    if (m_mode != Mode::Following || !m_follower || m_mirror.snapshot().checkpoints.empty())
        return;
    const auto& asked = m_mirror.snapshot().checkpoints;
    const classroom::CheckpointEvent& question = asked.back();
    core::Checkpoint rule;
    rule.options = question.choices;
    int choice = -1;
    for (std::size_t i = 0; i < question.choices.size() && choice < 0; ++i) {
        if (core::answerMatches(rule, answer.toStdString(), question.choices[i]))
            choice = static_cast<int>(i);
    }
    if (choice < 0) {
        Q_EMIT logged(tr("answer \"%1\" is none of the question's choices: kept here").arg(answer));
        return;
    }
    QSettings settings;
    QString id = settings.value(QStringLiteral("classroom/studentId")).toString();
    if (id.size() < 8) {
        id.clear();
        for (int i = 0; i < 24; ++i)
            id += QLatin1Char("0123456789abcdef"[QRandomGenerator::global()->bounded(16)]);
        settings.setValue(QStringLiteral("classroom/studentId"), id);
    }
    const QString nickname = settings.value(QStringLiteral("classroom/nickname")).toString().left(32);
    m_follower->sendAnswer(
        {id.toStdString(), static_cast<int>(asked.size()) - 1, std::to_string(choice + 1), nickname.toStdString()});
}

classroom::AnswerTally ClassroomBridge::answers() const
{
    return m_host ? m_host->answers() : m_answers;
}

void ClassroomBridge::restoreAnswers(const classroom::AnswerTally& answers)
{
    m_answers = answers;
    if (m_host)
        m_host->restoreAnswers(answers);
    Q_EMIT tallyChanged(QString());
}

} // namespace msb::app
