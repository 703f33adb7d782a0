// SPDX-License-Identifier: MIT
// ClassroomHost and ClassroomFollower on 127.0.0.1 with ephemeral ports: fan-out to 100
// followers, and every kind of bad peer refused while the host keeps serving the good one.
// Raw peers are plain Asio sockets driven from the test thread. Timeouts are short so that the
// whole file runs in a few seconds (also under TSan).
#include "app/classroom/classroom_follower.h"
#include "app/classroom/classroom_host.h"
#include "core/builtin_scenarios.h"
#include "core/simulator.h"

#include <boost/asio.hpp>
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace msb::classroom;
namespace core = msb::core;
namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

core::Scenario twoFaults()
{
    return core::loadBuiltinScenario("two-faults").value();
}

core::Settings v511()
{
    return core::findPreset("v5.11")->settings;
}

// n steps of the documented v5.11 livelock round on two-faults, repeated (it returns exactly to
// the initial state, so it can be repeated forever).
std::vector<StepEvent> livelockSteps(int n)
{
    static const int round[] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1};
    core::Simulator sim(twoFaults(), v511());
    std::vector<StepEvent> steps;
    for (int i = 0; i < n; ++i) {
        const int t = round[i % 18];
        auto record = sim.step(t);
        EXPECT_TRUE(record.ok()) << i;
        steps.push_back(StepEvent {i, t, record.value().id, record.value().hash});
    }
    return steps;
}

HostOptions shortTimeouts()
{
    HostOptions o;
    o.code = "TEST23";
    o.handshakeTimeout = 300ms;
    o.idleTimeout = 1500ms;
    o.keepaliveInterval = 200ms;
    o.maxFrameBytes = 64 * 1024;
    return o;
}

FollowerOptions followerTimeouts()
{
    FollowerOptions o;
    o.connectTimeout = 2000ms;
    o.idleTimeout = 2000ms;
    o.keepaliveInterval = 200ms;
    o.maxAttempts = 3;
    o.retryDelay = 10ms;
    return o;
}

template <class Predicate>
bool waitFor(Predicate predicate, std::chrono::milliseconds timeout = 5000ms)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!predicate()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(2ms);
    }
    return true;
}

// A ClassroomFollower that records what it receives (callbacks run on its io thread).
struct RecordingFollower
{
    explicit RecordingFollower(FollowerOptions options = followerTimeouts())
        : follower(options)
    {
        follower.callbacks.message = [this](const Message& m) {
            std::lock_guard lock(mutex);
            messages.push_back(encodeMessage(m));
        };
        follower.callbacks.welcomed = [this](const std::string&, const Snapshot&) { welcomed = true; };
        follower.onError = [this](const ConnectionError& e) {
            std::lock_guard lock(mutex);
            errors.push_back(e);
        };
        follower.onFinished = [this] {
            std::lock_guard lock(mutex);
            finished = true;
            cv.notify_all();
        };
    }
    // The follower's io thread uses the members below: stop it before they go.
    ~RecordingFollower() { follower.disconnect(); }
    RecordingFollower(const RecordingFollower&) = delete;
    RecordingFollower& operator=(const RecordingFollower&) = delete;

    bool waitFinished(std::chrono::milliseconds timeout = 5000ms)
    {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, timeout, [this] { return finished; });
    }
    std::vector<std::string> received()
    {
        std::lock_guard lock(mutex);
        return messages;
    }
    std::vector<ConnectionError> errorList()
    {
        std::lock_guard lock(mutex);
        return errors;
    }

    ClassroomFollower follower;
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<std::string> messages;
    std::vector<ConnectionError> errors;
    bool finished = false;
    std::atomic<bool> welcomed {false};
};

