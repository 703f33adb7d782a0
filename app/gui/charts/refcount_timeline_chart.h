// SPDX-License-Identifier: MIT
// page_count(D<p>) per step as step lines, the count the M7 check expects as dashed reference
// lines, each check as a pass/fail marker and the current position as a vertical line. The
// series observe RefcountTimelineModel and RefcountChecksModel through QVXYModelMapper; clicking a
// series asks for that position (positionRequested), which the owner turns into a jump.
#pragma once

#include "core/simulator.h"

#include <QWidget>

#include <vector>

class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QSortFilterProxyModel;
class QValueAxis;
class QVXYModelMapper;

namespace msb::app {

class RefcountChecksModel;
class RefcountTimelineModel;
class StepLineProxyModel;

class RefcountTimelineChart : public QWidget
{
    Q_OBJECT
public:
    explicit RefcountTimelineChart(QWidget* parent = nullptr);
    ~RefcountTimelineChart() override;

    /*! Every position of the run (with the redo tail unless includeRedoTail is false, which the
        handout uses to draw "up to this step"); the position marker follows simulator.position(). */
    void setSimulator(const core::Simulator& simulator, bool includeRedoTail = true);
    void clear();
    void setPosition(int position);
    int position() const { return m_position; }
    /*! Fixes the x axis to [0, steps] (-1: fit the data). */
    void setStepRange(int steps);

    RefcountTimelineModel* timelineModel() const { return m_timeline; }
    RefcountChecksModel* checksModel() const { return m_checks; }
    QChartView* chartView() const { return m_view; }
    QChart* chart() const { return m_chart; }
    bool save(const QString& path);

Q_SIGNALS:
    void positionRequested(int position);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildPageSeries();
    void updateAxes();
    void updateMarker();
    void applyStyle();
    void requestAt(const QPointF& point);

    RefcountTimelineModel* m_timeline;
    RefcountChecksModel* m_checks;
    StepLineProxyModel* m_steps;
    QSortFilterProxyModel* m_passed;
    QSortFilterProxyModel* m_failed;
    QChart* m_chart;
    QChartView* m_view;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    std::vector<QLineSeries*> m_countSeries;
    std::vector<QLineSeries*> m_expectedSeries;
    std::vector<QVXYModelMapper*> m_pageMappers;
    QScatterSeries* m_passSeries;
    QScatterSeries* m_failSeries;
    QLineSeries* m_marker;
    int m_position = 0;
    int m_stepRange = -1;
    int m_builtPages = -1;
};

} // namespace msb::app
