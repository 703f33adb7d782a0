// SPDX-License-Identifier: MIT
// A recording as one self-contained HTML file: every position's scene as inline SVG (drawn by the
// scene's own SVG export, the one renderer), the step list, code lines, narration, page counts
// and outcome as embedded JSON, and the browser viewer (app/web) inlined. Opens offline.
#pragma once

#include "core/recording.h"
#include "core/result.h"

#include <QByteArray>
#include <QSize>
#include <QString>

#include <functional>
#include <vector>

class QGraphicsScene;

namespace msb::core {
class Simulator;
}

namespace msb::app {

/*! The viewer's data for a replayed recording (sim holds every position of it): title,
    subtitle, page names, one entry per position (label, code, narration, pageCounts) and the
    outcome at the end, as compact JSON. */
QByteArray viewerDataJson(const core::Recording& recording, const core::Simulator& sim);

/*! The scene as one <svg> element for inline HTML (no XML prolog, sized by its viewBox), or empty
    if it cannot be rendered. */
QByteArray inlineSvg(QGraphicsScene* scene);

/*! Moves every embedded raster image out of the frames into shared <defs>, each distinct one
    once, and leaves a <use> in its place. The scene's own items are vector in every export
    (scenes/scene_export.h), so today this finds none; it keeps a raster that a future item might
    paint (a pixmap, an effect) from being repeated in every frame. Returns the defs. */
QByteArray hoistSharedImages(std::vector<QByteArray>& frames);

/*! Writes the HTML file. The recording must replay (RecordingExporter checks). progress is called
    with (frames done, frames total). */
core::Result<void> writeRecordingHtml(const core::Recording& recording, const QString& path, QSize frameSize,
    const std::function<void(int, int)>& progress);

} // namespace msb::app
