// SPDX-License-Identifier: MIT
// The main window: the race scene in the middle, the controls and the toggle on the left, the
// code panel, history and verdicts on the right, the outcome banner on top. It observes one
// SimulationController and never touches the core session itself.
#pragma once

#include "app/gui/core_metatypes.h"

#include <QFont>
#include <QMainWindow>
#include <QPalette>

#include <array>
#include <map>
#include <string>

class QAction;
class QComboBox;
class QListView;
class QScrollArea;
class QSlider;
class QSpinBox;
class QTabWidget;

namespace msb::scenes {
class RaceScene;
class RaceView;
} // namespace msb::scenes

namespace msb::app {

class CodePanel;
class ExplorePanel;
class HistoryModel;
class OutcomeBanner;
class SettingsPanel;
class SimulationController;
class ThreadButtonsWidget;

enum class Theme { System, Light, Dark };

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    SimulationController* controller() const { return m_controller; }
    OutcomeBanner* banner() const { return m_banner; }
    ThreadButtonsWidget* threadButtons() const { return m_threadButtons; }
    SettingsPanel* settingsPanel() const { return m_settingsPanel; }
    CodePanel* codePanel() const { return m_codePanel; }
    HistoryModel* historyModel() const { return m_historyModel; }
    QListView* historyView() const { return m_historyView; }
    ExplorePanel* explorePanel() const { return m_explorePanel; }
    scenes::RaceScene* scene() const { return m_scene; }
    scenes::RaceView* view() const { return m_view; }

    double zoom() const { return m_zoom; }
    Theme theme() const { return m_theme; }
    bool reduceMotion() const { return m_reduceMotion; }
    /*! Raises the Explore tab (for --explore screenshots). */
    void showExploreTab();

public Q_SLOTS:
    void setZoom(double zoom);
    void setTheme(msb::app::Theme theme);
    void setReduceMotion(bool reduce);
    /*! Loads a scenario or recording file; errors go to a message box (or stderr when headless). */
    bool openFile(const QString& path, const std::map<std::string, int, std::less<>>& parameters = {});
    /*! parameters override a parametric scenario's generator (n-faults: threads, pages). */
    bool loadBuiltin(const QString& name, const std::map<std::string, int, std::less<>>& parameters = {});
    void editScenario();
    void exploreCurrent();

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    QWidget* buildLeftColumn();
    QWidget* buildRightColumn();
    void refresh();
    void fitLeftColumn();
    void applyPaletteToChildren();
    QString hintText() const;

    SimulationController* m_controller;
    scenes::RaceScene* m_scene;
    scenes::RaceView* m_view;
    OutcomeBanner* m_banner;
    ThreadButtonsWidget* m_threadButtons;
    SettingsPanel* m_settingsPanel;
    CodePanel* m_codePanel;
    HistoryModel* m_historyModel;
    QListView* m_historyView;
    ExplorePanel* m_explorePanel;
    QTabWidget* m_rightTabs;
    QTabWidget* m_centerTabs;
    QScrollArea* m_leftScroll = nullptr;
    QSlider* m_speed;
    QComboBox* m_scheduleMode;
    QSpinBox* m_seed;

    QAction* m_back;
    QAction* m_forward;
    QAction* m_play;
    QAction* m_autoStep;
    QAction* m_reset;
    std::array<QAction*, 9> m_stepActions {};

    bool m_animateNext = false;
    double m_zoom = 1.0;
    QFont m_baseFont;
    QPalette m_systemPalette;
    Theme m_theme = Theme::System;
    bool m_reduceMotion = false;
    bool m_applyingPalette = false;
};

/*! A dark palette for the Fusion style. */
QPalette darkPalette();
QPalette lightPalette();

} // namespace msb::app
