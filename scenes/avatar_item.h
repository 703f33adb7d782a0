// SPDX-License-Identifier: MIT
// A thread's round avatar, the thing that walks to a wait queue and back.
#pragma once

#include "scenes/ref_attribution.h"
#include "scenes/styled_item.h"

#include <QSizeF>
#include <QString>

namespace msb::scenes {

/*! A thread's avatar: sits in its lane, or in a page's wait queue while it sleeps there. */
class AvatarItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = AvatarType };
    AvatarItem(const SceneStyle* style, int thread, QSizeF size);
    int type() const override { return Type; }
    int thread() const { return m_thread; }
    void setLook(const QString& name, Role role, bool emphasised);
    void setSize(QSizeF size);
    QRectF boundingRect() const override { return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4)); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_thread;
    QSizeF m_size;
    QString m_name;
    Role m_role = Role::Cpu;
    bool m_emphasised = false;
};

} // namespace msb::scenes
