// SPDX-License-Identifier: MIT
#include "app/classroom/host_protocol.h"

#include "app/classroom/stale_frames.h"
#include "app/classroom/text_frames.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace msb::classroom {

HostProtocol::HostProtocol(HostProtocolOptions options, HostTransport& transport)
    : m_options(std::move(options))
    , m_transport(transport)
    , m_frames {FrameCache(m_options.maxCachedFrameBytes, FrameLayout::Landscape),
          FrameCache(m_options.maxCachedFrameBytes, FrameLayout::Portrait)}
{
    m_options.code = normalizeJoinCode(m_options.code);
}

void HostProtocol::log(const std::string& text)
{
    if (onLog)
        onLog(text);
}

void HostProtocol::connected(ConnectionId id, Clock::time_point connectedAt, std::string peer, FollowerKind kind)
{
    Connection connection {std::move(peer), kind, false, FrameDecoder(m_options.maxFrameBytes), {}, connectedAt,
        connectedAt, connectedAt, {}, AnswerRate(), false, {}, FrameLayout::Landscape, FrameLayout::Landscape};
    m_connections.insert_or_assign(id, std::move(connection));
}

void HostProtocol::receivedMessage(ConnectionId id, std::string_view body, Clock::time_point now)
{
    const auto it = m_connections.find(id);
    if (it != m_connections.end())
        handle(id, it->second, body, now);
}

void HostProtocol::touched(ConnectionId id, Clock::time_point now)
{
    if (const auto it = m_connections.find(id); it != m_connections.end())
        it->second.lastReceived = now;
}

void HostProtocol::drained(ConnectionId id, Clock::time_point now)
{
    if (const auto it = m_connections.find(id); it != m_connections.end() && !it->second.catchUp.empty())
        sendCatchUp(id, it->second, now);
}

void HostProtocol::received(ConnectionId id, const char* data, std::size_t size, Clock::time_point now)
{
    auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    it->second.decoder.feed(data, size);
    std::string body;
    for (;;) {
        it = m_connections.find(id); // handle() may have dropped it
        if (it == m_connections.end())
            return;
        Connection& connection = it->second;
        const auto status = connection.decoder.next(body);
        if (status == FrameDecoder::Status::NeedMore)
            return;
        if (status == FrameDecoder::Status::Oversize) {
            drop(id,
                "frame of " + std::to_string(connection.decoder.announcedBytes()) + " bytes exceeds the limit of "
                    + std::to_string(m_options.maxFrameBytes),
                HostTransport::Close::Now);
            return;
        }
        handle(id, connection, body, now);
    }
}

void HostProtocol::handle(ConnectionId id, Connection& connection, std::string_view body, Clock::time_point now)
{
    connection.lastReceived = now;
    auto message = decodeMessage(body);
    if (!message) {
        refuse(id, Refusal::Protocol, "malformed message: " + message.error().toString());
        return;
    }
    if (const auto* answer = std::get_if<msg::Answer>(&message.value()); answer && connection.following) {
        takeAnswer(id, connection, *answer, body.size());
        return;
    }
    handle(id, connection, message.value(), now);
}

