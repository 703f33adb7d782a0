// SPDX-License-Identifier: MIT
// The classroom's messages (protocol.h describes the conversation): the session values they
// carry, one struct per message type, the type table, and their JSON bodies.
#pragma once

#include "core/result.h"
#include "core/scenario.h"
#include "core/settings.h"
#include "core/steps.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace msb::classroom {

inline constexpr std::string_view kProtocolName = "migration-sandbox-classroom";
/// Bump when a host of this version would misread a follower of the previous one (or back).
inline constexpr int kProtocolVersion = 1;

// --- Session values -----------------------------------------------------------------------------

struct StepEvent
{
    int index = 0;  // position before the step; the step moves the session to index + 1
    int thread = 0; // index into scenario.threads
    core::StepId step = core::StepId::A0;
    std::uint64_t hash = 0; // core::Model::hash of the state after the step
    friend bool operator==(const StepEvent&, const StepEvent&) = default;
};

struct NarrationEvent
{
    int index = 0; // the position the text belongs to
    std::string text;
    friend bool operator==(const NarrationEvent&, const NarrationEvent&) = default;
};

struct CheckpointEvent
{
    int index = 0; // the position at which the question is asked
    std::string question;
    std::vector<std::string> choices;
    int answer = -1; // index into choices, -1 when open-ended
    friend bool operator==(const CheckpointEvent&, const CheckpointEvent&) = default;
};

