// SPDX-License-Identifier: MIT
#include "app/gui/charts/chart_style.h"

#include <QChart>
#include <QChartView>
#include <QFileInfo>
#include <QImage>
#include <QLegend>
#include <QPainter>
#include <QPalette>
#include <QSvgGenerator>
#include <QValueAxis>

namespace msb::app {

void applyChartPalette(QChart* chart, const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    // setTheme resets series colours too, so it must come before any per-series styling.
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.color(QPalette::Text));
    }
}

void renderChart(QChartView* view, QPainter* painter, const QRectF& target)
{
    view->render(painter, target, view->viewport()->rect());
}

bool saveChart(QChartView* view, const QString& path)
{
    const QSize size = view->viewport()->size().isEmpty() ? QSize(900, 500) : view->viewport()->size();
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(view->chart() ? view->chart()->title() : QString());
        QPainter painter;
        if (!painter.begin(&generator))
            return false;
        renderChart(view, &painter, QRectF(QPointF(0, 0), size));
        return painter.end();
    }
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(view->chart() ? view->chart()->backgroundBrush().color() : Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    renderChart(view, &painter, QRectF(QPointF(0, 0), size));
    painter.end();
    return image.save(path);
}

} // namespace msb::app