void HostProtocol::handle(ConnectionId id, Connection& connection, const Message& message, Clock::time_point now)
{
    if (!connection.following) {
        const auto* hello = std::get_if<msg::Hello>(&message);
        if (!hello) {
            refuse(id, Refusal::Protocol, "expected hello, got '" + std::string(messageType(message)) + "'");
            return;
        }
        // The code first: nothing about the session (not even its protocol version) goes to a
        // peer that does not know it.
        if (normalizeJoinCode(hello->code) != m_options.code) {
            refuse(id, Refusal::WrongCode, "wrong join code");
            return;
        }
        if (hello->protocol != kProtocolName || hello->version != kProtocolVersion) {
            refuse(id, Refusal::Version,
                "this host speaks " + std::string(kProtocolName) + " version " + std::to_string(kProtocolVersion)
                    + ", the follower " + hello->protocol + " version " + std::to_string(hello->version));
            return;
        }
        const std::string_view role = connection.kind == FollowerKind::Web ? "web" : "follower";
        if (hello->role != role) {
            refuse(id, Refusal::Protocol, "unknown role '" + hello->role + "'");
            return;
        }
        if (m_followers >= m_options.maxFollowers) {
            refuse(id, Refusal::Full, "the class is full (" + std::to_string(m_options.maxFollowers) + " followers)");
            return;
        }
        const auto layout = parseFrameLayout(hello->layout.empty() ? "landscape" : hello->layout);
        if (!layout) {
            refuse(id, Refusal::Protocol, "unknown layout '" + hello->layout + "' (landscape or portrait)");
            return;
        }
        connection.deltaFrames = connection.kind == FollowerKind::Web && hello->frames == "delta";
        connection.wanted = *layout;
        connection.layout = *layout == FrameLayout::Portrait && m_portraitFrames ? *layout : FrameLayout::Landscape;
        join(id, connection, now);
        return;
    }
    if (std::holds_alternative<msg::Ping>(message))
        return;
    if (const auto* layout = std::get_if<msg::Layout>(&message); layout && connection.kind == FollowerKind::Web) {
        const auto wanted = parseFrameLayout(layout->layout);
        if (!wanted) {
            refuse(id, Refusal::Protocol, "unknown layout '" + layout->layout + "' (landscape or portrait)");
            return;
        }
        setLayout(id, connection, *wanted, now);
        return;
    }
    if (std::holds_alternative<msg::Resync>(message)) {
        const auto frame = std::make_shared<const std::string>(encodeFrame(msg::SnapshotReply {m_state.snapshot()}));
        if (!send(id, connection, frame, now))
            drop(id, "outgoing queue full", HostTransport::Close::Now);
        return;
    }
    if (const auto* answer = std::get_if<msg::Answer>(&message)) {
        takeAnswer(id, connection, *answer, encodeMessage(message).size());
        return;
    }
    // Students are read-only: whatever else they send (a step, a jump, a second hello) is refused.
    refuse(id, Refusal::ReadOnly,
        "followers are read-only; '" + std::string(messageType(message)) + "' is not accepted from a follower");
}

void HostProtocol::join(ConnectionId id, Connection& connection, Clock::time_point now)
{
    connection.following = true;
    ++m_followers;
    ++m_followersByKind[connection.kind == FollowerKind::Web ? 1 : 0];
    const auto frame =
        std::make_shared<const std::string>(encodeFrame(msg::Welcome {m_options.sessionId, m_state.snapshot()}));
    if (!send(id, connection, frame, now)) {
        drop(id, "outgoing queue full", HostTransport::Close::Now);
        return;
    }
    sendRoomState(id, connection, now);
    if (!m_connections.count(id))
        return;
    const std::string peer = connection.peer; // the callbacks below may outlive connection
    log("follower " + peer + " joined");
    if (connection.kind == FollowerKind::Web) {
        startFrames(id, connection, now);
        if (!m_connections.count(id))
            return;
    }
    if (onFollowerJoined)
        onFollowerJoined(id, peer);
}

void HostProtocol::startFrames(ConnectionId id, Connection& connection, Clock::time_point now)
{
    connection.heldFrames.clear();
    // Sent from the back: the teacher's position first, then the others in ascending order.
    connection.catchUp = store(connection.layout).positionsFrom(m_state.snapshot().position);
    std::reverse(connection.catchUp.begin(), connection.catchUp.end());
    sendCatchUp(id, connection, now);
}

