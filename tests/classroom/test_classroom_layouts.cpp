// SPDX-License-Identifier: MIT
// Frames in two layouts (landscape, and portrait for phones held upright) in the host protocol,
// without sockets: each web follower gets the layout it asked for, deltas rebuild exactly within
// a layout, a late portrait joiner starts at the teacher's portrait frame, a follower may turn its
// screen, and a host with no portrait frames sends landscape to everyone.
#include "app/classroom/frame_delta.h"
#include "app/classroom/host_protocol.h"
#include "app/classroom/stale_frames.h"
#include "core/builtin_scenarios.h"
#include "core/simulator.h"
#include "livelock_steps.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

using namespace msb::classroom;
namespace core = msb::core;
using nlohmann::json;

namespace {

using test::twoFaults;

std::vector<StepEvent> steps(int count)
{
    return test::livelockSteps(count);
}

// A frame of many lines of which one changes per position, so that deltas pay off; the layouts
// differ in every line (as the two scenes' SVG do).
std::string frameOf(FrameLayout layout, int position)
{
    const std::string name(frameLayoutName(layout));
    std::string svg = "<svg class='" + name + "'>\n";
    for (int line = 0; line < 40; ++line)
        svg += "<rect id='" + name + "-" + std::to_string(line) + "' width='10'/>\n";
    svg += "<text>page_count " + std::to_string(position % 3 + 1) + " at " + std::to_string(position) + "</text>\n";
    return svg + "</svg>\n";
}

// What the follow page does with frame messages: keeps the frames it holds by position and
// rebuilds a delta against the base it names.
struct PageFrames
{
    std::map<int, std::string> held;
    int deltas = 0;
    void take(const json& body)
    {
        // The page's staleness rule (stale_frames.h).
        if (const MessageTypeInfo* info = findMessageType(body.value("type", "")))
            dropStaleFrames(held, firstStaleFrame(info->type, body.value("index", 0)));
        if (body["type"] != "frame")
            return;
        const int position = body["position"];
        if (body.contains("svg")) {
            held[position] = body["svg"];
            return;
        }
        const auto base = held.find(body["base"].get<int>());
        ASSERT_NE(base, held.end()) << "a delta against a frame the page does not hold: " << body.dump();
        const auto rebuilt = applyLineDelta(base->second, body["delta"]);
        ASSERT_TRUE(rebuilt.has_value()) << body.dump();
        held[position] = *rebuilt;
        ++deltas;
    }
};

struct RecordingTransport : HostTransport
{
    std::map<ConnectionId, std::vector<json>> sent;
    std::map<ConnectionId, PageFrames> pages;
    std::map<ConnectionId, std::string> closedWhy;
    bool send(ConnectionId id, const FramePtr& frame) override
    {
        const json body = json::parse(frame->substr(kFrameHeaderBytes));
        sent[id].push_back(body);
        pages[id].take(body);
        return true;
    }
    void close(ConnectionId id, const std::string& reason, Close) override { closedWhy[id] = reason; }
    std::vector<json> frames(ConnectionId id)
    {
        std::vector<json> out;
        for (const auto& body : sent[id]) {
            if (body["type"] == "frame")
                out.push_back(body);
        }
        return out;
    }
};

struct ClassroomLayouts : ::testing::Test
{
    RecordingTransport transport;
    HostProtocol host {[] {
                           HostProtocolOptions o;
                           o.code = "QWE234";
                           o.sessionId = "s1";
                           return o;
                       }(),
        transport};
    Clock::time_point t0 = Clock::now();

