// SPDX-License-Identifier: MIT
#include "app/gui/charts/odds_chart.h"

#include "app/gui/charts/chart_style.h"
#include "app/gui/charts/odds_model.h"
#include "app/gui/charts/rounds_histogram_model.h"
#include "app/gui/outcome_presentation.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QVXYModelMapper>
#include <QValueAxis>

namespace msb::app {

namespace {

QSpinBox* spin(int min, int max, int value, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setValue(value);
    return box;
}

} // namespace

OddsChart::OddsChart(QWidget* parent)
    : QWidget(parent)
    , m_odds(new OddsModel(this))
    , m_histogram(new RoundsHistogramModel(m_odds, this))
    , m_runs(spin(1, 1'000'000, 1000, this))
    , m_seed(spin(0, 1'000'000'000, 1, this))
    , m_maxSteps(spin(1, 1'000'000, 1000, this))
    , m_runButton(new QPushButton(tr("Run"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_outcomeChart(new QChart)
    , m_outcomeView(new QChartView(m_outcomeChart, this))
    , m_outcomeSeries(new QStackedBarSeries(this))
    , m_lostSeries(new QScatterSeries(this))
    , m_staleSeries(new QScatterSeries(this))
    , m_presetAxis(new QBarCategoryAxis(this))
    , m_shareAxis(new QValueAxis(this))
    , m_histogramChart(new QChart)
    , m_histogramView(new QChartView(m_histogramChart, this))
    , m_histogramSeries(new QBarSeries(this))
    , m_roundsAxis(new QBarCategoryAxis(this))
    , m_pagesAxis(new QValueAxis(this))
{
    m_runs->setToolTip(tr("Random schedules per preset; run i uses seed S+i"));
    m_maxSteps->setToolTip(tr("Step budget per run; a run still going at the budget counts as retrying"));
    m_cancelButton->setEnabled(false);
    auto* save = new QPushButton(tr("Save…"), this);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Runs"), this));
    controls->addWidget(m_runs);
    controls->addWidget(new QLabel(tr("Seed"), this));
    controls->addWidget(m_seed);
    controls->addWidget(new QLabel(tr("Step budget"), this));
    controls->addWidget(m_maxSteps);
    controls->addWidget(m_runButton);
    controls->addWidget(m_cancelButton);
    controls->addWidget(m_progress, 1);
    controls->addWidget(save);

    // Outcome shares: bar sets are the four exclusive outcome columns of OddsModel.
    m_outcomeChart->setTitle(tr("Outcomes of random schedules"));
    auto* outcomes = new QVBarModelMapper(this);
    outcomes->setFirstBarSetColumn(OddsModel::CompletesColumn);
    outcomes->setLastBarSetColumn(OddsModel::SigbusColumn);
    outcomes->setSeries(m_outcomeSeries);
    outcomes->setModel(m_odds);
    m_outcomeChart->addSeries(m_outcomeSeries);
    m_lostSeries->setName(outcomeLabel(core::Outcome::LostUpdate));
    m_staleSeries->setName(outcomeLabel(core::Outcome::StalePageUse));
    m_outcomeChart->addSeries(m_lostSeries);
    m_outcomeChart->addSeries(m_staleSeries);
    for (auto [series, column] : {std::pair {m_lostSeries, int(OddsModel::LostUpdateColumn)},
             std::pair {m_staleSeries, int(OddsModel::StalePageUseColumn)}}) {
        auto* mapper = new QVXYModelMapper(this);
        mapper->setXColumn(OddsModel::IndexColumn);
        mapper->setYColumn(column);
        mapper->setSeries(series);
        mapper->setModel(m_odds);
    }
    m_presetAxis->setTitleText(tr("Preset"));
    m_shareAxis->setTitleText(tr("Share of runs (%)"));
    m_shareAxis->setRange(0, 100);
    m_shareAxis->setLabelFormat(QStringLiteral("%d"));
    m_outcomeChart->addAxis(m_presetAxis, Qt::AlignBottom);
    m_outcomeChart->addAxis(m_shareAxis, Qt::AlignLeft);
    for (QAbstractSeries* series : {static_cast<QAbstractSeries*>(m_outcomeSeries),
             static_cast<QAbstractSeries*>(m_lostSeries), static_cast<QAbstractSeries*>(m_staleSeries)}) {
        series->attachAxis(m_presetAxis);
        series->attachAxis(m_shareAxis);
    }
    m_outcomeChart->legend()->setAlignment(Qt::AlignBottom);

    // Attempts until success: one bar set per preset, one category per number of attempts.
    m_histogramChart->setTitle(tr("Migration attempts until success"));
    auto* histogram = new QVBarModelMapper(this);
    histogram->setFirstBarSetColumn(1);
    histogram->setLastBarSetColumn(64);
    histogram->setSeries(m_histogramSeries);
    histogram->setModel(m_histogram);
    m_histogramChart->addSeries(m_histogramSeries);
    m_roundsAxis->setTitleText(tr("Attempts (M1 collects) until the M7 check passes"));
    m_pagesAxis->setTitleText(tr("Share of migrated pages (%)"));
    m_pagesAxis->setRange(0, 100);
    m_pagesAxis->setLabelFormat(QStringLiteral("%d"));
    m_histogramChart->addAxis(m_roundsAxis, Qt::AlignBottom);
    m_histogramChart->addAxis(m_pagesAxis, Qt::AlignLeft);
    m_histogramSeries->attachAxis(m_roundsAxis);
    m_histogramSeries->attachAxis(m_pagesAxis);
    m_histogramChart->legend()->setAlignment(Qt::AlignBottom);

    for (QChartView* view : {m_outcomeView, m_histogramView}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(320, 220);
    }
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_outcomeView);
    splitter->addWidget(m_histogramView);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_runButton, &QPushButton::clicked, this, &OddsChart::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &OddsChart::cancel);
    connect(save, &QPushButton::clicked, this, &OddsChart::saveAs);
    connect(m_odds, &OddsModel::progressChanged, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(done);
    });
    connect(m_odds, &OddsModel::runningChanged, this, [this](bool running) {
        m_runButton->setEnabled(!running && m_haveScenario);
        m_cancelButton->setEnabled(running);
    });
    connect(m_odds, &OddsModel::finished, this, [this] {
        m_status->setText(tr("%1 random schedules per preset on %2, seeds %3..%4, budget %5 steps.")
                              .arg(m_runs->value())
                              .arg(QString::fromStdString(m_scenario.name))
                              .arg(m_seed->value())
                              .arg(m_seed->value() + m_runs->value() - 1)
                              .arg(m_maxSteps->value()));
        Q_EMIT finished();
    });
    connect(m_odds, &QAbstractItemModel::modelReset, this, &OddsChart::updateCategories);
    connect(m_odds, &QAbstractItemModel::rowsInserted, this, &OddsChart::updateCategories);
    connect(m_histogram, &QAbstractItemModel::modelReset, this, &OddsChart::updateCategories);
    m_runButton->setEnabled(false);
    applyStyle();
}

void OddsChart::setScenario(const core::Scenario& scenario)
{
    m_odds->cancel();
    m_odds->clear();
    m_scenario = scenario;
    m_haveScenario = true;
    m_runButton->setEnabled(true);
    m_status->setText(tr("Scenario %1: press Run to try random schedules under every preset.")
                          .arg(QString::fromStdString(scenario.name)));
}

void OddsChart::run()
{
    if (!m_haveScenario)
        return;
    m_status->setText(tr("Running…"));
    m_odds->start(m_scenario, {},
        core::OddsOptions {m_runs->value(), static_cast<std::uint64_t>(m_seed->value()), m_maxSteps->value()});
}

void OddsChart::cancel()
{
    m_odds->cancel();
    m_status->setText(tr("Cancelled."));
}

void OddsChart::setRuns(int runs)
{
    m_runs->setValue(runs);
}

void OddsChart::setSeed(int seed)
{
    m_seed->setValue(seed);
}

void OddsChart::setMaxSteps(int steps)
{
    m_maxSteps->setValue(steps);
}

bool OddsChart::saveOutcomes(const QString& path)
{
    return saveChart(m_outcomeView, path);
}

bool OddsChart::saveHistogram(const QString& path)
{
    return saveChart(m_histogramView, path);
}

void OddsChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyStyle();
}

void OddsChart::updateCategories()
{
    QStringList presets;
    for (int row = 0; row < m_odds->rowCount(); ++row)
        presets << m_odds->presetName(row);
    m_presetAxis->setCategories(presets);
    QStringList rounds;
    for (int r = 1; r <= m_histogram->maxRounds(); ++r)
        rounds << QString::number(r);
    m_roundsAxis->setCategories(rounds);
    applyStyle();
}

void OddsChart::applyStyle()
{
    for (QChart* chart : {m_outcomeChart, m_histogramChart})
        applyChartPalette(chart, palette());
    const auto outcomeSets = m_outcomeSeries->barSets();
    for (int i = 0; i < outcomeSets.size(); ++i) {
        const auto outcome = OddsModel::outcomeOfColumn(OddsModel::CompletesColumn + i);
        if (!outcome)
            break;
        outcomeSets[i]->setColor(outcomeSeriesColour(*outcome));
        outcomeSets[i]->setBorderColor(outcomeSeriesColour(*outcome).darker(120));
    }
    const auto presetSets = m_histogramSeries->barSets();
    for (int i = 0; i < presetSets.size(); ++i) {
        presetSets[i]->setColor(presetColour(i));
        presetSets[i]->setBorderColor(presetColour(i).darker(120));
    }
    m_lostSeries->setColor(outcomeSeriesColour(core::Outcome::LostUpdate));
    m_lostSeries->setBorderColor(Qt::white);
    m_lostSeries->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_lostSeries->setMarkerSize(10);
    m_staleSeries->setColor(outcomeSeriesColour(core::Outcome::StalePageUse));
    m_staleSeries->setBorderColor(Qt::white);
    m_staleSeries->setMarkerSize(10);
}

void OddsChart::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save outcome chart"), QStringLiteral("odds.png"), tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    saveOutcomes(path);
    const QFileInfo info(path);
    saveHistogram(
        info.path() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral("-attempts.") + info.suffix());
}

} // namespace msb::app
