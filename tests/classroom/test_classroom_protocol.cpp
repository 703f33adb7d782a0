// SPDX-License-Identifier: MIT
// The classroom protocol without sockets: frames, message validation, the session fold, and the
// host and follower state machines wired together through a fake transport (GammaRay's
// remotemodeltest approach).
#include "app/classroom/follower_protocol.h"
#include "app/classroom/host_protocol.h"
#include "app/classroom/protocol.h"
#include "app/classroom/session_state.h"
#include "core/builtin_scenarios.h"
#include "core/simulator.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace msb::classroom;
namespace core = msb::core;
using namespace std::chrono_literals;

namespace {

core::Scenario twoFaults()
{
    auto scenario = core::loadBuiltinScenario("two-faults");
    EXPECT_TRUE(scenario.ok());
    return scenario.value();
}

core::Settings preset(std::string_view name)
{
    return core::findPreset(name)->settings;
}

// The documented v5.11 livelock round on two-faults (T-numbers 1111111 222 1 22 111 22).
std::vector<StepEvent> livelockRound()
{
    core::Simulator sim(twoFaults(), preset("v5.11"));
    std::vector<StepEvent> steps;
    for (const int t : {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1}) {
        auto record = sim.step(t);
        EXPECT_TRUE(record.ok());
        steps.push_back(StepEvent {static_cast<int>(steps.size()), t, record.value().id, record.value().hash});
    }
    return steps;
}

std::vector<std::string> decodeFrames(const std::string& bytes)
{
    FrameDecoder decoder;
    decoder.feed(bytes.data(), bytes.size());
    std::vector<std::string> bodies;
    std::string body;
    while (decoder.next(body) == FrameDecoder::Status::Frame)
        bodies.push_back(body);
    return bodies;
}

} // namespace

TEST(ClassroomFrames, RoundTripAcrossArbitrarySplits)
{
    const std::string stream = encodeFrame("{\"a\":1}") + encodeFrame("") + encodeFrame(std::string(70000, 'x'));
    for (const std::size_t chunk : {std::size_t {1}, std::size_t {3}, std::size_t {4096}, stream.size()}) {
        FrameDecoder decoder;
        std::vector<std::string> bodies;
        std::string body;
        for (std::size_t i = 0; i < stream.size(); i += chunk) {
            decoder.feed(stream.data() + i, std::min(chunk, stream.size() - i));
            while (decoder.next(body) == FrameDecoder::Status::Frame)
                bodies.push_back(body);
        }
        ASSERT_EQ(bodies.size(), 3U) << "chunk " << chunk;
        EXPECT_EQ(bodies[0], "{\"a\":1}");
        EXPECT_EQ(bodies[1], "");
        EXPECT_EQ(bodies[2].size(), 70000U);
        EXPECT_EQ(decoder.buffered(), 0U);
    }
}

TEST(ClassroomFrames, HeaderIsBigEndian)
{
    const std::string frame = encodeFrame(std::string(0x0102, 'y'));
    ASSERT_GE(frame.size(), 4U);
    EXPECT_EQ(frame[0], 0);
    EXPECT_EQ(frame[1], 0);
    EXPECT_EQ(frame[2], 1);
    EXPECT_EQ(frame[3], 2);
}

TEST(ClassroomFrames, OversizeIsRejectedFromTheHeaderAlone)
{
    FrameDecoder decoder(100);
    const std::string header = encodeFrame(std::string(101, 'z')).substr(0, 4);
    decoder.feed(header.data(), header.size());
    std::string body;
    EXPECT_EQ(decoder.next(body), FrameDecoder::Status::Oversize);
    EXPECT_EQ(decoder.announcedBytes(), 101U);
    // The stream stays unusable: later valid frames are not accepted.
    const std::string ok = encodeFrame("{}");
    decoder.feed(ok.data(), ok.size());
    EXPECT_EQ(decoder.next(body), FrameDecoder::Status::Oversize);

    FrameDecoder exact(100);
    const std::string fits = encodeFrame(std::string(100, 'z'));
    exact.feed(fits.data(), fits.size());
    EXPECT_EQ(exact.next(body), FrameDecoder::Status::Frame);
}

