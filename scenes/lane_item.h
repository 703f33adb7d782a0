// SPDX-License-Identifier: MIT
// One thread's lane: name, role, page, the step chip and why it can or cannot run.
#pragma once

#include "scenes/ref_attribution.h"
#include "scenes/styled_item.h"

#include <QPointF>
#include <QRectF>
#include <QString>

namespace msb::scenes {

class LaneItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = LaneType };
    LaneItem(const SceneStyle* style, int thread);
    int type() const override { return Type; }
    int thread() const { return m_thread; }
    struct Data
    {
        QRectF rect, avatar, name, stepChip, reason; // scene coordinates
        bool away = false;                           // the avatar sits in a wait queue: draw its empty seat
        QString threadName, role, page, step, text;
        Role roleKind = Role::Cpu;
        bool enabled = false;
        bool lastActor = false;
        bool highlighted = false;
        friend bool operator==(const Data&, const Data&) = default;
    };
    void setData(const Data& data);
    void setHighlighted(bool on);
    bool stepChipContains(QPointF scenePos) const { return m_data.stepChip.contains(scenePos); }
    QRectF boundingRect() const override { return m_data.rect.adjusted(-3, -3, 3, 3); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_thread;
    Data m_data;
};

} // namespace msb::scenes
