// SPDX-License-Identifier: MIT
#include "scenes/scene_painting.h"

#include <QFontMetricsF>
#include <QPainter>

namespace msb::scenes {

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
        static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
        static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

void drawChip(
    QPainter* p, const SceneStyle& style, const QRectF& r, const QColor& fill, const QColor& border, double rad)
{
    const QColor outline =
        border.isValid() ? border : (style.palette.outlined && fill.isValid() ? style.palette.border : QColor());
    p->setPen(outline.isValid() ? QPen(outline, style.line(1.2)) : Qt::NoPen);
    p->setBrush(fill.isValid() ? QBrush(fill) : Qt::NoBrush);
    p->drawRoundedRect(r, rad, rad);
}

void drawElided(QPainter* p, const QRectF& r, const QString& text, Qt::Alignment align)
{
    const QFontMetricsF fm(p->font());
    p->drawText(r, static_cast<int>(align | Qt::AlignVCenter), fm.elidedText(text, Qt::ElideRight, r.width()));
}

} // namespace msb::scenes
