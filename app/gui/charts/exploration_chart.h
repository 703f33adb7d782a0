// SPDX-License-Identifier: MIT
// States discovered over time per preset as the explorer runs, each line named with its verdict
// when the preset finishes. Draws the timeline model of a PresetExploration (the run the Explore
// tab shows too) through QVXYModelMapper, with buttons to start and cancel that run.
#pragma once

#include <QWidget>

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
class PresetExploration;

class ExplorationChart : public QWidget
{
    Q_OBJECT
public:
    /*! Draws exploration, which the caller owns. */
    explicit ExplorationChart(PresetExploration* exploration, QWidget* parent = nullptr);

    PresetExploration* exploration() const { return m_exploration; }
    ExplorationModel* explorationModel() const;
    QChartView* chartView() const { return m_view; }
    bool save(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    void syncSeries();
    void applyStyle();
    void setRunning(bool running);

    PresetExploration* m_exploration;
    QChart* m_chart;
    QChartView* m_view;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    QPushButton* m_runButton;
    QPushButton* m_cancelButton;
    QLabel* m_status;
    std::vector<QLineSeries*> m_series;
    std::vector<QVXYModelMapper*> m_mappers;
};

} // namespace msb::app
