// SPDX-License-Identifier: MIT
// A page table entry X<i> and its entry tag (DEVPRIV / MIGR / PRESENT).
#pragma once

#include "core/state.h"
#include "scenes/styled_item.h"

#include <QRectF>
#include <QString>

namespace msb::scenes {

/*! A page table entry X<i>. `flip` runs 0 -> 1 when the entry changes: the old entry folds away
    and the new one unfolds. */
class PteItem : public StyledItem
{
    Q_OBJECT
    Q_PROPERTY(qreal flip READ flip WRITE setFlip)
public:
    enum { Type = PteType };
    PteItem(const SceneStyle* style, int page);
    int type() const override { return Type; }
    int page() const { return m_page; }
    void setRect(const QRectF& rect);
    void setEntry(core::Pte kind, const QString& text, bool emphasised);
    void startFlipFrom(core::Pte oldKind, const QString& oldText);
    qreal flip() const { return m_flip; }
    void setFlip(qreal flip);
    QRectF boundingRect() const override { return m_rect.adjusted(-3, -3, 3, 3); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_page;
    QRectF m_rect;
    core::Pte m_kind = core::Pte::DevPriv, m_oldKind = core::Pte::DevPriv;
    QString m_text, m_oldText;
    bool m_emphasised = false;
    qreal m_flip = 1;
};

} // namespace msb::scenes
