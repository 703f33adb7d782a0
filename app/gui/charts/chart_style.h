// SPDX-License-Identifier: MIT
// What every chart of the app shares: the palette (light/dark), PNG/SVG export and painting a
// chart into another device (the PDF handout).
#pragma once

#include <QColor>
#include <QRectF>
#include <QSize>
#include <QSizeF>
#include <QString>

class QChart;
class QChartView;
class QPainter;
class QPalette;

namespace msb::app {

/*! The colour of the index-th preset's series, the same in every chart. */
QColor presetColour(int index);

/*! Light or dark chart theme by the palette's window lightness, then the palette's own colours. */
void applyChartPalette(QChart* chart, const QPalette& palette);

/*! Paints the chart through its view (QGraphicsView::render keeps legend markers in vector
    output, where QWidget::render loses them). A view not on screen (or a given layoutSize) lays the chart out at
    layoutSize (default: the target's size) and scales it into target. */
void renderChart(QChartView* view, QPainter* painter, const QRectF& target, QSizeF layoutSize = {});

/*! Saves as SVG when the path ends in .svg, otherwise as a PNG (2x pixels). Size: the view's on
    screen, 900x500 when it is not shown, or the given size. */
bool saveChart(QChartView* view, const QString& path, QSize size = {});

} // namespace msb::app
