// SPDX-License-Identifier: MIT
#include "app/classroom/stale_frames.h"

namespace msb::classroom {

std::optional<int> firstStaleFrame(MessageType type, int stepIndex)
{
    switch (type) {
    case MessageType::Welcome:
    case MessageType::Session:
    case MessageType::Settings:
        return 0;
    case MessageType::Step:
        return stepIndex + 1;
    default:
        return std::nullopt;
    }
}

std::optional<int> firstStaleFrame(const Message& message)
{
    const auto* step = std::get_if<StepEvent>(&message);
    return firstStaleFrame(messageTypeOf(message), step ? step->index : 0);
}

} // namespace msb::classroom
