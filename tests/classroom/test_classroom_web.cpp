// SPDX-License-Identifier: MIT
// The classroom host's browser side on 127.0.0.1: HTTP serves the embedded files only, web
// followers join over WebSocket on the native port and mirror the session beside a native
// follower, and bad browsers (wrong code, writes, garbage, oversize, slowloris, a thousand
// connections opened and dropped) are shut out while everyone else keeps receiving.
#include "app/classroom/classroom_follower.h"
#include "app/classroom/classroom_host.h"
#include "app/classroom/http_routes.h"
#include "app/web/embedded_files.h"
#include "core/builtin_scenarios.h"
#include "core/simulator.h"
#include "web_test_client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>
#include <unistd.h>

using namespace msb::classroom;
using namespace msb::classroom::testing;
namespace core = msb::core;
using nlohmann::json;

namespace {

core::Scenario twoFaults()
{
    return core::loadBuiltinScenario("two-faults").value();
}

std::vector<StepEvent> livelockSteps(int n)
{
    static const int round[] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1};
    core::Simulator sim(twoFaults(), core::findPreset("v5.11")->settings);
    std::vector<StepEvent> steps;
    for (int i = 0; i < n; ++i) {
        const auto record = sim.step(round[i % 18]).value();
        steps.push_back({i, round[i % 18], record.id, record.hash});
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

std::string get(std::string_view target, std::string_view method = "GET")
{
    return std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

// A native follower counting the steps it received (callbacks on its io thread).
struct CountingFollower
{
    ClassroomFollower follower;
    std::atomic<int> steps {0};
    CountingFollower()
    {
        follower.callbacks.step = [this](const StepEvent&) { ++steps; };
    }
    ~CountingFollower() { follower.disconnect(); }
};

// A web follower that joined: the welcome was read.
std::unique_ptr<WebSocketClient> joinWeb(std::uint16_t port, const std::string& code, json* welcome = nullptr)
{
    auto client = std::make_unique<WebSocketClient>();
    EXPECT_TRUE(client->connect(port));
    EXPECT_TRUE(client->hello(code));
    auto first = client->read();
    EXPECT_TRUE(first.has_value());
    if (first) {
        EXPECT_EQ((*first)["type"], "welcome") << first->dump();
        if (welcome)
            *welcome = *first;
    }
    return client;
}

} // namespace

TEST(ClassroomHttpRoutes, OnlyEmbeddedFilesByExactName)
{
    using Kind = HttpRoute::Kind;
    EXPECT_EQ(routeHttpRequest("GET", "/", false).file->name, "follow.html");
    EXPECT_EQ(routeHttpRequest("HEAD", "/viewer.js?v=1", false).kind, Kind::File);
    EXPECT_EQ(routeHttpRequest("GET", "/ws", true).kind, Kind::WebSocket);
    EXPECT_EQ(routeHttpRequest("GET", "/ws", false).kind, Kind::UpgradeRequired);
    EXPECT_EQ(routeHttpRequest("GET", "/follow.html", true).kind, Kind::NotFound);
    for (const char* target : {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fCMakeLists.txt", "//etc/passwd",
             "/assets/web/follow.html", "/follow.html/", "/FOLLOW.HTML", "/nope", "/./follow.html"})
        EXPECT_EQ(routeHttpRequest("GET", target, false).kind, Kind::NotFound) << target;
    for (const char* target : {"http://127.0.0.1/follow.html", "*", "", "follow.html", "../etc/passwd"})
        EXPECT_EQ(routeHttpRequest("GET", target, false).kind, Kind::BadRequest) << target;
    for (const char* method : {"POST", "PUT", "DELETE", "OPTIONS", "CONNECT", "get"})
        EXPECT_EQ(routeHttpRequest(method, "/", false).kind, Kind::MethodNotAllowed) << method;
    EXPECT_EQ(contentSecurityPolicy("evil\r\nSet-Cookie: x").find("Set-Cookie"), std::string::npos);
    EXPECT_NE(
        contentSecurityPolicy("127.0.0.1:4000").find("connect-src 'self' ws://127.0.0.1:4000;"), std::string::npos);
}

TEST(ClassroomWeb, HttpServesTheFollowPageAndEmbeddedFilesOnly)
{
    ClassroomHost host(shortTimeouts());
    ASSERT_TRUE(host.start().ok());
    const auto port = host.port();

    const HttpReply page = httpExchange(port, get("/"));
    ASSERT_TRUE(page.ok);
    EXPECT_EQ(page.status, 200U);
    EXPECT_EQ(page.response.body(), msb::web::findEmbeddedFile("follow.html")->bytes);
    EXPECT_EQ(page.response[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_EQ(page.response[http::field::cache_control], "no-cache");
    EXPECT_EQ(page.response["X-Content-Type-Options"], "nosniff");
    const std::string csp(page.response["Content-Security-Policy"]);
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << csp;
    EXPECT_TRUE(page.closedAfter);

    const HttpReply script = httpExchange(port, get("/viewer.js"));
    EXPECT_EQ(script.status, 200U);
    EXPECT_EQ(script.response.body(), msb::web::findEmbeddedFile("viewer.js")->bytes);
    EXPECT_EQ(script.response[http::field::content_type], "text/javascript; charset=utf-8");

    const HttpReply head = httpExchange(port, get("/", "HEAD"));
    EXPECT_EQ(head.status, 200U);
    EXPECT_EQ(head.response[http::field::content_length],
        std::to_string(msb::web::findEmbeddedFile("follow.html")->bytes.size()));

    for (const char* target : {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/../../../../../../etc/passwd",
             "/CMakeLists.txt", "/assets/web/follow.html", "/favicon.ico"}) {
        const HttpReply reply = httpExchange(port, get(target));
        EXPECT_EQ(reply.status, 404U) << target;
        EXPECT_EQ(reply.response.body().find("root:"), std::string::npos) << target;
    }
    EXPECT_EQ(httpExchange(port, get("http://127.0.0.1/follow.html")).status, 400U);
    EXPECT_EQ(httpExchange(port, "GARBAGE\r\n\r\n").status, 400U);
    const HttpReply post = httpExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
    EXPECT_EQ(post.status, 405U);
    EXPECT_EQ(post.response[http::field::allow], "GET, HEAD");
    const std::string hugeHeader = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n";
    EXPECT_EQ(httpExchange(port, hugeHeader).status, 400U);
    EXPECT_EQ(host.followerCount(), 0);
}

TEST(ClassroomWeb, AWebFollowerGetsWelcomeFramesAndLiveStepsBesideANativeOne)
{
    std::mutex mutex;
    std::vector<std::string> joined;
    ClassroomHost host(shortTimeouts());
    host.onFollowerJoined = [&](const std::string& peer) {
        std::lock_guard lock(mutex);
        joined.push_back(peer);
    };
    ASSERT_TRUE(host.start().ok());
    host.publishSession(twoFaults(), core::findPreset("v5.11")->settings);
    const auto steps = livelockSteps(6);
    for (int i = 0; i < 3; ++i) {
        host.publishStep(steps[static_cast<std::size_t>(i)]);
        host.publishFrame(i + 1, "<svg data-position=\"" + std::to_string(i + 1) + "\"/>");
    }
    CountingFollower native;
    native.follower.connect("127.0.0.1", host.port(), "test23");

    json welcome;
    auto browser = joinWeb(host.port(), "test23", &welcome); // codes are case-insensitive
    EXPECT_EQ(welcome["snapshot"]["position"], 3);
    EXPECT_EQ(welcome["snapshot"]["steps"].size(), 3U);
    EXPECT_EQ(welcome["snapshot"]["scenario"]["name"], "two-faults");
    // Every cached frame, the teacher's position first.
    for (const int position : {3, 1, 2}) {
        const auto frame = browser->read();
        ASSERT_TRUE(frame);
        EXPECT_EQ((*frame)["type"], "frame");
        EXPECT_EQ((*frame)["position"], position);
        EXPECT_EQ((*frame)["svg"], "<svg data-position=\"" + std::to_string(position) + "\"/>");
    }
    ASSERT_TRUE(waitFor([&] { return host.followerCounts().native == 1 && host.followerCounts().web == 1; }));
    EXPECT_EQ(host.followerCount(), 2);
    {
        std::lock_guard lock(mutex);
        EXPECT_EQ(
            std::count_if(joined.begin(), joined.end(), [](const std::string& p) { return p.starts_with("web "); }), 1);
    }

    host.publishStep(steps[3]);
    host.publishFrame(4, "<svg/>");
    host.publishNarration({4, "look at page_count"});
    const auto step = browser->readUntilType("step");
    ASSERT_TRUE(step);
    EXPECT_EQ((*step)["index"], 3);
    EXPECT_EQ((*step)["step"], std::string(core::stepInfo(steps[3].step).id));
    const auto frame = browser->read();
    ASSERT_TRUE(frame);
    EXPECT_EQ((*frame)["position"], 4);
    EXPECT_EQ(browser->readUntilType("narration").value()["text"], "look at page_count");
    ASSERT_TRUE(browser->sendText(R"({"type":"resync"})"));
    EXPECT_EQ(browser->readUntilType("snapshot").value()["snapshot"]["position"], 4);
    EXPECT_TRUE(waitFor([&] { return native.steps == 1; })); // it joined after the first three

    host.publishEnd();
    EXPECT_TRUE(browser->readUntilType("end"));
    browser.reset();
    EXPECT_TRUE(waitFor([&] { return host.followerCounts().web == 0; }));
}

TEST(ClassroomWeb, AWrongCodeLearnsNothingAndFollowersAreReadOnly)
{
    ClassroomHost host(shortTimeouts());
    ASSERT_TRUE(host.start().ok());
    host.publishSession(twoFaults(), core::findPreset("v5.11")->settings);
    host.publishFrame(0, "<svg>secret</svg>");

    WebSocketClient intruder;
    ASSERT_TRUE(intruder.connect(host.port()));
    ASSERT_TRUE(intruder.hello("WRONG2"));
    const auto refused = intruder.read();
    ASSERT_TRUE(refused);
    EXPECT_EQ((*refused)["type"], "refused");
    EXPECT_EQ((*refused)["why"], "code");
    EXPECT_EQ(refused->dump().find("two-faults"), std::string::npos);
    EXPECT_TRUE(intruder.waitClosed()); // and nothing else came before the close

    auto student = joinWeb(host.port(), "TEST23");
    ASSERT_TRUE(student->sendText(R"({"type":"jump","position":0})"));
    const auto readOnly = student->readUntilType("refused");
    ASSERT_TRUE(readOnly);
    EXPECT_EQ((*readOnly)["why"], "read-only");
    EXPECT_TRUE(student->waitClosed());

    auto confused = joinWeb(host.port(), "TEST23");
    ASSERT_TRUE(confused->sendText("this is not JSON"));
    EXPECT_EQ(confused->readUntilType("refused").value()["why"], "protocol");
    EXPECT_TRUE(confused->waitClosed());
    EXPECT_TRUE(waitFor([&] { return host.followerCount() == 0; }));
}

TEST(ClassroomWeb, GarbageBinaryOversizeAndSlowClientsAreClosedWhileOthersKeepReceiving)
{
    ClassroomHost host(shortTimeouts());
    ASSERT_TRUE(host.start().ok());
    host.publishSession(twoFaults(), core::findPreset("v5.11")->settings);
    CountingFollower native;
    native.follower.connect("127.0.0.1", host.port(), "TEST23");
    auto good = joinWeb(host.port(), "TEST23");
    ASSERT_TRUE(waitFor([&] { return host.followerCount() == 2; }));

    auto binary = joinWeb(host.port(), "TEST23");
    ASSERT_TRUE(binary->sendText(R"({"type":"ping"})", true));
    EXPECT_TRUE(binary->waitClosed());

    auto oversize = joinWeb(host.port(), "TEST23");
    oversize->sendText(std::string(200 * 1024, ' ')); // over maxFrameBytes (64 KiB)
    EXPECT_TRUE(oversize->waitClosed());

    WebSocketClient silent; // upgrades and never says hello
    ASSERT_TRUE(silent.connect(host.port()));
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(silent.waitClosed());
    EXPECT_LT(std::chrono::steady_clock::now() - start, 1500ms); // the handshake timeout (300 ms)

    const auto steps = livelockSteps(20);
    for (const auto& step : steps)
        host.publishStep(step);
    int received = 0;
    while (received < 20) {
        const auto message = good->readUntilType("step");
        ASSERT_TRUE(message) << received;
        EXPECT_EQ((*message)["index"], received);
        ++received;
    }
    EXPECT_TRUE(waitFor([&] { return native.steps == 20; }));
    EXPECT_EQ(host.followerCounts().web, 1);
}

namespace {

// Bytes this process caused to be written to storage (/proc/self/io), -1 if not accounted.
long long storageWriteBytes()
{
    std::ifstream io("/proc/self/io");
    std::string key;
    long long value = -1;
    while (io >> key >> value) {
        if (key == "write_bytes:")
            return value;
    }
    return -1;
}

// Descriptors of this process that name a file on disk (not sockets, pipes or devices).
std::set<std::string> openDiskFiles()
{
    std::set<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        std::error_code error;
        const auto target = std::filesystem::read_symlink(entry.path(), error).string();
        if (!error && target.starts_with('/') && !target.starts_with("/dev/") && !target.starts_with("/proc/"))
            files.insert(target);
    }
    return files;
}

} // namespace

TEST(ClassroomWeb, SlowlorisAndAThousandDroppedConnectionsLeaveEveryoneElseServedAndNothingOnDisk)
{
    // A file written relative to the host's working directory would land in this empty one.
    struct EmptyWorkingDirectory
    {
        std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("msb-web-test-" + std::to_string(::getpid()));
        std::filesystem::path previous = std::filesystem::current_path();
        EmptyWorkingDirectory()
        {
            std::filesystem::create_directories(path);
            std::filesystem::current_path(path);
        }
        ~EmptyWorkingDirectory()
        {
            std::filesystem::current_path(previous);
            std::filesystem::remove_all(path);
        }
    } workDir;

    HostOptions options = shortTimeouts();
    options.idleTimeout = 20s; // the test's web client only reads at the end
    ClassroomHost host(options);
    ASSERT_TRUE(host.start().ok());
    host.publishSession(twoFaults(), core::findPreset("v5.11")->settings);
    CountingFollower native;
    native.follower.connect("127.0.0.1", host.port(), "TEST23");
    auto browser = joinWeb(host.port(), "TEST23");
    ASSERT_TRUE(waitFor([&] { return host.followerCount() == 2; }));
    const auto filesBefore = openDiskFiles();
    const long long writtenBefore = storageWriteBytes();

    // The teacher keeps stepping throughout.
    const auto steps = livelockSteps(400);
    std::atomic<bool> publishing {true};
    std::thread teacher([&] {
        for (const auto& step : steps) {
            host.publishStep(step);
            std::this_thread::sleep_for(2ms);
        }
        publishing = false;
    });

    asio::io_context io;
    const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), host.port());
    {
        // Slowloris: a request line and one header byte every 50 ms, never finished.
        tcp::socket slow(io);
        slow.connect(endpoint);
        asio::write(slow, asio::buffer(std::string("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")));
        const auto start = std::chrono::steady_clock::now();
        boost::system::error_code error;
        while (!error && std::chrono::steady_clock::now() - start < 3s) {
            std::this_thread::sleep_for(50ms);
            asio::write(slow, asio::buffer("a", 1), error);
        }
        EXPECT_TRUE(error) << "the host still accepts a request trickling in after 3 s";
        EXPECT_LT(std::chrono::steady_clock::now() - start, 1500ms); // handshake timeout 300 ms
    }
    // A thousand connections opened and dropped: silent, half a request, garbage, a native hello
    // cut short, a finished request never read.
    const std::string kinds[] = {"", "GET / HTTP/1.1\r\nHo", std::string("\x01\x02\x03\x04garbage", 11),
        std::string("\0\0\0\x40{\"type\":\"hel", 16), get("/follow.html")};
    for (int batch = 0; batch < 10; ++batch) {
        std::vector<tcp::socket> sockets;
        for (int i = 0; i < 100; ++i) {
            sockets.emplace_back(io);
            boost::system::error_code error;
            sockets.back().connect(endpoint, error);
            ASSERT_FALSE(error) << "connection " << batch * 100 + i << ": " << error.message();
            asio::write(sockets.back(), asio::buffer(kinds[i % 5]), error);
        }
        for (auto& socket : sockets) {
            boost::system::error_code ignored;
            socket.close(ignored);
        }
    }
    teacher.join();

    EXPECT_TRUE(waitFor([&] { return native.steps == 400; })) << native.steps;
    int received = 0;
    while (received < 400) {
        const auto message = browser->readUntilType("step");
        ASSERT_TRUE(message) << received;
        EXPECT_EQ((*message)["index"], received);
        ++received;
    }
    EXPECT_EQ(host.followerCounts().native, 1);
    EXPECT_EQ(host.followerCounts().web, 1);

    EXPECT_EQ(openDiskFiles(), filesBefore);
    if (writtenBefore >= 0) {
        EXPECT_EQ(storageWriteBytes(), writtenBefore);
    }
    browser.reset();
    host.stop();
    EXPECT_TRUE(std::filesystem::is_empty(workDir.path));
}

TEST(ClassroomWeb, AWebFollowerThatDoesNotReadIsDroppedWithoutSlowingTheOthers)
{
    HostOptions options = shortTimeouts();
    options.idleTimeout = 20s;
    options.maxQueuedBytes = 256 * 1024;
    ClassroomHost host(options);
    std::atomic<int> left {0};
    host.onFollowerLeft = [&](const std::string& peer, const std::string& reason) {
        if (peer.starts_with("web ") && reason.find("queue full") != std::string::npos)
            ++left;
    };
    ASSERT_TRUE(host.start().ok());
    host.publishSession(twoFaults(), core::findPreset("v5.11")->settings);
    CountingFollower native;
    native.follower.connect("127.0.0.1", host.port(), "TEST23");
    auto stalled = joinWeb(host.port(), "TEST23"); // never reads again
    ASSERT_TRUE(waitFor([&] { return host.followerCount() == 2; }));

    // 300 steps, each with a 60 KB frame: far more than the socket buffers and the queue hold.
    const auto steps = livelockSteps(300);
    const std::string svg = "<svg>" + std::string(60000, 'x') + "</svg>";
    for (const auto& step : steps) {
        host.publishStep(step);
        host.publishFrame(step.index + 1, svg);
    }
    // Generous bounds: 18 MB of frames go through the host, and under TSan on a loaded 2-core
    // machine that took over 5 s once (1.4 s alone). Blocking on the stalled browser would never end.
    EXPECT_TRUE(waitFor([&] { return left == 1; }, 30s));
    EXPECT_TRUE(waitFor([&] { return native.steps == 300; }, 30s)) << native.steps;
    EXPECT_EQ(host.followerCounts().web, 0);
}
