// SPDX-License-Identifier: MIT
// The arrow from a PTE to the page its entry names.
#pragma once

#include "scenes/styled_item.h"

#include <QColor>
#include <QPointF>
#include <QRectF>

#include <array>

namespace msb::scenes {

/*! The arrow from a PTE to the page it names; `progress` morphs the previous route into the new one. */
class ArrowItem : public StyledItem
{
    Q_OBJECT
    Q_PROPERTY(qreal progress READ progress WRITE setProgress)
public:
    enum { Type = ArrowType };
    using Route = std::array<QPointF, 4>;
    using StyledItem::StyledItem;
    int type() const override { return Type; }
    void setRoute(const Route& route, const QColor& color, bool dashed, bool animateFromCurrent);
    qreal progress() const { return m_progress; }
    void setProgress(qreal progress);
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    Route current() const;
    Route m_from {}, m_to {};
    QColor m_color;
    bool m_dashed = false;
    qreal m_progress = 1;
};

} // namespace msb::scenes
