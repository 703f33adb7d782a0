// SPDX-License-Identifier: MIT
// Small drawing helpers every scene item uses, so chips and labels look the same everywhere.
#pragma once

#include "scenes/scene_style.h"

#include <QColor>
#include <QRectF>
#include <QString>

class QPainter;

namespace msb::scenes {

/*! Linear blend of two colours: t = 0 gives a, t = 1 gives b. */
QColor mix(const QColor& a, const QColor& b, double t);
/*! A rounded rectangle; an invalid fill or border colour leaves that part out, except that the
    high-contrast scheme outlines every filled chip. */
void drawChip(
    QPainter* p, const SceneStyle& style, const QRectF& r, const QColor& fill, const QColor& border, double rad);
/*! Text elided to the rect width, in one line, with the given alignment. */
void drawElided(QPainter* p, const QRectF& r, const QString& text, Qt::Alignment align);

} // namespace msb::scenes
