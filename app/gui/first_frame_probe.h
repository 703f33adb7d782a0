// SPDX-License-Identifier: MIT
// --quit-after-first-frame: reports when a window has painted for the first time.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

namespace msb::app {

class FirstFramePrinter : public QObject
{
    Q_OBJECT

public:
    /*! Watches every widget of window; started runs since the start of main(). */
    FirstFramePrinter(QWidget* window, QElapsedTimer started, QObject* parent = nullptr);

    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    /*! The whole first frame was painted (all widgets of that backing-store flush). */
    void firstFramePainted(qint64 milliseconds);

private:
    QPointer<QWidget> m_window;
    QElapsedTimer m_started;
    bool m_seen = false;
};

} // namespace msb::app