TEST(ClassroomMessages, EveryTypeRoundTrips)
{
    Snapshot snapshot;
    snapshot.hasSession = true;
    snapshot.scenario = twoFaults();
    snapshot.settings = preset("v5.17");
    snapshot.steps = livelockRound();
    snapshot.position = 5;
    snapshot.narration = {{0, "The fault starts"}, {3, "ünïcode ok"}};
    snapshot.checkpoints = {{4, "page_count?", {"1", "2", "3"}, 2}};
    const std::vector<Message> messages = {
        msg::Hello {std::string(kProtocolName), kProtocolVersion, "ABC234", "follower", "", ""},
        msg::Hello {std::string(kProtocolName), kProtocolVersion, "ABC234", "web", "delta", "portrait"},
        msg::Welcome {"abc", snapshot},
        msg::Welcome {"empty", Snapshot {}},
        msg::Refused {Refusal::ReadOnly, "no"},
        msg::Ping {},
        msg::Resync {},
        msg::SnapshotReply {snapshot},
        msg::Session {twoFaults(), preset("naive-drain")},
        StepEvent {7, 1, core::StepId::M7Fail, 0xfedcba9876543210ULL},
        msg::Jump {3},
        msg::SettingsChange {preset("pre-v5.0")},
        NarrationEvent {2, "text with \"quotes\"\n"},
        CheckpointEvent {1, "Which thread can step now?", {"T1", "T2"}, -1},
        msg::End {},
        msg::Answer {"student-1234", 0, "2", "Ana"},
        msg::Reveal {0, "page_count?", {"1", "2", "3"}, 2, 30, 3, {1, 0, 2}, 2},
        msg::Page {4, "The livelock \u00B7 page 2 of 9", "Both threads fault (K5).", {{"K5", "a title"}}},
        msg::Layout {"portrait"},
    };
    std::set<std::string_view> types;
    for (const auto& message : messages) {
        const std::string body = encodeMessage(message);
        auto decoded = decodeMessage(body);
        ASSERT_TRUE(decoded.ok()) << body << ": " << decoded.error().toString();
        EXPECT_EQ(decoded.value(), message) << body;
        EXPECT_EQ(encodeMessage(decoded.value()), body); // deterministic bytes
        types.insert(messageType(message));
    }
    EXPECT_EQ(types.size(), std::variant_size_v<Message>);
}

TEST(ClassroomMessages, InvalidBodiesAreRejectedWithTheField)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", ""},
        {"not json", ""},
        {"[1,2]", ""},
        {"{}", "type"},
        {R"({"type":"launch"})", "type"},
        {R"({"type":"ping","extra":1})", "extra"},
        {R"({"type":"hello","protocol":"p","version":"1","code":"A","role":"follower"})", "version"},
        {R"({"type":"step","index":0,"thread":0,"step":"M99","hash":"0000000000000000"})", "step"},
        {R"({"type":"step","index":0,"thread":0,"step":"M7","hash":"xyz"})", "hash"},
        {R"({"type":"step","index":-1,"thread":0,"step":"M7","hash":"0000000000000000"})", "index"},
        {R"({"type":"step","index":0,"thread":99,"step":"M7","hash":"0000000000000000"})", "thread"},
        {R"({"type":"settings","settings":{"check":"lenient"}})", "settings.check"},
        {R"({"type":"refused","why":"bored","reason":""})", "why"},
        {R"({"type":"checkpoint","index":0,"question":"q","choices":["a"],"answer":1})", "answer"},
        {R"({"type":"session","scenario":{"format":"x"},"settings":{}})", ""},
        {std::string(100, '[') + std::string(100, ']'), ""},
    };
    for (const auto& [body, field] : cases) {
        auto decoded = decodeMessage(body);
        ASSERT_FALSE(decoded.ok()) << body;
        if (!field.empty()) {
            EXPECT_EQ(decoded.error().field, field) << body << ": " << decoded.error().toString();
        }
        EXPECT_FALSE(decoded.error().message.empty());
    }
}

