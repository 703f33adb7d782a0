// SPDX-License-Identifier: MIT
#include "app/gui/charts/charts_panel.h"

#include "app/gui/charts/exploration_chart.h"
#include "app/gui/charts/odds_chart.h"
#include "app/gui/charts/refcount_timeline_chart.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace msb::app {

ChartsPanel::ChartsPanel(PresetExploration* exploration, QWidget* parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_timeline(new RefcountTimelineChart(this))
    , m_odds(new OddsChart(this))
    , m_exploration(new ExplorationChart(exploration, this))
{
    m_tabs->addTab(m_timeline, tr("Refcount timeline"));
    m_tabs->addTab(m_odds, tr("Odds"));
    m_tabs->addTab(m_exploration, tr("Exploration"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    connect(m_timeline, &RefcountTimelineChart::positionRequested, this, &ChartsPanel::positionRequested);
}

void ChartsPanel::setSimulator(const core::Simulator& simulator)
{
    m_timeline->setSimulator(simulator);
    if (!m_haveScenario || !(simulator.scenario() == m_scenario)) {
        m_scenario = simulator.scenario();
        m_haveScenario = true;
        m_odds->setScenario(m_scenario);
    }
}

void ChartsPanel::setPosition(int position)
{
    m_timeline->setPosition(position);
}

} // namespace msb::app
