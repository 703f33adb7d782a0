// SPDX-License-Identifier: MIT
// The one place that runs, pauses and disables the scene's animations (sub-attaq's
// AnimationManager, docs/architecture.md §6). A transition between two snapshots is one parallel group;
// a new transition first jumps the running one to its end, so items never stop half way.
#pragma once

#include <QObject>
#include <QParallelAnimationGroup>
#include <QPointer>

class QAbstractAnimation;

namespace msb::scenes {

class AnimationManager : public QObject
{
    Q_OBJECT

public:
    explicit AnimationManager(QObject* parent = nullptr);

    /*! Reduce motion: transitions jump to their end instead of running. */
    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    /*! Duration of one transition in ms (a step: ~320 ms). */
    int duration() const { return m_duration; }
    void setDuration(int ms) { m_duration = ms; }

    /*! Starts a new transition group (finishing the previous one). Add animations to it, then start(). */
    QParallelAnimationGroup* begin();
    void start();
    /*! Jumps the running transition to its end. */
    void finish();
    bool isRunning() const;
    /*! The current transition, for benchmarks and tests that drive time by hand. */
    QParallelAnimationGroup* current() const { return m_group; }

Q_SIGNALS:
    void finished();

private:
    QPointer<QParallelAnimationGroup> m_group;
    bool m_enabled = true;
    bool m_paused = false;
    int m_duration = 320;
};

} // namespace msb::scenes