// A snapshot's steps are checked like live step events: consumers index scenario.threads with
// them, so a host cannot make a follower read past its scenario.
TEST(ClassroomMessages, SnapshotStepsMustFitTheirScenario)
{
    Snapshot snapshot;
    snapshot.hasSession = true;
    snapshot.scenario = twoFaults();
    snapshot.settings = preset("v5.11");
    snapshot.steps = livelockRound();
    snapshot.position = 1;
    const std::string good = encodeMessage(msg::Welcome {"s", snapshot});
    ASSERT_TRUE(decodeMessage(good).ok());

    Snapshot badThread = snapshot;
    badThread.steps[3].thread = 5;
    auto decoded = decodeMessage(encodeMessage(msg::Welcome {"s", badThread}));
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().field, "snapshot.steps[3].thread") << decoded.error().toString();

    Snapshot badIndex = snapshot;
    badIndex.steps[2].index = 7;
    decoded = decodeMessage(encodeMessage(msg::SnapshotReply {badIndex}));
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().field, "snapshot.steps[2].index") << decoded.error().toString();

    Snapshot noSession;
    noSession.steps = {livelockRound()[0]};
    decoded = decodeMessage(encodeMessage(msg::Welcome {"s", noSession}));
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().field, "snapshot.steps") << decoded.error().toString();
}

// One enum and one table name every message type: the table is in enum order, its names are
// unique, every name decodes to its own type, and exactly the session events are marked so.
TEST(ClassroomMessages, TheTypeTableMatchesTheMessages)
{
    const std::set<MessageType> sessionEvents = {MessageType::Session, MessageType::Step, MessageType::Jump,
        MessageType::Settings, MessageType::Narration, MessageType::Checkpoint, MessageType::End};
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < kMessageTypes.size(); ++i) {
        const MessageTypeInfo& info = kMessageTypes[i];
        EXPECT_EQ(static_cast<std::size_t>(info.type), i);
        EXPECT_TRUE(names.insert(info.name).second) << info.name << " twice";
        ASSERT_NE(findMessageType(info.name), nullptr) << info.name;
        EXPECT_EQ(findMessageType(info.name)->type, info.type);
        EXPECT_EQ(info.sessionEvent, sessionEvents.count(info.type) == 1) << info.name;
    }
    EXPECT_EQ(findMessageType("launch"), nullptr);
    const std::vector<std::pair<Message, MessageType>> samples = {
        {msg::Ping {}, MessageType::Ping},
        {msg::Jump {2}, MessageType::Jump},
        {NarrationEvent {1, "n"}, MessageType::Narration},
        {msg::SnapshotReply {}, MessageType::Snapshot},
        {msg::Layout {"portrait"}, MessageType::Layout},
    };
    for (const auto& [message, type] : samples) {
        EXPECT_EQ(messageTypeOf(message), type);
        EXPECT_EQ(messageType(message), messageTypeInfo(type).name);
        EXPECT_EQ(isSessionEvent(message), messageTypeInfo(type).sessionEvent);
        auto decoded = decodeMessage(encodeMessage(message));
        ASSERT_TRUE(decoded.ok()) << decoded.error().toString();
        EXPECT_EQ(messageTypeOf(decoded.value()), type);
    }
}

// Messages go through the files' reader: the same nesting limit, number checks and knob rule.
TEST(ClassroomMessages, UntrustedBodiesGetTheFilesChecks)
{
    auto huge = decodeMessage(R"({"type":"jump","position":1e400})");
    ASSERT_FALSE(huge.ok());
    EXPECT_EQ(huge.error().field, "position") << huge.error().toString();
    EXPECT_EQ(huge.error().column, 27);

    auto wrapped = decodeMessage(R"({"type":"jump","position":4294967297})");
    ASSERT_FALSE(wrapped.ok());
    EXPECT_EQ(wrapped.error().field, "position");

    auto bomb = decodeMessage(std::string(100000, '[') + std::string(100000, ']'));
    ASSERT_FALSE(bomb.ok());
    EXPECT_NE(bomb.error().message.find("nested more than"), std::string::npos) << bomb.error().toString();

    // A knob the sender does not know yet takes its default.
    auto partial = decodeMessage(R"({"type":"settings","settings":{"check":"skip-device-private"}})");
    ASSERT_TRUE(partial.ok()) << partial.error().toString();
    core::Settings expected;
    expected.check = core::CheckPolicy::SkipDevicePrivate;
    EXPECT_EQ(std::get<msg::SettingsChange>(partial.value()).settings, expected);
}

