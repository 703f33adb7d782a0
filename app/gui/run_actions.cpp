// SPDX-License-Identifier: MIT
#include "app/gui/run_actions.h"

#include "app/gui/simulation_controller.h"

#include <QAction>
#include <QMenu>
#include <QStyle>
#include <QWidget>

namespace msb::app {

namespace {

const QString kForwardTip = QStringLiteral("Step forward: redo (Right)");
const QString kPlayTip = QStringLiteral("Play or pause the auto-scheduler (Space)");
const QString kAutoStepTip = QStringLiteral("One step chosen by the auto-scheduler (A)");

} // namespace

RunActions::RunActions(SimulationController* controller, QWidget* window)
    : QObject(window)
    , m_controller(controller)
    , m_window(window)
    , m_back(make(QStringLiteral("Back"), Qt::Key_Left, QStringLiteral("Step back (Left)")))
    , m_forward(make(QStringLiteral("Forward"), Qt::Key_Right, kForwardTip))
    , m_play(make(QStringLiteral("Play"), Qt::Key_Space, kPlayTip))
    , m_autoStep(make(QStringLiteral("Auto step"), Qt::Key_A, kAutoStepTip))
    , m_reset(make(
          QStringLiteral("Reset"), Qt::Key_R, QStringLiteral("Back to the initial state, forgetting the steps (R)")))
{
    connect(m_back, &QAction::triggered, controller, &SimulationController::undo);
    connect(m_forward, &QAction::triggered, controller, &SimulationController::redo);
    connect(m_play, &QAction::triggered, controller, &SimulationController::togglePlaying);
    connect(m_autoStep, &QAction::triggered, controller, &SimulationController::stepScheduled);
    connect(m_reset, &QAction::triggered, controller, &SimulationController::reset);
    for (int t = 0; t < kThreadKeyCount; ++t) {
        m_stepThread[size_t(t)] =
            make(QStringLiteral("Step thread %1").arg(t + 1), QKeySequence(Qt::Key_1 + t), QString());
        connect(m_stepThread[size_t(t)], &QAction::triggered, controller, [controller, t] { controller->step(t); });
    }
    connect(controller, &SimulationController::playingChanged, this, &RunActions::showPlaying);
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
    m_play->setText(playing ? QStringLiteral("Pause") : QStringLiteral("Play"));
    if (m_iconsLoaded)
        m_play->setIcon(m_window->style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void RunActions::refresh(bool editable, int forwardLimit, const QString& heldReason)
{
    const core::Simulator& sim = m_controller->simulator();
    for (int t = 0; t < kThreadKeyCount; ++t)
        m_stepThread[size_t(t)]->setEnabled(editable && sim.canStep(t));
    // A lesson's checkpoint holds Forward and Play at its step until it is answered.
    const bool held = forwardLimit >= 0 && sim.position() >= forwardLimit;
    if ((held || !editable) && m_controller->isPlaying())
        m_controller->setPlaying(false);
    m_back->setEnabled(editable && sim.position() > 0);
    m_forward->setEnabled(editable && !held && sim.position() < sim.historySize());
    m_play->setEnabled(editable && !held);
    m_autoStep->setEnabled(editable && !held);
    m_reset->setEnabled(editable);
    const QString heldTip = held && editable ? heldReason : QString();
    m_forward->setToolTip(heldTip.isEmpty() ? kForwardTip : heldTip);
    m_play->setToolTip(heldTip.isEmpty() ? kPlayTip : heldTip);
    m_autoStep->setToolTip(heldTip.isEmpty() ? kAutoStepTip : heldTip);
}

} // namespace msb::app
