// SPDX-License-Identifier: MIT
// The tabs under the scene: Code (the step's pseudo-kernel line), History (every step, the redo
// tail included), Explore (the verdict over every interleaving) and Charts. The tab widget exists
// from the first frame; its panels come with build(), the charts the first time their tab shows.
// Built, they show the current state at once and follow the controller's stateChanged(); a
// History or chart click moves the run through the session gate.
#pragma once

#include <QTabWidget>

#include <vector>

class QListView;

namespace msb::app {

class ChartsPanel;
class CodePanel;
class ExplorePanel;
class HistoryModel;
class PresetExploration;
class RunProspects;
class SessionGate;
class WatchBar;
class SimulationController;

class PanelTabs : public QTabWidget
{
    Q_OBJECT

public:
    explicit PanelTabs(SessionGate* gate, QWidget* parent = nullptr);

    /*! Creates the panels (once). */
    void build();
    bool isBuilt() const { return m_codePanel != nullptr; }

    CodePanel* codePanel() const { return m_codePanel; }
    HistoryModel* historyModel() const { return m_historyModel; }
    QListView* historyView() const { return m_historyView; }
    ExplorePanel* explorePanel() const { return m_explorePanel; }
    /*! What is still possible from each position of the run (the Timeline shows it too). */
    RunProspects* runProspects() const { return m_prospects; }
    WatchBar* watchBar() const { return m_watchBar; }
    /*! Created on first use. */
    ChartsPanel* chartsPanel();
    bool hasCharts() const { return m_charts != nullptr; }
    void showExplore();
    void showCharts();
    /*! The chart on screen in the Charts tab, PNG or SVG by extension. */
    bool saveCurrentChart(const QString& path);

    void setHistoryPalette(const QPalette& palette);
    /*! The causal slice the History fades, now and after each refresh (HistoryModel::setCausality). */
    void setCausality(const std::vector<bool>& causal, const std::vector<int>& deciding);

    /*! Shows the controller's state (on each stateChanged, and once built); a hidden chart
        waits until its tab is raised. */
    void refresh();

private:
    void buildHistory();
    /*! The History rows' turning points and watch values. */
    void refreshHistoryAnnotations();
    void refreshCharts();

    SessionGate* m_gate;
    SimulationController* m_controller;
    CodePanel* m_codePanel = nullptr;
    HistoryModel* m_historyModel = nullptr;
    QListView* m_historyView = nullptr;
    PresetExploration* m_exploration = nullptr; // one run behind the Explore and Charts tabs
    ExplorePanel* m_explorePanel = nullptr;
    RunProspects* m_prospects = nullptr;
    WatchBar* m_watchBar = nullptr;
    QWidget* m_chartsHost = nullptr;
    ChartsPanel* m_charts = nullptr;
    bool m_chartsDirty = true; // the run changed beyond the position (a step, settings, scenario)
    std::vector<bool> m_causal;
    std::vector<int> m_deciding;
};

} // namespace msb::app