TEST(ClassroomMessages, JoinCodesUseTheUnambiguousAlphabet)
{
    for (int i = 0; i < 50; ++i) {
        const std::string code = randomJoinCode();
        ASSERT_EQ(code.size(), 6U);
        for (const char c : code)
            EXPECT_NE(kJoinCodeAlphabet.find(c), std::string_view::npos) << code;
    }
    EXPECT_EQ(normalizeJoinCode("k7xq"), "K7XQ");
}

TEST(ClassroomQueue, BoundedByFramesAndBytes)
{
    OutgoingQueue queue(3, 100);
    const auto frame = [](std::size_t n) { return std::make_shared<const std::string>(n, 'q'); };
    EXPECT_TRUE(queue.push(frame(40)));
    EXPECT_TRUE(queue.push(frame(40)));
    EXPECT_FALSE(queue.push(frame(40))); // 120 bytes > 100
    EXPECT_TRUE(queue.push(frame(20)));
    EXPECT_FALSE(queue.push(frame(1))); // 4 frames > 3
    EXPECT_EQ(queue.size(), 3U);
    EXPECT_EQ(queue.bytes(), 100U);
    queue.pop();
    EXPECT_EQ(queue.bytes(), 60U);
    EXPECT_TRUE(queue.push(frame(1)));
}

TEST(ClassroomSession, FoldsStepsUndoAndRedoTail)
{
    SessionState state;
    EXPECT_FALSE(state.apply(StepEvent {0, 0, core::StepId::M0, 1})); // no session yet
    EXPECT_TRUE(state.apply(msg::Session {twoFaults(), preset("v5.11")}));
    const auto steps = livelockRound();
    for (const auto& step : steps)
        ASSERT_TRUE(state.apply(step));
    EXPECT_EQ(state.snapshot().position, 18);
    EXPECT_TRUE(state.apply(msg::Jump {4}));
    EXPECT_EQ(state.snapshot().steps.size(), 18U); // redo tail kept
    EXPECT_FALSE(state.apply(msg::Jump {19}));
    EXPECT_FALSE(state.apply(StepEvent {19, 0, core::StepId::M0, 0}));
    EXPECT_FALSE(state.apply(StepEvent {4, 5, core::StepId::M0, 0})); // two-faults has 2 threads
    // A different step at position 4 replaces the tail, as Simulator::step does.
    EXPECT_TRUE(state.apply(StepEvent {4, 1, core::StepId::M0, 42}));
    EXPECT_EQ(state.snapshot().steps.size(), 5U);
    EXPECT_EQ(state.snapshot().position, 5);
    EXPECT_TRUE(state.apply(NarrationEvent {5, "a"}));
    EXPECT_TRUE(state.apply(NarrationEvent {5, "b"}));
    ASSERT_EQ(state.snapshot().narration.size(), 1U);
    EXPECT_EQ(state.snapshot().narration[0].text, "b");
    EXPECT_TRUE(state.apply(msg::End {}));
    EXPECT_TRUE(state.snapshot().ended);
    EXPECT_FALSE(state.apply(msg::Jump {0}));
    EXPECT_FALSE(state.apply(msg::Ping {}));
}

namespace {

// Records what the host protocol asks of its transport; flushes frames to FollowerProtocols.
struct FakeTransport : HostTransport
{
    std::map<ConnectionId, std::string> sent;
    std::map<ConnectionId, std::string> closedWhy;
    std::map<ConnectionId, std::size_t> capacity; // frames a connection accepts before its queue is full
    bool send(ConnectionId id, const FramePtr& frame) override
    {
        if (closedWhy.count(id))
            return false;
        if (capacity.count(id)) {
            if (capacity[id] == 0)
                return false;
            --capacity[id];
        }
        sent[id] += *frame;
        return true;
    }
    void close(ConnectionId id, const std::string& reason, Close) override { closedWhy[id] = reason; }
    // Hands the bytes queued for id to a follower protocol.
    void deliver(ConnectionId id, FollowerProtocol& follower)
    {
        const std::string bytes = std::exchange(sent[id], {});
        follower.received(bytes.data(), bytes.size());
    }
};

struct ClassroomHostProtocol : ::testing::Test
{
    FakeTransport transport;
    HostProtocolOptions options = [] {
        HostProtocolOptions o;
        o.code = "QWE234";
        o.sessionId = "s1";
        o.handshakeTimeout = 100ms;
        o.idleTimeout = 1000ms;
        o.keepaliveInterval = 300ms;
        o.maxFrameBytes = 4096;
        return o;
    }();
    HostProtocol host {options, transport};
    Clock::time_point t0 = Clock::now();
    std::vector<std::string> log;