// A hand-driven peer for the misbehaving cases.
struct RawPeer
{
    explicit RawPeer(std::uint16_t port)
        : socket(io)
    {
        socket.connect(tcp::endpoint(asio::ip::address_v4::loopback(), port));
    }
    void send(const std::string& bytes) { asio::write(socket, asio::buffer(bytes)); }
    // Reads until the host closes the connection or the timeout passes.
    std::string readUntilClosed(std::chrono::milliseconds timeout, bool& closed)
    {
        std::string data;
        closed = false;
        std::array<char, 4096> buffer {};
        std::function<void()> readMore = [&] {
            socket.async_read_some(asio::buffer(buffer), [&](const boost::system::error_code& error, std::size_t n) {
                if (error) {
                    closed = true;
                    return;
                }
                data.append(buffer.data(), n);
                readMore();
            });
        };
        readMore();
        io.restart();
        io.run_for(timeout);
        if (!closed) {
            socket.cancel();
            io.restart();
            io.run_for(100ms);
            closed = false;
        }
        return data;
    }
    std::vector<Message> decode(const std::string& bytes)
    {
        FrameDecoder decoder;
        decoder.feed(bytes.data(), bytes.size());
        std::vector<Message> out;
        std::string body;
        while (decoder.next(body) == FrameDecoder::Status::Frame)
            out.push_back(decodeMessage(body).value());
        return out;
    }

    asio::io_context io;
    tcp::socket socket;
};

std::string hello(const std::string& code, int version = kProtocolVersion)
{
    msg::Hello h;
    h.code = code;
    h.version = version;
    return encodeFrame(h);
}

} // namespace

TEST(ClassroomLoopback, HundredFollowersReceiveEveryEventInOrder)
{
    std::atomic<int> joined {0};
    // Generous idle timeouts: 100 follower threads on a loaded 2-core machine under TSan may not
    // get to ping in time, and this test is about delivery, not timeouts.
    HostOptions options = shortTimeouts();
    options.idleTimeout = 20s;
    ClassroomHost host(options);
    host.onFollowerJoined = [&](const std::string&) { ++joined; };
    ASSERT_TRUE(host.start().ok());
    ASSERT_NE(host.port(), 0);

    constexpr int kFollowers = 100;
    constexpr int kSteps = 200;
    std::vector<std::unique_ptr<RecordingFollower>> followers;
    FollowerOptions followerOptions = followerTimeouts();
    followerOptions.idleTimeout = 20s;
    for (int i = 0; i < kFollowers; ++i) {
        followers.push_back(std::make_unique<RecordingFollower>(followerOptions));
        followers.back()->follower.connect("127.0.0.1", host.port(), "test23");
    }
    ASSERT_TRUE(waitFor([&] { return host.followerCount() == kFollowers; }, 30s)) << host.followerCount();
    EXPECT_EQ(joined.load(), kFollowers);

    std::vector<std::string> expected;
    expected.push_back(encodeMessage(msg::Welcome {host.sessionId(), Snapshot {}}));
    host.publishSession(twoFaults(), v511());
    expected.push_back(encodeMessage(msg::Session {twoFaults(), v511()}));
    for (const auto& step : livelockSteps(kSteps)) {
        host.publishStep(step);
        expected.push_back(encodeMessage(step));
        if (step.index % 50 == 0) {
            host.publishNarration({step.index + 1, "round " + std::to_string(step.index)});
            expected.push_back(encodeMessage(NarrationEvent {step.index + 1, "round " + std::to_string(step.index)}));
        }
    }
    host.publishJump(7);
    expected.push_back(encodeMessage(msg::Jump {7}));
    host.publishEnd();
    expected.push_back(encodeMessage(msg::End {}));

    for (auto& f : followers) {
        ASSERT_TRUE(f->waitFinished(30s));
        EXPECT_EQ(f->received(), expected);
        EXPECT_TRUE(f->errorList().empty());
    }
    host.stop();
}

