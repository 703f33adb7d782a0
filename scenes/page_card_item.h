// SPDX-License-Identifier: MIT
// The struct page card of a device page D<i>: the counts the race is about.
#pragma once

#include "scenes/styled_item.h"

#include <QRectF>

namespace msb::scenes {

/*! struct page D<i>: refcount, expected count at the check, flags, the wait-queue row. */
class PageCardItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = PageCardType };
    PageCardItem(const SceneStyle* style, int page);
    int type() const override { return Type; }
    int page() const { return m_page; }
    struct Data
    {
        QRectF card, header, refcount, expected, flags, lockBadge, waitQueue;
        int dRef = 2, mapcount = 1, expectedAtCheck = 2, dataVersion = 0;
        bool waiters = false, free = false, balanced = true, emphasised = false;
        int checkResult = 0;       // 0 none, 1 pass, -1 fail (last step was M7 / M7-fail here)
        int delta = 0;             // page_count change made by the last step, if it was on this page
        bool checkSkipped = false; // the 2021 patch: no count test at all
        friend bool operator==(const Data&, const Data&) = default;
    };
    void setData(const Data& data);
    QRectF boundingRect() const override { return m_data.card.adjusted(-3, -3, 3, 3); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_page;
    Data m_data;
};

} // namespace msb::scenes