    void SetUp() override
    {
        host.onLog = [this](const std::string& text) { log.push_back(text); };
    }

    void sendRaw(ConnectionId id, const std::string& bytes, Clock::duration at = 0ms)
    {
        host.received(id, bytes.data(), bytes.size(), t0 + at);
    }
    void join(ConnectionId id, FollowerProtocol& follower)
    {
        host.connected(id, t0, "peer" + std::to_string(id));
        sendRaw(id, follower.start());
        transport.deliver(id, follower);
    }
    std::vector<Message> sentMessages(ConnectionId id)
    {
        std::vector<Message> out;
        for (const auto& body : decodeFrames(transport.sent[id]))
            out.push_back(decodeMessage(body).value());
        return out;
    }
};

} // namespace

TEST_F(ClassroomHostProtocol, FollowersMirrorTheSessionAndLateJoinersGetASnapshot)
{
    FollowerProtocol early("qwe234"); // codes are case-insensitive
    std::vector<std::string> seen;
    early.callbacks.message = [&](const Message& m) { seen.emplace_back(messageType(m)); };
    join(1, early);
    ASSERT_EQ(early.state(), FollowerProtocol::State::Following);
    EXPECT_EQ(early.sessionId(), "s1");
    EXPECT_EQ(host.followerCount(), 1);

    ASSERT_TRUE(host.publish(msg::Session {twoFaults(), preset("v5.11")}, t0));
    const auto steps = livelockRound();
    for (std::size_t i = 0; i < 10; ++i)
        ASSERT_TRUE(host.publish(steps[i], t0));
    transport.deliver(1, early);
    EXPECT_EQ(early.snapshot().steps.size(), 10U);

    FollowerProtocol late("QWE234");
    join(2, late);
    EXPECT_EQ(late.snapshot(), early.snapshot()); // the snapshot is the state so far
    for (std::size_t i = 10; i < steps.size(); ++i)
        ASSERT_TRUE(host.publish(steps[i], t0));
    ASSERT_TRUE(host.publish(msg::Jump {3}, t0));
    ASSERT_TRUE(host.publish(NarrationEvent {3, "look at page_count"}, t0));
    ASSERT_TRUE(host.publish(msg::End {}, t0));
    transport.deliver(1, early);
    transport.deliver(2, late);
    EXPECT_EQ(early.state(), FollowerProtocol::State::Ended);
    EXPECT_EQ(late.state(), FollowerProtocol::State::Ended);
    EXPECT_EQ(early.snapshot(), host.snapshot());
    EXPECT_EQ(late.snapshot(), host.snapshot());
    EXPECT_EQ(host.snapshot().steps, steps);
    EXPECT_EQ(seen.front(), "welcome");
    EXPECT_EQ(seen.back(), "end");
    EXPECT_EQ(seen.size(), 1 + 1 + steps.size() + 3);
}

TEST_F(ClassroomHostProtocol, InvalidPublicationsAreRejectedAndNotBroadcast)
{
    FollowerProtocol follower("QWE234");
    join(1, follower);
    EXPECT_FALSE(host.publish(StepEvent {0, 0, core::StepId::M0, 0}, t0)); // no session
    EXPECT_FALSE(host.publish(msg::Ping {}, t0));
    EXPECT_TRUE(transport.sent[1].empty());
}

