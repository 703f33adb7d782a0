// SPDX-License-Identifier: MIT
#include "scenes/token_item.h"

#include "scenes/scene_painting.h"

#include <QPainter>

namespace msb::scenes {

TokenItem::TokenItem(const SceneStyle* style, RefToken token, QString label)
    : StyledItem(style)
    , m_token(token)
    , m_label(std::move(label))
{
}

void TokenItem::setSize(QSizeF size)
{
    if (size == m_size)
        return;
    prepareGeometryChange();
    m_size = size;
}

void TokenItem::setEmphasised(bool on)
{
    if (m_emphasised == on)
        return;
    m_emphasised = on;
    update();
}

void TokenItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    p->setRenderHint(QPainter::Antialiasing);
    const QColor fill = pal.refColor(m_token.kind);
    const QRectF r(QPointF(0, 0), m_size);
    drawChip(p, *m_style, r, fill, QColor(), r.height() / 2);
    if (m_emphasised) {
        p->setPen(QPen(pal.text, m_style->line(1.8)));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(r.adjusted(-1, -1, 1, 1), r.height() / 2 + 1, r.height() / 2 + 1);
    }
    p->setPen(ScenePalette::onColor(fill));
    QFont f = m_style->font(m_style->compact ? 0.74 : 0.78, true);
    p->setFont(f);
    drawElided(p, r.adjusted(r.height() * 0.25, 0, -r.height() * 0.25, 0), m_label, Qt::AlignHCenter);
}

} // namespace msb::scenes
