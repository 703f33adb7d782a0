// SPDX-License-Identifier: MIT
#include "scenes/styled_item.h"

namespace msb::scenes {

StyledItem::StyledItem(const SceneStyle* style, QGraphicsItem* parent)
    : QGraphicsObject(parent)
    , m_style(style)
{
}

} // namespace msb::scenes
