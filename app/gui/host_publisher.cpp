// SPDX-License-Identifier: MIT
#include "app/gui/host_publisher.h"

#include "app/classroom/classroom_host.h"
#include "app/gui/simulation_controller.h"
#include "scenes/item_data.h"

#include <algorithm>
#include <type_traits>
#include <vector>

namespace msb::app {

using scenes::qs;

HostPublisher::HostPublisher(const SimulationController* controller)
    : m_controller(controller)
{
}

void HostPublisher::start(classroom::ClassroomHost* host)
{
    m_host = host;
    m_published.reset({});
    publishFresh();
}

void HostPublisher::end()
{
    if (!m_host)
        return;
    send(classroom::msg::End {});
    m_host = nullptr;
}

void HostPublisher::sync()
{
    if (!m_host)
        return;
    switch (publishChanges()) {
    case Outcome::Published:
        return;
    case Outcome::NeedsSession:
        publishFresh();
        return;
    case Outcome::Rejected:
        if (onLog)
            onLog(tr("the followers' session parted from the teacher's: publishing it afresh"));
        publishFresh();
        return;
    }
}

bool HostPublisher::publishCheckpoint(classroom::CheckpointEvent event)
{
    return m_host && send(event);
}

void HostPublisher::publishFresh()
{
    const core::Simulator& sim = m_controller->simulator();
    send(classroom::msg::Session {sim.scenario(), sim.settings()});
    // After a fresh session nothing asks for another; an event that still does not fit is logged.
    publishChanges();
}

HostPublisher::Outcome HostPublisher::publishChanges()
{
    const core::Simulator& sim = m_controller->simulator();
    const classroom::Snapshot& sent = m_published.snapshot();
    if (!sent.hasSession || sent.scenario != sim.scenario())
        return Outcome::NeedsSession;
    if (sent.settings != sim.settings() && !send(classroom::msg::SettingsChange {sim.settings()}))
        return Outcome::Rejected;
    // A step event at index i replaces everything from i on, so the history is sent from the first
    // step that differs. Only a shorter history (reset, a shorter replay) needs a new session.
    const auto& history = sim.history();
    const std::size_t common = std::min(history.size(), sent.steps.size());
    std::size_t first = 0;
    while (first < common && sent.steps[first].thread == history[first].thread
        && sent.steps[first].step == history[first].id && sent.steps[first].hash == history[first].hash)
        ++first;
    if (first == history.size() && history.size() < sent.steps.size())
        return Outcome::NeedsSession;
    for (std::size_t i = first; i < history.size(); ++i) {
        if (!send(classroom::StepEvent {static_cast<int>(i), history[i].thread, history[i].id, history[i].hash}))
            return Outcome::Rejected;
    }
    // Narration: one text per position (a step's narration belongs to the position it leads to).
    for (const auto& [stepIndex, text] : m_controller->narrations()) {
        const auto it = std::find_if(sent.narration.begin(), sent.narration.end(),
            [&](const classroom::NarrationEvent& n) { return n.index == stepIndex + 1; });
        if ((it == sent.narration.end() || it->text != text) && !send(classroom::NarrationEvent {stepIndex + 1, text}))
            return Outcome::Rejected;
    }
    for (const auto& narration : std::vector<classroom::NarrationEvent>(sent.narration)) {
        if (!narration.text.empty() && !m_controller->narrations().contains(narration.index - 1)
            && narration.index - 1 < static_cast<int>(history.size())
            && !send(classroom::NarrationEvent {narration.index, {}}))
            return Outcome::Rejected;
    }
    if (sent.position != sim.position() && !send(classroom::msg::Jump {sim.position()}))
        return Outcome::Rejected;
    return Outcome::Published;
}

bool HostPublisher::send(const classroom::Message& event)
{
    if (const auto applied = m_published.apply(event); !applied) {
        if (onLog)
            onLog(tr("not published (%1): %2").arg(qs(classroom::messageType(event)), qs(applied.error().message)));
        return false;
    }
    std::visit(
        [this](const auto& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, classroom::msg::Session>)
                m_host->publishSession(e.scenario, e.settings);
            else if constexpr (std::is_same_v<E, classroom::StepEvent>)
                m_host->publishStep(e);
            else if constexpr (std::is_same_v<E, classroom::msg::Jump>)
                m_host->publishJump(e.position);
            else if constexpr (std::is_same_v<E, classroom::msg::SettingsChange>)
                m_host->publishSettings(e.settings);
            else if constexpr (std::is_same_v<E, classroom::NarrationEvent>)
                m_host->publishNarration(e);
            else if constexpr (std::is_same_v<E, classroom::CheckpointEvent>)
                m_host->publishCheckpoint(e);
            else if constexpr (std::is_same_v<E, classroom::msg::End>)
                m_host->publishEnd();
            // Anything else is no session event: SessionState refused it above.
        },
        event);
    if (onPublished)
        onPublished(event);
    return true;
}

} // namespace msb::app
