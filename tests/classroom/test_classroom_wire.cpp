// SPDX-License-Identifier: MIT
// Light on the wire: browsers get the livelock lesson's real SVG frames (captured from the app,
// tests/data/classroom/livelock-frames.json) compressed with permessage-deflate, within the
// memory bounds the host sets; bytes are counted on the TCP socket, as the kernel saw them.
#include "app/classroom/classroom_host.h"
#include "app/classroom/frames_file.h"
#include "app/classroom/socket_bytes.h"
#include "core/builtin_scenarios.h"
#include "core/simulator.h"
#include "web_test_client.h"

#include <gtest/gtest.h>

#include <thread>

using namespace msb::classroom;
using namespace msb::classroom::testing;
namespace core = msb::core;
using nlohmann::json;

namespace {

const FramesFile& lessonFrames()
{
    static const FramesFile file =
        loadFramesFile(std::string(MSB_TEST_DATA_DIR) + "/classroom/livelock-frames.json").value();
    return file;
}

// The livelock lesson's 18 steps (the v5.11 round of two-faults).
std::vector<StepEvent> lessonSteps()
{
    static const int round[] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1};
    core::Simulator sim(core::loadBuiltinScenario("two-faults").value(), core::findPreset("v5.11")->settings);
    std::vector<StepEvent> steps;
    for (int i = 0; i < 18; ++i) {
        const auto record = sim.step(round[i]).value();
        steps.push_back({i, round[i], record.id, record.hash});
    }
    return steps;
}

HostOptions options()
{
    HostOptions o;
    o.code = "WIRE23";
    return o;
}

std::string header(const WebSocketClient& client, boost::beast::http::field field)
{
    const auto value = client.upgradeResponse()[field];
    return std::string(value.data(), value.size());
}

struct Received
{
    std::size_t payloadBytes = 0;
    std::uint64_t wireBytes = 0;
    std::map<int, std::string> svg;
};

// Publishes the lesson (session, the start's frame, each step and its frame) to a joined client
// and reads everything up to the end.
Received playLesson(ClassroomHost& host, WebSocketClient& client)
{
    Received got;
    const std::uint64_t before = tcpBytesReceived(client.socketHandle());
    host.publishSession(core::loadBuiltinScenario("two-faults").value(), core::findPreset("v5.11")->settings);
    host.publishFrame(0, lessonFrames().frames[0]);
    for (const StepEvent& step : lessonSteps()) {
        host.publishStep(step);
        host.publishFrame(step.index + 1, lessonFrames().frames[static_cast<std::size_t>(step.index + 1)]);
    }
    host.publishEnd();
    while (auto message = client.read()) {
        got.payloadBytes += message->dump().size();
        if ((*message)["type"] == "frame")
            got.svg[(*message)["position"].get<int>()] = (*message)["svg"].get<std::string>();
        if ((*message)["type"] == "end")
            break;
    }
    got.wireBytes = tcpBytesReceived(client.socketHandle()) - before;
    return got;
}

} // namespace

TEST(ClassroomWire, DeflateIsNegotiatedWithItsMemoryBoundsAndTheWireCarriesAFractionOfThePayload)
{
    ClassroomHost host(options());
    ASSERT_TRUE(host.start().ok());
    WebSocketClient client;
    ASSERT_TRUE(client.connect(host.port(), 3s, true));
    const std::string extensions = header(client, boost::beast::http::field::sec_websocket_extensions);
    EXPECT_NE(extensions.find("permessage-deflate"), std::string::npos) << extensions;
    // The defaults of WebDeflateOptions: a 4 KiB window, and a 512-byte one for what the browser sends.
    EXPECT_NE(extensions.find("server_max_window_bits=12"), std::string::npos) << extensions;
    EXPECT_NE(extensions.find("client_max_window_bits=9"), std::string::npos) << extensions;
    EXPECT_EQ(deflateBytesPerConnection(WebDeflateOptions {}), 4u * 4096 + 4096);
    ASSERT_TRUE(client.hello("WIRE23"));
    ASSERT_EQ(client.read().value()["type"], "welcome");

    const Received got = playLesson(host, client);
    ASSERT_EQ(got.svg.size(), lessonFrames().frames.size());
    for (const auto& [position, svg] : got.svg)
        EXPECT_EQ(svg, lessonFrames().frames[static_cast<std::size_t>(position)]) << position;
    EXPECT_GT(got.payloadBytes, 18u * 40000);
    EXPECT_LT(got.wireBytes * 4, got.payloadBytes) << got.wireBytes << " on the wire for " << got.payloadBytes;
    EXPECT_LT(got.wireBytes / 18, 10u * 1024) << "the goal: at most 10 KB per step per browser";
}

TEST(ClassroomWire, WithoutDeflateOrWithoutAnOfferTheMessagesGoPlain)
{
    HostOptions plain = options();
    plain.webDeflate.enabled = false;
    ClassroomHost host(plain);
    ASSERT_TRUE(host.start().ok());
    WebSocketClient client;
    ASSERT_TRUE(client.connect(host.port(), 3s, true)); // offered, but the host does not take it
    EXPECT_EQ(header(client, boost::beast::http::field::sec_websocket_extensions), "");
    ASSERT_TRUE(client.hello("WIRE23"));
    ASSERT_EQ(client.read().value()["type"], "welcome");
    const Received got = playLesson(host, client);
    EXPECT_EQ(got.svg.size(), lessonFrames().frames.size());
    EXPECT_GE(got.wireBytes, got.payloadBytes);
}

TEST(ClassroomWire, AnOfferWithoutClientWindowBitsStillGetsDeflateWithTheDefaultClientWindow)
{
    // Firefox offers plain "permessage-deflate": RFC 7692 then leaves the client's window at 2^15,
    // and the host must not answer a client_max_window_bits it was not offered.
    ClassroomHost host(options());
    ASSERT_TRUE(host.start().ok());
    const HttpReply reply = httpExchange(host.port(),
        "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n",
        300ms);
    ASSERT_TRUE(reply.ok);
    EXPECT_EQ(reply.status, 101u);
    const auto extensions = reply.response[boost::beast::http::field::sec_websocket_extensions];
    EXPECT_EQ(std::string(extensions.data(), extensions.size()), "permessage-deflate; server_max_window_bits=12");
}
