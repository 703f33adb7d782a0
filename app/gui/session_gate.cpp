// SPDX-License-Identifier: MIT
#include "app/gui/session_gate.h"

#include "app/gui/controller_sync.h"
#include "app/gui/gui_error.h"
#include "scenes/item_data.h"

#include <algorithm>

namespace msb::app {

using scenes::qs;

SessionGate::SessionGate(SimulationController* controller, QObject* parent)
    : QObject(parent)
    , m_controller(controller)
{
    // Play runs on the controller's timer: it is stopped where it reaches the limit.
    connect(m_controller, &SimulationController::stateChanged, this, &SessionGate::stopPlayWhereHeld);
}

void SessionGate::setReadOnly(bool on, const QString& reason)
{
    if (m_readOnly == on && m_readOnlyReason == reason)
        return;
    m_readOnly = on;
    m_readOnlyReason = on ? reason : QString();
    stopPlayWhereHeld();
    Q_EMIT changed();
}

void SessionGate::setForwardLimit(int position, const QString& reason)
{
    position = std::max(position, -1);
    if (m_forwardLimit == position && m_forwardLimitReason == reason)
        return;
    m_forwardLimit = position;
    m_forwardLimitReason = position >= 0 ? reason : QString();
    stopPlayWhereHeld();
    Q_EMIT changed();
}

int SessionGate::reachablePosition() const
{
    if (m_forwardLimit < 0)
        return m_controller->historySize();
    return std::max(m_forwardLimit, m_controller->position());
}

bool SessionGate::isHeld() const
{
    return m_forwardLimit >= 0 && m_controller->position() >= m_forwardLimit;
}

QString SessionGate::refusalToEdit() const
{
    if (!m_readOnly)
        return {};
    return m_readOnlyReason.isEmpty() ? tr("This session is read-only.") : m_readOnlyReason;
}

QString SessionGate::refusalToReach(int position) const
{
    if (QString refusal = refusalToEdit(); !refusal.isEmpty())
        return refusal;
    if (m_forwardLimit < 0 || position <= reachablePosition())
        return {};
    return m_forwardLimitReason.isEmpty() ? tr("Held at step %1.").arg(m_forwardLimit) : m_forwardLimitReason;
}

core::Error SessionGate::refuse(const QString& reason)
{
    Q_EMIT refused(reason);
    return guiError(reason);
}

SessionGate::CommandResult SessionGate::doneIf(bool ok, const QString& reason)
{
    if (!ok)
        return refuse(reason);
    return done();
}

core::Result<core::StepRecord> SessionGate::step(int thread)
{
    if (QString refusal = refusalToReach(m_controller->position() + 1); !refusal.isEmpty())
        return refuse(refusal);
    auto result = m_controller->step(thread);
    if (!result)
        refuse(qs(result.error().message));
    return result;
}

core::Result<core::StepRecord> SessionGate::stepScheduled()
{
    if (QString refusal = refusalToReach(m_controller->position() + 1); !refusal.isEmpty())
        return refuse(refusal);
    auto result = m_controller->stepScheduled();
    if (!result)
        refuse(qs(result.error().message));
    return result;
}

SessionGate::CommandResult SessionGate::undo()
{
    if (QString refusal = refusalToEdit(); !refusal.isEmpty())
        return refuse(refusal);
    return doneIf(m_controller->undo(), tr("Nothing to undo: this is the initial state."));
}

SessionGate::CommandResult SessionGate::redo()
{
    if (QString refusal = refusalToReach(m_controller->position() + 1); !refusal.isEmpty())
        return refuse(refusal);
    return doneIf(m_controller->redo(), tr("Nothing to redo: this is the last step of the run."));
}

SessionGate::CommandResult SessionGate::jumpTo(int position)
{
    position = std::clamp(position, 0, m_controller->historySize());
    if (QString refusal = refusalToReach(position); !refusal.isEmpty())
        return refuse(refusal);
    m_controller->jumpTo(position);
    return done();
}

SessionGate::CommandResult SessionGate::reset()
{
    if (QString refusal = refusalToEdit(); !refusal.isEmpty())
        return refuse(refusal);
    m_controller->reset();
    return done();
}

SessionGate::CommandResult SessionGate::setPlaying(bool playing)
{
    // Pausing is always allowed; playing goes forward.
    if (playing) {
        if (QString refusal = refusalToReach(m_controller->position() + 1); !refusal.isEmpty())
            return refuse(refusal);
    }
    m_controller->setPlaying(playing);
    return done();
}

SessionGate::CommandResult SessionGate::setSettings(const core::Settings& settings)
{
    if (QString refusal = refusalToEdit(); !refusal.isEmpty())
        return refuse(refusal);
    m_controller->setSettings(settings);
    return done();
}

SessionGate::CommandResult SessionGate::setNarration(int stepIndex, const QString& text)
{
    if (QString refusal = refusalToEdit(); !refusal.isEmpty())
        return refuse(refusal);
    m_controller->setNarration(stepIndex, text);
    return done();
}

SessionGate::CommandResult SessionGate::loadRun(
    const core::Settings& settings, const std::vector<int>& schedule, int position)
{
    if (QString refusal = refusalToEdit(); !refusal.isEmpty())
        return refuse(refusal);
    m_controller->setSettings(settings);
    // A schedule that no longer applies is reported by the controller's loadFailed().
    if (!m_controller->replay(schedule))
        return core::errorMessage("the schedule could not be replayed");
    if (position >= 0)
        m_controller->jumpTo(position);
    return done();
}

SessionGate::CommandResult SessionGate::loadScenario(const core::Scenario& scenario)
{
    if (QString refusal = refusalToEdit(); !refusal.isEmpty())
        return refuse(refusal);
    if (!m_controller->loadScenario(scenario, m_controller->settings()))
        return core::errorMessage("the scenario was not loaded"); // loadFailed() said why
    return done();
}

SessionGate::CommandResult SessionGate::loadBuiltin(const QString& name)
{
    if (QString refusal = refusalToEdit(); !refusal.isEmpty())
        return refuse(refusal);
    if (!m_controller->loadBuiltin(name))
        return core::errorMessage("the scenario was not loaded");
    return done();
}

SessionGate::CommandResult SessionGate::openFile(const QString& path)
{
    if (QString refusal = refusalToEdit(); !refusal.isEmpty())
        return refuse(refusal);
    if (!m_controller->openFile(path))
        return core::errorMessage("the file was not opened"); // loadFailed() said why
    return done();
}

bool SessionGate::followTeacher(const SessionPosition& target, const std::map<int, std::string>& narration)
{
    const bool ok = driveController(*m_controller, target);
    for (const auto& [stepIndex, text] : narration) {
        if (stepIndex >= 0 && stepIndex < m_controller->historySize() && m_controller->narration(stepIndex) != qs(text))
            m_controller->setNarration(stepIndex, qs(text));
    }
    return ok;
}

void SessionGate::stopPlayWhereHeld()
{
    if (m_controller->isPlaying() && (m_readOnly || isHeld()))
        m_controller->setPlaying(false);
}

} // namespace msb::app