void HostProtocol::setLayout(ConnectionId id, Connection& connection, FrameLayout wanted, Clock::time_point now)
{
    connection.wanted = wanted;
    const FrameLayout shown = wanted == FrameLayout::Portrait && m_portraitFrames ? wanted : FrameLayout::Landscape;
    if (shown == connection.layout)
        return;
    connection.layout = shown;
    log("follower " + connection.peer + " now sees " + std::string(frameLayoutName(shown)) + " frames");
    startFrames(id, connection, now);
}

void HostProtocol::sendCatchUp(ConnectionId id, Connection& connection, Clock::time_point now)
{
    // A few MiB at a time, so a late joiner never overflows its queue with frames it asked for.
    while (!connection.catchUp.empty() && m_transport.queuedBytes(id) < m_options.catchUpQueueBytes) {
        const int position = connection.catchUp.back();
        connection.catchUp.pop_back();
        if (!sendFrame(id, connection, position, now)) {
            drop(id, "outgoing queue full", HostTransport::Close::Now);
            return;
        }
    }
}

bool HostProtocol::sendFrame(ConnectionId id, Connection& connection, int position, Clock::time_point now)
{
    FrameCache& frames = store(connection.layout);
    FramePtr frame = frames.find(position);
    if (!frame)
        return true; // dropped from the cache meanwhile
    const std::uint64_t serial = frames.serial(position);
    const auto held = [&](const FrameCache::Delta& delta) {
        const auto it = connection.heldFrames.find(delta.base);
        return delta.frame && it != connection.heldFrames.end() && it->second == delta.baseSerial;
    };
    if (connection.deltaFrames) {
        if (const auto it = connection.heldFrames.find(position);
            it != connection.heldFrames.end() && it->second == serial)
            return true; // it has this very frame
        for (const auto base : {FrameCache::Base::Same, FrameCache::Base::Previous}) {
            if (const FrameCache::Delta delta = frames.delta(position, base); held(delta)) {
                frame = delta.frame;
                break;
            }
        }
    }
    if (!send(id, connection, frame, now))
        return false;
    connection.heldFrames[position] = serial;
    return true;
}

bool HostProtocol::send(ConnectionId id, Connection& connection, const FramePtr& frame, Clock::time_point now)
{
    if (!m_transport.send(id, frame))
        return false;
    connection.lastSent = now;
    return true;
}

void HostProtocol::refuse(ConnectionId id, Refusal why, const std::string& reason)
{
    auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    const auto frame = std::make_shared<const std::string>(encodeFrame(msg::Refused {why, reason}));
    m_transport.send(id, frame); // best effort: the connection closes either way
    drop(id, "refused (" + std::string(refusalName(why)) + "): " + reason, HostTransport::Close::AfterFlush);
}

void HostProtocol::drop(ConnectionId id, const std::string& reason, HostTransport::Close how)
{
    if (!m_connections.count(id))
        return;
    forget(id, reason);
    m_transport.close(id, reason, how);
}

void HostProtocol::forget(ConnectionId id, const std::string& reason)
{
    auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    const bool following = it->second.following;
    const int kindIndex = it->second.kind == FollowerKind::Web ? 1 : 0;
    const std::string peer = it->second.peer;
    m_connections.erase(it);
    log("connection " + peer + " closed: " + reason);
    if (following) {
        --m_followers;
        --m_followersByKind[kindIndex];
        if (onFollowerLeft)
            onFollowerLeft(id, peer, reason);
    }
}

void HostProtocol::disconnected(ConnectionId id, const std::string& reason)
{
    forget(id, reason);
}

void HostProtocol::sweep(Clock::time_point now)
{
    std::vector<std::pair<ConnectionId, std::string>> expired;
    std::vector<ConnectionId> overflowing;
    FramePtr ping;
    for (auto& [id, connection] : m_connections) {
        if (!connection.following) {
            if (now - connection.connectedAt >= m_options.handshakeTimeout)
                expired.emplace_back(id, "handshake timeout");
            continue;
        }
        if (now - connection.lastReceived >= m_options.idleTimeout) {
            expired.emplace_back(id, "idle timeout");
            continue;
        }
        if (now - connection.lastSent >= m_options.keepaliveInterval) {
            if (!ping)
                ping = std::make_shared<const std::string>(encodeFrame(msg::Ping {}));
            if (!send(id, connection, ping, now))
                overflowing.push_back(id);
        }
    }
    for (const auto& [id, reason] : expired)
        drop(id, reason, HostTransport::Close::Now);
    for (const auto id : overflowing)
        drop(id, "outgoing queue full", HostTransport::Close::Now);
}

