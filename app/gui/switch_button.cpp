// SPDX-License-Identifier: MIT
#include "app/gui/switch_button.h"

#include <QPainter>
#include <QPainterPath>

namespace msb::app {

SwitchButton::SwitchButton(const QString& text, QWidget* parent)
    : QCheckBox(text, parent)
{
    setAccessibleName(text);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QSize SwitchButton::sizeHint() const
{
    // Follows the font, so presenter zoom grows it with the text next to it.
    const int h = qMax(18, fontMetrics().height() + 6);
    return {h * 2, h};
}

bool SwitchButton::hitButton(const QPoint& pos) const
{
    return rect().contains(pos);
}

void SwitchButton::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const QSize hint = sizeHint();
    const QRectF track(QPointF(0, (height() - hint.height()) / 2.0), QSizeF(hint));
    const qreal radius = track.height() / 2.0;
    const bool on = isChecked();
    const bool enabled = isEnabled();

    QColor fill = on ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid);
    if (!on && fill.lightness() > 140)
        fill = pal.color(QPalette::Dark); // the light palette's Mid is too faint against a window
    if (!enabled)
        fill.setAlphaF(0.4);
    p.setPen(QPen(pal.color(QPalette::Shadow).lighter(on ? 100 : 160), 1));
    p.setBrush(fill);
    p.drawRoundedRect(track.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);

    const qreal margin = 3;
    const qreal d = track.height() - 2 * margin;
    const qreal x = on ? track.right() - margin - d : track.left() + margin;
    QColor knob = on ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Base);
    if (knob.lightness() < 128)
        knob = pal.color(QPalette::ButtonText); // dark theme: a light knob on the dark track
    p.setPen(Qt::NoPen);
    p.setBrush(knob);
    p.drawEllipse(QRectF(x, track.top() + margin, d, d));

    // Keyboard focus: a ring inside the track, in a colour that differs from the track's fill
    // (the highlight is the fill when on, so the ring takes the text colour then).
    if (hasFocus()) {
        p.setPen(QPen(on ? pal.color(QPalette::WindowText) : pal.color(QPalette::Highlight), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(track.adjusted(1, 1, -1, -1), radius - 1, radius - 1);
    }
}

} // namespace msb::app
