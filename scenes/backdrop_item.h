// SPDX-License-Identifier: MIT
// The scene's fixed ground: memory bands, legend, PTL owner, driver pool and safety alerts.
#pragma once

#include "scenes/styled_item.h"

#include <QRectF>
#include <QString>

#include <vector>

namespace msb::scenes {

/*! Bands (page table, device memory, system memory), legend, PTL owner and the driver pool. */
class BackdropItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = BackdropType };
    using StyledItem::StyledItem;
    int type() const override { return Type; }
    struct Data
    {
        QRectF sceneRect, legend, ptlChip, pool;
        int legendRows = 1; // the legend wraps onto this many rows of equal height
        std::vector<QRectF> pageBands, deviceBands, systemBands;
        QString ptlOwner;               // empty: free
        std::vector<QString> freePages; // names of the D pages in the driver pool
        std::vector<QString> alerts;    // sticky safety flags: "lost update", ...
        friend bool operator==(const Data&, const Data&) = default;
    };
    void setData(Data data);
    QRectF boundingRect() const override { return m_data.sceneRect; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    Data m_data;
};

} // namespace msb::scenes
