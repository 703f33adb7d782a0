// SPDX-License-Identifier: MIT
#include "app/gui/charts/refcount_timeline_chart.h"

#include "app/gui/charts/chart_style.h"
#include "app/gui/charts/refcount_checks_model.h"
#include "app/gui/charts/refcount_timeline_model.h"
#include "app/gui/charts/step_line_proxy_model.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>
#include <QVXYModelMapper>
#include <QValueAxis>

namespace msb::app {

namespace {

// One hue per page, readable on light and dark backgrounds.
QColor pageColor(int page)
{
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x9b, 0x59, 0xb6),
        QColor(0x17, 0xbe, 0xcf), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x7f, 0x7f, 0x7f),
        QColor(0xbc, 0xbd, 0x22)};
    return colors[page % std::size(colors)];
}

QSortFilterProxyModel* checkFilter(QAbstractItemModel* source, const QString& result, QObject* parent)
{
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setFilterKeyColumn(RefcountChecksModel::PassedColumn);
    proxy->setFilterRegularExpression(QRegularExpression(QStringLiteral("^%1$").arg(result)));
    return proxy;
}

QVXYModelMapper* mapXY(QAbstractItemModel* model, QXYSeries* series, int x, int y, QObject* parent)
{
    auto* mapper = new QVXYModelMapper(parent);
    mapper->setXColumn(x);
    mapper->setYColumn(y);
    mapper->setSeries(series);
    mapper->setModel(model);
    return mapper;
}

} // namespace

RefcountTimelineChart::RefcountTimelineChart(QWidget* parent)
    : QWidget(parent)
    , m_timeline(new RefcountTimelineModel(this))
    , m_checks(new RefcountChecksModel(this))
    , m_steps(new StepLineProxyModel(this))
    , m_passed(checkFilter(m_checks, QStringLiteral("pass"), this))
    , m_failed(checkFilter(m_checks, QStringLiteral("fail"), this))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_axisX(new QValueAxis(this))
    , m_axisY(new QValueAxis(this))
    , m_passSeries(new QScatterSeries(this))
    , m_failSeries(new QScatterSeries(this))
    , m_marker(new QLineSeries(this))
{
    m_steps->setSourceModel(m_timeline, 0);
    m_chart->setTitle(tr("Reference count per step"));
    m_axisX->setTitleText(tr("Step"));
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setTitleText(tr("page_count(D)"));
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    m_chart->legend()->setAlignment(Qt::AlignBottom);

    m_passSeries->setName(tr("check passed (M7)"));
    m_failSeries->setName(tr("check failed (M7-fail)"));
    m_marker->setName(tr("position"));
    for (QXYSeries* series : {static_cast<QXYSeries*>(m_passSeries), static_cast<QXYSeries*>(m_failSeries),
             static_cast<QXYSeries*>(m_marker)}) {
        m_chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    mapXY(m_passed, m_passSeries, RefcountChecksModel::StepColumn, RefcountChecksModel::CountColumn, this);
    mapXY(m_failed, m_failSeries, RefcountChecksModel::StepColumn, RefcountChecksModel::CountColumn, this);
    connect(m_passSeries, &QXYSeries::clicked, this, &RefcountTimelineChart::requestAt);
    connect(m_failSeries, &QXYSeries::clicked, this, &RefcountTimelineChart::requestAt);
    // A reset may change the page count, hence the columns: the page mappers go first, or they
    // would re-read the model with columns it no longer has (a mapper cannot be detached: Qt
    // Charts ignores setModel(nullptr)).
    connect(m_timeline, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        qDeleteAll(m_pageMappers);
        m_pageMappers.clear();
    });
    connect(m_timeline, &QAbstractItemModel::modelReset, this, [this] {
        rebuildPageSeries();
        for (std::size_t p = 0; p < m_countSeries.size(); ++p) {
            const int page = static_cast<int>(p);
            m_pageMappers.push_back(mapXY(m_steps, m_countSeries[p], 0, m_timeline->countColumn(page), this));
            m_pageMappers.push_back(mapXY(m_steps, m_expectedSeries[p], 0, m_timeline->expectedColumn(page), this));
        }
        updateAxes();
        updateMarker();
    });

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(320, 200);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyStyle();
    updateAxes();
}

RefcountTimelineChart::~RefcountTimelineChart() = default;

void RefcountTimelineChart::setSimulator(const core::Simulator& simulator, bool includeRedoTail)
{
    m_position = simulator.position();
    if (includeRedoTail) {
        m_timeline->setSimulator(simulator);
        m_checks->setSimulator(simulator);
        return;
    }
    // A copy cut at the current position: the models read the whole history they are given.
    core::Simulator upTo(simulator.scenario(), simulator.settings());
    if (!upTo.replay(simulator.schedule()))
        return; // its own schedule under its own settings always replays
    m_timeline->setSimulator(upTo);
    m_checks->setSimulator(upTo);
}

