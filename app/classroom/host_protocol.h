// SPDX-License-Identifier: MIT
// The host side of the classroom protocol as a state machine with no sockets: the transport
// (ClassroomHost over Asio, or a fake in the tests) feeds it bytes, connection events and the
// time, and it answers through HostTransport. One instance serves every follower; it is not
// thread-safe and is meant to live on the transport's single io thread (strand).
//
// Per connection: AwaitingHello --hello with the right code and version--> Following. The join
// code is checked before anything else is sent, so a wrong code learns nothing about the session.
// A follower may then only send ping, resync and answer (a checkpoint answer, bounded in size and
// rate, tallied in answers(); host_answers.cpp); anything else is refused and the connection
// closed. Timeouts come from sweep(now): no hello within handshakeTimeout, or nothing received
// within idleTimeout, closes the connection; a follower that was sent nothing for
// keepaliveInterval gets a ping.
//
// Web followers (browsers, over WebSocket) speak the same messages, one JSON body per WebSocket
// message (receivedMessage), say role "web" in their hello, and also receive the rendered frames
// (publishFrame): after welcome every cached frame, paced by the transport's queue (drained()),
// then each new one. Native followers never see frames. A web follower that says frames:"delta"
// in its hello gets a frame as a delta against one it holds (FrameCache::delta), when it holds one.
// Frames come in two layouts, one store each (a phone held upright gets the portrait scene): a web
// follower names its layout in its hello and may change it (layout{}); until the publisher has
// given any portrait frame, everyone gets landscape.
#pragma once

#include "app/classroom/answer_tally.h"
#include "app/classroom/frame_cache.h"
#include "app/classroom/protocol.h"
#include "app/classroom/session_state.h"
#include "core/result.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msb::classroom {

using ConnectionId = std::uint64_t;
using Clock = std::chrono::steady_clock;

class HostTransport
{
public:
    enum class Close { AfterFlush, Now };
    virtual ~HostTransport() = default;
    /// Queues a frame; false when the connection's bounded queue is full (the protocol then drops it).
    virtual bool send(ConnectionId id, const FramePtr& frame) = 0;
    /// Closes a connection the protocol gave up on; AfterFlush first writes what is queued (a refusal).
    virtual void close(ConnectionId id, const std::string& reason, Close how) = 0;
    /// Bytes waiting in the connection's queue (paces the frames a late web follower catches up on).
    virtual std::size_t queuedBytes(ConnectionId) const { return 0; }
};

enum class FollowerKind { Native, Web };

struct HostProtocolOptions
{
    std::string code;      // normalized join code
    std::string sessionId; // sent in welcome
    std::size_t maxFrameBytes = kDefaultMaxFrameBytes;
    std::chrono::milliseconds handshakeTimeout {5000};
    std::chrono::milliseconds idleTimeout {30000};
    std::chrono::milliseconds keepaliveInterval {10000};
    int maxFollowers = 512;
    std::size_t maxCachedFrameBytes = 64 * 1024 * 1024;
    std::size_t catchUpQueueBytes = 4 * 1024 * 1024; // cached frames queued to one web follower at a time
    bool textFrames = false;                         // render each position as text (renderPositionText)
};

class HostProtocol
{
public:
    HostProtocol(HostProtocolOptions options, HostTransport& transport);

    /// connectedAt starts the handshake timeout (the transport may learn the kind after accepting).
    void connected(ConnectionId id, Clock::time_point connectedAt, std::string peer = {},
        FollowerKind kind = FollowerKind::Native);
    /// Bytes of the native stream (4-byte length frames).
    void received(ConnectionId id, const char* data, std::size_t size, Clock::time_point now);
    /// One whole message body (a WebSocket text message); the transport enforces its size bound.
    void receivedMessage(ConnectionId id, std::string_view body, Clock::time_point now);
    /// Something other than a message arrived (a WebSocket pong): the peer is alive.
    void touched(ConnectionId id, Clock::time_point now);
    /// The connection's queue was written out: a catching-up web follower gets more cached frames.
    void drained(ConnectionId id, Clock::time_point now);
    /// The transport lost the connection (EOF, error, its own close); no close() call follows.
    void disconnected(ConnectionId id, const std::string& reason);
    /// Timeouts and keepalives; call it at least every min(handshake, keepalive)/2.
    void sweep(Clock::time_point now);

    /// Applies a session event and broadcasts it to every follower, or says why it was rejected
    /// (SessionState::apply). A follower whose queue is full is dropped.
    core::Result<void> publish(const Message& event, Clock::time_point now);
    /// Caches a position's frame of that layout and sends it to every web follower shown that
    /// layout. Ignored before any session or for a position outside [0, steps]. The first portrait
    /// frame moves the followers who asked for portrait onto the portrait store.
    void publishFrame(int position, FrameFormat format, std::string_view content, Clock::time_point now,
        FrameLayout layout = FrameLayout::Landscape);

