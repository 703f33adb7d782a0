// SPDX-License-Identifier: MIT
// Web followers in the host protocol, without sockets: the "web" role, frames cached for late
// joiners and paced by the transport's queue, the staleness rule, text frames, counts by kind.
#include "app/classroom/frame_cache.h"
#include "app/classroom/host_protocol.h"
#include "app/classroom/text_frames.h"
#include "core/builtin_scenarios.h"
#include "core/simulator.h"
#include "livelock_steps.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

using namespace msb::classroom;
namespace core = msb::core;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

using test::twoFaults;

std::vector<StepEvent> steps(int count)
{
    return test::livelockSteps(count);
}

// Records what each connection was sent as JSON bodies; queuedBytes is what the test says.
struct RecordingTransport : HostTransport
{
    std::map<ConnectionId, std::vector<json>> sent;
    std::map<ConnectionId, std::string> closedWhy;
    std::map<ConnectionId, std::size_t> queued;
    bool send(ConnectionId id, const FramePtr& frame) override
    {
        sent[id].push_back(json::parse(frame->substr(kFrameHeaderBytes)));
        queued[id] += frame->size();
        return true;
    }
    void close(ConnectionId id, const std::string& reason, Close) override { closedWhy[id] = reason; }
    std::size_t queuedBytes(ConnectionId id) const override
    {
        const auto it = queued.find(id);
        return it == queued.end() ? 0 : it->second;
    }
    std::vector<std::string> types(ConnectionId id)
    {
        std::vector<std::string> out;
        for (const auto& body : sent[id])
            out.push_back(body["type"]);
        return out;
    }
};

struct ClassroomWebProtocol : ::testing::Test
{
    RecordingTransport transport;
    HostProtocolOptions options = [] {
        HostProtocolOptions o;
        o.code = "QWE234";
        o.sessionId = "s1";
        return o;
    }();
    Clock::time_point t0 = Clock::now();

    static std::string hello(std::string_view role, std::string_view code = "QWE234")
    {
        return R"({"type":"hello","protocol":"migration-sandbox-classroom","version":1,"code":")" + std::string(code)
            + R"(","role":")" + std::string(role) + R"("})";
    }
};

} // namespace

TEST_F(ClassroomWebProtocol, WebFollowersGetWelcomeCachedFramesThenLiveFramesNativeOnesNever)
{
    HostProtocol host(options, transport);
    host.connected(1, t0, "native", FollowerKind::Native);
    const std::string nativeHello = encodeFrame(hello("follower"));
    host.received(1, nativeHello.data(), nativeHello.size(), t0);
    ASSERT_TRUE(host.publish(msg::Session {twoFaults(), core::findPreset("v5.11")->settings}, t0));
    const auto round = steps(3);
    for (const auto& step : round) {
        ASSERT_TRUE(host.publish(step, t0));
        host.publishFrame(step.index + 1, FrameFormat::Svg, "<svg id='p" + std::to_string(step.index + 1) + "'/>", t0);
    }
    ASSERT_TRUE(host.publish(msg::Jump {1}, t0));

    host.connected(2, t0, "web 1.2.3.4:5", FollowerKind::Web);
    host.receivedMessage(2, hello("web"), t0);
    EXPECT_EQ(host.followerCount(FollowerKind::Web), 1);
    EXPECT_EQ(host.followerCount(FollowerKind::Native), 1);
    // welcome, then the teacher's position first, then the other cached frames in order.
    ASSERT_EQ(transport.types(2), (std::vector<std::string> {"welcome", "frame", "frame", "frame"}));
    EXPECT_EQ(transport.sent[2][0]["snapshot"]["position"], 1);
    EXPECT_EQ(transport.sent[2][1]["position"], 1);
    EXPECT_EQ(transport.sent[2][2]["position"], 2);
    EXPECT_EQ(transport.sent[2][3]["svg"], "<svg id='p3'/>");

    host.publishFrame(0, FrameFormat::Svg, "<svg/>", t0);
    EXPECT_EQ(transport.types(2).back(), "frame");
    for (const auto& body : transport.sent[1])
        EXPECT_NE(body["type"], "frame") << "a native follower was sent a frame";
    EXPECT_TRUE(transport.closedWhy.empty());
}

