// SPDX-License-Identifier: MIT
#include "scenes/system_page_item.h"

#include "scenes/scene_painting.h"

#include <QPainter>

namespace msb::scenes {

SystemPageItem::SystemPageItem(const SceneStyle* style, int page)
    : StyledItem(style)
    , m_page(page)
{
}

void SystemPageItem::setData(const Data& data)
{
    if (data == m_data)
        return;
    prepareGeometryChange();
    m_data = data;
    update();
}

void SystemPageItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    const double rad = m_style->radius();
    const double pad = m_style->fontPx * 0.6;
    const Data& d = m_data;
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF r = d.rect;
    if (!d.allocated) {
        p->setPen(QPen(pal.border, m_style->line(1.2), Qt::DashLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(r.adjusted(1, 1, -1, -1), rad, rad);
        p->setPen(pal.mutedText);
        p->setFont(m_style->font(0.85));
        drawElided(p, r.adjusted(pad, 0, -pad, 0),
            m_style->compact ? tr("S%1: none").arg(m_page) : tr("S%1: not allocated").arg(m_page), Qt::AlignLeft);
        return;
    }
    drawChip(p, *m_style, r, pal.surface, d.emphasised ? QColor() : pal.border, rad);
    if (d.emphasised) {
        p->setPen(QPen(pal.highlight, m_style->line(2.4)));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(r.adjusted(1, 1, -1, -1), rad, rad);
    }
    const QRectF top(r.left() + pad, r.top() + pad * 0.3, r.width() - 2 * pad, r.height() / 2 - pad * 0.3);
    const QRectF bottom(r.left() + pad, r.center().y(), r.width() - 2 * pad, r.height() / 2 - pad * 0.3);
    p->setPen(pal.text);
    p->setFont(m_style->font(m_style->compact ? 0.92 : 1.0, true));
    const QString title = m_style->compact ? QStringLiteral("S%1").arg(m_page) : tr("system page S%1").arg(m_page);
    drawElided(p, top, title, Qt::AlignLeft);
    const bool stale = d.dataVersion != d.deviceDataVersion;
    p->setFont(m_style->font(0.78, stale));
    p->setPen(stale ? pal.fail : pal.mutedText);
    drawElided(p, top,
        stale ? tr("data v%1 ≠ D v%2").arg(d.dataVersion).arg(d.deviceDataVersion) : tr("data v%1").arg(d.dataVersion),
        Qt::AlignRight);
    p->setPen(pal.text);
    p->setFont(m_style->font(m_style->compact ? 0.72 : 0.8));
    QString line = tr("page_count %1").arg(d.refcount);
    line += d.locked ? tr("  ·  PG_locked") : tr("  ·  unlocked");
    drawElided(p, bottom, line, Qt::AlignLeft);
}

} // namespace msb::scenes
