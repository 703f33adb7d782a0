// SPDX-License-Identifier: MIT
// The system page S<i> that a successful migration moves into.
#pragma once

#include "scenes/styled_item.h"

#include <QRectF>

namespace msb::scenes {

/*! The system page S<i> the driver allocates to migrate into. */
class SystemPageItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = SystemPageType };
    SystemPageItem(const SceneStyle* style, int page);
    int type() const override { return Type; }
    int page() const { return m_page; }
    struct Data
    {
        QRectF rect;
        bool allocated = false, locked = false, emphasised = false;
        int refcount = 0, dataVersion = 0;
        int deviceDataVersion = 0; // D's: a differing copy is drawn as stale
        friend bool operator==(const Data&, const Data&) = default;
    };
    void setData(const Data& data);
    QRectF boundingRect() const override { return m_data.rect.adjusted(-3, -3, 3, 3); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_page;
    Data m_data;
};

} // namespace msb::scenes
