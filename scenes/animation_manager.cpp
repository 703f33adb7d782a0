// SPDX-License-Identifier: MIT
#include "scenes/animation_manager.h"

namespace msb::scenes {

AnimationManager::AnimationManager(QObject* parent)
    : QObject(parent)
{
}

void AnimationManager::setEnabled(bool on)
{
    m_enabled = on;
    if (!on)
        finish();
}

void AnimationManager::setPaused(bool paused)
{
    m_paused = paused;
    if (!m_group)
        return;
    if (paused && m_group->state() == QAbstractAnimation::Running)
        m_group->pause();
    else if (!paused && m_group->state() == QAbstractAnimation::Paused)
        m_group->resume();
}

QParallelAnimationGroup* AnimationManager::begin()
{
    finish();
    m_group = new QParallelAnimationGroup(this);
    connect(m_group, &QAbstractAnimation::finished, this, [this, group = m_group.data()] {
        group->deleteLater();
        Q_EMIT finished();
    });
    return m_group;
}

void AnimationManager::start()
{
    if (!m_group)
        return;
    if (!m_enabled || m_group->animationCount() == 0) {
        finish();
        return;
    }
    m_group->start();
    if (m_paused)
        m_group->pause();
}

void AnimationManager::finish()
{
    if (!m_group)
        return;
    QParallelAnimationGroup* group = m_group;
    m_group = nullptr;
    disconnect(group, nullptr, this, nullptr);
    // Setting the time to the end applies every end value; then the group goes away.
    group->setCurrentTime(group->totalDuration());
    group->stop();
    group->deleteLater();
    Q_EMIT finished();
}

bool AnimationManager::isRunning() const
{
    return m_group && m_group->state() != QAbstractAnimation::Stopped;
}

} // namespace msb::scenes
