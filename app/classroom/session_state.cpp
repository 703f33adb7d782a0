// SPDX-License-Identifier: MIT
#include "app/classroom/session_state.h"

#include <algorithm>

namespace msb::classroom {

namespace {

core::Error rejected(std::string why)
{
    return core::errorMessage(std::move(why));
}

} // namespace

core::Result<void> SessionState::apply(const Message& event)
{
    Snapshot& s = m_snapshot;
    if (!isSessionEvent(event))
        return rejected(std::string("'") + std::string(messageType(event)) + "' is not a session event");
    if (s.ended)
        return rejected("the session has ended");
    if (const auto* session = std::get_if<msg::Session>(&event)) {
        s = Snapshot {};
        s.hasSession = true;
        s.scenario = session->scenario;
        s.settings = session->settings;
        return {};
    }
    if (std::holds_alternative<msg::End>(event)) {
        s.ended = true;
        return {};
    }
    if (!s.hasSession)
        return rejected(std::string("'") + std::string(messageType(event)) + "' before any session");
    const int size = static_cast<int>(s.steps.size());
    if (const auto* step = std::get_if<StepEvent>(&event)) {
        if (step->index < 0 || step->index > size)
            return rejected("step index " + std::to_string(step->index) + " is past the schedule ("
                + std::to_string(size) + " steps)");
        if (step->thread < 0 || step->thread >= static_cast<int>(s.scenario.threads.size()))
            return rejected("step thread " + std::to_string(step->thread) + " is not in the scenario");
        // Like Simulator::step: a step taken after undo replaces the redo tail.
        s.steps.resize(static_cast<std::size_t>(step->index));
        s.steps.push_back(*step);
        s.position = step->index + 1;
        return {};
    }
    if (const auto* jump = std::get_if<msg::Jump>(&event)) {
        if (jump->position < 0 || jump->position > size)
            return rejected(
                "jump to " + std::to_string(jump->position) + " is outside [0, " + std::to_string(size) + "]");
        s.position = jump->position;
        return {};
    }
    if (const auto* settings = std::get_if<msg::SettingsChange>(&event)) {
        s.settings = settings->settings;
        return {};
    }
    if (const auto* narration = std::get_if<NarrationEvent>(&event)) {
        // One text per position: a later narration for the same position replaces the earlier.
        auto it = std::find_if(s.narration.begin(), s.narration.end(),
            [&](const NarrationEvent& n) { return n.index == narration->index; });
        if (it != s.narration.end())
            *it = *narration;
        else
            s.narration.push_back(*narration);
        return {};
    }
    if (const auto* checkpoint = std::get_if<CheckpointEvent>(&event)) {
        s.checkpoints.push_back(*checkpoint);
        return {};
    }
    return rejected("unhandled event");
}

} // namespace msb::classroom
