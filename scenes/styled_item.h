// SPDX-License-Identifier: MIT
// The base of every scene item: it draws plain data the scene pushes into it (no core calls) with
// the scene's shared style, and exposes what animates as a Q_PROPERTY for QPropertyAnimation.
#pragma once

#include "scenes/scene_style.h"

#include <QGraphicsObject>

namespace msb::scenes {

enum ItemType {
    BackdropType = QGraphicsItem::UserType + 1,
    LaneType,
    AvatarType,
    PteType,
    ArrowType,
    PageCardType,
    TokenType,
    LockBadgeType,
    SystemPageType,
};

/*! Holds the scene's style; it outlives every item (the scene owns both). */
class StyledItem : public QGraphicsObject
{
    Q_OBJECT
public:
    StyledItem(const SceneStyle* style, QGraphicsItem* parent = nullptr);

protected:
    const SceneStyle* m_style;
};

} // namespace msb::scenes