TEST(ClassroomLoopback, BadPeersAreRefusedWhileTheHostServesEveryoneElse)
{
    std::mutex logMutex; // declared before the host: its callbacks may run until it stops
    std::vector<std::string> log;
    ClassroomHost host(shortTimeouts());
    host.onLog = [&](const std::string& line) {
        std::lock_guard lock(logMutex);
        log.push_back(line);
    };
    ASSERT_TRUE(host.start().ok());
    host.publishSession(twoFaults(), v511());
    const auto steps = livelockSteps(40);

    RecordingFollower good;
    good.follower.connect("127.0.0.1", host.port(), host.code());
    ASSERT_TRUE(waitFor([&] { return host.followerCount() == 1; }));
    for (int i = 0; i < 10; ++i)
        host.publishStep(steps[static_cast<std::size_t>(i)]);

    // A wrong code: refused (persistent, no retry), and nothing about the session is sent.
    RecordingFollower intruder;
    intruder.follower.connect("127.0.0.1", host.port(), "WRONG2");
    ASSERT_TRUE(intruder.waitFinished());
    ASSERT_EQ(intruder.errorList().size(), 1U);
    EXPECT_EQ(intruder.errorList()[0].kind, ConnectionError::Kind::Persistent);
    EXPECT_EQ(intruder.errorList()[0].refusal, Refusal::WrongCode);
    ASSERT_EQ(intruder.received().size(), 1U);
    EXPECT_EQ(intruder.received()[0].find("two-faults"), std::string::npos);

    bool closed = false;
    {
        RawPeer peer(host.port()); // wrong version
        peer.send(hello(host.code(), kProtocolVersion + 1));
        const auto replies = peer.decode(peer.readUntilClosed(2000ms, closed));
        EXPECT_TRUE(closed);
        ASSERT_EQ(replies.size(), 1U);
        EXPECT_EQ(std::get<msg::Refused>(replies[0]).why, Refusal::Version);
    }
    {
        RawPeer peer(host.port()); // a frame announcing 2 GiB
        peer.send(std::string("\x7f\xff\xff\xff", 4));
        EXPECT_TRUE(peer.readUntilClosed(2000ms, closed).empty());
        EXPECT_TRUE(closed);
    }
    {
        RawPeer peer(host.port()); // garbage: an HTTP request (its first 4 bytes read as a huge length)
        peer.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        peer.readUntilClosed(2000ms, closed);
        EXPECT_TRUE(closed);
    }
    {
        RawPeer peer(host.port()); // garbage inside a well-formed frame
        peer.send(encodeFrame(std::string("\x00\xff{{{", 5)));
        const auto replies = peer.decode(peer.readUntilClosed(2000ms, closed));
        EXPECT_TRUE(closed);
        ASSERT_EQ(replies.size(), 1U);
        EXPECT_EQ(std::get<msg::Refused>(replies[0]).why, Refusal::Protocol);
    }
    {
        RawPeer peer(host.port()); // half-open: connects and says nothing
        const auto start = std::chrono::steady_clock::now();
        EXPECT_TRUE(peer.readUntilClosed(3000ms, closed).empty());
        EXPECT_TRUE(closed);
        EXPECT_GE(std::chrono::steady_clock::now() - start, 250ms); // handshake timeout is 300 ms
    }
    {
        RawPeer peer(host.port()); // joins properly, then tries to drive the session
        peer.send(hello(host.code()));
        peer.send(encodeFrame(StepEvent {10, 0, core::StepId::M0, 0}));
        const auto replies = peer.decode(peer.readUntilClosed(2000ms, closed));
        EXPECT_TRUE(closed);
        ASSERT_EQ(replies.size(), 2U);
        EXPECT_TRUE(std::holds_alternative<msg::Welcome>(replies[0]));
        EXPECT_EQ(std::get<msg::Welcome>(replies[0]).snapshot.steps.size(), 10U);
        EXPECT_EQ(std::get<msg::Refused>(replies[1]).why, Refusal::ReadOnly);
    }

    EXPECT_EQ(host.followerCount(), 1); // only the good follower is left, and it is still there
    for (int i = 10; i < 40; ++i)
        host.publishStep(steps[static_cast<std::size_t>(i)]);
    host.publishEnd();
    ASSERT_TRUE(good.waitFinished());
    const auto received = good.received();
    ASSERT_EQ(received.size(), 1U + 40U + 1U); // welcome (the session came with it), the steps, end
    for (int i = 0; i < 40; ++i)
        EXPECT_EQ(received[static_cast<std::size_t>(i) + 1], encodeMessage(steps[static_cast<std::size_t>(i)]));
    EXPECT_TRUE(good.errorList().empty());
    host.stop();

    std::lock_guard lock(logMutex);
    const auto logged = [&](const std::string& what) {
        return std::any_of(log.begin(), log.end(), [&](const auto& l) { return l.find(what) != std::string::npos; });
    };
    EXPECT_TRUE(logged("wrong join code"));
    EXPECT_TRUE(logged("exceeds the limit"));
    EXPECT_TRUE(logged("handshake timeout"));
    EXPECT_TRUE(logged("read-only"));
}

