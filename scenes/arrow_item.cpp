// SPDX-License-Identifier: MIT
#include "scenes/arrow_item.h"

#include "scenes/scene_painting.h"

#include <QLineF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

namespace msb::scenes {

void ArrowItem::setRoute(const Route& route, const QColor& color, bool dashed, bool animateFromCurrent)
{
    if (!animateFromCurrent && m_progress == 1 && route == m_to && color == m_color && dashed == m_dashed)
        return;
    prepareGeometryChange();
    m_from = animateFromCurrent ? current() : route;
    m_to = route;
    m_color = color;
    m_dashed = dashed;
    m_progress = animateFromCurrent ? 0 : 1;
    update();
}

void ArrowItem::setProgress(qreal progress)
{
    prepareGeometryChange();
    m_progress = progress;
    update();
}

ArrowItem::Route ArrowItem::current() const
{
    Route r;
    for (size_t i = 0; i < r.size(); ++i)
        r[i] = m_from[i] + (m_to[i] - m_from[i]) * m_progress;
    return r;
}

QRectF ArrowItem::boundingRect() const
{
    QRectF r;
    for (const Route* route : {&m_from, &m_to}) {
        for (const QPointF& pt : *route)
            r = r.united(QRectF(pt, QSizeF(0.01, 0.01)));
    }
    const double m = m_style->fontPx;
    return r.adjusted(-m, -m, m, m);
}

void ArrowItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const Route r = current();
    p->setRenderHint(QPainter::Antialiasing);
    const double w = m_style->line(m_style->compact ? 1.8 : 2.4);
    QPen pen(m_color, w, m_dashed ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    QPainterPath path(r[0]);
    for (size_t i = 1; i < r.size(); ++i)
        path.lineTo(r[i]);
    p->drawPath(path);
    // Head on the last segment that has a length.
    QPointF tip = r[3];
    QPointF from = r[2];
    if (QLineF(from, tip).length() < 0.5)
        from = r[1];
    if (QLineF(from, tip).length() < 0.5)
        from = r[0];
    const QLineF seg(tip, from);
    if (seg.length() < 0.5)
        return;
    const QLineF unit = seg.unitVector();
    const QPointF d = (unit.p2() - unit.p1()) * (m_style->fontPx * 0.75);
    const QPointF n(-d.y() * 0.55, d.x() * 0.55);
    QPolygonF head;
    head << tip << tip + d + n << tip + d - n;
    p->setPen(Qt::NoPen);
    p->setBrush(m_color);
    p->drawPolygon(head);
}

} // namespace msb::scenes