TEST_F(ClassroomHostProtocol, WrongCodeIsRefusedBeforeAnythingElse)
{
    ASSERT_TRUE(host.publish(msg::Session {twoFaults(), preset("v5.11")}, t0));
    FollowerProtocol intruder("WRONG1");
    host.connected(1, t0, "x");
    sendRaw(1, intruder.start());
    const auto replies = sentMessages(1);
    ASSERT_EQ(replies.size(), 1U); // the refusal only: no snapshot, no version
    ASSERT_TRUE(std::holds_alternative<msg::Refused>(replies[0]));
    EXPECT_EQ(std::get<msg::Refused>(replies[0]).why, Refusal::WrongCode);
    EXPECT_EQ(transport.sent[1].find("two-faults"), std::string::npos);
    EXPECT_TRUE(transport.closedWhy.count(1));
    transport.deliver(1, intruder);
    EXPECT_EQ(intruder.state(), FollowerProtocol::State::Refused);
    EXPECT_EQ(intruder.refusal(), Refusal::WrongCode);
    EXPECT_EQ(host.followerCount(), 0);
}

TEST_F(ClassroomHostProtocol, VersionMismatchIsRefused)
{
    msg::Hello hello;
    hello.code = "QWE234";
    hello.version = kProtocolVersion + 1;
    host.connected(1, t0);
    sendRaw(1, encodeFrame(hello));
    const auto replies = sentMessages(1);
    ASSERT_EQ(replies.size(), 1U);
    EXPECT_EQ(std::get<msg::Refused>(replies[0]).why, Refusal::Version);
    EXPECT_TRUE(transport.closedWhy.count(1));
}

TEST_F(ClassroomHostProtocol, AFollowerTryingToStepIsRefusedOthersAreUnaffected)
{
    FollowerProtocol good("QWE234");
    FollowerProtocol bad("QWE234");
    join(1, good);
    join(2, bad);
    ASSERT_TRUE(host.publish(msg::Session {twoFaults(), preset("v5.11")}, t0));
    sendRaw(2, encodeFrame(StepEvent {0, 0, core::StepId::M0, 0}));
    EXPECT_TRUE(transport.closedWhy.count(2));
    EXPECT_NE(transport.closedWhy[2].find("read-only"), std::string::npos);
    EXPECT_EQ(host.followerCount(), 1);
    EXPECT_TRUE(host.snapshot().steps.empty()); // the step did not reach the session
    ASSERT_TRUE(host.publish(livelockRound()[0], t0));
    transport.deliver(1, good);
    EXPECT_EQ(good.state(), FollowerProtocol::State::Following);
    EXPECT_EQ(good.snapshot().steps.size(), 1U);
    bool logged = false;
    for (const auto& line : log)
        logged = logged || line.find("read-only") != std::string::npos;
    EXPECT_TRUE(logged);
}

TEST_F(ClassroomHostProtocol, GarbageAndOversizeFramesCloseTheConnection)
{
    host.connected(1, t0);
    sendRaw(1, encodeFrame("\x01\x02garbage"));
    EXPECT_TRUE(transport.closedWhy.count(1));
    EXPECT_EQ(std::get<msg::Refused>(sentMessages(1).at(0)).why, Refusal::Protocol);

    host.connected(2, t0);
    sendRaw(2, std::string("\x7f\xff\xff\xff", 4));
    EXPECT_NE(transport.closedWhy[2].find("exceeds the limit"), std::string::npos);
    EXPECT_EQ(host.connectionCount(), 0U);
}

TEST_F(ClassroomHostProtocol, ResyncAndPingAreTheOnlyFollowerMessages)
{
    FollowerProtocol follower("QWE234");
    Snapshot resynced;
    follower.callbacks.resynced = [&](const Snapshot& s) { resynced = s; };
    join(1, follower);
    ASSERT_TRUE(host.publish(msg::Session {twoFaults(), preset("v5.11")}, t0));
    ASSERT_TRUE(host.publish(livelockRound()[0], t0));
    transport.sent[1].clear(); // the follower "missed" those (detached)
    sendRaw(1, FollowerProtocol::pingFrame() + FollowerProtocol::resyncFrame());
    transport.deliver(1, follower);
    EXPECT_EQ(resynced, host.snapshot());
    EXPECT_EQ(follower.snapshot(), host.snapshot());
    EXPECT_FALSE(transport.closedWhy.count(1));
}

