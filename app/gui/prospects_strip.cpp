// SPDX-License-Identifier: MIT
#include "app/gui/prospects_strip.h"

#include <QHelpEvent>
#include <QPainter>
#include <QSlider>
#include <QStyle>
#include <QToolTip>

#include <cstdlib>

namespace msb::app {

ProspectsStrip::ProspectsStrip(QSlider* slider, QWidget* parent)
    : QWidget(parent)
    , m_slider(slider)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Turning points of the run"));
}

void ProspectsStrip::setMarks(int steps, std::map<int, Mark> marks)
{
    m_steps = steps;
    m_marks = std::move(marks);
    QStringList all;
    for (const auto& [step, mark] : m_marks)
        all << mark.sentences;
    setAccessibleDescription(all.isEmpty() ? tr("No turning points") : all.join(QLatin1Char('\n')));
    update();
}

QSize ProspectsStrip::sizeHint() const
{
    return {m_slider->sizeHint().width(), 8};
}

int ProspectsStrip::xForPosition(int value) const
{
    // The handle's centre travels over the slider's width less one handle length.
    const int handle = m_slider->style()->pixelMetric(QStyle::PM_SliderLength, nullptr, m_slider);
    const int span = std::max(1, m_slider->width() - handle);
    const int x = QStyle::sliderPositionFromValue(0, std::max(1, m_steps), value, span) + handle / 2;
    return mapFromGlobal(m_slider->mapToGlobal(QPoint(x, 0))).x();
}

int ProspectsStrip::stepAt(int x) const
{
    int best = 0;
    int bestDistance = 5;
    for (const auto& [step, mark] : m_marks) {
        const int distance = std::abs(xForPosition(step) - x);
        if (distance < bestDistance) {
            best = step;
            bestDistance = distance;
        }
    }
    return best;
}

void ProspectsStrip::paintEvent(QPaintEvent*)
{
    if (m_marks.empty())
        return;
    QPainter painter(this);
    // Red: completion was lost or a bad ending became certain; green: a bad ending was ruled out.
    const QColor bad(0xD3, 0x2F, 0x2F);
    const QColor good(0x2E, 0x9D, 0x4F);
    for (const auto& [step, mark] : m_marks) {
        const int x = xForPosition(step);
        painter.fillRect(QRect(x - 1, 0, 3, height()), mark.bad ? bad : good);
    }
}

bool ProspectsStrip::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int step = stepAt(help->pos().x());
        if (step > 0)
            QToolTip::showText(help->globalPos(), m_marks.at(step).sentences.join(QLatin1Char('\n')), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace msb::app