    void joinWeb(ConnectionId id, const std::string& layoutMember)
    {
        host.connected(id, t0, "web " + std::to_string(id), FollowerKind::Web);
        host.receivedMessage(id,
            R"({"type":"hello","protocol":"migration-sandbox-classroom","version":1,"code":"QWE234","role":"web","frames":"delta")"
                + layoutMember + "}",
            t0);
    }
    void startSession()
    {
        ASSERT_TRUE(host.publish(msg::Session {twoFaults(), core::findPreset("v5.11")->settings}, t0));
    }
    // As the app's bridge does: after the step, the position's frame in both layouts, portrait
    // first (so that a portrait follower never waits on a landscape frame).
    void publishBoth(int position, bool portrait = true)
    {
        if (portrait)
            host.publishFrame(
                position, FrameFormat::Svg, frameOf(FrameLayout::Portrait, position), t0, FrameLayout::Portrait);
        host.publishFrame(position, FrameFormat::Svg, frameOf(FrameLayout::Landscape, position), t0);
    }
    void playSteps(int count, bool portrait = true)
    {
        publishBoth(0, portrait);
        for (const auto& step : steps(count)) {
            ASSERT_TRUE(host.publish(step, t0));
            publishBoth(step.index + 1, portrait);
        }
    }
    // Every frame the page holds is the published frame of that layout, and there are count of them.
    void expectHolds(ConnectionId id, FrameLayout layout, std::size_t count)
    {
        const auto& held = transport.pages[id].held;
        EXPECT_EQ(held.size(), count);
        for (const auto& [position, svg] : held)
            EXPECT_EQ(svg, frameOf(layout, position)) << "follower " << id << " position " << position;
    }
};

} // namespace

TEST_F(ClassroomLayouts, EachWebFollowerGetsItsLayoutAndDeltasRebuildWithinIt)
{
    host.connected(1, t0, "native", FollowerKind::Native);
    const std::string nativeHello = encodeFrame(
        R"({"type":"hello","protocol":"migration-sandbox-classroom","version":1,"code":"QWE234","role":"follower"})");
    host.received(1, nativeHello.data(), nativeHello.size(), t0);
    startSession();
    joinWeb(2, R"(,"layout":"portrait")");
    joinWeb(3, R"(,"layout":"landscape")");
    joinWeb(4, ""); // no layout: landscape
    playSteps(6);

    for (const auto& body : transport.sent[1])
        EXPECT_NE(body["type"], "frame") << "a native follower was sent a frame";
    expectHolds(2, FrameLayout::Portrait, 7);
    expectHolds(3, FrameLayout::Landscape, 7);
    expectHolds(4, FrameLayout::Landscape, 7);
    for (const auto& frame : transport.frames(2))
        EXPECT_EQ(frame.value("layout", ""), "portrait") << frame.dump();
    for (const auto& frame : transport.frames(3))
        EXPECT_FALSE(frame.contains("layout")) << frame.dump();
    EXPECT_EQ(transport.frames(2).size(), 7U); // one per position: none of the other layout
    EXPECT_EQ(transport.pages[2].deltas, 6);   // every frame after the first against the previous
    EXPECT_EQ(transport.pages[3].deltas, 6);
    EXPECT_TRUE(transport.closedWhy.empty());
}

TEST_F(ClassroomLayouts, ALatePortraitJoinerStartsAtTheTeachersPortraitFrame)
{
    startSession();
    playSteps(5);
    ASSERT_TRUE(host.publish(msg::Jump {3}, t0));
    joinWeb(5, R"(,"layout":"portrait")");
    const auto frames = transport.frames(5);
    ASSERT_EQ(frames.size(), 6U);
    EXPECT_EQ(frames[0]["position"], 3);
    EXPECT_EQ(frames[0]["svg"], frameOf(FrameLayout::Portrait, 3)); // whole: it holds nothing yet
    EXPECT_NE(frames[0]["svg"].get<std::string>().find("page_count"), std::string::npos);
    expectHolds(5, FrameLayout::Portrait, 6);
    EXPECT_GT(transport.pages[5].deltas, 0);

    // The teacher undoes to 2 and steps another way: frames past 2 go, the new 3 comes as a delta.
    ASSERT_TRUE(host.publish(msg::Jump {2}, t0));
    ASSERT_TRUE(host.publish(StepEvent {2, 1, steps(3)[2].step, 0}, t0));
    host.publishFrame(3, FrameFormat::Svg, frameOf(FrameLayout::Portrait, 7), t0, FrameLayout::Portrait);
    EXPECT_EQ(transport.pages[5].held.at(3), frameOf(FrameLayout::Portrait, 7));
    EXPECT_EQ(host.frames(FrameLayout::Portrait).positionsFrom(0), (std::vector<int> {0, 1, 2, 3}));
}

