// SPDX-License-Identifier: MIT
#include "app/classroom/web_bench.h"

#include "app/classroom/frame_delta.h"
#include "app/classroom/socket_bytes.h"
#include "app/classroom/stale_frames.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include <charconv>
#include <memory>
#include <optional>

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

// Frames (tens of KB) start with their type and position; the other messages are small enough to parse.
bool isFrame(const std::string& body)
{
    return body.rfind(R"({"type":"frame","position":)", 0) == 0;
}

int framePosition(const std::string& body)
{
    const std::size_t at = std::char_traits<char>::length(R"({"type":"frame","position":)");
    int position = -1;
    std::from_chars(body.data() + at, body.data() + body.size(), position);
    return position;
}

void stamp(std::vector<std::int64_t>& times, int index, std::int64_t at)
{
    if (index < 0)
        return;
    if (times.size() <= static_cast<std::size_t>(index))
        times.resize(static_cast<std::size_t>(index) + 1, -1);
    times[static_cast<std::size_t>(index)] = at;
}

struct Client : std::enable_shared_from_this<Client>
{
    Client(asio::io_context& io, const WebBenchOptions& o, WebBenchFollower& r, int& live, bool verify)
        : ws(io)
        , delay(io)
        , options(o)
        , result(r)
        , running(live)
        , rebuild(verify || o.keepFrames)
        , verifying(verify)
    {
    }

