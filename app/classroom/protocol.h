// SPDX-License-Identifier: MIT
// The classroom wire protocol, with no I/O in it: frames, messages and their validation.
//
// A frame is a 4-byte big-endian length followed by that many bytes of JSON (Asio's
// chat_message.hpp, with a maximum size). Every message is an object with a "type":
//   follower -> host   hello{protocol, version, code, role:"follower"}, ping{}, resync{}
//   host -> follower   welcome{session, snapshot} | refused{why, reason}, then the session events
//                      session{scenario, settings}, step{index, thread, step, hash}, jump{position},
//                      settings{settings}, narration{index, text}, checkpoint{index, question,
//                      choices, answer}, end{}; snapshot{snapshot} answers resync; ping{} keeps alive.
// The messages carry core-level values (Scenario, Settings, StepId, state hashes) so that a
// follower can rebuild the teacher's Simulator from them.
#pragma once

#include "core/result.h"
#include "core/scenario.h"
#include "core/settings.h"
#include "core/steps.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace msb::classroom {

inline constexpr std::string_view kProtocolName = "migration-sandbox-classroom";
/// Bump when a host of this version would misread a follower of the previous one (or back).
inline constexpr int kProtocolVersion = 1;
inline constexpr std::size_t kFrameHeaderBytes = 4;
inline constexpr std::size_t kDefaultMaxFrameBytes = 1024 * 1024;

/// Join codes use letters and digits that cannot be misread on a projector (no 0/O, 1/I/L).
inline constexpr std::string_view kJoinCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
std::string randomJoinCode(std::size_t length = 6);
/// Upper-cases a code as typed by a student ("k7x" -> "K7X"), so codes compare case-insensitively.
std::string normalizeJoinCode(std::string_view code);

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
} // namespace msg

using Message = std::variant<msg::Hello, msg::Welcome, msg::Refused, msg::Ping, msg::Resync, msg::SnapshotReply,
    msg::Session, StepEvent, msg::Jump, msg::SettingsChange, NarrationEvent, CheckpointEvent, msg::End>;

/// The "type" member of a message ("hello", "step", ...).
std::string_view messageType(const Message& message);
/// True for the messages that change the session (session, step, jump, settings, narration,
/// checkpoint, end): what the host publishes and a follower must never send.
bool isSessionEvent(const Message& message);

/// The JSON body of a message: compact, one line, members in a fixed order (so two followers
/// printing the same events print the same bytes).
std::string encodeMessage(const Message& message);
/// Parses and validates a body: known type, every member present with the right type, no
/// unknown members, values in range (thread and step ids, 16-digit hashes, a valid scenario).
/// Never throws on bad input.
core::Result<Message> decodeMessage(std::string_view body);

/// A frame: the 4-byte big-endian length of body, then body.
std::string encodeFrame(std::string_view body);
inline std::string encodeFrame(const Message& message)
{
    return encodeFrame(encodeMessage(message));
}
using FramePtr = std::shared_ptr<const std::string>;

/// Cuts a byte stream into frame bodies. Rejects a frame as soon as its header announces more
/// than the maximum, before buffering the body.
class FrameDecoder
{
public:
    explicit FrameDecoder(std::size_t maxFrameBytes = kDefaultMaxFrameBytes)
        : m_maxFrameBytes(maxFrameBytes)
    {
    }

    enum class Status { NeedMore, Frame, Oversize };

    void feed(const char* data, std::size_t size);
    /// Frame: body holds the next frame. Oversize: the stream is unusable from here on
    /// (announcedBytes() says how large the frame claimed to be).
    Status next(std::string& body);
    std::size_t announcedBytes() const { return m_announced; }
    std::size_t buffered() const { return m_buffer.size() - m_offset; }

private:
    std::size_t m_maxFrameBytes;
    std::string m_buffer;
    std::size_t m_offset = 0;
    std::size_t m_announced = 0;
    bool m_broken = false;
};

/// A bounded queue of frames waiting to be written to one follower. push() refuses (and queues
/// nothing) when the frame would exceed either bound, so a slow reader costs bounded memory.
class OutgoingQueue
{
public:
    OutgoingQueue(std::size_t maxFrames, std::size_t maxBytes)
        : m_maxFrames(maxFrames)
        , m_maxBytes(maxBytes)
    {
    }

    bool push(FramePtr frame);
    bool empty() const { return m_frames.empty(); }
    std::size_t size() const { return m_frames.size(); }
    std::size_t bytes() const { return m_bytes; }
    const FramePtr& front() const { return m_frames.front(); }
    void pop();
    void clear();

private:
    std::size_t m_maxFrames;
    std::size_t m_maxBytes;
    std::deque<FramePtr> m_frames;
    std::size_t m_bytes = 0;
};

} // namespace msb::classroom
