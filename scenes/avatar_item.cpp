// SPDX-License-Identifier: MIT
#include "scenes/avatar_item.h"

#include "scenes/scene_painting.h"

#include <QPainter>

#include <algorithm>

namespace msb::scenes {

AvatarItem::AvatarItem(const SceneStyle* style, int thread, QSizeF size)
    : StyledItem(style)
    , m_thread(thread)
    , m_size(size)
{
}

void AvatarItem::setLook(const QString& name, Role role, bool emphasised)
{
    if (m_name == name && m_role == role && m_emphasised == emphasised)
        return;
    m_name = name;
    m_role = role;
    m_emphasised = emphasised;
    update();
}

void AvatarItem::setSize(QSizeF size)
{
    prepareGeometryChange();
    m_size = size;
}

void AvatarItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    const ScenePalette& pal = m_style->palette;
    p->setRenderHint(QPainter::Antialiasing);
    const QColor fill = pal.roleColor(m_role);
    const QRectF r(QPointF(0, 0), m_size);
    p->setPen(m_emphasised ? QPen(pal.highlight, m_style->line(3)) : QPen(pal.surface, m_style->line(2)));
    p->setBrush(fill);
    p->drawEllipse(r.adjusted(1, 1, -1, -1));
    p->setPen(ScenePalette::onColor(fill));
    QFont f = m_style->font(1.0, true);
    f.setPixelSize(std::max(1, static_cast<int>(m_size.height() * (m_name.size() > 2 ? 0.30 : 0.38))));
    p->setFont(f);
    p->drawText(r, Qt::AlignCenter, m_name);
}

} // namespace msb::scenes
