// SPDX-License-Identifier: MIT
// The follower side of the classroom protocol with no sockets: it produces the hello, turns the
// host's bytes into events on a mirrored SessionState and says when the session ended or the
// host refused us. ClassroomFollower runs it on its io thread; the tests feed it directly.
#pragma once

#include "app/classroom/protocol.h"
#include "app/classroom/session_state.h"

#include <functional>
#include <string>

namespace msb::classroom {

/// Events a follower reports. Each is optional. ClassroomFollower calls them on its io thread.
struct FollowerCallbacks
{
    std::function<void(const std::string& session, const Snapshot&)> welcomed; // joined: the full snapshot
    std::function<void(const Snapshot&)> resynced;                             // answer to requestSnapshot()
    std::function<void(const msg::Session&)> session;
    std::function<void(const StepEvent&)> step;
    std::function<void(int position)> jump;
    std::function<void(const core::Settings&)> settings;
    std::function<void(const NarrationEvent&)> narration;
    std::function<void(const CheckpointEvent&)> checkpoint;
    std::function<void()> ended;
    std::function<void(const msg::Reveal&)> reveal; // the teacher revealed an answer and the tally
    std::function<void(const msg::Page&)> page;     // the lesson page's own text
    /// Every message from the host except ping, before the specific callback (for logs, --json).
    std::function<void(const Message&)> message;
};

class FollowerProtocol
{
public:
    enum class State { AwaitingWelcome, Following, Ended, Refused, Failed };

    FollowerProtocol(std::string code, std::size_t maxFrameBytes = kDefaultMaxFrameBytes);

    FollowerCallbacks callbacks;

    /// Starts a new connection attempt: clears the decoder and returns the hello frame.
    std::string start();
    static std::string pingFrame() { return encodeFrame(msg::Ping {}); }
    static std::string resyncFrame() { return encodeFrame(msg::Resync {}); }
    /// A student's answer to the checkpoint at index answer.checkpoint of the snapshot.
    static std::string answerFrame(const msg::Answer& answer) { return encodeFrame(answer); }

    /// Feeds bytes from the host. After it, state() tells whether to go on.
    void received(const char* data, std::size_t size);

    State state() const { return m_state; }
    /// Why the state is Refused or Failed.
    const std::string& error() const { return m_error; }
    Refusal refusal() const { return m_refusal; }
    const Snapshot& snapshot() const { return m_session.snapshot(); }
    const std::string& sessionId() const { return m_sessionId; }

private:
    void handle(const Message& message);
    void fail(const std::string& why);

    std::string m_code;
    std::size_t m_maxFrameBytes;
    FrameDecoder m_decoder;
    SessionState m_session;
    State m_state = State::AwaitingWelcome;
    std::string m_error;
    Refusal m_refusal = Refusal::Protocol;
    std::string m_sessionId;
};

} // namespace msb::classroom
