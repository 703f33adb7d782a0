// SPDX-License-Identifier: MIT
#include "app/gui/follower_mirror.h"

#include "app/classroom/classroom_follower.h"
#include "app/gui/controller_sync.h"
#include "app/gui/post_to_gui.h"
#include "app/gui/session_gate.h"
#include "app/gui/simulation_controller.h"
#include "core/lesson.h"
#include "scenes/item_data.h"

#include <QRandomGenerator>
#include <QSettings>

namespace msb::app {

using scenes::qs;

FollowerMirror::FollowerMirror(SessionGate* gate, QObject* parent)
    : QObject(parent)
    , m_gate(gate)
    , m_controller(gate->controller())
{
}

FollowerMirror::~FollowerMirror()
{
    // Join the io thread first: after this no callback can post to a half-destroyed object.
    if (m_follower)
        m_follower->disconnect();
}

void FollowerMirror::join(const QString& host, quint16 port, const QString& code)
{
    leave();
    const int connection = ++m_connection;
    auto follower = std::make_unique<classroom::ClassroomFollower>();
    // io thread: copy and post, nothing else.
    follower->callbacks.message = [this, connection](const classroom::Message& message) {
        postToGui(this, [message, connection](FollowerMirror* self) {
            if (self->m_connection == connection)
                self->received(message);
        });
    };
    follower->onError = [this](const classroom::ConnectionError& error) {
        const bool persistent = error.kind == classroom::ConnectionError::Kind::Persistent;
        const bool wrongCode = error.refusal == classroom::Refusal::WrongCode;
        // Translated on the GUI thread, where the posted call runs.
        postToGui(this, [text = error.message, persistent, wrongCode](FollowerMirror* self) {
            const QString message = wrongCode
                ? tr("The teacher's app refused the join code. Check the code on the projector. (%1)").arg(qs(text))
                : qs(text);
            Q_EMIT self->connectionFailed(message, persistent);
        });
    };
    follower->onFinished = [this] {
        postToGui(this, [](FollowerMirror* self) {
            self->m_joined = false;
            Q_EMIT self->logged(tr("connection closed"));
        });
    };
    m_mirror.reset({});
    m_teacher = QStringLiteral("%1:%2").arg(host).arg(port);
    m_attached = true;
    m_joined = false;
    m_resyncAsked = false;
    m_follower = std::move(follower);
    m_follower->connect(host.toStdString(), port, code.trimmed().toStdString());
}

void FollowerMirror::leave()
{
    if (!m_follower)
        return;
    m_follower->disconnect();
    m_follower.reset();
    m_joined = false;
}

void FollowerMirror::attachAfterLeaving()
{
    if (m_follower || m_attached)
        return;
    m_attached = true;
    Q_EMIT attachedChanged(true);
}

void FollowerMirror::detach()
{
    if (!m_follower || !m_attached)
        return;
    m_attached = false;
    Q_EMIT attachedChanged(false);
}

void FollowerMirror::reattach()
{
    if (!m_follower || m_attached)
        return;
    m_attached = true;
    Q_EMIT attachedChanged(true);
    applyMirror(); // what we have now; the snapshot that answers the resync confirms it
    m_follower->requestSnapshot();
}

void FollowerMirror::received(const classroom::Message& message)
{
    if (!m_follower)
        return;
    if (const auto* welcome = std::get_if<classroom::msg::Welcome>(&message)) {
        m_mirror.reset(welcome->snapshot);
        m_joined = true;
        Q_EMIT joined();
    } else if (const auto* reply = std::get_if<classroom::msg::SnapshotReply>(&message)) {
        m_mirror.reset(reply->snapshot);
        m_resyncAsked = false;
    } else if (classroom::isSessionEvent(message)) {
        eventReceived(message);
    } else {
        return;
    }
    if (m_attached)
        applyMirror();
}

void FollowerMirror::eventReceived(const classroom::Message& event)
{
    if (const auto applied = m_mirror.apply(event); !applied) {
        // The follower protocol closes the connection on an event its own copy of the session
        // refuses, so this mirror (folded from the same messages) should never see one; if it
        // does, it parted from the teacher's session: the teacher's snapshot puts it right, and
        // until it comes the controller stays where it was.
        const bool resync = !m_resyncAsked && !m_mirror.snapshot().ended;
        Q_EMIT logged(resync
                ? tr("ignored an event: %1; asking the teacher for the whole session").arg(qs(applied.error().message))
                : tr("ignored an event: %1").arg(qs(applied.error().message)));
        if (resync) {
            m_resyncAsked = true;
            m_follower->requestSnapshot();
        }
        return;
    }
    if (const auto* n = std::get_if<classroom::NarrationEvent>(&event))
        Q_EMIT narrationReceived(n->index, qs(n->text));
    if (const auto* c = std::get_if<classroom::CheckpointEvent>(&event)) {
        QStringList choices;
        for (const auto& choice : c->choices)
            choices << qs(choice);
        Q_EMIT checkpointReceived(qs(c->question), choices, c->answer);
    }
    if (std::holds_alternative<classroom::msg::End>(event))
        Q_EMIT sessionEnded();
}

void FollowerMirror::applyMirror()
{
    const classroom::Snapshot& snapshot = m_mirror.snapshot();
    if (!snapshot.hasSession)
        return;
    SessionPosition target {snapshot.scenario, snapshot.settings, {}, snapshot.position};
    for (const auto& step : snapshot.steps)
        target.history.push_back(step.thread);
    std::map<int, std::string> narration;
    for (const auto& line : snapshot.narration)
        narration[line.index - 1] = line.text;
    if (!m_gate->followTeacher(target, narration))
        Q_EMIT logged(tr("could not replay the teacher's schedule here"));
}

void FollowerMirror::sendAnswer(const QString& answer)
{
    if (!m_follower || m_mirror.snapshot().checkpoints.empty())
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

} // namespace msb::app
