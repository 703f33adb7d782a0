// SPDX-License-Identifier: MIT
#include "app/gui/run_actions.h"

#include "app/gui/session_gate.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/translate.h"

#include <QAction>
#include <QMenu>
#include <QStyle>
#include <QWidget>

namespace msb::app {

namespace {

// Functions, not constants: a translation is only known once main() has installed the translator.
QString forwardTip()
{
    return tr("Step forward: redo (Right)");
}
QString playTip()
{
    return tr("Play or pause the auto-scheduler (Space)");
}
QString autoStepTip()
{
    return tr("One step chosen by the auto-scheduler (A)");
}

} // namespace

RunActions::RunActions(SessionGate* gate, QWidget* window)
    : QObject(window)
    , m_gate(gate)
    , m_controller(gate->controller())
    , m_window(window)
    , m_back(make(tr("Back"), Qt::Key_Left, tr("Step back (Left)")))
    , m_forward(make(tr("Forward"), Qt::Key_Right, forwardTip()))
    , m_play(make(tr("Play"), Qt::Key_Space, playTip()))
    , m_autoStep(make(tr("Auto step"), Qt::Key_A, autoStepTip()))
    , m_reset(make(tr("Reset"), Qt::Key_R, tr("Back to the initial state, forgetting the steps (R)")))
{
    // A refusal is the gate's to report (SessionGate::refused): the results are not needed here.
    connect(m_back, &QAction::triggered, gate, [gate] { (void)gate->undo(); });
    connect(m_forward, &QAction::triggered, gate, [gate] { (void)gate->redo(); });
    connect(m_play, &QAction::triggered, gate, [gate] { (void)gate->togglePlaying(); });
    connect(m_autoStep, &QAction::triggered, gate, [gate] { (void)gate->stepScheduled(); });
    connect(m_reset, &QAction::triggered, gate, [gate] { (void)gate->reset(); });
    for (int t = 0; t < kThreadKeyCount; ++t) {
        m_stepThread[size_t(t)] = make(tr("Step thread %1").arg(t + 1), QKeySequence(Qt::Key_1 + t), QString());
        connect(m_stepThread[size_t(t)], &QAction::triggered, gate, [gate, t] { (void)gate->step(t); });
    }
    connect(m_controller, &SimulationController::playingChanged, this, &RunActions::showPlaying);
    connect(m_controller, &SimulationController::stateChanged, this, &RunActions::refresh);
    connect(gate, &SessionGate::changed, this, &RunActions::refresh);
    refresh();
}

QAction* RunActions::make(const QString& text, const QKeySequence& key, const QString& tip)
{
    auto* action = new QAction(text, m_window);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    if (!tip.isEmpty())
        action->setToolTip(tip);
    m_window->addAction(action);
    return action;
}

void RunActions::addTo(QMenu* menu) const
{
    for (QAction* action : {m_back, m_forward, m_play, m_autoStep, m_reset})
        menu->addAction(action);
    menu->addSeparator();
    for (QAction* action : m_stepThread)
        menu->addAction(action);
}

void RunActions::loadIcons()
{
    m_iconsLoaded = true;
    QStyle* style = m_window->style();
    m_back->setIcon(style->standardIcon(QStyle::SP_MediaSeekBackward));
    m_forward->setIcon(style->standardIcon(QStyle::SP_MediaSeekForward));
    m_reset->setIcon(style->standardIcon(QStyle::SP_BrowserReload));
    showPlaying(m_controller->isPlaying());
}

void RunActions::showPlaying(bool playing)
{
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    if (m_iconsLoaded)
        m_play->setIcon(m_window->style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void RunActions::refresh()
{
    const core::Simulator& sim = m_controller->simulator();
    const bool editable = !m_gate->isReadOnly();
    // A lesson's checkpoint holds Forward and Play at its step until it is answered (a step key
    // stays enabled: the gate refuses it with the reason).
    const bool held = m_gate->isHeld();
    for (int t = 0; t < kThreadKeyCount; ++t)
        m_stepThread[size_t(t)]->setEnabled(editable && sim.canStep(t));
    m_back->setEnabled(editable && sim.position() > 0);
    m_forward->setEnabled(editable && !held && sim.position() < sim.historySize());
    m_play->setEnabled(editable && !held);
    m_autoStep->setEnabled(editable && !held);
    m_reset->setEnabled(editable);
    const QString heldTip = held && editable ? m_gate->forwardLimitReason() : QString();
    m_forward->setToolTip(heldTip.isEmpty() ? forwardTip() : heldTip);
    m_play->setToolTip(heldTip.isEmpty() ? playTip() : heldTip);
    m_autoStep->setToolTip(heldTip.isEmpty() ? autoStepTip() : heldTip);
}

} // namespace msb::app
