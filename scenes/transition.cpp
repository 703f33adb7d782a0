// SPDX-License-Identifier: MIT
#include "scenes/transition.h"

#include <QGraphicsObject>
#include <QParallelAnimationGroup>
#include <QPropertyAnimation>

namespace msb::scenes {

Transition::Transition(QParallelAnimationGroup* group, int duration)
    : m_group(group)
    , m_duration(duration)
{
}

void Transition::animate(QObject* target, const char* property, const QVariant& from, const QVariant& to)
{
    auto* animation = new QPropertyAnimation(target, property);
    animation->setStartValue(from);
    animation->setEndValue(to);
    animation->setDuration(m_duration);
    animation->setEasingCurve(QEasingCurve::InOutCubic);
    m_group->addAnimation(animation);
}

void Transition::moveTo(QGraphicsObject* item, QPointF to)
{
    if (!m_group || item->pos() == to)
        item->setPos(to);
    else
        animate(item, "pos", item->pos(), to);
}

void Transition::fadeTo(QGraphicsObject* item, qreal to)
{
    if (!m_group || qFuzzyCompare(item->opacity(), to))
        item->setOpacity(to);
    else
        animate(item, "opacity", item->opacity(), to);
}

} // namespace msb::scenes
