// SPDX-License-Identifier: MIT
// PNG and SVG export of a scene (hotspot's toImage / saveSvg): used by screenshots, tests and the
// app's "export" action.
#pragma once

#include <QImage>
#include <QSize>
#include <QString>

class QGraphicsScene;

namespace msb::scenes {

/*! Renders the whole scene, aspect kept, centred on the scene's background colour. */
QImage renderToImage(QGraphicsScene* scene, QSize size);
/*! Writes the whole scene as SVG; false if the file cannot be written. */
bool saveSvg(QGraphicsScene* scene, const QString& path);

} // namespace msb::scenes
