// SPDX-License-Identifier: MIT
// Light on the wire: browsers get the livelock lesson's real SVG frames (captured from the app,
// tests/data/classroom/livelock-frames.json) compressed with permessage-deflate, within the
// memory bounds the host sets; bytes are counted on the TCP socket, as the kernel saw them.
#include "app/classroom/classroom_host.h"
#include "app/classroom/frame_delta.h"
#include "app/classroom/frames_file.h"
#include "app/classroom/socket_bytes.h"
#include "app/classroom/stale_frames.h"
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
    std::map<int, std::string> svg; // rebuilt as the page does (deltas applied to the frames held)
    int deltas = 0;
    int unusable = 0; // a delta whose base was not held, or that did not apply
};

// What follow.js does with the messages: the same staleness rule and the same delta arrays.
void fold(Received& got, const json& message)
{
    const std::string type = message.value("type", "");
    if (const MessageTypeInfo* info = findMessageType(type))
        dropStaleFrames(got.svg, firstStaleFrame(info->type, message.value("index", 0)));
    if (type != "frame")
        return;
    const int position = message["position"].get<int>();
    if (message.contains("svg")) {
        got.svg[position] = message["svg"].get<std::string>();
        return;
    }
    ++got.deltas;
    const auto base = got.svg.find(message["base"].get<int>());
    auto rebuilt = base == got.svg.end() ? std::nullopt : applyLineDelta(base->second, message["delta"]);
    if (!rebuilt) {
        ++got.unusable;
        got.svg.erase(position);
        return;
    }
    got.svg[position] = std::move(*rebuilt);
}

/// Reads until the end, or until nothing comes for a while (then the mirror so far).
void readAll(WebSocketClient& client, Received& got, std::chrono::milliseconds quiet = 3s)
{
    while (auto message = client.read(quiet)) {
        got.payloadBytes += message->dump().size();
        fold(got, *message);
        if ((*message)["type"] == "end")
            break;
    }
}

bool helloWithDeltas(WebSocketClient& client)
{
    return client.sendText(R"({"type":"hello","protocol":"migration-sandbox-classroom","version":1,"code":"WIRE23",)"
                           R"("role":"web","frames":"delta"})");
}

const std::string& lessonFrame(int position)
{
    return lessonFrames().frames[static_cast<std::size_t>(position)];
}

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
    readAll(client, got);
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

TEST(ClassroomFrameDelta, EveryPairOfLessonFramesRebuildsExactlyAndNeighboursCostLittle)
{
    const auto& frames = lessonFrames().frames;
    std::size_t neighbourBytes = 0;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        for (std::size_t j = 0; j < frames.size(); ++j) {
            const json delta = makeLineDelta(frames[i], frames[j]);
            ASSERT_EQ(applyLineDelta(frames[i], delta), frames[j]) << i << " -> " << j;
            if (j == i + 1)
                neighbourBytes += delta.dump().size();
        }
    }
    // A step changes a few of ~850 lines: the delta is a few hundred bytes, not 50 KB.
    EXPECT_LT(neighbourBytes / (frames.size() - 1), 2000u);
    EXPECT_EQ(makeLineDelta(frames[3], frames[3]).dump(), "[[0," + std::to_string(splitLines(frames[3]).size()) + "]]");
}

TEST(ClassroomFrameDelta, EdgeCasesAndMalformedDeltas)
{
    for (const auto& [base, target] : std::vector<std::pair<std::string, std::string>> {{"", "<svg/>"}, {"<svg/>", ""},
             {"a\nb\nc", "a\nb\nc\n"}, {"same line\n", "same line\nsame line\nsame line"}, {"x\r\ny\r\n", "y\r\nx\r\n"},
             {"\n\n\n", "\n"}, {"<g>\u00e9\u2028</g>\n", "<g>\u00e9</g>\n"}}) {
        EXPECT_EQ(applyLineDelta(base, makeLineDelta(base, target)), target) << base << " -> " << target;
    }
    EXPECT_FALSE(applyLineDelta("a\nb\n", json::parse("[[1,2]]")));  // past the base's lines
    EXPECT_FALSE(applyLineDelta("a\nb\n", json::parse("[[-1,1]]"))); // negative
    EXPECT_FALSE(applyLineDelta("a\nb\n", json::parse("[[0]]")));
    EXPECT_FALSE(applyLineDelta("a\nb\n", json::parse("[1]")));
    EXPECT_FALSE(applyLineDelta("a\nb\n", json::parse("{}")));
    EXPECT_EQ(applyLineDelta("a\nb\n", json::parse(R"([[1,1],"c",[0,1]])")), "b\nca\n");
}

