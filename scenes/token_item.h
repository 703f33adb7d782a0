// SPDX-License-Identifier: MIT
// A reference to D drawn as a pill: its kind and who holds it.
#pragma once

#include "scenes/ref_attribution.h"
#include "scenes/styled_item.h"

#include <QSizeF>
#include <QString>

namespace msb::scenes {

/*! One reference to D: who holds it, colour-coded by kind. */
class TokenItem : public StyledItem
{
    Q_OBJECT
public:
    enum { Type = TokenType };
    TokenItem(const SceneStyle* style, RefToken token, QString label);
    int type() const override { return Type; }
    const RefToken& token() const { return m_token; }
    void setSize(QSizeF size);
    QSizeF size() const { return m_size; }
    void setEmphasised(bool on);
    QRectF boundingRect() const override { return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4)); }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    RefToken m_token;
    QString m_label;
    QSizeF m_size;
    bool m_emphasised = false;
};

} // namespace msb::scenes