    void start(const tcp::endpoint& endpoint, std::chrono::milliseconds after)
    {
        hello = R"({"type":"hello","protocol":"migration-sandbox-classroom","version":1,"code":")" + options.code
            + R"(","role":"web")" + (options.deltas ? R"(,"frames":"delta"})" : "}");
        host = options.host + ":" + std::to_string(endpoint.port());
        if (options.deflate) {
            websocket::permessage_deflate offer;
            offer.client_enable = true; // Beast offers client_max_window_bits, as Chrome does
            ws.set_option(offer);
        }
        delay.expires_after(after);
        delay.async_wait([self = shared_from_this(), endpoint](const boost::system::error_code&) {
            self->ws.next_layer().async_connect(endpoint, [self](const boost::system::error_code& e) {
                if (e)
                    return self->stop("connect: " + e.message());
                self->handshake();
            });
        });
    }

    void handshake()
    {
        ws.async_handshake(upgrade, host, "/ws", [self = shared_from_this()](const boost::system::error_code& e) {
            if (e)
                return self->stop("handshake: " + e.message());
            const auto extensions = self->upgrade[beast::http::field::sec_websocket_extensions];
            self->result.deflateNegotiated = extensions.find("permessage-deflate") != beast::string_view::npos;
            self->ws.async_write(asio::buffer(self->hello), [self](const boost::system::error_code& e, std::size_t) {
                if (e)
                    return self->stop("hello: " + e.message());
                self->read();
            });
        });
    }

    void read()
    {
        ws.async_read(buffer, [self = shared_from_this()](const boost::system::error_code& e, std::size_t n) {
            if (e)
                return self->stop("read: " + e.message());
            self->received(n);
        });
    }

    void received(std::size_t n)
    {
        const std::int64_t at = nowNs();
        std::string text = beast::buffers_to_string(buffer.data());
        buffer.consume(buffer.size());
        if (isFrame(text)) {
            result.bytesAfterWelcome += n;
            ++result.frames;
            const int position = framePosition(text);
            stamp(result.frameReceivedNs, position, at);
            if (text.find(R"(,"base":)") != std::string::npos)
                ++result.deltaFrames;
            if (rebuild)
                keep(text);
            if (wantedFramesArrived())
                return stop({});
            return read();
        }
        const auto body = nlohmann::json::parse(text, nullptr, false);
        const std::string type = body.is_object() ? body.value("type", "") : "";
        if (type == "welcome") {
            wireAtWelcome = tcpBytesReceived(ws.next_layer().native_handle());
            welcomed = true;
        } else {
            result.bytesAfterWelcome += n;
        }
        const int stepIndex = type == "step" ? body.value("index", -1) : 0;
        if (const MessageTypeInfo* info = findMessageType(type))
            dropStaleFrames(held, firstStaleFrame(info->type, stepIndex)); // as the page does
        if (type == "step") {
            stamp(result.stepReceivedNs, stepIndex, at);
        } else if (type == "end") {
            result.ended = true;
            return stop({});
        } else if (type == "refused") {
            return stop("refused: " + text);
        }
        read();
    }

    // Rebuilds the frame as the page does: a full one replaces, a delta applies to the base held.
    void keep(const std::string& text)
    {
        const auto body = nlohmann::json::parse(text, nullptr, false);
        const int position = body.is_object() ? body.value("position", -1) : -1;
        std::optional<std::string> content;
        if (position < 0) {
        } else if (body.contains("svg") && body["svg"].is_string()) {
            content = body["svg"].get<std::string>();
        } else if (body.contains("text") && body["text"].is_string()) {
            content = body["text"].get<std::string>();
        } else if (body.contains("base") && body["base"].is_number_integer()) {
            if (const auto base = held.find(body["base"].get<int>()); base != held.end())
                content = applyLineDelta(base->second, body.value("delta", nlohmann::json()));
        }
        if (!content) {
            ++result.framesWrong;
            return;
        }
        if (verifying) {
            const std::string* expected = options.expectedFrame ? options.expectedFrame(position) : nullptr;
            if (expected && *expected == *content)
                ++result.framesVerified;
            else
                ++result.framesWrong;
        }
        if (options.keepFrames)
            result.frameContent[position] = *content;
        held[position] = std::move(*content);
    }

    bool wantedFramesArrived() const
    {
        if (options.stopAtPositions < 0
            || result.frameReceivedNs.size() <= static_cast<std::size_t>(options.stopAtPositions))
            return false;
        for (int p = 0; p <= options.stopAtPositions; ++p) {
            if (result.frameReceivedNs[static_cast<std::size_t>(p)] < 0)
                return false;
        }
        return true;
    }

    void stop(const std::string& why)
    {
        if (stopped)
            return;
        stopped = true;
        result.error = why;
        if (welcomed)
            result.wireBytesAfterWelcome = tcpBytesReceived(ws.next_layer().native_handle()) - wireAtWelcome;
        boost::system::error_code ignored;
        delay.cancel();
        ws.next_layer().close(ignored);
        --running;
    }

    websocket::stream<tcp::socket> ws;
    asio::steady_timer delay;
    websocket::response_type upgrade;
    beast::flat_buffer buffer;
    const WebBenchOptions& options;
    WebBenchFollower& result;
    int& running;
    std::string hello;
    std::string host;
    const bool rebuild;
    const bool verifying;
    std::map<int, std::string> held; // rebuilt frames by position
    std::uint64_t wireAtWelcome = 0;
    bool welcomed = false;
    bool stopped = false;
};

} // namespace

std::vector<WebBenchFollower> runWebBenchFollowers(const WebBenchOptions& options)
{
    asio::io_context io;
    std::vector<WebBenchFollower> results(static_cast<std::size_t>(options.followers));
    int running = options.followers;
    boost::system::error_code error;
    const auto address = asio::ip::make_address(options.host, error);
    if (error) {
        for (auto& r : results)
            r.error = "bad address " + options.host;
        return results;
    }
    const tcp::endpoint endpoint(address, options.port);
    std::vector<std::shared_ptr<Client>> clients;
    for (int i = 0; i < options.followers; ++i) {
        const bool verify = options.verifyEvery > 0 && i % options.verifyEvery == 0;
        clients.push_back(std::make_shared<Client>(io, options, results[static_cast<std::size_t>(i)], running, verify));
        clients.back()->start(endpoint, options.connectSpread * i / std::max(options.followers, 1));
    }
    const auto deadline = std::chrono::steady_clock::now() + options.timeout;
    while (running > 0 && std::chrono::steady_clock::now() < deadline)
        io.run_one_for(std::chrono::milliseconds(100));
    for (auto& client : clients)
        client->stop("timeout"); // no-op for those that already stopped
    return results;
}

} // namespace msb::classroom
