// SPDX-License-Identifier: MIT
#include "app/gui/classroom_bridge.h"

#include "app/gui/gui_error.h"
#include "app/gui/session_gate.h"

namespace msb::app {

ClassroomBridge::ClassroomBridge(SessionGate* gate, QObject* parent)
    : QObject(parent)
    , m_controller(gate->controller())
    , m_hosting(m_controller)
    , m_following(gate)
{
    connect(&m_hosting, &HostingRole::followerCountChanged, this, &ClassroomBridge::followerCountChanged);
    connect(&m_hosting, &HostingRole::logged, this, &ClassroomBridge::logged);
    connect(&m_hosting, &HostingRole::tallyChanged, this, &ClassroomBridge::tallyChanged);
    connect(&m_hosting, &HostingRole::questionAsked, this, &ClassroomBridge::questionAsked);
    connect(&m_following, &FollowerMirror::logged, this, &ClassroomBridge::logged);
    connect(&m_following, &FollowerMirror::joined, this, &ClassroomBridge::joined);
    connect(&m_following, &FollowerMirror::attachedChanged, this, &ClassroomBridge::attachedChanged);
    connect(&m_following, &FollowerMirror::connectionFailed, this, &ClassroomBridge::connectionFailed);
    connect(&m_following, &FollowerMirror::sessionEnded, this, &ClassroomBridge::sessionEnded);
    connect(&m_following, &FollowerMirror::checkpointReceived, this, &ClassroomBridge::checkpointReceived);
    connect(&m_following, &FollowerMirror::narrationReceived, this, &ClassroomBridge::narrationReceived);
}

ClassroomBridge::ClassroomBridge(SimulationController* controller, QObject* parent)
    : ClassroomBridge(new SessionGate(controller, controller), parent)
{
}

ClassroomBridge::~ClassroomBridge() = default; // each role joins its io thread first

void ClassroomBridge::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    Q_EMIT modeChanged(mode);
}

core::Result<void> ClassroomBridge::startHosting(const QString& bindAddress, quint16 port, const QString& code)
{
    if (m_mode != Mode::Idle)
        return guiError(tr("already in a class: leave it first"));
    auto started = m_hosting.start(bindAddress, port, code);
    if (started)
        setMode(Mode::Hosting); // after the session went out: what modeChanged's receivers publish follows it
    return started;
}

void ClassroomBridge::stopHosting()
{
    if (!m_hosting.isHosting())
        return;
    m_hosting.stop();
    setMode(Mode::Idle);
}

void ClassroomBridge::publishCheckpoint(const QString& question, const QStringList& choices, int answer)
{
    m_hosting.publishCheckpoint(question, choices, answer);
}

void ClassroomBridge::revealQuestion(int checkpoint)
{
    if (checkpoint >= 0)
        m_hosting.revealAnswer(checkpoint);
}

void ClassroomBridge::join(const QString& host, quint16 port, const QString& code)
{
    if (m_mode != Mode::Idle)
        leave();
    m_following.join(host, port, code);
    setMode(Mode::Following);
}

void ClassroomBridge::leave()
{
    if (!m_following.isFollowing())
        return;
    m_following.leave();
    setMode(Mode::Idle);
    m_following.attachAfterLeaving(); // modeChanged(Idle) first, then attachedChanged(true)
}

void ClassroomBridge::detach()
{
    if (m_mode == Mode::Following)
        m_following.detach();
}

void ClassroomBridge::reattach()
{
    if (m_mode == Mode::Following)
        m_following.reattach();
}

void ClassroomBridge::sendAnswer(const QString& answer)
{
    if (m_mode == Mode::Following)
        m_following.sendAnswer(answer);
}

} // namespace msb::app
