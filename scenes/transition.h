// SPDX-License-Identifier: MIT
// One change between snapshots: with a group, properties animate from where the items are now;
// without one (reduce motion, first show), the end values are set at once.
#pragma once

#include <QPointF>
#include <QVariant>

class QGraphicsObject;
class QObject;
class QParallelAnimationGroup;

namespace msb::scenes {

class Transition
{
public:
    Transition(QParallelAnimationGroup* group, int duration);
    bool animated() const { return m_group != nullptr; }
    void animate(QObject* target, const char* property, const QVariant& from, const QVariant& to);
    void moveTo(QGraphicsObject* item, QPointF to);
    void fadeTo(QGraphicsObject* item, qreal to);

private:
    QParallelAnimationGroup* m_group;
    int m_duration;
};

} // namespace msb::scenes