TEST_F(ClassroomWebProtocol, RolesMustFitTheConnectionAndTheCodeComesFirst)
{
    HostProtocol host(options, transport);
    host.connected(1, t0, "web a", FollowerKind::Web);
    host.receivedMessage(1, hello("web", "WRONG1"), t0);
    ASSERT_EQ(transport.types(1), (std::vector<std::string> {"refused"}));
    EXPECT_EQ(transport.sent[1][0]["why"], "code");
    host.connected(2, t0, "web b", FollowerKind::Web);
    host.receivedMessage(2, hello("follower"), t0); // a native hello over WebSocket
    EXPECT_EQ(transport.sent[2][0]["why"], "protocol");
    host.connected(3, t0, "web c", FollowerKind::Web);
    host.receivedMessage(3, hello("web"), t0);
    host.receivedMessage(3, R"({"type":"jump","position":0})", t0);
    EXPECT_EQ(transport.sent[3].back()["why"], "read-only");
    EXPECT_EQ(transport.closedWhy.size(), 3U);
    EXPECT_EQ(host.followerCount(), 0);
}

TEST_F(ClassroomWebProtocol, CatchUpIsPacedByTheQueueAndStaleFramesAreDropped)
{
    options.catchUpQueueBytes = 1; // one frame per drained queue
    HostProtocol host(options, transport);
    ASSERT_TRUE(host.publish(msg::Session {twoFaults(), core::findPreset("v5.11")->settings}, t0));
    for (const auto& step : steps(4)) {
        ASSERT_TRUE(host.publish(step, t0));
        host.publishFrame(step.index + 1, FrameFormat::Svg, "<svg/>", t0);
    }
    EXPECT_EQ(host.frames().size(), 4U);
    host.connected(1, t0, "web", FollowerKind::Web);
    host.receivedMessage(1, hello("web"), t0);
    EXPECT_EQ(transport.types(1).size(), 1U); // the welcome filled the queue
    for (int i = 0; i < 4; ++i) {
        transport.queued[1] = 0;
        host.drained(1, t0);
    }
    EXPECT_EQ(transport.types(1).size(), 5U);
    host.drained(1, t0);
    EXPECT_EQ(transport.types(1).size(), 5U); // nothing left to catch up on

    // Back to position 2 and a step: frames past index 2 are stale.
    ASSERT_TRUE(host.publish(msg::Jump {2}, t0));
    ASSERT_TRUE(host.publish(StepEvent {2, 1, steps(3)[2].step, 0}, t0));
    EXPECT_EQ(host.frames().positionsFrom(0), (std::vector<int> {1, 2}));
    ASSERT_TRUE(host.publish(msg::SettingsChange {core::findPreset("v6.1")->settings}, t0));
    EXPECT_EQ(host.frames().size(), 0U);
}

TEST_F(ClassroomWebProtocol, TextFramesFollowTheSessionWhenNoRendererSuppliesThem)
{
    options.textFrames = true;
    HostProtocol host(options, transport);
    host.connected(1, t0, "web", FollowerKind::Web);
    host.receivedMessage(1, hello("web"), t0);
    ASSERT_TRUE(host.publish(msg::Session {twoFaults(), core::findPreset("v5.11")->settings}, t0));
    const auto round = steps(2);
    for (const auto& step : round)
        ASSERT_TRUE(host.publish(step, t0));
    const auto& sent = transport.sent[1];
    ASSERT_EQ(sent.back()["type"], "frame");
    EXPECT_EQ(sent.back()["position"], 2);
    const std::string text = sent.back()["text"];
    EXPECT_NE(text.find("two-faults"), std::string::npos) << text;
    EXPECT_NE(text.find("after 2 steps"), std::string::npos) << text;
    EXPECT_NE(text.find("page_count(D0)=3"), std::string::npos) << text; // M1 took a reference
    EXPECT_NE(text.find("PTL: T1"), std::string::npos) << text;
    EXPECT_EQ(host.frames().size(), 3U); // positions 0, 1, 2
}

TEST(ClassroomFrameCache, BoundedKeepingTheFramesNearTheTeacher)
{
    FrameCache cache(300);
    for (int p = 0; p < 10; ++p)
        cache.put(p, FrameFormat::Text, std::string(50, 'x'), 5);
    EXPECT_LE(cache.bytes(), 300U);
    EXPECT_TRUE(cache.contains(5));
    EXPECT_FALSE(cache.contains(0));
    cache.put(4, FrameFormat::Text, std::string(1000, 'x'), 5); // too large: not kept
    EXPECT_FALSE(cache.contains(4));
    const std::string invalidUtf8 = "\xff\xfe<svg/>";
    const auto frame = encodeWebFrame(1, FrameFormat::Svg, invalidUtf8);
    const json body = json::parse(frame->substr(kFrameHeaderBytes));
    EXPECT_EQ(body["svg"], "\xef\xbf\xbd\xef\xbf\xbd<svg/>"); // two U+FFFD
}
