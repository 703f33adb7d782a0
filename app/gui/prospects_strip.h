// SPDX-License-Identifier: MIT
// A thin strip under the Timeline slider: a tick at every step after which an outcome became
// impossible or inevitable (RunProspects), placed under the slider position of that step, with
// the turning point's sentence as its tooltip.
#pragma once

#include <QStringList>
#include <QWidget>

#include <map>

class QSlider;

namespace msb::app {

class ProspectsStrip : public QWidget
{
    Q_OBJECT

public:
    /*! Ticks line up with `slider`'s handle positions. */
    explicit ProspectsStrip(QSlider* slider, QWidget* parent = nullptr);

    struct Mark
    {
        bool bad = false; // completion lost, or a bad outcome became inevitable
        QStringList sentences;
    };
    /*! Marks per step (1-based) of a run of `steps` steps. */
    void setMarks(int steps, std::map<int, Mark> marks);
    const std::map<int, Mark>& marks() const { return m_marks; }

    /*! The x coordinate (in this widget) of the slider handle's centre at position `value`. */
    int xForPosition(int value) const;
    /*! The step whose tick is nearest to x, within a few pixels; 0 for none. */
    int stepAt(int x) const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    QSlider* m_slider;
    int m_steps = 0;
    std::map<int, Mark> m_marks;
};

} // namespace msb::app
