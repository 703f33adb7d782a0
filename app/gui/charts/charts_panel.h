// SPDX-License-Identifier: MIT
// The charts in one widget with tabs, for the main window to embed: the refcount timeline of the
// current run, the odds under random scheduling, and the states the explorer discovers per preset
// (drawn from the window's PresetExploration, the run the Explore tab shows).
#pragma once

#include "core/simulator.h"

#include <QWidget>

class QTabWidget;

namespace msb::app {

class ExplorationChart;
class OddsChart;
class PresetExploration;
class RefcountTimelineChart;

class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    /*! exploration: the run the exploration tab draws, owned by the caller. */
    explicit ChartsPanel(PresetExploration* exploration, QWidget* parent = nullptr);

    /*! The run to chart: resets the timeline and, when the scenario changed, the odds tab. */
    void setSimulator(const core::Simulator& simulator);
    /*! Undo/redo/jump: moves the timeline's position marker. */
    void setPosition(int position);

    RefcountTimelineChart* timeline() const { return m_timeline; }
    OddsChart* odds() const { return m_odds; }
    ExplorationChart* exploration() const { return m_exploration; }
    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    /*! The user clicked the timeline: jump there. */
    void positionRequested(int position);

private:
    QTabWidget* m_tabs;
    RefcountTimelineChart* m_timeline;
    OddsChart* m_odds;
    ExplorationChart* m_exploration;
    core::Scenario m_scenario;
    bool m_haveScenario = false;
};

} // namespace msb::app
