// SPDX-License-Identifier: MIT
#include "app/gui/panel_tabs.h"

#include "app/gui/charts/charts_panel.h"
#include "app/gui/charts/exploration_chart.h"
#include "app/gui/charts/odds_chart.h"
#include "app/gui/charts/refcount_timeline_chart.h"
#include "app/gui/code_panel.h"
#include "app/gui/explore_panel.h"
#include "app/gui/find_state_box.h"
#include "app/gui/history_model.h"
#include "app/gui/outcome.h"
#include "app/gui/preset_exploration.h"
#include "app/gui/run_prospects.h"
#include "app/gui/session_gate.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/watch_bar.h"

#include <QListView>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace msb::app {

PanelTabs::PanelTabs(SessionGate* gate, QWidget* parent)
    : QTabWidget(parent)
    , m_gate(gate)
    , m_controller(gate->controller())
{
    // Ctrl+1 to Ctrl+4 (View menu) raise the tabs: the tab bar stays out of the way of the
    // arrow keys, which step back and forward.
    setFocusPolicy(Qt::NoFocus);
    setAccessibleName(tr("Panels"));
}

void PanelTabs::build()
{
    if (isBuilt())
        return;
    m_codePanel = new CodePanel(this);
    m_historyModel = new HistoryModel(this);
    m_historyView = new QListView(this);
    m_exploration = new PresetExploration(this);
    m_exploration->setScenario(m_controller->scenario());
    m_explorePanel = new ExplorePanel(m_exploration, this);
    m_explorePanel->setFindBox(new FindStateBox(m_controller, m_explorePanel));
    m_prospects = new RunProspects(m_controller, this);
    m_prospects->setFairness(m_exploration->fairness());
    connect(m_exploration, &PresetExploration::fairnessChanged, m_prospects, &RunProspects::setFairness);
    auto* historyTab = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyTab);
    historyLayout->setContentsMargins(4, 4, 4, 0);
    m_watchBar = new WatchBar(m_controller, historyTab);
    historyLayout->addWidget(m_watchBar);
    historyLayout->addWidget(m_historyView, 1);
    buildHistory();
    addTab(m_codePanel, tr("Code"));
    addTab(historyTab, tr("History"));
    addTab(m_explorePanel, tr("Explore"));
    // Charts are heavy (Qt Charts scenes): a placeholder until the tab is first shown.
    m_chartsHost = new QWidget(this);
    auto* chartsLayout = new QVBoxLayout(m_chartsHost);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    addTab(m_chartsHost, tr("Charts"));
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        if (widget(index) == m_chartsHost) {
            chartsPanel();
            refreshCharts();
        }
    });
    // Old verdicts no longer apply to another scenario.
    connect(m_controller, &SimulationController::scenarioChanged, this, [this](const core::Model& model) {
        m_exploration->setScenario(model.scenario());
        m_chartsDirty = true;
    });
    connect(m_controller, &SimulationController::settingsChanged, this, [this] { m_chartsDirty = true; });
    connect(m_controller, &SimulationController::stepApplied, this, [this] { m_chartsDirty = true; });
    connect(m_controller, &SimulationController::stateChanged, this, &PanelTabs::refresh);
    refresh();
}

void PanelTabs::buildHistory()
{
    m_historyView->setModel(m_historyModel);
    m_historyView->setUniformItemSizes(true);
    // Reachable by Tab (Up/Down browse, Enter moves there); a click leaves the focus where it is,
    // with the step keys.
    m_historyView->setFocusPolicy(Qt::TabFocus);
    m_historyView->setAccessibleName(tr("History of steps"));
    m_historyView->setAlternatingRowColors(true);
    m_historyView->setTextElideMode(Qt::ElideRight);
    m_historyView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A click, or Enter on the current row, moves to the position after that step.
    // The gate refuses a read-only run or a row past the forward limit (and says why).
    const auto jumpToRow = [this](const QModelIndex& index) { (void)m_gate->jumpTo(index.row() + 1); };
    connect(m_historyView, &QListView::clicked, this, jumpToRow);
    connect(m_historyView, &QListView::activated, this, jumpToRow);
    connect(m_prospects, &RunProspects::updated, this, &PanelTabs::refreshHistoryAnnotations);
    connect(m_watchBar, &WatchBar::watchesChanged, this, &PanelTabs::refreshHistoryAnnotations);
}

void PanelTabs::refreshHistoryAnnotations()
{
    const core::Simulator& sim = m_controller->simulator();
    std::vector<QString> turning;
    std::vector<QString> watches;
    const WatchList& list = m_watchBar->watches();
    for (int i = 0; i < sim.historySize(); ++i) {
        turning.push_back(m_prospects->rowMarker(i));
        if (!list.isEmpty())
            watches.push_back(list.valuesAt(sim.model(), sim.stateAt(i + 1)));
    }
    m_historyModel->setAnnotations(std::move(turning), std::move(watches));
}

ChartsPanel* PanelTabs::chartsPanel()
{
    build();
    if (!m_charts) {
        // In a scroll area: the charts' controls must not set a minimum width for the window.
        auto* scroll = new QScrollArea(m_chartsHost);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        m_charts = new ChartsPanel(m_exploration, scroll);
        scroll->setWidget(m_charts);
        m_chartsHost->layout()->addWidget(scroll);
        connect(m_charts, &ChartsPanel::positionRequested, m_gate,
            [this](int position) { (void)m_gate->jumpTo(position); });
        m_chartsDirty = true;
        refreshCharts();
    }
    return m_charts;
}

void PanelTabs::showExplore()
{
    build();
    setCurrentWidget(m_explorePanel);
}

void PanelTabs::showCharts()
{
    build();
    setCurrentWidget(m_chartsHost);
}

bool PanelTabs::saveCurrentChart(const QString& path)
{
    ChartsPanel* charts = chartsPanel();
    QWidget* current = charts->tabs()->currentWidget();
    if (current == charts->odds())
        return charts->odds()->saveOutcomes(path);
    if (current == charts->exploration())
        return charts->exploration()->save(path);
    return charts->timeline()->save(path);
}

void PanelTabs::setHistoryPalette(const QPalette& palette)
{
    if (m_historyModel)
        m_historyModel->setPalette(palette);
}

void PanelTabs::setCausality(const std::vector<bool>& causal, const std::vector<int>& deciding)
{
    m_causal = causal;
    m_deciding = deciding;
    if (m_historyModel)
        m_historyModel->setCausality(m_causal, m_deciding);
}

void PanelTabs::refresh()
{
    if (!isBuilt())
        return;
    const core::Simulator& sim = m_controller->simulator();
    m_codePanel->showState(sim);
    m_historyModel->resetData(sim, describeOutcome(sim).steps);
    refreshHistoryAnnotations();
    m_historyModel->setCausality(m_causal, m_deciding);
    if (sim.position() > 0) {
        const QModelIndex current = m_historyModel->index(sim.position() - 1);
        m_historyView->setCurrentIndex(current);
        m_historyView->scrollTo(current);
    } else if (m_historyModel->rowCount() > 0) {
        m_historyView->scrollToTop();
    }
    refreshCharts();
}

void PanelTabs::refreshCharts()
{
    // A hidden chart is refreshed when its tab is raised (m_chartsDirty stays as it is).
    if (!m_charts || currentWidget() != m_chartsHost)
        return;
    if (m_chartsDirty) {
        m_charts->setSimulator(m_controller->simulator());
        m_chartsDirty = false;
    } else {
        m_charts->setPosition(m_controller->position());
    }
}

} // namespace msb::app