TEST_F(ClassroomHostProtocol, HandshakeAndIdleTimeoutsAndKeepalive)
{
    host.connected(1, t0); // half-open: sends nothing
    FollowerProtocol follower("QWE234");
    join(2, follower);
    host.sweep(t0 + 50ms);
    EXPECT_FALSE(transport.closedWhy.count(1));
    host.sweep(t0 + 100ms);
    EXPECT_EQ(transport.closedWhy[1], "handshake timeout");
    EXPECT_FALSE(transport.closedWhy.count(2));

    transport.sent[2].clear();
    host.sweep(t0 + 300ms); // nothing sent for keepaliveInterval: a ping
    ASSERT_EQ(sentMessages(2).size(), 1U);
    EXPECT_TRUE(std::holds_alternative<msg::Ping>(sentMessages(2)[0]));
    sendRaw(2, FollowerProtocol::pingFrame(), 900ms);
    host.sweep(t0 + 1800ms);
    EXPECT_FALSE(transport.closedWhy.count(2)); // its ping at 900 ms kept it alive
    host.sweep(t0 + 1900ms);
    EXPECT_EQ(transport.closedWhy[2], "idle timeout");
    EXPECT_EQ(host.followerCount(), 0);
}

TEST_F(ClassroomHostProtocol, ASlowFollowerIsDroppedWithoutAffectingOthers)
{
    FollowerProtocol fast("QWE234");
    FollowerProtocol slow("QWE234");
    std::string left;
    host.onFollowerLeft = [&](ConnectionId, const std::string& peer, const std::string&) { left = peer; };
    join(1, fast);
    join(2, slow);
    transport.capacity[2] = 5;
    ASSERT_TRUE(host.publish(msg::Session {twoFaults(), preset("v5.11")}, t0));
    for (const auto& step : livelockRound())
        ASSERT_TRUE(host.publish(step, t0));
    EXPECT_NE(transport.closedWhy[2].find("queue full"), std::string::npos);
    EXPECT_EQ(left, "peer2");
    transport.deliver(1, fast);
    EXPECT_EQ(fast.snapshot().steps.size(), 18U);
    EXPECT_EQ(host.followerCount(), 1);
}

TEST(ClassroomHostProtocolLimits, AFullClassAndAnUnknownRoleAreRefused)
{
    FakeTransport transport;
    HostProtocolOptions options;
    options.code = "ABC234";
    options.maxFollowers = 1;
    HostProtocol host(options, transport);
    const auto now = Clock::now();
    FollowerProtocol first("ABC234");
    host.connected(1, now);
    const std::string hello = first.start();
    host.received(1, hello.data(), hello.size(), now);
    EXPECT_EQ(host.followerCount(), 1);

    FollowerProtocol second("ABC234");
    host.connected(2, now);
    const std::string hello2 = second.start();
    host.received(2, hello2.data(), hello2.size(), now);
    transport.deliver(2, second);
    EXPECT_EQ(second.state(), FollowerProtocol::State::Refused);
    EXPECT_EQ(second.refusal(), Refusal::Full);

    msg::Hello teacher;
    teacher.code = "ABC234";
    teacher.role = "host";
    host.connected(3, now);
    const std::string hello3 = encodeFrame(teacher);
    host.received(3, hello3.data(), hello3.size(), now);
    EXPECT_NE(transport.closedWhy[3].find("unknown role"), std::string::npos);
    EXPECT_EQ(host.followerCount(), 1);
}

TEST(ClassroomFollowerProtocol, RejectsAnInconsistentHost)
{
    FollowerProtocol follower("AAAAAA");
    follower.start();
    const std::string bytes =
        encodeFrame(msg::Welcome {"s", Snapshot {}}) + encodeFrame(StepEvent {0, 0, core::StepId::M0, 0});
    follower.received(bytes.data(), bytes.size());
    EXPECT_EQ(follower.state(), FollowerProtocol::State::Failed);
    EXPECT_NE(follower.error().find("before any session"), std::string::npos);

    FollowerProtocol other("AAAAAA");
    other.start();
    const std::string step = encodeFrame(StepEvent {0, 0, core::StepId::M0, 0});
    other.received(step.data(), step.size());
    EXPECT_EQ(other.state(), FollowerProtocol::State::Failed); // no welcome first
}
