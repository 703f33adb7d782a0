// SPDX-License-Identifier: MIT
#include "web_follower_client.h"

#include "app/classroom/messages.h"
#include "app/classroom/session_state.h"
#include "app/classroom/stale_frames.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include <mutex>
#include <thread>

namespace msb::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

struct WebFollowerClient::Impl
{
    net::io_context io;
    beast::websocket::stream<tcp::socket> ws {io};
    beast::flat_buffer buffer;
    std::thread thread;
    mutable std::mutex mutex;
    View view;
    classroom::SessionState state;

    void fold(const std::string& text)
    {
        const auto json = nlohmann::json::parse(text, nullptr, false);
        std::lock_guard lock(mutex);
        if (json.is_object() && json.value("type", "") == "frame") {
            const int position = json.value("position", -1);
            view.frames[position] =
                json.contains("svg") ? "svg:" + json.value("svg", "") : "text:" + json.value("text", "");
            view.frameLayouts[position] = json.value("layout", "");
            return;
        }
        const auto decoded = classroom::decodeMessage(text);
        if (!decoded.ok()) {
            ++view.ignored;
            return;
        }
        const classroom::Message& message = decoded.value();
        if (const auto* welcome = std::get_if<classroom::msg::Welcome>(&message)) {
            state.reset(welcome->snapshot);
            view.welcomed = true;
        } else if (const auto* reply = std::get_if<classroom::msg::SnapshotReply>(&message)) {
            state.reset(reply->snapshot);
        } else if (const auto* refused = std::get_if<classroom::msg::Refused>(&message)) {
            view.refusal = std::string(classroom::refusalName(refused->why));
        } else if (classroom::isSessionEvent(message)) {
            if (!state.apply(message))
                ++view.ignored;
            classroom::dropStaleFrames(view.frames, classroom::firstStaleFrame(message)); // as the page does
        }
        view.mirror = state.snapshot();
    }

    void readLoop()
    {
        ws.async_read(buffer, [this](beast::error_code ec, std::size_t) {
            if (ec) {
                std::lock_guard lock(mutex);
                view.closed = true;
                return;
            }
            fold(beast::buffers_to_string(buffer.data()));
            buffer.consume(buffer.size());
            readLoop();
        });
    }
};

WebFollowerClient::WebFollowerClient(
    const std::string& host, std::uint16_t port, const std::string& code, const std::string& layout)
    : m_impl(std::make_unique<Impl>())
{
    Impl& impl = *m_impl;
    impl.thread = std::thread([&impl, host, port, code, layout] {
        try {
            tcp::resolver resolver(impl.io);
            net::connect(impl.ws.next_layer(), resolver.resolve(host, std::to_string(port)));
            impl.ws.handshake(host + ":" + std::to_string(port), "/ws");
            impl.ws.text(true);
            nlohmann::json hello = {{"type", "hello"}, {"protocol", classroom::kProtocolName},
                {"version", classroom::kProtocolVersion}, {"code", code}, {"role", "web"}};
            if (!layout.empty())
                hello["layout"] = layout;
            impl.ws.write(net::buffer(hello.dump()));
            impl.readLoop();
            impl.io.run();
        } catch (const std::exception&) {
            std::lock_guard lock(impl.mutex);
            impl.view.closed = true;
        }
    });
}

WebFollowerClient::~WebFollowerClient()
{
    net::post(m_impl->io, [impl = m_impl.get()] {
        beast::error_code ignored;
        impl->ws.next_layer().close(ignored);
    });
    m_impl->thread.join();
}

WebFollowerClient::View WebFollowerClient::view() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->view;
}

} // namespace msb::testing
