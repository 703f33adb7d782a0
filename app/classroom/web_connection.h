// SPDX-License-Identifier: MIT
// One browser connection of the classroom host (internal to ClassroomHost, io thread only): reads
// one bounded HTTP request with Beast, answers an embedded file or 4xx and closes, or upgrades
// "/ws" to a WebSocket that carries the protocol's JSON bodies as text messages, one per message,
// through a bounded queue. The host's HostProtocol decides everything else through the owner.
#pragma once

#include "app/classroom/framing.h"
#include "app/classroom/host_protocol.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <memory>
#include <optional>
#include <string>

namespace msb::classroom {

/// What a WebConnection reports to the host. Never called after the host closed it.
class WebConnectionOwner
{
public:
    virtual ~WebConnectionOwner() = default;
    virtual void webUpgraded(ConnectionId id) = 0; // a WebSocket is open: the hello may come
    virtual void webMessage(ConnectionId id, std::string_view body) = 0;
    virtual void webAlive(ConnectionId id) = 0;   // a pong
    virtual void webDrained(ConnectionId id) = 0; // every queued message written
    /// The connection is gone (answered, timed out, closed by the peer, an error); forget it.
    virtual void webClosed(ConnectionId id, const std::string& reason) = 0;
};

struct WebLimits
{
    std::chrono::milliseconds handshakeTimeout {5000}; // the HTTP request and the WebSocket upgrade
    std::chrono::milliseconds idleTimeout {30000};
    std::size_t maxMessageBytes = kDefaultMaxFrameBytes;
    std::size_t maxQueuedFrames = 4096;
    std::size_t maxQueuedBytes = 8 * kDefaultMaxFrameBytes;
};

class WebConnection : public std::enable_shared_from_this<WebConnection>
{
public:
    /// stream has its deadline set (the handshake timeout from accept); buffer holds the bytes
    /// already read to tell HTTP from the native protocol.
    WebConnection(ConnectionId id, boost::beast::tcp_stream stream, boost::beast::flat_buffer buffer,
        WebConnectionOwner& owner, const WebLimits& limits);

    void start();
    /// Queues one framed message (its 4-byte header is not sent); false when the queue is full.
    bool send(const FramePtr& frame);
    /// AfterFlush: write what is queued, then a WebSocket close. Now: drop the TCP connection.
    void close(HostTransport::Close how);
    std::size_t queuedBytes() const { return m_queue.bytes(); }
    /// True (and since) when a close after flush is under way.
    bool closingSince(Clock::time_point& since) const;
    bool open() const;

private:
    using Request = boost::beast::http::request<boost::beast::http::string_body>;
    void onRequest(const boost::system::error_code& error);
    void answer(unsigned version, bool head, std::string_view host, unsigned status, std::string_view contentType,
        std::string_view body);
    void upgrade(const Request& request);
    void readMessage();
    void writeNext();
    void closeWebSocket();
    void finish(const std::string& reason); // the peer or an error ended it: tell the owner once
    void shutdown();

    ConnectionId m_id;
    boost::beast::tcp_stream m_stream;
    boost::beast::flat_buffer m_buffer;
    WebConnectionOwner& m_owner;
    WebLimits m_limits;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> m_parser;
    std::optional<boost::beast::websocket::stream<boost::beast::tcp_stream>> m_ws;
    OutgoingQueue m_queue;
    bool m_writing = false;
    bool m_closing = false; // close after the queue is written
    Clock::time_point m_closingSince;
    bool m_done = false; // closed by the host or reported to it: no more callbacks
};

} // namespace msb::classroom