TEST_F(ClassroomLayouts, TurningTheScreenSendsTheOtherLayoutFromScratch)
{
    startSession();
    joinWeb(6, "");
    playSteps(4);
    expectHolds(6, FrameLayout::Landscape, 5);
    ASSERT_TRUE(host.publish(msg::Jump {2}, t0));

    const std::size_t before = transport.frames(6).size();
    host.receivedMessage(6, R"({"type":"layout","layout":"portrait"})", t0);
    const std::vector<json> all = transport.frames(6);
    const std::vector<json> turned(all.begin() + static_cast<long>(before), all.end());
    ASSERT_EQ(turned.size(), 5U);
    EXPECT_EQ(turned[0]["position"], 2); // the teacher's position first, whole
    EXPECT_TRUE(turned[0].contains("svg"));
    expectHolds(6, FrameLayout::Portrait, 5);
    host.receivedMessage(6, R"({"type":"layout","layout":"portrait"})", t0); // the same again: nothing
    EXPECT_EQ(transport.frames(6).size(), before + 5);

    ASSERT_TRUE(host.publish(steps(3)[2], t0));
    publishBoth(3);
    host.receivedMessage(6, R"({"type":"layout","layout":"landscape"})", t0);
    expectHolds(6, FrameLayout::Landscape, 4);
    EXPECT_TRUE(transport.closedWhy.empty());

    host.receivedMessage(6, R"({"type":"layout","layout":"sideways"})", t0);
    EXPECT_EQ(transport.sent[6].back()["why"], "protocol");
    joinWeb(7, R"(,"layout":"upside-down")");
    EXPECT_EQ(transport.sent[7].back()["why"], "protocol");
    EXPECT_NE(transport.sent[7].back()["reason"].get<std::string>().find("upside-down"), std::string::npos);

    // A native follower has no frames to turn: layout is refused like any other write.
    host.connected(8, t0, "native", FollowerKind::Native);
    const std::string nativeHello = encodeFrame(
        R"({"type":"hello","protocol":"migration-sandbox-classroom","version":1,"code":"QWE234","role":"follower"})");
    host.received(8, nativeHello.data(), nativeHello.size(), t0);
    const std::string layout = encodeFrame(R"({"type":"layout","layout":"portrait"})");
    host.received(8, layout.data(), layout.size(), t0);
    EXPECT_EQ(transport.sent[8].back()["why"], "read-only");
}

TEST_F(ClassroomLayouts, WithoutPortraitFramesAPortraitFollowerGetsLandscapeUntilTheFirstArrives)
{
    startSession();
    joinWeb(9, R"(,"layout":"portrait")");
    playSteps(3, false); // a publisher that renders landscape only (the CLI host's replayed frames)
    expectHolds(9, FrameLayout::Landscape, 4);
    EXPECT_EQ(transport.pages[9].deltas, 3);

    // The first portrait frame moves it to the portrait store, whole: no delta names a landscape base.
    host.publishFrame(3, FrameFormat::Svg, frameOf(FrameLayout::Portrait, 3), t0, FrameLayout::Portrait);
    const json last = transport.frames(9).back();
    EXPECT_EQ(last["layout"], "portrait");
    EXPECT_EQ(last["svg"], frameOf(FrameLayout::Portrait, 3));
    ASSERT_TRUE(host.publish(steps(4)[3], t0));
    publishBoth(4);
    EXPECT_EQ(transport.pages[9].held.at(4), frameOf(FrameLayout::Portrait, 4));
    EXPECT_EQ(transport.pages[9].deltas, 4);
}