void RefcountTimelineChart::clear()
{
    m_position = 0;
    m_timeline->clear();
    m_checks->clear();
}

void RefcountTimelineChart::setPosition(int position)
{
    m_position = position;
    updateMarker();
}

void RefcountTimelineChart::setStepRange(int steps)
{
    m_stepRange = steps;
    updateAxes();
}

bool RefcountTimelineChart::save(const QString& path)
{
    return saveChart(m_view, path);
}

void RefcountTimelineChart::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyStyle();
}

void RefcountTimelineChart::rebuildPageSeries()
{
    const int pages = m_timeline->pageCount();
    if (pages == m_builtPages)
        return;
    m_builtPages = pages;
    for (QLineSeries* series : m_countSeries)
        m_chart->removeSeries(series), delete series;
    for (QLineSeries* series : m_expectedSeries)
        m_chart->removeSeries(series), delete series;
    m_countSeries.clear();
    m_expectedSeries.clear();
    for (int p = 0; p < pages; ++p) {
        auto* count = new QLineSeries(this);
        count->setName(tr("page_count(D%1)").arg(p));
        auto* expected = new QLineSeries(this);
        expected->setName(pages == 1 ? tr("expected at check") : tr("expected at check (D%1)").arg(p));
        for (QLineSeries* series : {count, expected}) {
            m_chart->addSeries(series);
            series->attachAxis(m_axisX);
            series->attachAxis(m_axisY);
            connect(series, &QXYSeries::clicked, this, &RefcountTimelineChart::requestAt);
        }
        m_countSeries.push_back(count);
        m_expectedSeries.push_back(expected);
    }
    // Keep markers and the position line on top of the lines.
    for (QXYSeries* series : {static_cast<QXYSeries*>(m_passSeries), static_cast<QXYSeries*>(m_failSeries),
             static_cast<QXYSeries*>(m_marker)}) {
        m_chart->removeSeries(series);
        m_chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    applyStyle();
}

void RefcountTimelineChart::updateAxes()
{
    const int rows = m_timeline->rowCount();
    const int steps = m_stepRange >= 0 ? m_stepRange : std::max(1, rows - 1);
    m_axisX->setRange(0, steps);
    m_axisX->setTickType(QValueAxis::TicksDynamic);
    m_axisX->setTickAnchor(0);
    const int niceSteps[] = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000};
    int interval = niceSteps[std::size(niceSteps) - 1];
    for (int candidate : niceSteps) {
        if (steps / candidate <= 10) {
            interval = candidate;
            break;
        }
    }
    m_axisX->setTickInterval(interval);
    m_axisY->setRange(0, std::max(3, m_timeline->maxCount() + 1));
    m_axisY->setTickType(QValueAxis::TicksDynamic);
    m_axisY->setTickAnchor(0);
    m_axisY->setTickInterval(1);
}

void RefcountTimelineChart::updateMarker()
{
    const double top = m_axisY->max();
    m_marker->replace(QList<QPointF> {QPointF(m_position, 0), QPointF(m_position, top)});
}

void RefcountTimelineChart::applyStyle()
{
    applyChartPalette(m_chart, palette());
    for (std::size_t p = 0; p < m_countSeries.size(); ++p) {
        QPen pen(pageColor(int(p)), 2.5);
        m_countSeries[p]->setPen(pen);
        pen.setWidthF(1.5);
        pen.setStyle(Qt::DashLine);
        m_expectedSeries[p]->setPen(pen);
    }
    m_passSeries->setColor(QColor(0x2c, 0xa0, 0x2c));
    m_passSeries->setBorderColor(QColor(0x2c, 0xa0, 0x2c).darker(130));
    m_passSeries->setMarkerSize(11);
    m_failSeries->setColor(QColor(0xd6, 0x27, 0x28));
    m_failSeries->setBorderColor(QColor(0xd6, 0x27, 0x28).darker(130));
    m_failSeries->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_failSeries->setMarkerSize(11);
    QPen markerPen(palette().color(QPalette::Text), 1.2, Qt::DotLine);
    m_marker->setPen(markerPen);
    // The position line explains itself; a legend entry would only add noise.
    for (QLegendMarker* marker : m_chart->legend()->markers(m_marker))
        marker->setVisible(false);
}

void RefcountTimelineChart::requestAt(const QPointF& point)
{
    const int last = std::max(0, m_timeline->rowCount() - 1);
    Q_EMIT positionRequested(std::clamp(qRound(point.x()), 0, last));
}

} // namespace msb::app