    /// The lesson page the teacher shows (its text, for followers without the lesson): sent to
    /// every follower and to each one who joins later.
    void publishPage(const msg::Page& page, Clock::time_point now);
    /// Shows a checkpoint's model answer and tally to every follower (and to later joiners);
    /// checkpoint indexes the snapshot's checkpoints, -1 the latest. False when there is none.
    bool reveal(int checkpoint, Clock::time_point now);
    const AnswerTally& answers() const { return m_answers; }
    /// The tally saved with a session, carried on (answers then replace or add to it).
    void restoreAnswers(AnswerTally answers) { m_answers = std::move(answers); }

    int followerCount() const { return m_followers; }
    int followerCount(FollowerKind kind) const { return m_followersByKind[kind == FollowerKind::Web ? 1 : 0]; }
    const FrameCache& frames(FrameLayout layout = FrameLayout::Landscape) const { return store(layout); }
    std::size_t connectionCount() const { return m_connections.size(); }
    const Snapshot& snapshot() const { return m_state.snapshot(); }
    const HostProtocolOptions& options() const { return m_options; }

    // Called synchronously from the methods above.
    std::function<void(ConnectionId, const std::string& peer)> onFollowerJoined;
    std::function<void(ConnectionId, const std::string& peer, const std::string& reason)> onFollowerLeft;
    std::function<void(const std::string&)> onLog;
    /// A student's answer changed a question's tally.
    std::function<void(const QuestionTally&, int followers)> onTally;

private:
    struct Connection
    {
        std::string peer;
        FollowerKind kind = FollowerKind::Native;
        bool following = false;
        FrameDecoder decoder;
        std::vector<int> catchUp; // cached frames still to send to a web follower, sent from the back
        Clock::time_point connectedAt;
        Clock::time_point lastReceived;
        Clock::time_point lastSent;
        std::string student; // the id of the first answer: one student per connection
        AnswerRate answerRate;
        bool deltaFrames = false; // its hello said frames:"delta"
        // The frames it holds (position -> FrameCache serial), by the page's own staleness rule:
        // a delta goes only against a base in here.
        std::map<int, std::uint64_t> heldFrames;
        FrameLayout wanted = FrameLayout::Landscape; // what it asked for
        FrameLayout layout = FrameLayout::Landscape; // what it is sent (landscape until portrait frames exist)
    };

    void handle(ConnectionId id, Connection& connection, std::string_view body, Clock::time_point now);
    void handle(ConnectionId id, Connection& connection, const Message& message, Clock::time_point now);
    void join(ConnectionId id, Connection& connection, Clock::time_point now);
    void takeAnswer(ConnectionId id, Connection& connection, const msg::Answer& answer, std::size_t bytes);
    void sendRoomState(ConnectionId id, Connection& connection, Clock::time_point now);
    void sendCatchUp(ConnectionId id, Connection& connection, Clock::time_point now);
    /// Sends the connection the frames of the layout it should now see (from scratch: no delta
    /// names a base of the other layout), the teacher's position first.
    void startFrames(ConnectionId id, Connection& connection, Clock::time_point now);
    void setLayout(ConnectionId id, Connection& connection, FrameLayout wanted, Clock::time_point now);
    FrameCache& store(FrameLayout layout) { return m_frames[static_cast<int>(layout)]; }
    const FrameCache& store(FrameLayout layout) const { return m_frames[static_cast<int>(layout)]; }
    void broadcast(const FramePtr& frame, bool webOnly, Clock::time_point now);
    /// The cached frame of position, as a delta if the follower holds a base; false: queue full.
    bool sendFrame(ConnectionId id, Connection& connection, int position, Clock::time_point now);
    void updateFrames(const Message& event, Clock::time_point now);
    bool send(ConnectionId id, Connection& connection, const FramePtr& frame, Clock::time_point now);
    void refuse(ConnectionId id, Refusal why, const std::string& reason);
    void drop(ConnectionId id, const std::string& reason, HostTransport::Close how);
    void forget(ConnectionId id, const std::string& reason);
    void log(const std::string& text);

    HostProtocolOptions m_options;
    HostTransport& m_transport;
    SessionState m_state;
    FrameCache m_frames[kFrameLayouts];
    bool m_portraitFrames = false; // the publisher gives portrait frames (the app; not the CLI host)
    std::map<ConnectionId, Connection> m_connections;
    int m_followers = 0;
    int m_followersByKind[2] = {0, 0};
    AnswerTally m_answers;
    std::optional<msg::Page> m_page;
    std::map<int, msg::Reveal> m_reveals; // by checkpoint, for later joiners; cleared by a new session
};

} // namespace msb::classroom
