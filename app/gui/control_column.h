// SPDX-License-Identifier: MIT
// The main window's left column: a Step button per thread, the timeline (transport buttons, the
// scrubber, speed and auto-schedule), the check (the settings panel) and the narration of the
// current step. It observes the window's SimulationController, commands it through the session
// gate and enables itself from the gate's locks; the transport buttons show the window's own
// actions, so their keys and enabled state stay the window's.
#pragma once

#include <QScrollArea>

class QAction;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSlider;
class QSpinBox;

namespace msb::app {

class ProspectsStrip;
class RunProspects;
class SessionGate;
class SettingsPanel;
class SimulationController;
class ThreadButtonsWidget;

struct TransportActions
{
    QAction* back = nullptr;
    QAction* play = nullptr;
    QAction* forward = nullptr;
    QAction* reset = nullptr;
};

class ControlColumn : public QScrollArea
{
    Q_OBJECT

public:
    /*! Shows the current state at once and follows the controller and the gate from then on. */
    ControlColumn(SessionGate* gate, const TransportActions& transport, QWidget* parent = nullptr);

    ThreadButtonsWidget* threadButtons() const { return m_threadButtons; }
    SettingsPanel* settingsPanel() const { return m_settingsPanel; }
    QSlider* timelineSlider() const { return m_timelineSlider; }
    QSlider* speedSlider() const { return m_speed; }
    QPlainTextEdit* narrationEdit() const { return m_narrationEdit; }

    /*! Shows the run's turning points under the slider and the current position's prospects. */
    void setProspects(RunProspects* prospects);
    ProspectsStrip* prospectsStrip() const { return m_prospectsStrip; }
    QLabel* prospectsLine() const { return m_prospectsLine; }
    /*! The width at which no row is cut and nothing scrolls sideways. */
    int fittingWidth();

private:
    QWidget* buildThreads(QWidget* parent);
    QWidget* buildTimeline(QWidget* parent, const TransportActions& transport);
    QWidget* buildNarration(QWidget* parent);
    /*! Shows the controller's current state under the gate's locks. */
    void refresh();
    void refreshNarration();
    void refreshProspects();

    SessionGate* m_gate;
    SimulationController* m_controller;
    ThreadButtonsWidget* m_threadButtons;
    SettingsPanel* m_settingsPanel;
    QSlider* m_speed;
    QComboBox* m_scheduleMode;
    QSpinBox* m_seed;
    QSlider* m_timelineSlider;
    QLabel* m_timelineLabel;
    ProspectsStrip* m_prospectsStrip = nullptr;
    QLabel* m_prospectsLine = nullptr;
    RunProspects* m_prospects = nullptr;
    QLabel* m_narrationTitle;
    QPlainTextEdit* m_narrationEdit;
    int m_narrationStep = -2;
    bool m_updatingNarration = false;
};

} // namespace msb::app
