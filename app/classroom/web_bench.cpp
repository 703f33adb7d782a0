// SPDX-License-Identifier: MIT
#include "app/classroom/web_bench.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include <memory>

namespace msb::classroom {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using asio::ip::tcp;

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Frames (up to megabytes) start with their type; the other messages are small enough to parse.
bool isFrame(const std::string& body)
{
    return body.rfind(R"({"type":"frame")", 0) == 0;
}

struct Client : std::enable_shared_from_this<Client>
{
    Client(asio::io_context& io, WebBenchFollower& r, int& live)
        : ws(io)
        , result(r)
        , running(live)
    {
    }

    void start(const tcp::endpoint& endpoint, const std::string& code)
    {
        hello = R"({"type":"hello","protocol":"migration-sandbox-classroom","version":1,"code":")" + code
            + R"(","role":"web"})";
        host = "127.0.0.1:" + std::to_string(endpoint.port());
        ws.next_layer().async_connect(endpoint, [self = shared_from_this()](const boost::system::error_code& e) {
            if (e)
                return self->stop("connect: " + e.message());
            self->ws.async_handshake(self->host, "/ws", [self](const boost::system::error_code& e) {
                if (e)
                    return self->stop("handshake: " + e.message());
                self->ws.async_write(
                    asio::buffer(self->hello), [self](const boost::system::error_code& e, std::size_t) {
                        if (e)
                            return self->stop("hello: " + e.message());
                        self->read();
                    });
            });
        });
    }

    void read()
    {
        ws.async_read(buffer, [self = shared_from_this()](const boost::system::error_code& e, std::size_t n) {
            if (e)
                return self->stop("read: " + e.message());
            const std::int64_t at = nowNs();
            const std::string text = beast::buffers_to_string(self->buffer.data());
            self->buffer.consume(self->buffer.size());
            const auto body = isFrame(text) ? nlohmann::json::object() : nlohmann::json::parse(text, nullptr, false);
            const std::string type = isFrame(text) ? "frame" : body.is_object() ? body.value("type", "") : "";
            if (type != "welcome")
                self->result.bytesAfterWelcome += n;
            if (type == "step") {
                const int index = body.value("index", -1);
                auto& times = self->result.stepReceivedNs;
                if (index >= 0 && times.size() <= static_cast<std::size_t>(index))
                    times.resize(static_cast<std::size_t>(index) + 1, -1);
                if (index >= 0)
                    times[static_cast<std::size_t>(index)] = at;
            } else if (type == "end") {
                self->result.ended = true;
                return self->stop({});
            } else if (type == "refused") {
                return self->stop("refused: " + text);
            }
            self->read();
        });
    }

    void stop(const std::string& why)
    {
        if (stopped)
            return;
        stopped = true;
        result.error = why;
        boost::system::error_code ignored;
        ws.next_layer().close(ignored);
        --running;
    }

    websocket::stream<tcp::socket> ws;
    beast::flat_buffer buffer;
    WebBenchFollower& result;
    int& running;
    std::string hello;
    std::string host;
    bool stopped = false;
};

} // namespace

std::vector<WebBenchFollower> runWebBenchFollowers(
    std::uint16_t port, const std::string& code, int count, std::chrono::milliseconds timeout)
{
    asio::io_context io;
    std::vector<WebBenchFollower> results(static_cast<std::size_t>(count));
    int running = count;
    const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
    std::vector<std::shared_ptr<Client>> clients;
    for (auto& result : results) {
        clients.push_back(std::make_shared<Client>(io, result, running));
        clients.back()->start(endpoint, code);
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running > 0 && std::chrono::steady_clock::now() < deadline)
        io.run_one_for(std::chrono::milliseconds(100));
    for (auto& client : clients)
        client->stop("timeout"); // no-op for those that already stopped
    return results;
}

} // namespace msb::classroom
