// SPDX-License-Identifier: MIT
// The main window: the outcome banner on top, the race scene in the middle with the Code,
// History, Explore and Charts tabs under it, the controls, the toggle and the narration on the
// left (control_column.h). It observes one SimulationController and never touches the core
// session itself; the look is the Appearance's (appearance.h), the File menu file_actions.h's.
//
// Start-up is progressive (docs/architecture.md §5, first frame): the constructor builds only the banner and
// the scene view, the first paint schedules the rest (buildPanels()), and charts are created the
// first time their tab is shown. Accessors of deferred panels build them on demand, so code that
// never shows the window (tests, --export) sees a complete window.
#pragma once

#include "app/gui/appearance.h"
#include "app/gui/classroom_integration.h"
#include "app/gui/core_metatypes.h"
#include "core/result.h"
#include "core/run_causality.h"

#include <QMainWindow>

#include <map>
#include <string>

class QAction;
class QListView;
class QPlainTextEdit;
class QSlider;
class QSplitter;
class QTabWidget;

namespace msb::scenes {
class RaceScene;
class RaceView;
} // namespace msb::scenes

namespace msb::app {

class ChartsPanel;
class CodePanel;
class ControlColumn;
class ExplorePanel;
class HistoryModel;
class KernelDiffDialog;
class OutcomeBanner;
class PanelTabs;
class RunActions;
class SessionGate;
class SettingsPanel;
class SimulationController;
struct SessionSnapshot;
class ThreadButtonsWidget;


class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    SimulationController* controller() const { return m_controller; }
    /*! The one way the user's input reaches the controller, with the session's locks. */
    SessionGate* gate() const { return m_gate; }
    OutcomeBanner* banner() const { return m_banner; }
    scenes::RaceScene* scene() const { return m_scene; }
    scenes::RaceView* view() const { return m_view; }
    // Deferred panels: built on first use if the first paint has not built them yet.
    ControlColumn* controlColumn() const { return built()->m_column; }
    ThreadButtonsWidget* threadButtons() const;
    SettingsPanel* settingsPanel() const;
    QSlider* timelineSlider() const;
    QPlainTextEdit* narrationEdit() const;
    CodePanel* codePanel() const;
    HistoryModel* historyModel() const;
    QListView* historyView() const;
    ExplorePanel* explorePanel() const;
    /*! The "Compare two kernels" dialog, created on first use (it is kept, hidden, once closed). */
    KernelDiffDialog* kernelDiffDialog();
    QTabWidget* panelTabs() const;
    /*! The charts, created on first use (showing their tab creates them too). */
    ChartsPanel* chartsPanel();
    /*! Whether the charts exist yet (they are not created before their tab is shown). */
    bool hasCharts() const;

    /*! True once every panel exists; fullyBuilt() is emitted then. */
    bool isFullyBuilt() const { return m_built; }

    Appearance* appearance() const { return m_appearance; }
    double zoom() const { return m_appearance->zoom(); }
    Theme theme() const { return m_appearance->theme(); }
    bool reduceMotion() const { return m_reduceMotion; }
    /*! View > Fade steps that do not matter (on by default). */
    bool fadesNonCausalSteps() const { return m_fadeNonCausal; }
    /*! The causal slice shown for the run at its position (core::runCausality), empty when the
        run shows no outcome or fading is off. */
    const core::RunCausality& causality() const { return m_causality; }
    /*! Raises the Explore tab (for --explore screenshots). */
    void showExploreTab();
    void showChartsTab();
    /*! File > Export recording: the run as recorded so far (redo tail and narration included). */
    core::Result<void> exportRecording(const QString& path, const QString& format);
    /*! File > Save chart: the chart of the Charts tab on screen, PNG or SVG by extension. */
    bool saveCurrentChart(const QString& path);
    /*! File > Save recording. */
    core::Result<void> saveRecording(const QString& path);

    /*! The gate's read-only lock (SessionGate::setReadOnly), e.g. a student following a teacher;
        reason also replaces the banner's hint. */
    void setReadOnly(bool on, const QString& reason = {});
    bool isReadOnly() const;
    QString readOnlyReason() const;
    /*! The gate's forward limit (SessionGate::setForwardLimit), a lesson's unanswered checkpoint. */
    void setForwardLimit(int position, const QString& reason = {});
    int forwardLimit() const;

    /*! The lessons and the classroom installed in this window (classroom_integration.h), or all
        null before installClassroomAndLessons(). */
    const ClassroomAndLessons& classroom() const { return m_classroom; }
    void setClassroom(const ClassroomAndLessons& parts) { m_classroom = parts; }

    /*! Narration typed since the run was last saved, loaded or restored (closing asks first). */
    bool hasUnsavedNarration() const;
    /*! The run as it is now counts as saved (after a save or a load). */
    void markNarrationSaved();
    /*! No narration counts as saved (a restored session's exists only in the autosave). */
    void markNarrationUnsaved() { m_savedNarration.clear(); }

Q_SIGNALS:
    void fullyBuilt();

public Q_SLOTS:
    void setZoom(double zoom);
    void setTheme(msb::app::Theme theme);
    void setReduceMotion(bool reduce);
    void setFadeNonCausalSteps(bool on);
    void editScenario();
    void exploreCurrent();
    /*! Run > Find a state… (Ctrl+F): raises the Explore tab and focuses its expression field. */
    void focusFindState();
    /*! Finds a state where text holds and loads it when found (--find); the search runs in the
        background, the result shows in the Explore tab. */
    void findState(const QString& text);
    /*! Shows the "Compare two kernels" dialog on the current scenario. */
    void compareKernels();
    /*! Builds every deferred panel now (normally right after the first paint). */
    void buildPanels();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    const MainWindow* built() const;
    void buildMenus();
    /*! The banner, the scene and the History's causal slice for the run as snapshot shows it. */
    void showRun(const msb::app::SessionSnapshot& snapshot);
    /*! showRun() again for the current state (a palette, the fading option). */
    void refresh();
    void showBanner();
    void fitLeftColumn();
    void applyPaletteToChildren();

    SimulationController* m_controller;
    SessionGate* m_gate;
    Appearance* m_appearance;
    RunActions* m_runActions;
    scenes::RaceScene* m_scene;
    scenes::RaceView* m_view;
    OutcomeBanner* m_banner;
    QWidget* m_leftHost;
    QSplitter* m_split;
    PanelTabs* m_tabs;
    ControlColumn* m_column = nullptr; // built by buildPanels()
    bool m_built = false;
    bool m_buildQueued = false;
    // Created by kernelDiffDialog().
    KernelDiffDialog* m_diffDialog = nullptr;


    bool m_reduceMotion = false;
    bool m_fadeNonCausal = true;
    core::RunCausality m_causality;
    bool m_applyingPalette = false;
    ClassroomAndLessons m_classroom;
    std::map<int, std::string> m_savedNarration;
};

} // namespace msb::app
