// SPDX-License-Identifier: MIT
#include "app/gui/charts/chart_style.h"

#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QLegend>
#include <QPainter>
#include <QPalette>
#include <QSvgGenerator>
#include <QValueAxis>

#include <iterator>

namespace msb::app {

QColor presetColour(int index)
{
    static const QColor colours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
        QColor(0x9b, 0x59, 0xb6), QColor(0xff, 0x7f, 0x0e), QColor(0x7f, 0x7f, 0x7f), QColor(0x17, 0xbe, 0xcf)};
    return colours[index % int(std::size(colours))];
}

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

void renderChart(QChartView* view, QPainter* painter, const QRectF& target, QSizeF layoutSize)
{
    if (view->isVisible() && layoutSize.isEmpty() && target.size() == QSizeF(view->viewport()->size())) {
        view->render(painter, target, view->viewport()->rect());
        return;
    }
    // A view that is not on screen has no laid-out viewport, and rendering through it would
    // scale up whatever size it last had: lay the chart out at the wanted size and draw its
    // scene (the same items, legend markers included).
    QChart* chart = view->chart();
    const QSizeF size = layoutSize.isEmpty() ? target.size() : layoutSize;
    chart->setPos(0, 0);
    chart->resize(size);
    QCoreApplication::sendPostedEvents(); // the chart lays itself out on a posted LayoutRequest
    if (chart->layout())
        chart->layout()->activate();
    view->scene()->render(painter, target, QRectF(QPointF(0, 0), size), Qt::KeepAspectRatio);
}

bool saveChart(QChartView* view, const QString& path, QSize size)
{
    if (size.isEmpty())
        size = view->isVisible() ? view->viewport()->size() : QSize(900, 500);
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