/// Everything a follower needs to mirror the teacher's view at one moment.
struct Snapshot
{
    bool hasSession = false; // false until the host published a session
    core::Scenario scenario;
    core::Settings settings;
    std::vector<StepEvent> steps; // the schedule taken so far (including a redo tail past position)
    int position = 0;             // in [0, steps.size()]
    std::vector<NarrationEvent> narration;
    std::vector<CheckpointEvent> checkpoints;
    bool ended = false;
    friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

/// Why the host refused a follower. Every refusal is persistent: retrying cannot help.
enum class Refusal { WrongCode, Version, Protocol, ReadOnly, Full };
std::string_view refusalName(Refusal refusal); // "code", "version", "protocol", "read-only", "full"

// --- Messages -----------------------------------------------------------------------------------

namespace msg {
struct Hello
{
    std::string protocol {kProtocolName};
    int version = kProtocolVersion;
    std::string code;
    std::string role = "follower";
    // A web follower that applies frame deltas (frame_delta.h) says "delta"; absent: full frames only.
    std::string frames;
    // The frames' layout a web follower shows: "portrait" (a phone held upright) or "landscape";
    // absent: landscape. A host without portrait frames sends landscape.
    std::string layout;
    friend bool operator==(const Hello&, const Hello&) = default;
};
struct Welcome
{
    std::string session; // an id of this hosting session, the same for every follower
    Snapshot snapshot;
    friend bool operator==(const Welcome&, const Welcome&) = default;
};
struct Refused
{
    Refusal why = Refusal::Protocol;
    std::string reason;
    friend bool operator==(const Refused&, const Refused&) = default;
};
struct Ping
{
    friend bool operator==(const Ping&, const Ping&) = default;
};
struct Resync
{
    friend bool operator==(const Resync&, const Resync&) = default;
};
struct SnapshotReply
{
    Snapshot snapshot;
    friend bool operator==(const SnapshotReply&, const SnapshotReply&) = default;
};
struct Session
{
    core::Scenario scenario;
    core::Settings settings;
    friend bool operator==(const Session&, const Session&) = default;
};
struct Jump
{
    int position = 0;
    friend bool operator==(const Jump&, const Jump&) = default;
};
struct SettingsChange
{
    core::Settings settings;
    friend bool operator==(const SettingsChange&, const SettingsChange&) = default;
};
struct End
{
    friend bool operator==(const End&, const End&) = default;
};
/// A student's answer to a checkpoint (the only message a follower may send besides ping and
/// resync). Bounds: answer_tally.h.
struct Answer
{
    std::string student;  // a random id the follower keeps across reconnects
    int checkpoint = 0;   // index into the session's checkpoints (Snapshot::checkpoints)
    std::string answer;   // a choice's text or its 1-based number, or the text of an open answer
    std::string nickname; // empty: anonymous
    friend bool operator==(const Answer&, const Answer&) = default;
};
/// The teacher revealed a checkpoint's answer: the model's answer and the room's tally.
struct Reveal
{
    int checkpoint = 0; // index into Snapshot::checkpoints
    std::string question;
    std::vector<std::string> choices;
    int answer = -1;         // the model's choice, -1 when open-ended
    int followers = 0;       // following when revealed
    int answered = 0;        // students who answered
    std::vector<int> counts; // per choice
    int correct = 0;         // answers that match the model's
    friend bool operator==(const Reveal&, const Reveal&) = default;
};
struct PageNote
{
    std::string id;    // "K12"
    std::string title; // the note's one-line title (docs/kernel/notes.md)
    friend bool operator==(const PageNote&, const PageNote&) = default;
};
/// The lesson page the teacher shows: its own text, for followers without the lesson.
struct Page
{
    int position = 0; // where the page opens
    std::string title;
    std::string body;
    std::vector<PageNote> notes;
    friend bool operator==(const Page&, const Page&) = default;
};
/// A web follower's screen turned: from now on it wants frames in this layout (as Hello::layout).
struct Layout
{
    std::string layout;
    friend bool operator==(const Layout&, const Layout&) = default;
};
} // namespace msg

using Message = std::variant<msg::Hello, msg::Welcome, msg::Refused, msg::Ping, msg::Resync, msg::SnapshotReply,
    msg::Session, StepEvent, msg::Jump, msg::SettingsChange, NarrationEvent, CheckpointEvent, msg::End, msg::Answer,
    msg::Reveal, msg::Page, msg::Layout>;


// --- Message types ------------------------------------------------------------------------------

/// One value per alternative of Message, in the same order (checked at compile time), so that a
/// message's type is its variant index. Names and roles live once, in kMessageTypes.
enum class MessageType : unsigned char {
    Hello,
    Welcome,
    Refused,
    Ping,
    Resync,
    Snapshot,
    Session,
    Step,
    Jump,
    Settings,
    Narration,
    Checkpoint,
    End,
    Answer,
    Reveal,
    Page,
    Layout,
};

struct MessageTypeInfo
{
    MessageType type;
    std::string_view name; // the "type" member on the wire
    bool sessionEvent;     // changes the session: the host publishes it, a follower never sends it
};

inline constexpr std::array<MessageTypeInfo, std::variant_size_v<Message>> kMessageTypes = {{
    {MessageType::Hello, "hello", false},
    {MessageType::Welcome, "welcome", false},
    {MessageType::Refused, "refused", false},
    {MessageType::Ping, "ping", false},
    {MessageType::Resync, "resync", false},
    {MessageType::Snapshot, "snapshot", false},
    {MessageType::Session, "session", true},
    {MessageType::Step, "step", true},
    {MessageType::Jump, "jump", true},
    {MessageType::Settings, "settings", true},
    {MessageType::Narration, "narration", true},
    {MessageType::Checkpoint, "checkpoint", true},
    {MessageType::End, "end", true},
    {MessageType::Answer, "answer", false},
    {MessageType::Reveal, "reveal", false},
    {MessageType::Page, "page", false},
    {MessageType::Layout, "layout", false},
}};

MessageType messageTypeOf(const Message& message);
const MessageTypeInfo& messageTypeInfo(MessageType type);
/// The entry whose name is name, nullptr for an unknown type.
const MessageTypeInfo* findMessageType(std::string_view name);
/// The "type" member of a message ("hello", "step", ...).
std::string_view messageType(const Message& message);
/// True for the messages that change the session (session, step, jump, settings, narration,
/// checkpoint, end): what the host publishes and a follower must never send.
bool isSessionEvent(const Message& message);

// --- Message bodies -----------------------------------------------------------------------------

/// The JSON body of a message: compact, one line, members in a fixed order (so two followers
/// printing the same events print the same bytes).
std::string encodeMessage(const Message& message);
/// Parses and validates a body: known type, every member present with the right type, no
/// unknown members, values in range (thread and step ids, 16-digit hashes, a valid scenario).
/// Never throws on bad input.
core::Result<Message> decodeMessage(std::string_view body);

} // namespace msb::classroom
