// SPDX-License-Identifier: MIT
#include "app/gui/charts/exploration_chart.h"

#include "app/gui/charts/chart_style.h"
#include "app/gui/charts/exploration_model.h"
#include "app/gui/preset_exploration.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPushButton>
#include <QVBoxLayout>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <cmath>

namespace msb::app {

namespace {

double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (value <= step * magnitude)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

ExplorationChart::ExplorationChart(PresetExploration* exploration, QWidget* parent)
    : QWidget(parent)
    , m_exploration(exploration)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_axisX(new QValueAxis(this))
    , m_axisY(new QValueAxis(this))
    , m_runButton(new QPushButton(tr("Explore every preset"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_status(new QLabel(this))
{
    m_chart->setTitle(tr("States discovered by the explorer"));
    m_axisX->setTitleText(tr("Time (s)"));
    m_axisX->setLabelFormat(QStringLiteral("%.2g"));
    m_axisY->setTitleText(tr("States stored"));
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(320, 200);

    auto* save = new QPushButton(tr("Save…"), this);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_runButton);
    controls->addWidget(m_cancelButton);
    controls->addWidget(m_status, 1);
    controls->addWidget(save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);

    connect(m_runButton, &QPushButton::clicked, m_exploration, &PresetExploration::start);
    connect(m_cancelButton, &QPushButton::clicked, m_exploration, &PresetExploration::cancel);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save exploration chart"),
            QStringLiteral("exploration.png"), tr("PNG image (*.png);;SVG drawing (*.svg)"));
        if (!path.isEmpty())
            this->save(path);
    });
    const auto scenarioName = [this] { return QString::fromStdString(m_exploration->scenario().name); };
    connect(m_exploration, &PresetExploration::started, this, [this] {
        setRunning(true);
        m_status->setText(tr("Exploring…"));
    });
    connect(m_exploration, &PresetExploration::finished, this, [this, scenarioName] {
        setRunning(false);
        m_status->setText(tr("Explored %1 under every preset.").arg(scenarioName()));
    });
    connect(m_exploration, &PresetExploration::cancelled, this, [this] {
        setRunning(false);
        m_status->setText(tr("Cancelled."));
    });
    connect(m_exploration, &PresetExploration::cleared, this, [this, scenarioName] {
        setRunning(false);
        m_status->setText(tr("Scenario %1").arg(scenarioName()));
    });
    ExplorationModel* model = explorationModel();
    connect(model, &QAbstractItemModel::modelReset, this, &ExplorationChart::syncSeries);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ExplorationChart::syncSeries);
    connect(model, &QAbstractItemModel::columnsInserted, this, &ExplorationChart::syncSeries);
    connect(model, &QAbstractItemModel::dataChanged, this, &ExplorationChart::syncSeries);
    connect(model, &ExplorationModel::verdictChanged, this, &ExplorationChart::syncSeries);
    setRunning(m_exploration->isRunning());
    if (m_exploration->hasScenario())
        m_status->setText(m_exploration->isRunning() ? tr("Exploring…") : tr("Scenario %1").arg(scenarioName()));
    applyStyle();
    syncSeries();
}

ExplorationModel* ExplorationChart::explorationModel() const
{
    return m_exploration->timeline();
}

void ExplorationChart::setRunning(bool running)
{
    m_runButton->setEnabled(!running && m_exploration->hasScenario());
    m_cancelButton->setEnabled(running);
}

bool ExplorationChart::save(const QString& path)
{
    return saveChart(m_view, path);
}

void ExplorationChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyStyle();
}

void ExplorationChart::syncSeries()
{
    // Mappers read their columns at once: wait until the first snapshot row exists.
    const int presets = explorationModel()->rowCount() == 0 ? 0 : explorationModel()->presetCount();
    if (presets < static_cast<int>(m_series.size())) {
        for (QVXYModelMapper* mapper : m_mappers)
            delete mapper;
        for (QLineSeries* series : m_series) {
            m_chart->removeSeries(series);
            delete series;
        }
        m_mappers.clear();
        m_series.clear();
    }
    while (static_cast<int>(m_series.size()) < presets) {
        const int index = static_cast<int>(m_series.size());
        auto* series = new QLineSeries(this);
        series->setPointsVisible(true);
        m_chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
        auto* mapper = new QVXYModelMapper(this);
        mapper->setXColumn(explorationModel()->secondsColumn(index));
        mapper->setYColumn(explorationModel()->statesColumn(index));
        mapper->setSeries(series);
        mapper->setRowCount(explorationModel()->snapshotCount(index));
        mapper->setModel(explorationModel());
        m_series.push_back(series);
        m_mappers.push_back(mapper);
        QPen pen(presetColour(index), 2);
        series->setPen(pen);
    }
    for (int i = 0; i < presets; ++i) {
        // Only this preset's rows: the cells below its last snapshot are empty.
        if (m_mappers[i]->rowCount() != explorationModel()->snapshotCount(i))
            m_mappers[i]->setRowCount(explorationModel()->snapshotCount(i));
        const QString verdict = explorationModel()->verdict(i);
        m_series[i]->setName(verdict.isEmpty() ? explorationModel()->presetName(i)
                                               : tr("%1: %2").arg(explorationModel()->presetName(i), verdict));
    }
    m_axisX->setRange(0, std::max(0.001, explorationModel()->maxSeconds() * 1.05));
    m_axisY->setRange(0, niceCeiling(double(explorationModel()->maxStates())));
}

void ExplorationChart::applyStyle()
{
    applyChartPalette(m_chart, palette());
    for (std::size_t i = 0; i < m_series.size(); ++i)
        m_series[i]->setPen(QPen(presetColour(int(i)), 2));
}

} // namespace msb::app
