// SPDX-License-Identifier: MIT
// PNG and SVG export of a scene (hotspot's toImage / saveSvg): used by screenshots, tests, the
// app's "export" action, the PDF handout and the browsers' frames.
//
// On screen, items keep a device-resolution pixmap cache (it is what keeps 8x16 at 60 fps). An
// export painter must never see those pixmaps: an SVG or PDF would get blurry rasters with no
// searchable text. Every export here therefore renders through renderAsVectors().
#pragma once

#include <QByteArray>
#include <QImage>
#include <QRectF>
#include <QSize>
#include <QString>

class QGraphicsScene;
class QPainter;

namespace msb::scenes {

/*! scene->render(painter, target, source, mode) with every item's cache off for the call, so each
    item paints itself into the painter (paths and text), then the cache modes restored. */
void renderAsVectors(QGraphicsScene* scene, QPainter* painter, const QRectF& target, const QRectF& source,
    Qt::AspectRatioMode mode = Qt::KeepAspectRatio);
/*! Renders the whole scene, aspect kept, centred on the scene's background colour. */
QImage renderToImage(QGraphicsScene* scene, QSize size);
/*! The whole scene as an SVG document (XML prolog included), rendered in memory; empty if it
    cannot be rendered. */
QByteArray svgDocument(QGraphicsScene* scene);
/*! Writes svgDocument() to a file; false if the file cannot be written. */
bool saveSvg(QGraphicsScene* scene, const QString& path);

} // namespace msb::scenes
