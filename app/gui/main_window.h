// SPDX-License-Identifier: MIT
// The main window: the outcome banner on top, the race scene in the middle with the Code,
// History, Explore and Charts tabs under it, the controls, the toggle and the narration on the
// left. It observes one SimulationController and never touches the core session itself.
//
// Start-up is progressive (DESIGN.md §5, first frame): the constructor builds only the banner and
// the scene view, the first paint schedules the rest (buildPanels()), and charts are created the
// first time their tab is shown. Accessors of deferred panels build them on demand, so code that
// never shows the window (tests, --export) sees a complete window.
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
class QLabel;
class QListView;
class QPlainTextEdit;
class QScrollArea;
class QSlider;
class QSpinBox;
class QSplitter;
class QTabWidget;

namespace msb::scenes {
class RaceScene;
class RaceView;
} // namespace msb::scenes

namespace msb::app {

class ChartsPanel;
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
    scenes::RaceScene* scene() const { return m_scene; }
    scenes::RaceView* view() const { return m_view; }
    // Deferred panels: built on first use if the first paint has not built them yet.
    ThreadButtonsWidget* threadButtons() const { return built()->m_threadButtons; }
    SettingsPanel* settingsPanel() const { return built()->m_settingsPanel; }
    CodePanel* codePanel() const { return built()->m_codePanel; }
    HistoryModel* historyModel() const { return built()->m_historyModel; }
    QListView* historyView() const { return built()->m_historyView; }
    ExplorePanel* explorePanel() const { return built()->m_explorePanel; }
    QSlider* timelineSlider() const { return built()->m_timelineSlider; }
    QPlainTextEdit* narrationEdit() const { return built()->m_narrationEdit; }
    QTabWidget* panelTabs() const { return m_centerTabs; }
    /*! The charts, created on first use (showing their tab creates them too). */
    ChartsPanel* chartsPanel();
    /*! Whether the charts exist yet (they are not created before their tab is shown). */
    bool hasCharts() const { return m_charts != nullptr; }

    /*! True once every panel exists; fullyBuilt() is emitted then. */
    bool isFullyBuilt() const { return m_built; }

    double zoom() const { return m_zoom; }
    Theme theme() const { return m_theme; }
    bool reduceMotion() const { return m_reduceMotion; }
    /*! Raises the Explore tab (for --explore screenshots). */
    void showExploreTab();
    void showChartsTab();
    /*! File > Export recording: the run as recorded so far (redo tail and narration included). */
    bool exportRecording(const QString& path, const QString& format, QString* error = nullptr);
    /*! File > Save chart: the chart of the Charts tab on screen, PNG or SVG by extension. */
    bool saveCurrentChart(const QString& path);
    /*! File > Save recording. */
    bool saveRecording(const QString& path, QString* error = nullptr);

    /*! Read-only, e.g. a student following a teacher: stepping (actions, buttons, scene clicks),
        Back/Forward, Play, Auto step, Reset, the timeline, the settings and the narration are
        locked, and reason replaces the banner's hint. */
    void setReadOnly(bool on, const QString& reason = {});
    bool isReadOnly() const { return m_readOnly; }
    QString readOnlyReason() const { return m_readOnlyReason; }
    /*! Forward, Play, Auto step and the timeline do not go past position (-1: no limit); reason
        is their tooltip while they are held there (a lesson's unanswered checkpoint). */
    void setForwardLimit(int position, const QString& reason = {});
    int forwardLimit() const { return m_forwardLimit; }

Q_SIGNALS:
    void fullyBuilt();

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
    /*! Builds every deferred panel now (normally right after the first paint). */
    void buildPanels();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const MainWindow* built() const;
    void buildActions();
    void buildMenus();
    QWidget* buildLeftColumn();
    void buildHistory();
    void refresh();
    void refreshPanels();
    void refreshCharts();
    void refreshNarration();
    void fitLeftColumn();
    void applyPaletteToChildren();
    QString hintText() const;

    SimulationController* m_controller;
    scenes::RaceScene* m_scene;
    scenes::RaceView* m_view;
    OutcomeBanner* m_banner;
    QWidget* m_leftHost;
    QSplitter* m_split;
    QTabWidget* m_centerTabs;
    // Built by buildPanels():
    ThreadButtonsWidget* m_threadButtons = nullptr;
    SettingsPanel* m_settingsPanel = nullptr;
    CodePanel* m_codePanel = nullptr;
    HistoryModel* m_historyModel = nullptr;
    QListView* m_historyView = nullptr;
    ExplorePanel* m_explorePanel = nullptr;
    QWidget* m_chartsHost = nullptr;
    ChartsPanel* m_charts = nullptr;
    QScrollArea* m_leftScroll = nullptr;
    QSlider* m_speed = nullptr;
    QComboBox* m_scheduleMode = nullptr;
    QSpinBox* m_seed = nullptr;
    QSlider* m_timelineSlider = nullptr;
    QLabel* m_timelineLabel = nullptr;
    QLabel* m_narrationTitle = nullptr;
    QPlainTextEdit* m_narrationEdit = nullptr;
    bool m_built = false;
    bool m_buildQueued = false;
    bool m_chartsDirty = true;
    int m_narrationStep = -2;
    bool m_updatingNarration = false;

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
    bool m_readOnly = false;
    QString m_readOnlyReason;
    int m_forwardLimit = -1;
    QString m_forwardLimitReason;
};

/*! A dark palette for the Fusion style. */
QPalette darkPalette();
QPalette lightPalette();

} // namespace msb::app
