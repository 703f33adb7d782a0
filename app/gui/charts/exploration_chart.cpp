// SPDX-License-Identifier: MIT
#include "app/gui/charts/exploration_chart.h"

#include "app/gui/charts/chart_style.h"
#include "app/gui/charts/exploration_model.h"
#include "app/gui/outcome_presentation.h"
#include "core/explorer.h"
#include "core/model.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>
#include <QVXYModelMapper>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace msb::app {

namespace {

QColor presetColor(int index)
{
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
        QColor(0x9b, 0x59, 0xb6), QColor(0xff, 0x7f, 0x0e), QColor(0x7f, 0x7f, 0x7f), QColor(0x17, 0xbe, 0xcf)};
    return colors[index % std::size(colors)];
}

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

ExplorationChart::ExplorationChart(QWidget* parent)
    : QWidget(parent)
    , m_model(new ExplorationModel(this))
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
    m_runButton->setEnabled(false);
    m_cancelButton->setEnabled(false);

    connect(m_runButton, &QPushButton::clicked, this, &ExplorationChart::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExplorationChart::cancel);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save exploration chart"),
            QStringLiteral("exploration.png"), tr("PNG image (*.png);;SVG drawing (*.svg)"));
        if (!path.isEmpty())
            this->save(path);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ExplorationChart::syncSeries);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ExplorationChart::syncSeries);
    connect(m_model, &QAbstractItemModel::columnsInserted, this, &ExplorationChart::syncSeries);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ExplorationChart::syncSeries);
    connect(m_model, &ExplorationModel::verdictChanged, this, &ExplorationChart::syncSeries);
    applyStyle();
    syncSeries();
}

ExplorationChart::~ExplorationChart()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ExplorationChart::setScenario(const core::Scenario& scenario)
{
    cancel();
    m_model->clear();
    m_scenario = scenario;
    m_haveScenario = true;
    m_runButton->setEnabled(true);
    m_status->setText(tr("Scenario %1").arg(QString::fromStdString(scenario.name)));
}

void ExplorationChart::run()
{
    if (!m_haveScenario)
        return;
    cancel();
    m_model->clear();
    const int job = ++m_job;
    auto cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancelFlag;
    m_runButton->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_status->setText(tr("Exploring…"));
    QPointer<ExplorationChart> guard(this);
    const core::Scenario scenario = m_scenario;
    // Everything reaches the widget through queued calls checked against the job id.
    const auto post = [guard, job](auto function) {
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, job, function] {
                if (guard && guard->m_job == job)
                    function(guard.data());
            },
            Qt::QueuedConnection);
    };
    (void)QtConcurrent::run([scenario, cancelFlag, post] {
        for (const auto& preset : core::presets()) {
            if (cancelFlag->load())
                break;
            const QString name = QString::fromUtf8(preset.name.data(), qsizetype(preset.name.size()));
            const core::Model model(scenario, preset.settings);
            core::ExploreOptions options;
            options.cancel = cancelFlag.get();
            options.maxStates = 5'000'000;
            options.progress = [post, name](const core::ExploreProgress& progress) {
                const double seconds = progress.seconds;
                const qulonglong states = progress.states;
                post([name, seconds, states](
                         ExplorationChart* chart) { chart->m_model->addSnapshot(name, seconds, states); });
            };
            const core::ExploreResult result = core::explore(model, options);
            const QString verdict = verdictSummary(result);
            const double seconds = result.seconds;
            const qulonglong states = result.states;
            post([name, verdict, seconds, states](ExplorationChart* chart) {
                chart->m_model->addSnapshot(name, seconds, states);
                chart->m_model->setVerdict(name, verdict);
            });
        }
        post([](ExplorationChart* chart) {
            chart->m_cancel.reset();
            chart->m_runButton->setEnabled(true);
            chart->m_cancelButton->setEnabled(false);
            chart->m_status->setText(
                tr("Explored %1 under every preset.").arg(QString::fromStdString(chart->m_scenario.name)));
            emit chart->finished();
        });
    });
}

void ExplorationChart::cancel()
{
    if (!m_cancel)
        return;
    m_cancel->store(true);
    m_cancel.reset();
    ++m_job;
    m_runButton->setEnabled(m_haveScenario);
    m_cancelButton->setEnabled(false);
    m_status->setText(tr("Cancelled."));
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
    const int presets = m_model->rowCount() == 0 ? 0 : m_model->presetCount();
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
        mapper->setXColumn(m_model->secondsColumn(index));
        mapper->setYColumn(m_model->statesColumn(index));
        mapper->setSeries(series);
        mapper->setRowCount(m_model->snapshotCount(index));
        mapper->setModel(m_model);
        m_series.push_back(series);
        m_mappers.push_back(mapper);
        QPen pen(presetColor(index), 2);
        series->setPen(pen);
    }
    for (int i = 0; i < presets; ++i) {
        // Only this preset's rows: the cells below its last snapshot are empty.
        if (m_mappers[i]->rowCount() != m_model->snapshotCount(i))
            m_mappers[i]->setRowCount(m_model->snapshotCount(i));
        const QString verdict = m_model->verdict(i);
        m_series[i]->setName(
            verdict.isEmpty() ? m_model->presetName(i) : tr("%1: %2").arg(m_model->presetName(i), verdict));
    }
    m_axisX->setRange(0, std::max(0.001, m_model->maxSeconds() * 1.05));
    m_axisY->setRange(0, niceCeiling(double(m_model->maxStates())));
}

void ExplorationChart::applyStyle()
{
    applyChartPalette(m_chart, palette());
    for (std::size_t i = 0; i < m_series.size(); ++i)
        m_series[i]->setPen(QPen(presetColor(int(i)), 2));
}

} // namespace msb::app
