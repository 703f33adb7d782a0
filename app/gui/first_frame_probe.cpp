// SPDX-License-Identifier: MIT
#include "app/gui/first_frame_probe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

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

} // namespace msb::app