core::Result<void> HostProtocol::publish(const Message& event, Clock::time_point now)
{
    if (auto applied = m_state.apply(event); !applied)
        return applied;
    if (std::holds_alternative<msg::Session>(event))
        m_reveals.clear(); // they index the previous session's checkpoints
    // Encoded once, shared by every follower's queue.
    broadcast(std::make_shared<const std::string>(encodeFrame(event)), false, now);
    updateFrames(event, now);
    return {};
}

void HostProtocol::broadcast(const FramePtr& frame, bool webOnly, Clock::time_point now)
{
    std::vector<ConnectionId> overflowing;
    for (auto& [id, connection] : m_connections) {
        if (!connection.following || (webOnly && connection.kind != FollowerKind::Web))
            continue;
        if (!send(id, connection, frame, now))
            overflowing.push_back(id);
    }
    for (const auto id : overflowing)
        drop(id, "outgoing queue full (follower too slow)", HostTransport::Close::Now);
}

void HostProtocol::updateFrames(const Message& event, Clock::time_point now)
{
    // What the event makes stale goes from the caches and from what each browser is known to hold
    // (stale_frames.h: the page forgets the same frames).
    if (const auto firstStale = firstStaleFrame(event)) {
        for (FrameCache& frames : m_frames)
            frames.dropFrom(*firstStale);
        for (auto& [id, connection] : m_connections)
            dropStaleFrames(connection.heldFrames, firstStale);
    }
    const Snapshot& snapshot = m_state.snapshot();
    if (m_options.textFrames && snapshot.hasSession && !snapshot.ended
        && !store(FrameLayout::Landscape).contains(snapshot.position))
        publishFrame(snapshot.position, FrameFormat::Text, renderPositionText(snapshot, snapshot.position), now);
}

void HostProtocol::publishFrame(
    int position, FrameFormat format, std::string_view content, Clock::time_point now, FrameLayout layout)
{
    const Snapshot& snapshot = m_state.snapshot();
    if (!snapshot.hasSession || position < 0 || position > static_cast<int>(snapshot.steps.size())) {
        log("frame for position " + std::to_string(position) + " ignored: not in the session");
        return;
    }
    FramePtr frame = encodeWebFrame(position, format, content, layout);
    if (frame->size() - kFrameHeaderBytes > m_options.maxFrameBytes) {
        log("frame for position " + std::to_string(position) + " ignored: larger than a message may be");
        return;
    }
    store(layout).put(position, std::move(frame), format, content, snapshot.position);
    if (layout == FrameLayout::Portrait && !m_portraitFrames) {
        // The first portrait frame: who asked for portrait now gets the portrait store, from
        // scratch (this frame, and the others as they are published).
        m_portraitFrames = true;
        for (auto& [id, connection] : m_connections) {
            if (connection.following && connection.wanted == FrameLayout::Portrait) {
                connection.layout = FrameLayout::Portrait;
                connection.heldFrames.clear();
                connection.catchUp.clear();
            }
        }
    }
    std::vector<ConnectionId> overflowing;
    for (auto& [id, connection] : m_connections) {
        if (connection.following && connection.kind == FollowerKind::Web && connection.layout == layout
            && !sendFrame(id, connection, position, now))
            overflowing.push_back(id);
    }
    for (const auto id : overflowing)
        drop(id, "outgoing queue full (follower too slow)", HostTransport::Close::Now);
}

} // namespace msb::classroom
