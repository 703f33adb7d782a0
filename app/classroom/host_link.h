// SPDX-License-Identifier: MIT
// One follower connection of ClassroomHost as the host's io thread sees it (internal): the native
// protocol over TCP (NativeConnection) or a browser (WebConnection). Each owns its socket and a
// bounded queue; the host's HostProtocol decides, the link reports through HostLinkOwner.
#pragma once

#include "app/classroom/framing.h"
#include "app/classroom/host_protocol.h"

#include <string>
#include <string_view>

namespace msb::classroom {

/// What a link reports to the host. Never called after the host closed the link.
class HostLinkOwner
{
public:
    virtual ~HostLinkOwner() = default;
    virtual void linkBytes(ConnectionId id, const char* data, std::size_t size) = 0; // native stream
    virtual void linkUpgraded(ConnectionId id) = 0;                       // a WebSocket is open: the hello may come
    virtual void linkMessage(ConnectionId id, std::string_view body) = 0; // one WebSocket message
    virtual void linkAlive(ConnectionId id) = 0;                          // a WebSocket pong
    virtual void linkDrained(ConnectionId id) = 0;                        // every queued frame written
    /// The connection is gone (the peer closed it, an error, a timeout, an HTTP answer sent).
    virtual void linkClosed(ConnectionId id, const std::string& reason) = 0;
};

class HostLink
{
public:
    virtual ~HostLink() = default;
    /// Queues a frame (a WebSocket sends its body only); false when the queue is full or closed.
    virtual bool send(const FramePtr& frame) = 0;
    /// AfterFlush: write what is queued first (a refusal). Now: drop the connection.
    virtual void close(HostTransport::Close how) = 0;
    virtual std::size_t queuedBytes() const = 0;
    /// When a close after flush began; false if none did.
    virtual bool closingSince(Clock::time_point& since) const = 0;
    virtual bool open() const = 0;
};

} // namespace msb::classroom
