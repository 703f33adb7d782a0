// SPDX-License-Identifier: MIT
#include "app/classroom/web_connection.h"

#include "app/classroom/http_routes.h"

#include <algorithm>

namespace msb::classroom {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

namespace {

// A request line and headers fit in 8 KiB (browsers send about 1 KiB); GET has no body.
constexpr std::uint32_t kMaxHeaderBytes = 8 * 1024;
constexpr std::uint64_t kMaxBodyBytes = 1024;

// Beast 1.74 has its own string_view.
std::string_view view(beast::string_view text)
{
    return {text.data(), text.size()};
}
beast::string_view view(std::string_view text)
{
    return {text.data(), text.size()};
}

} // namespace

WebConnection::WebConnection(
    ConnectionId id, beast::tcp_stream stream, beast::flat_buffer buffer, HostLinkOwner& owner, const WebLimits& limits)
    : m_id(id)
    , m_stream(std::move(stream))
    , m_buffer(std::move(buffer))
    , m_owner(owner)
    , m_limits(limits)
    , m_queue(limits.maxQueuedFrames, limits.maxQueuedBytes)
{
}

void WebConnection::start()
{
    m_parser.emplace();
    m_parser->header_limit(kMaxHeaderBytes);
    m_parser->body_limit(kMaxBodyBytes);
    // The stream's deadline (the handshake timeout since accept) still runs: a client that
    // trickles its request (slowloris) is cut off by it.
    http::async_read(m_stream, m_buffer, *m_parser,
        [self = shared_from_this()](const boost::system::error_code& error, std::size_t) { self->onRequest(error); });
}

void WebConnection::onRequest(const boost::system::error_code& error)
{
    if (m_done)
        return;
    if (error) {
        const bool malformed = &error.category() == &http::make_error_code(http::error::bad_target).category()
            && error != http::error::end_of_stream && error != http::error::partial_message;
        if (malformed)
            answer(11, false, {}, 400, "text/plain; charset=utf-8", "bad request\n");
        else
            finish(error == beast::error::timeout ? "HTTP request timeout" : "HTTP read: " + error.message());
        return;
    }
    const Request& request = m_parser->get();
    const HttpRoute route =
        routeHttpRequest(view(request.method_string()), view(request.target()), websocket::is_upgrade(request));
    const bool head = request.method() == http::verb::head;
    const std::string_view host = view(request[http::field::host]);
    switch (route.kind) {
    case HttpRoute::Kind::WebSocket:
        upgrade(request);
        return;
    case HttpRoute::Kind::File:
        answer(request.version(), head, host, 200, web::contentTypeFor(route.file->name), route.file->bytes);
        return;
    default: {
        const std::string text =
            std::string(view(http::obsolete_reason(static_cast<http::status>(route.status())))) + "\n";
        answer(request.version(), head, host, route.status(), "text/plain; charset=utf-8", text);
        return;
    }
    }
}

void WebConnection::answer(unsigned version, bool head, std::string_view host, unsigned status,
    std::string_view contentType, std::string_view body)
{
    auto response = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(status), version);
    response->set(http::field::server, "migration-sandbox");
    response->set(http::field::content_type, view(contentType));
    response->set(http::field::cache_control, "no-cache");
    response->set("X-Content-Type-Options", "nosniff");
    response->set("Content-Security-Policy", contentSecurityPolicy(host));
    response->set("Referrer-Policy", "no-referrer");
    if (status == 405)
        response->set(http::field::allow, "GET, HEAD");
    if (status == 426)
        response->set(http::field::upgrade, "websocket");
    // One request per connection: nothing lingers past its answer.
    response->keep_alive(false);
    if (!head)
        response->body().assign(body.data(), body.size());
    response->prepare_payload();
    if (head)
        response->content_length(body.size());
    m_stream.expires_after(m_limits.handshakeTimeout); // a reader as slow as a slowloris writer is cut off too
    http::async_write(m_stream, *response,
        [self = shared_from_this(), response](const boost::system::error_code& error, std::size_t) {
            self->finish(
                error ? "HTTP write: " + error.message() : "answered " + std::to_string(response->result_int()));
        });
}

