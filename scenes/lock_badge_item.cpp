// SPDX-License-Identifier: MIT
#include "scenes/lock_badge_item.h"

#include "scenes/scene_painting.h"

#include <QPainter>

#include <algorithm>

namespace msb::scenes {

void LockBadgeItem::setLook(QSizeF size, const QString& owner)
{
    if (size == m_size && owner == m_owner)
        return;
    prepareGeometryChange();
    m_size = size;
    m_owner = owner;
    update();
}

void LockBadgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF r(QPointF(0, 0), m_size);
    drawChip(p, *m_style, r, pal.migr, QColor(), r.height() / 2);
    const QColor on = ScenePalette::onColor(pal.migr);
    // A small padlock: shackle arc over a body.
    const double h = r.height();
    const QRectF body(h * 0.35, h * 0.45, h * 0.5, h * 0.38);
    p->setPen(QPen(on, std::max(1.0, h * 0.08)));
    p->setBrush(Qt::NoBrush);
    p->drawArc(
        QRectF(body.left() + body.width() * 0.15, h * 0.18, body.width() * 0.7, body.height() * 1.1), 0, 180 * 16);
    p->setPen(Qt::NoPen);
    p->setBrush(on);
    p->drawRoundedRect(body, 1.5, 1.5);
    p->setPen(on);
    p->setFont(m_style->font(m_style->compact ? 0.7 : 0.76, true));
    drawElided(p, r.adjusted(h * 0.95, 0, -h * 0.3, 0), m_style->compact ? m_owner : tr("PG_locked %1").arg(m_owner),
        Qt::AlignHCenter);
}

} // namespace msb::scenes
