// SPDX-License-Identifier: MIT
// One browser connection of the classroom host (internal to ClassroomHost, io thread only): reads
// one bounded HTTP request with Beast, answers an embedded file or 4xx and closes, or upgrades
// "/ws" to a WebSocket that carries the protocol's JSON bodies as text messages, one per message,
// through a bounded queue. The host's HostProtocol decides everything else through the owner.
#pragma once

#include "app/classroom/host_link.h"
#include "app/classroom/web_deflate.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <memory>
#include <optional>
#include <string>

namespace msb::classroom {

struct WebLimits
{
    std::chrono::milliseconds handshakeTimeout {5000}; // the HTTP request and the WebSocket upgrade
    std::chrono::milliseconds idleTimeout {30000};
    std::size_t maxMessageBytes = kDefaultMaxFrameBytes;
    std::size_t maxQueuedFrames = 4096;
    std::size_t maxQueuedBytes = 8 * kDefaultMaxFrameBytes;
    WebDeflateOptions deflate;
};

class WebConnection final : public HostLink, public std::enable_shared_from_this<WebConnection>
{
public:
    /// stream has its deadline set (the handshake timeout from accept); buffer holds the bytes
    /// already read to tell HTTP from the native protocol.
    WebConnection(ConnectionId id, boost::beast::tcp_stream stream, boost::beast::flat_buffer buffer,
        HostLinkOwner& owner, const WebLimits& limits);

    void start();
    // A frame's 4-byte header is not sent: one WebSocket message per frame. AfterFlush ends with
    // a WebSocket close.
    bool send(const FramePtr& frame) override;
    void close(HostTransport::Close how) override;
    std::size_t queuedBytes() const override { return m_queue.bytes(); }
    bool closingSince(Clock::time_point& since) const override;
    bool open() const override;

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
    HostLinkOwner& m_owner;
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