TEST(ClassroomWire, DeltasRebuildEveryFrameAndCutTheWireToAFewHundredBytesPerStep)
{
    ClassroomHost host(options());
    ASSERT_TRUE(host.start().ok());
    WebSocketClient client;
    ASSERT_TRUE(client.connect(host.port(), 3s, true));
    ASSERT_TRUE(helloWithDeltas(client));
    ASSERT_EQ(client.read().value()["type"], "welcome");
    const Received got = playLesson(host, client);
    ASSERT_EQ(got.svg.size(), lessonFrames().frames.size());
    for (const auto& [position, svg] : got.svg)
        EXPECT_EQ(svg, lessonFrame(position)) << position;
    EXPECT_EQ(got.deltas, 18); // every step's frame; the start's is sent whole
    EXPECT_EQ(got.unusable, 0);
    EXPECT_LT(got.wireBytes / 18, 2000u) << got.wireBytes << " bytes on the wire for 18 steps";
}

TEST(ClassroomWire, ALateJoinerAndAnUndoneStepStillRebuildTheRightFrames)
{
    ClassroomHost host(options());
    ASSERT_TRUE(host.start().ok());
    const auto steps = lessonSteps();
    host.publishSession(core::loadBuiltinScenario("two-faults").value(), core::findPreset("v5.11")->settings);
    host.publishFrame(0, lessonFrame(0));
    for (int i = 0; i < 10; ++i) {
        host.publishStep(steps[static_cast<std::size_t>(i)]);
        host.publishFrame(i + 1, lessonFrame(i + 1));
    }
    host.publishJump(6); // the teacher went back: a late joiner sees position 6 first

    WebSocketClient late;
    ASSERT_TRUE(late.connect(host.port(), 3s, true));
    ASSERT_TRUE(helloWithDeltas(late));
    Received got;
    const auto first = late.read();
    ASSERT_TRUE(first);
    ASSERT_EQ((*first)["type"], "welcome");
    for (int n = 0; n < 11; ++n) {
        const auto message = late.readUntilType("frame");
        ASSERT_TRUE(message) << n;
        if (n == 0) {
            EXPECT_EQ((*message)["position"], 6); // the teacher's position first, whole
            EXPECT_TRUE(message->contains("svg"));
        }
        fold(got, *message);
    }
    ASSERT_EQ(got.svg.size(), 11u);
    for (const auto& [position, svg] : got.svg)
        EXPECT_EQ(svg, lessonFrame(position)) << position;
    EXPECT_GE(got.deltas, 9); // 1..5 and 7..10 against their previous position
    EXPECT_EQ(got.unusable, 0);

    // The teacher redoes step 6 with the other thread: frames past 6 are stale on both sides, and
    // the new position 7 (here: the frame of position 9, as if the scene looked like that) must
    // rebuild from what the follower still holds.
    host.publishStep(StepEvent {6, 1 - steps[6].thread, steps[6].step, steps[6].hash});
    host.publishFrame(7, lessonFrame(9));
    host.publishEnd();
    readAll(late, got);
    EXPECT_EQ(got.unusable, 0);
    EXPECT_EQ(got.svg.count(8), 0u);
    ASSERT_EQ(got.svg.count(7), 1u);
    EXPECT_EQ(got.svg.at(7), lessonFrame(9));
}
