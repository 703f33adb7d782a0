// SPDX-License-Identifier: MIT
#include "app/classroom/messages.h"

#include <type_traits>

namespace msb::classroom {

namespace {

template <MessageType type, typename T>
constexpr bool kIsAlternative = std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(type), Message>, T>;

// A message's type is its variant index: the enum, the table and Message list the same types in
// the same order.
static_assert(kIsAlternative<MessageType::Hello, msg::Hello> && kIsAlternative<MessageType::Welcome, msg::Welcome> && kIsAlternative<MessageType::Refused, msg::Refused> && kIsAlternative<MessageType::Ping, msg::Ping> && kIsAlternative<MessageType::Resync, msg::Resync> && kIsAlternative<MessageType::Snapshot, msg::SnapshotReply> && kIsAlternative<MessageType::Session, msg::Session> && kIsAlternative<MessageType::Step, StepEvent> && kIsAlternative<MessageType::Jump, msg::Jump> && kIsAlternative<MessageType::Settings, msg::SettingsChange> && kIsAlternative<MessageType::Narration, NarrationEvent> && kIsAlternative<MessageType::Checkpoint, CheckpointEvent> && kIsAlternative<MessageType::End, msg::End>);
static_assert(
    kIsAlternative<MessageType::Answer,
        msg::
            Answer> && kIsAlternative<MessageType::Reveal, msg::Reveal> && kIsAlternative<MessageType::Page, msg::Page>);
static_assert(kIsAlternative<MessageType::Layout, msg::Layout>);
static_assert(static_cast<std::size_t>(MessageType::Layout) + 1 == kMessageTypes.size());
static_assert([] {
    for (std::size_t i = 0; i < kMessageTypes.size(); ++i) {
        if (static_cast<std::size_t>(kMessageTypes[i].type) != i)
            return false;
    }
    return true;
}());

} // namespace

std::string_view refusalName(Refusal refusal)
{
    switch (refusal) {
    case Refusal::WrongCode:
        return "code";
    case Refusal::Version:
        return "version";
    case Refusal::Protocol:
        return "protocol";
    case Refusal::ReadOnly:
        return "read-only";
    case Refusal::Full:
        return "full";
    }
    return "protocol";
}

MessageType messageTypeOf(const Message& message)
{
    return static_cast<MessageType>(message.index());
}

const MessageTypeInfo& messageTypeInfo(MessageType type)
{
    return kMessageTypes[static_cast<std::size_t>(type)];
}

const MessageTypeInfo* findMessageType(std::string_view name)
{
    for (const auto& info : kMessageTypes) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

std::string_view messageType(const Message& message)
{
    return messageTypeInfo(messageTypeOf(message)).name;
}

bool isSessionEvent(const Message& message)
{
    return messageTypeInfo(messageTypeOf(message)).sessionEvent;
}

} // namespace msb::classroom
