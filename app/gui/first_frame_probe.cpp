// SPDX-License-Identifier: MIT
#include "app/gui/first_frame_probe.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <ctime>

namespace msb::app {

FirstFramePrinter::FirstFramePrinter(QWidget* window, QElapsedTimer started, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_started(started)
{
    QCoreApplication::instance()->installEventFilter(this);
}

bool FirstFramePrinter::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_seen && event->type() == QEvent::Paint && watched->isWidgetType() && m_window
        && static_cast<QWidget*>(watched)->window() == m_window) {
        m_seen = true;
        // Every widget of one frame paints in the same backing-store sync; a zero timer fires after it.
        QTimer::singleShot(0, this, [this] {
            QCoreApplication::instance()->removeEventFilter(this);
            Q_EMIT firstFramePainted(m_started.elapsed());
        });
    }
    return false;
}

namespace {

double threadCpuMilliseconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

} // namespace

FrameTimer::FrameTimer(QWidget* window, QObject* parent)
    : QObject(parent)
    , m_window(window)
{
    window->installEventFilter(this);
}

bool FrameTimer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_window || event->type() != QEvent::UpdateRequest || m_inside)
        return false;
    // Deliver the event ourselves so that the whole synchronous paint is inside the timer.
    // Thread CPU time, not wall time: on a shared, loaded machine wall time mostly measures the
    // other processes.
    m_inside = true;
    const double start = threadCpuMilliseconds();
    QCoreApplication::sendEvent(watched, event);
    m_frames.push_back(threadCpuMilliseconds() - start);
    m_inside = false;
    return true;
}

double FrameTimer::quantile(double q) const
{
    if (m_frames.empty())
        return 0;
    std::vector<double> sorted = m_frames;
    std::sort(sorted.begin(), sorted.end());
    const auto index = std::min(sorted.size() - 1, size_t(q * double(sorted.size() - 1) + 0.5));
    return sorted[index];
}

} // namespace msb::app