void WebConnection::upgrade(const Request& request)
{
    m_stream.expires_never(); // from here on the WebSocket's own timeouts apply
    m_ws.emplace(std::move(m_stream));
    websocket::stream_base::timeout timeouts {};
    timeouts.handshake_timeout = m_limits.handshakeTimeout;
    timeouts.idle_timeout = m_limits.idleTimeout;
    timeouts.keep_alive_pings = true; // a ping at half the idle time; a browser answers it
    m_ws->set_option(timeouts);
    m_ws->set_option(websocket::stream_base::decorator(
        [](websocket::response_type& response) { response.set(http::field::server, "migration-sandbox"); }));
    if (m_limits.deflate.enabled) {
        // Negotiated only if the browser offers it (every current one does); bounded per
        // connection (web_deflate.h).
        websocket::permessage_deflate deflate;
        deflate.server_enable = true;
        // Clamped to what RFC 7692 and zlib allow (Beast asserts on anything else).
        deflate.server_max_window_bits = std::clamp(m_limits.deflate.windowBits, 9, 15);
        deflate.client_max_window_bits = clientWindowBitsFor(view(request[http::field::sec_websocket_extensions]));
        deflate.server_no_context_takeover = !m_limits.deflate.contextTakeover;
        deflate.compLevel = std::clamp(m_limits.deflate.compLevel, 0, 9);
        deflate.memLevel = std::clamp(m_limits.deflate.memLevel, 1, 9);
        m_ws->set_option(deflate);
    }
    m_ws->read_message_max(m_limits.maxMessageBytes);
    m_ws->auto_fragment(false);
    m_ws->control_callback([this](websocket::frame_type kind, beast::string_view) {
        if (kind == websocket::frame_type::pong && !m_done)
            m_owner.linkAlive(m_id);
    });
    m_ws->async_accept(request, [self = shared_from_this()](const boost::system::error_code& error) {
        if (self->m_done)
            return;
        if (error) {
            self->finish("WebSocket upgrade: " + error.message());
            return;
        }
        self->m_buffer.consume(self->m_buffer.size());
        self->m_owner.linkUpgraded(self->m_id);
        if (!self->m_done)
            self->readMessage();
    });
}

void WebConnection::readMessage()
{
    m_ws->async_read(m_buffer, [self = shared_from_this()](const boost::system::error_code& error, std::size_t) {
        if (self->m_done)
            return;
        if (error) {
            self->finish(error == websocket::error::closed ? "the browser closed the connection"
                                                           : "WebSocket read: " + error.message());
            return;
        }
        if (!self->m_ws->got_text()) {
            self->finish("binary WebSocket message");
            return;
        }
        const std::string body = beast::buffers_to_string(self->m_buffer.data());
        self->m_buffer.consume(self->m_buffer.size());
        self->m_owner.linkMessage(self->m_id, body);
        if (!self->m_done)
            self->readMessage();
    });
}

bool WebConnection::send(const FramePtr& frame)
{
    if (m_done || !m_ws || !m_queue.push(frame))
        return false;
    if (!m_writing)
        writeNext();
    return true;
}

void WebConnection::writeNext()
{
    m_writing = true;
    const FramePtr frame = m_queue.front(); // keeps the bytes alive during the write
    m_ws->text(true);
    m_ws->async_write(asio::buffer(frame->data() + kFrameHeaderBytes, frame->size() - kFrameHeaderBytes),
        [self = shared_from_this(), frame](const boost::system::error_code& error, std::size_t) {
            self->m_writing = false;
            if (self->m_queue.empty())
                return; // dropped meanwhile (shutdown() cleared the queue)
            if (error) {
                self->finish("WebSocket write: " + error.message());
                return;
            }
            self->m_queue.pop();
            if (!self->m_queue.empty())
                self->writeNext();
            else if (self->m_closing)
                self->closeWebSocket();
            else if (!self->m_done)
                self->m_owner.linkDrained(self->m_id);
        });
}

void WebConnection::close(HostTransport::Close how)
{
    m_done = true;
    if (how == HostTransport::Close::Now || !m_ws) {
        shutdown();
        return;
    }
    m_closing = true;
    m_closingSince = Clock::now();
    if (!m_writing)
        closeWebSocket();
}

bool WebConnection::closingSince(Clock::time_point& since) const
{
    since = m_closingSince;
    return m_closing;
}

bool WebConnection::open() const
{
    return m_ws ? beast::get_lowest_layer(*m_ws).socket().is_open() : m_stream.socket().is_open();
}

void WebConnection::closeWebSocket()
{
    m_ws->async_close(websocket::close_code::normal,
        [self = shared_from_this()](const boost::system::error_code&) { self->shutdown(); });
}

void WebConnection::finish(const std::string& reason)
{
    shutdown();
    if (m_done)
        return;
    m_done = true;
    m_owner.linkClosed(m_id, reason);
}

void WebConnection::shutdown()
{
    m_queue.clear();
    auto& socket = m_ws ? beast::get_lowest_layer(*m_ws).socket() : m_stream.socket();
    boost::system::error_code ignored;
    socket.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
}

} // namespace msb::classroom
