// SPDX-License-Identifier: MIT
// The main window's stepping actions with their keys: Back (Left), Forward (Right), Play (Space),
// Auto step (A), Reset (R) and Step thread 1–9 (the digit keys). They command the session
// through its gate (session_gate.h) and enable themselves from the run and the gate's locks (a
// student's read-only lock, a lesson's checkpoint).
#pragma once

#include <QObject>
#include <QString>

#include <array>

class QAction;
class QMenu;
class QWidget;

namespace msb::app {

class SessionGate;
class SimulationController;

/*! The digit keys 1–9 step the first nine threads; further threads step with their buttons. */
constexpr int kThreadKeyCount = 9;

class RunActions : public QObject
{
    Q_OBJECT

public:
    /*! The actions are added to window, so their keys work anywhere in it. */
    RunActions(SessionGate* gate, QWidget* window);

    QAction* back() const { return m_back; }
    QAction* forward() const { return m_forward; }
    QAction* play() const { return m_play; }
    QAction* autoStep() const { return m_autoStep; }
    QAction* reset() const { return m_reset; }

    /*! Every action in the Run menu's order. */
    void addTo(QMenu* menu) const;
    /*! The icons load plugins, so they come after the first frame. */
    void loadIcons();

private:
    /*! Enabled states and tooltips from the run and the gate's locks. */
    void refresh();
    QAction* make(const QString& text, const QKeySequence& key, const QString& tip);
    void showPlaying(bool playing);

    SessionGate* m_gate;
    SimulationController* m_controller;
    QWidget* m_window;
    QAction* m_back;
    QAction* m_forward;
    QAction* m_play;
    QAction* m_autoStep;
    QAction* m_reset;
    std::array<QAction*, kThreadKeyCount> m_stepThread {};
    bool m_iconsLoaded = false;
};

} // namespace msb::app
