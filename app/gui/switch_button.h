// SPDX-License-Identifier: MIT
// An on/off switch (track and knob) painted from the palette, so it reads as a switch and follows
// the light and dark themes. A QCheckBox underneath: checked state, toggled() and accessibility
// come for free; only the look and the size differ. The text is kept (accessible name, tests) but
// not painted: the owner shows it in a label that can wrap.
#pragma once

#include <QCheckBox>

namespace msb::app {

class SwitchButton : public QCheckBox
{
    Q_OBJECT

public:
    explicit SwitchButton(const QString& text, QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool hitButton(const QPoint& pos) const override;
};

} // namespace msb::app
