// SPDX-License-Identifier: MIT
#include "scenes/pte_item.h"

#include "scenes/race_layout.h"
#include "scenes/scene_painting.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace msb::scenes {

PteItem::PteItem(const SceneStyle* style, int page)
    : StyledItem(style)
    , m_page(page)
{
}

void PteItem::setRect(const QRectF& rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void PteItem::setEntry(core::Pte kind, const QString& text, bool emphasised)
{
    if (kind == m_kind && text == m_text && emphasised == m_emphasised && m_flip == 1)
        return;
    m_kind = kind;
    m_text = text;
    m_emphasised = emphasised;
    m_flip = 1;
    update();
}

void PteItem::startFlipFrom(core::Pte oldKind, const QString& oldText)
{
    m_oldKind = oldKind;
    m_oldText = oldText;
    m_flip = 0;
    update();
}

void PteItem::setFlip(qreal flip)
{
    m_flip = flip;
    update();
}

void PteItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    const double rad = m_style->radius();
    const double pad = m_style->fontPx * 0.6;
    p->setRenderHint(QPainter::Antialiasing);
    drawChip(p, *m_style, m_rect, pal.surface, m_emphasised ? QColor() : pal.border, rad);
    if (m_emphasised) {
        p->setPen(QPen(pal.highlight, m_style->line(2.2)));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(m_rect.adjusted(1, 1, -1, -1), rad, rad);
    }
    p->setFont(m_style->font(m_style->compact ? 0.95 : 1.05, true));
    p->setPen(pal.text);
    const QString name = QStringLiteral("X%1").arg(m_page);
    const QFontMetricsF fm(p->font());
    const double nameW = fm.horizontalAdvance(name) + pad;
    p->drawText(
        QRectF(m_rect.left() + pad, m_rect.top(), nameW, m_rect.height()), Qt::AlignVCenter | Qt::AlignLeft, name);

    // The entry tag folds vertically around its centre line while it changes.
    const bool showOld = m_flip < 0.5;
    const core::Pte kind = showOld ? m_oldKind : m_kind;
    const QString& text = showOld ? m_oldText : m_text;
    const double fold = std::abs(1 - 2 * m_flip);
    const QColor color = pal.pteColor(kind);
    QRectF tag(m_rect.left() + pad + nameW, m_rect.top() + m_rect.height() * 0.18,
        m_rect.right() - pad - (m_rect.left() + pad + nameW), m_rect.height() * 0.64);
    const double h = tag.height() * std::max(0.04, fold);
    tag = QRectF(tag.left(), tag.center().y() - h / 2, tag.width(), h);
    drawChip(p, *m_style, tag, color, QColor(), rad * 0.7);
    if (fold > 0.35) {
        p->save();
        p->setClipRect(tag);
        p->setPen(ScenePalette::onColor(color));
        p->setFont(m_style->font(pteTextRelative(m_style->compact), true));
        drawElided(p, tag.adjusted(pad * 0.5, 0, -pad * 0.5, 0), text, Qt::AlignHCenter);
        p->restore();
    }
}

} // namespace msb::scenes