TEST(ClassroomLoopback, ASlowFollowerIsDroppedAndOthersKeepUp)
{
    HostOptions options = shortTimeouts();
    options.maxQueuedBytes = 1024 * 1024;
    options.idleTimeout = 60s; // the stalled peer must be dropped by its queue, not by idleness
    std::mutex mutex;
    std::vector<std::string> leftReasons;
    ClassroomHost host(options);
    host.onFollowerLeft = [&](const std::string&, const std::string& reason) {
        std::lock_guard lock(mutex);
        leftReasons.push_back(reason);
    };
    ASSERT_TRUE(host.start().ok());
    host.publishSession(twoFaults(), v511());

    RecordingFollower good;
    good.follower.connect("127.0.0.1", host.port(), host.code());
    RawPeer stalled(host.port()); // joins, then never reads
    stalled.send(hello(host.code()));
    ASSERT_TRUE(waitFor([&] { return host.followerCount() == 2; }));

    // 32 narrations of 256 KiB: 8 MB, more than the kernel's socket buffers plus the 1 MiB queue.
    // Each waits for the reading follower, so only the stalled peer falls behind (a burst larger
    // than the queue would rightly drop everyone).
    constexpr int kNarrations = 32;
    const std::string text(256 * 1024, 'n');
    for (int i = 0; i < kNarrations; ++i) {
        host.publishNarration({0, text + std::to_string(i)});
        ASSERT_TRUE(waitFor([&] { return good.received().size() >= static_cast<std::size_t>(i) + 2; }));
    }
    host.publishEnd();
    ASSERT_TRUE(good.waitFinished(10000ms));
    EXPECT_EQ(good.received().size(), 1U + kNarrations + 1U);
    for (const auto& e : good.errorList())
        ADD_FAILURE() << e.message;
    ASSERT_TRUE(waitFor([&] { return host.followerCount() == 0; }));
    host.stop();
    std::lock_guard lock(mutex);
    ASSERT_FALSE(leftReasons.empty());
    EXPECT_TRUE(std::any_of(leftReasons.begin(), leftReasons.end(),
        [](const auto& r) { return r.find("queue full") != std::string::npos; }));
}

TEST(ClassroomLoopback, TransientErrorsAreRetriedThenReported)
{
    std::uint16_t port = 0;
    {
        // A port that was just free: nothing listens there any more.
        asio::io_context io;
        tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
        port = acceptor.local_endpoint().port();
    }
    RecordingFollower follower;
    follower.follower.connect("127.0.0.1", port, "ABCDEF");
    ASSERT_TRUE(follower.waitFinished());
    const auto errors = follower.errorList();
    ASSERT_EQ(errors.size(), 3U); // maxAttempts = 3
    EXPECT_EQ(errors[0].kind, ConnectionError::Kind::Transient);
    EXPECT_EQ(errors[1].kind, ConnectionError::Kind::Transient);
    EXPECT_EQ(errors[2].kind, ConnectionError::Kind::Persistent);
    EXPECT_NE(errors[2].message.find("gave up after 3 attempts"), std::string::npos);
}

TEST(ClassroomLoopback, ResyncReattachesToTheCurrentPosition)
{
    ClassroomHost host(shortTimeouts());
    ASSERT_TRUE(host.start().ok());
    host.publishSession(twoFaults(), v511());
    for (const auto& step : livelockSteps(12))
        host.publishStep(step);
    host.publishJump(5);

    std::mutex mutex;
    std::condition_variable cv;
    std::optional<Snapshot> welcome;
    std::optional<Snapshot> resync;
    ClassroomFollower follower(followerTimeouts());
    follower.callbacks.welcomed = [&](const std::string&, const Snapshot& s) {
        std::lock_guard lock(mutex);
        welcome = s;
        cv.notify_all();
    };
    follower.callbacks.resynced = [&](const Snapshot& s) {
        std::lock_guard lock(mutex);
        resync = s;
        cv.notify_all();
    };
    follower.connect("localhost", host.port(), host.code());
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(cv.wait_for(lock, 5s, [&] { return welcome.has_value(); }));
        EXPECT_EQ(welcome->steps.size(), 12U);
        EXPECT_EQ(welcome->position, 5);
    }
    host.publishJump(9);
    follower.requestSnapshot();
    std::unique_lock lock(mutex);
    ASSERT_TRUE(cv.wait_for(lock, 5s, [&] { return resync.has_value(); }));
    EXPECT_EQ(resync->position, 9);
    EXPECT_EQ(resync->steps, livelockSteps(12));
}

