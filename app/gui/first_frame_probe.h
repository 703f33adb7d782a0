// SPDX-License-Identifier: MIT
// --quit-after-first-frame: reports when a window has painted for the first time.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <vector>

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

/*! --frame-stats: times every frame of a window (one UpdateRequest = one backing-store sync that
    paints every dirty widget), to report p50/p99 frame times while the scene animates. */
class FrameTimer : public QObject
{
    Q_OBJECT

public:
    explicit FrameTimer(QWidget* window, QObject* parent = nullptr);

    bool eventFilter(QObject* watched, QEvent* event) override;
    const std::vector<double>& frameMilliseconds() const { return m_frames; }
    /*! The q-quantile (0..1) of the frame times, 0 if none. */
    double quantile(double q) const;

private:
    QPointer<QWidget> m_window;
    std::vector<double> m_frames;
    bool m_inside = false;
};

} // namespace msb::app
