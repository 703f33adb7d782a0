// SPDX-License-Identifier: MIT
// The PG_locked badge with its owner.
#pragma once

#include "scenes/styled_item.h"

#include <QSizeF>
#include <QString>

namespace msb::scenes {

/*! PG_locked with its owner: travels from the owner's lane to the card when it locks. */
class LockBadgeItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = LockBadgeType };
    using StyledItem::StyledItem;
    int type() const override { return Type; }
    void setLook(QSizeF size, const QString& owner);
    QRectF boundingRect() const override { return QRectF(QPointF(-1, -1), m_size + QSizeF(2, 2)); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QSizeF m_size;
    QString m_owner;
};

} // namespace msb::scenes