TEST(ClassroomLoopback, ADroppedFollowerReconnectsAndReattachesToTheCurrentPosition)
{
    HostOptions options = shortTimeouts();
    options.idleTimeout = 400ms; // the follower below never pings, so the host drops it
    std::atomic<int> left {0};
    ClassroomHost host(options);
    host.onFollowerLeft = [&](const std::string&, const std::string&) { ++left; };
    ASSERT_TRUE(host.start().ok());
    host.publishSession(twoFaults(), v511());
    const auto steps = livelockSteps(6);
    for (int i = 0; i < 3; ++i)
        host.publishStep(steps[static_cast<std::size_t>(i)]);

    std::mutex mutex;
    std::vector<Snapshot> welcomes;
    FollowerOptions followerOptions = followerTimeouts();
    followerOptions.keepaliveInterval = 60s;
    followerOptions.idleTimeout = 60s;
    RecordingFollower follower(followerOptions);
    follower.follower.callbacks.welcomed = [&](const std::string&, const Snapshot& s) {
        std::lock_guard lock(mutex);
        welcomes.push_back(s);
    };
    follower.follower.connect("127.0.0.1", host.port(), host.code());
    ASSERT_TRUE(waitFor([&] { return left.load() >= 1; }));
    // While it is away the teacher moves on; the reconnect's snapshot has those steps.
    for (int i = 3; i < 6; ++i)
        host.publishStep(steps[static_cast<std::size_t>(i)]);
    ASSERT_TRUE(waitFor([&] {
        std::lock_guard lock(mutex);
        return !welcomes.empty() && welcomes.back().steps.size() == 6U;
    }));
    host.publishEnd();
    ASSERT_TRUE(follower.waitFinished());
    follower.follower.disconnect();
    const auto errors = follower.errorList();
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0].kind, ConnectionError::Kind::Transient);
    std::lock_guard lock(mutex);
    EXPECT_EQ(welcomes.front().steps.size(), 3U);
    EXPECT_EQ(welcomes.back().steps, steps);
    host.stop();
}

TEST(ClassroomLoopback, AppStudentsAnswerAndTheRevealReachesThem)
{
    std::mutex tallyMutex; // declared before the host: its callbacks may run until it stops
    std::vector<std::string> lines;
    ClassroomHost host(shortTimeouts());
    host.onTally = [&](const QuestionTally& tally, int followers) {
        std::lock_guard lock(tallyMutex);
        lines.push_back(AnswerTally::line(tally, followers));
    };
    ASSERT_TRUE(host.start().ok());
    host.publishSession(twoFaults(), v511());
    host.publishCheckpoint({0, "page_count?", {"1", "2", "3"}, 1});
    RecordingFollower ana;
    RecordingFollower bo;
    ana.follower.connect("127.0.0.1", host.port(), host.code());
    bo.follower.connect("127.0.0.1", host.port(), host.code());
    ASSERT_TRUE(waitFor([&] { return ana.welcomed && bo.welcomed; }));
    ana.follower.sendAnswer({"student-ana1", 0, "2", "Ana"});
    bo.follower.sendAnswer({"student-bo12", 0, "3", ""});
    ana.follower.sendAnswer({"student-ana1", 0, "2", "Ana"}); // the same again: no new line
    ASSERT_TRUE(waitFor([&] { return host.answers().tally({0, "page_count?", {"1", "2", "3"}, 1}).answered == 2; }));
    host.revealAnswer();
    const auto revealed = [](RecordingFollower& f) {
        for (const auto& m : f.received()) {
            if (m.find("\"type\":\"reveal\"") != std::string::npos)
                return m.find("\"counts\":[0,1,1]") != std::string::npos;
        }
        return false;
    };
    ASSERT_TRUE(waitFor([&] { return revealed(ana) && revealed(bo); }));
    EXPECT_TRUE(ana.errorList().empty());
    host.stop();
    std::lock_guard lock(tallyMutex);
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(
        lines.back(), "tally \"page_count?\": 2/2 answered; \"1\" 0 (0%); \"2\" 1 (50%) *; \"3\" 1 (50%); correct 50%");
}
