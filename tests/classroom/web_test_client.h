// SPDX-License-Identifier: MIT
// Test clients for the classroom host's browser side: a raw HTTP exchange and a WebSocket
// follower, both Beast on their own io_context driven from the test thread with a deadline per
// operation (io_context::run_for), so that a test never hangs on a host that does not answer.
#pragma once

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace msb::classroom::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using asio::ip::tcp;
using namespace std::chrono_literals;

/// Runs io until done is set or the timeout passes; false on timeout.
inline bool runUntil(asio::io_context& io, const bool& done, std::chrono::milliseconds timeout)
{
    io.restart();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done && std::chrono::steady_clock::now() < deadline) {
        if (io.run_one_for(deadline - std::chrono::steady_clock::now()) == 0 && io.stopped())
            io.restart();
    }
    return done;
}

struct HttpReply
{
    bool ok = false; // a whole response was read
    unsigned status = 0;
    http::response<http::string_body> response;
    bool closedAfter = false; // the host closed the connection after the answer
};

/// Sends raw request bytes and reads one response (and whether the host then closes).
inline HttpReply httpExchange(std::uint16_t port, const std::string& request, std::chrono::milliseconds timeout = 3s)
{
    asio::io_context io;
    tcp::socket socket(io);
    HttpReply reply;
    boost::system::error_code error;
    socket.connect({asio::ip::make_address("127.0.0.1"), port}, error);
    if (error)
        return reply;
    asio::write(socket, asio::buffer(request), error);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.skip(request.rfind("HEAD", 0) == 0); // a HEAD answer has headers only
    bool done = false;
    http::async_read(socket, buffer, parser, [&](const boost::system::error_code& e, std::size_t) {
        reply.ok = !e;
        done = true;
    });
    if (!runUntil(io, done, timeout) || !reply.ok)
        return reply;
    reply.response = parser.release();
    reply.status = reply.response.result_int();
    char byte = 0;
    done = false;
    socket.async_read_some(asio::buffer(&byte, 1), [&](const boost::system::error_code& e, std::size_t) {
        reply.closedAfter = e == asio::error::eof || e == asio::error::connection_reset;
        done = true;
    });
    runUntil(io, done, timeout);
    return reply;
}

class WebSocketClient
{
public:
    /// deflate: offer permessage-deflate as a browser does (Chrome: client_max_window_bits).
    bool connect(std::uint16_t port, std::chrono::milliseconds timeout = 3s, bool deflate = false)
    {
        boost::system::error_code error;
        m_ws.next_layer().connect({asio::ip::make_address("127.0.0.1"), port}, error);
        if (error)
            return false;
        if (deflate) {
            websocket::permessage_deflate offer;
            offer.client_enable = true;
            m_ws.set_option(offer);
        }
        bool done = false;
        m_ws.async_handshake(
            m_upgrade, "127.0.0.1:" + std::to_string(port), "/ws", [&](const boost::system::error_code& e) {
                error = e;
                done = true;
            });
        return runUntil(m_io, done, timeout) && !error;
    }

    /// The host's 101 answer (its Sec-WebSocket-Extensions says what was negotiated).
    const websocket::response_type& upgradeResponse() const { return m_upgrade; }
    int socketHandle() { return m_ws.next_layer().native_handle(); }

    bool sendText(const std::string& text, bool binary = false, std::chrono::milliseconds timeout = 3s)
    {
        bool done = false;
        boost::system::error_code error;
        m_ws.binary(binary);
        m_ws.async_write(asio::buffer(text), [&](const boost::system::error_code& e, std::size_t) {
            error = e;
            done = true;
        });
        return runUntil(m_io, done, timeout) && !error;
    }

    bool hello(const std::string& code)
    {
        return sendText(R"({"type":"hello","protocol":"migration-sandbox-classroom","version":1,"code":")" + code
            + R"(","role":"web"})");
    }

    /// The next message, or nothing on close, error or timeout (closed() tells which).
    std::optional<nlohmann::json> read(std::chrono::milliseconds timeout = 3s)
    {
        bool done = false;
        boost::system::error_code error;
        m_buffer.consume(m_buffer.size());
        m_ws.async_read(m_buffer, [&](const boost::system::error_code& e, std::size_t) {
            error = e;
            done = true;
        });
        if (!runUntil(m_io, done, timeout)) {
            m_ws.next_layer().cancel(); // the pending read completes with operation_aborted
            runUntil(m_io, done, 1s);
            return std::nullopt;
        }
        if (error) {
            m_closed = true;
            return std::nullopt;
        }
        return nlohmann::json::parse(beast::buffers_to_string(m_buffer.data()), nullptr, false);
    }

    /// Reads until a message of this type arrives (returned) or nothing more comes.
    std::optional<nlohmann::json> readUntilType(const std::string& type, std::chrono::milliseconds timeout = 3s)
    {
        while (auto message = read(timeout)) {
            if ((*message)["type"] == type)
                return message;
        }
        return std::nullopt;
    }

    bool closed() const { return m_closed; }
    /// Reads until the host closes the connection; false if it stays open past the timeout.
    bool waitClosed(std::chrono::milliseconds timeout = 3s)
    {
        while (read(timeout)) { }
        return m_closed;
    }

private:
    asio::io_context m_io;
    websocket::stream<tcp::socket> m_ws {m_io};
    websocket::response_type m_upgrade;
    beast::flat_buffer m_buffer;
    bool m_closed = false;
};

} // namespace msb::classroom::testing
