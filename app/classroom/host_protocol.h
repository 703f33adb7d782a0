// SPDX-License-Identifier: MIT
// The host side of the classroom protocol as a state machine with no sockets: the transport
// (ClassroomHost over Asio, or a fake in the tests) feeds it bytes, connection events and the
// time, and it answers through HostTransport. One instance serves every follower; it is not
// thread-safe and is meant to live on the transport's single io thread (strand).
//
// Per connection: AwaitingHello --hello with the right code and version--> Following. The join
// code is checked before anything else is sent, so a wrong code learns nothing about the session.
// A follower may then only send ping and resync; anything else is refused and the connection
// closed. Timeouts come from sweep(now): no hello within handshakeTimeout, or nothing received
// within idleTimeout, closes the connection; a follower that was sent nothing for
// keepaliveInterval gets a ping.
#pragma once

#include "app/classroom/protocol.h"
#include "app/classroom/session_state.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace msb::classroom {

using ConnectionId = std::uint64_t;
using Clock = std::chrono::steady_clock;

class HostTransport
{
public:
    enum class Close { AfterFlush, Now };
    virtual ~HostTransport() = default;
    /*! Queues a frame; false when the connection's bounded queue is full (the protocol then drops it). */
    virtual bool send(ConnectionId id, const FramePtr& frame) = 0;
    /*! Closes a connection the protocol gave up on; AfterFlush first writes what is queued (a refusal). */
    virtual void close(ConnectionId id, const std::string& reason, Close how) = 0;
};

struct HostProtocolOptions
{
    std::string code;      // normalized join code
    std::string sessionId; // sent in welcome
    std::size_t maxFrameBytes = kDefaultMaxFrameBytes;
    std::chrono::milliseconds handshakeTimeout {5000};
    std::chrono::milliseconds idleTimeout {30000};
    std::chrono::milliseconds keepaliveInterval {10000};
    int maxFollowers = 256;
};

class HostProtocol
{
public:
    HostProtocol(HostProtocolOptions options, HostTransport& transport);

    void connected(ConnectionId id, Clock::time_point now, std::string peer = {});
    void received(ConnectionId id, const char* data, std::size_t size, Clock::time_point now);
    /*! The transport lost the connection (EOF, error, its own close); no close() call follows. */
    void disconnected(ConnectionId id, const std::string& reason);
    /*! Timeouts and keepalives; call it at least every min(handshake, keepalive)/2. */
    void sweep(Clock::time_point now);

    /*! Applies a session event and broadcasts it to every follower. Returns why it was rejected
        (SessionState::apply), or an empty string. A follower whose queue is full is dropped. */
    std::string publish(const Message& event, Clock::time_point now);

    int followerCount() const { return m_followers; }
    std::size_t connectionCount() const { return m_connections.size(); }
    const Snapshot& snapshot() const { return m_state.snapshot(); }
    const HostProtocolOptions& options() const { return m_options; }

    // Called synchronously from the methods above.
    std::function<void(ConnectionId, const std::string& peer)> onFollowerJoined;
    std::function<void(ConnectionId, const std::string& peer, const std::string& reason)> onFollowerLeft;
    std::function<void(const std::string&)> onLog;

private:
    struct Connection
    {
        std::string peer;
        bool following = false;
        FrameDecoder decoder;
        Clock::time_point connectedAt;
        Clock::time_point lastReceived;
        Clock::time_point lastSent;
    };

    void handle(ConnectionId id, Connection& connection, const Message& message, Clock::time_point now);
    bool send(ConnectionId id, Connection& connection, const FramePtr& frame, Clock::time_point now);
    void refuse(ConnectionId id, Refusal why, const std::string& reason);
    void drop(ConnectionId id, const std::string& reason, HostTransport::Close how);
    void forget(ConnectionId id, const std::string& reason);
    void log(const std::string& text);

    HostProtocolOptions m_options;
    HostTransport& m_transport;
    SessionState m_state;
    std::map<ConnectionId, Connection> m_connections;
    int m_followers = 0;
};

} // namespace msb::classroom
