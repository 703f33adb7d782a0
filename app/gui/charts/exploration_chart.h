// SPDX-License-Identifier: MIT
// States discovered over time per preset as the explorer runs, each line named with its verdict
// when the preset finishes. Observes an ExplorationModel through QVXYModelMapper; run() explores
// every preset of the current scenario on a worker thread and feeds the model, and other code
// (the Explore panel) may feed it too.
#pragma once

#include "core/scenario.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QPushButton;
class QValueAxis;
class QVXYModelMapper;

namespace msb::app {

class ExplorationModel;

class ExplorationChart : public QWidget
{
    Q_OBJECT
public:
    explicit ExplorationChart(QWidget* parent = nullptr);
    ~ExplorationChart() override;

    void setScenario(const core::Scenario& scenario);
    /*! Explores the scenario under every preset, one after the other, off the GUI thread. */
    void run();
    void cancel();

    ExplorationModel* explorationModel() const { return m_model; }
    QChartView* chartView() const { return m_view; }
    bool save(const QString& path);

signals:
    void finished();

protected:
    void changeEvent(QEvent* event) override;

private:
    void syncSeries();
    void applyStyle();

    core::Scenario m_scenario;
    bool m_haveScenario = false;
    ExplorationModel* m_model;
    QChart* m_chart;
    QChartView* m_view;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    QPushButton* m_runButton;
    QPushButton* m_cancelButton;
    QLabel* m_status;
    std::vector<QLineSeries*> m_series;
    std::vector<QVXYModelMapper*> m_mappers;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    int m_job = 0;
};

} // namespace msb::app
