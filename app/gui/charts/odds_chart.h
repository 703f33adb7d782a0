// SPDX-License-Identifier: MIT
// Odds under random scheduling for the current scenario: per preset, a stacked bar of the outcome
// shares (with lost update and stale page use as markers, since they are flags on top of an
// outcome), and a histogram of migration attempts until success. Both observe models through
// model mappers; the runs go off the GUI thread with a progress bar and a cancel button.
#pragma once

#include "core/scenario.h"

#include <QWidget>

class QBarCategoryAxis;
class QChart;
class QChartView;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedBarSeries;
class QBarSeries;
class QScatterSeries;
class QValueAxis;

namespace msb::app {

class OddsModel;
class RoundsHistogramModel;

class OddsChart : public QWidget
{
    Q_OBJECT
public:
    explicit OddsChart(QWidget* parent = nullptr);

    void setScenario(const core::Scenario& scenario);
    /*! Starts the runs (K from the spin box, default 1000). */
    void run();
    void cancel();
    void setRuns(int runs);
    void setSeed(int seed);
    void setMaxSteps(int steps);

    OddsModel* oddsModel() const { return m_odds; }
    RoundsHistogramModel* histogramModel() const { return m_histogram; }
    QChartView* outcomeView() const { return m_outcomeView; }
    QChartView* histogramView() const { return m_histogramView; }
    bool saveOutcomes(const QString& path);
    bool saveHistogram(const QString& path);

Q_SIGNALS:
    void finished();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateCategories();
    void applyStyle();
    void saveAs();

    core::Scenario m_scenario;
    bool m_haveScenario = false;
    OddsModel* m_odds;
    RoundsHistogramModel* m_histogram;
    QSpinBox* m_runs;
    QSpinBox* m_seed;
    QSpinBox* m_maxSteps;
    QPushButton* m_runButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_progress;
    QLabel* m_status;
    QChart* m_outcomeChart;
    QChartView* m_outcomeView;
    QStackedBarSeries* m_outcomeSeries;
    QScatterSeries* m_lostSeries;
    QScatterSeries* m_staleSeries;
    QBarCategoryAxis* m_presetAxis;
    QValueAxis* m_shareAxis;
    QChart* m_histogramChart;
    QChartView* m_histogramView;
    QBarSeries* m_histogramSeries;
    QBarCategoryAxis* m_roundsAxis;
    QValueAxis* m_pagesAxis;
};

} // namespace msb::app
