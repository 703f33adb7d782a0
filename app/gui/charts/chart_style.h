// SPDX-License-Identifier: MIT
// What every chart of the app shares: the palette (light/dark), PNG/SVG export and painting a
// chart into another device (the PDF handout).
#pragma once

#include <QRectF>
#include <QString>

class QChart;
class QChartView;
class QPainter;
class QPalette;

namespace msb::app {

/*! Light or dark chart theme by the palette's window lightness, then the palette's own colours. */
void applyChartPalette(QChart* chart, const QPalette& palette);

/*! Paints the chart through its view (QGraphicsView::render keeps legend markers in vector
    output, TOOLCHAIN.md §4). The view needs a size; it need not be shown. */
void renderChart(QChartView* view, QPainter* painter, const QRectF& target);

/*! Saves as SVG when the path ends in .svg, otherwise as an image (PNG) at the view's size. */
bool saveChart(QChartView* view, const QString& path);

} // namespace msb::app
