// SPDX-License-Identifier: MIT
#include "app/cli/classroom_bench.h"

#include "app/classroom/bench_report.h"
#include "app/classroom/classroom_follower.h"
#include "app/classroom/classroom_host.h"
#include "app/classroom/frames_file.h"
#include "app/classroom/web_bench.h"
#include "app/classroom/web_deflate.h"
#include "app/cli/scenario_options.h"
#include "core/builtin_scenarios.h"
#include "core/model.h"
#include "core/simulator.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <vector>

namespace msb::cli {

namespace {

using namespace std::chrono_literals;
using classroom::ClassroomFollower;
using classroom::ClassroomHost;
using Clock = std::chrono::steady_clock;

// Hidden helper of bench: N followers in this process; prints, per follower, the receive time of
// every step ("R <follower> <index> <ns>") once all have seen the end.
int runNativeFollowers(const std::string& host, std::uint16_t port, const std::string& code, int count)
{
    std::mutex mutex;
    std::condition_variable cv;
    int finished = 0;
    std::vector<std::vector<std::int64_t>> received(static_cast<std::size_t>(count));
    std::vector<std::unique_ptr<ClassroomFollower>> followers;
    for (int i = 0; i < count; ++i) {
        auto follower = std::make_unique<ClassroomFollower>();
        auto* times = &received[static_cast<std::size_t>(i)];
        follower->callbacks.step = [times](const classroom::StepEvent& step) {
            const auto index = static_cast<std::size_t>(step.index);
            if (times->size() <= index)
                times->resize(index + 1, -1);
            (*times)[index] = classroom::benchNowNs();
        };
        follower->onFinished = [&] {
            std::lock_guard lock(mutex);
            ++finished;
            cv.notify_all();
        };
        follower->onError = [](const classroom::ConnectionError& e) { std::cerr << "follower: " << e.message << '\n'; };
        follower->connect(host, port, code);
        followers.push_back(std::move(follower));
    }
    {
        // Bounded: if the host gives up (too few joined), the followers never see the end.
        std::unique_lock lock(mutex);
        cv.wait_for(lock, std::chrono::minutes(2), [&] { return finished == count; });
    }
    for (auto& f : followers)
        f->disconnect();
    for (int i = 0; i < count; ++i) {
        const auto& times = received[static_cast<std::size_t>(i)];
        for (std::size_t s = 0; s < times.size(); ++s)
            std::printf("R %d %zu %lld\n", i, s, static_cast<long long>(times[s]));
    }
    return ExitOk;
}

// The same for web followers (WebSocket clients); also "F <follower> <position> <ns>" per frame,
// "B <follower> <payload bytes> <wire bytes> <frames> <deltas>" and "V <follower> <right> <wrong>".
int runWebFollowers(const BenchFollowerArgs& args)
{
    classroom::WebBenchOptions options;
    options.host = args.host;
    options.port = args.port;
    options.code = args.code;
    options.followers = args.followers;
    options.deflate = args.deflate;
    options.deltas = args.deltas;
    options.connectSpread = std::chrono::milliseconds(args.joinSpreadMs);
    classroom::FramesFile frames;
    if (!args.framesFile.empty()) {
        auto loaded = classroom::loadFramesFile(args.framesFile);
        if (!loaded)
            return reportBadInput(loaded.error());
        frames = std::move(loaded.value());
        options.verifyEvery = 50;
        options.expectedFrame = [&frames](int position) { return &classroom::frameForPosition(frames, position); };
    }
    const auto results = classroom::runWebBenchFollowers(options);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto& r = results[i];
        if (!r.ended)
            std::cerr << "web follower " << i << ": " << r.error << '\n';
        for (std::size_t s = 0; s < r.stepReceivedNs.size(); ++s)
            std::printf("R %zu %zu %lld\n", i, s, static_cast<long long>(r.stepReceivedNs[s]));
        for (std::size_t p = 0; p < r.frameReceivedNs.size(); ++p)
            std::printf("F %zu %zu %lld\n", i, p, static_cast<long long>(r.frameReceivedNs[p]));
        std::printf("B %zu %llu %llu %llu %llu %d\n", i, static_cast<unsigned long long>(r.bytesAfterWelcome),
            static_cast<unsigned long long>(r.wireBytesAfterWelcome), static_cast<unsigned long long>(r.frames),
            static_cast<unsigned long long>(r.deltaFrames), r.deflateNegotiated ? 1 : 0);
        std::printf("V %zu %d %d\n", i, r.framesVerified, r.framesWrong);
    }
    return ExitOk;
}

std::string selfPath()
{
    std::string path(4096, '\0');
    const ssize_t n = readlink("/proc/self/exe", path.data(), path.size() - 1);
    path.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return path;
}

} // namespace

int runClassroomBench(const ClassroomBenchArgs& args)
{
    classroom::FramesFile frames;
    if (!args.framesFile.empty()) {
        auto loaded = classroom::loadFramesFile(args.framesFile);
        if (!loaded)
            return reportBadInput(loaded.error());
        frames = std::move(loaded.value());
    }
    const bool realFrames = !frames.frames.empty();
    const int stepCount = realFrames && !args.stepsGiven ? static_cast<int>(frames.frames.size()) - 1 : args.steps;
    auto scenario = core::loadBuiltinScenario("two-faults");
    const core::Settings settings = core::findPreset("v5.11")->settings;
    // The documented v5.11 livelock round returns to the initial state, so it repeats forever.
    static const int round[] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1};
    core::Simulator simulator(scenario.value(), settings);
    std::vector<classroom::StepEvent> steps;
    for (int i = 0; i < stepCount; ++i) {
        const auto record = simulator.step(round[i % 18]);
        steps.push_back({i, round[i % 18], record.value().id, record.value().hash});
    }

    classroom::HostOptions options;
    options.textFrames = args.web && args.svgBytes == 0 && !realFrames;
    options.bindAddress = args.bind;
    options.port = args.port;
    options.maxFollowers = std::max(options.maxFollowers, args.followers + 8);
    options.webDeflate = {args.deflate, args.windowBits, args.memLevel, args.compLevel, args.contextTakeover};
    const auto [rssStart, peakStart] = classroom::processResidentKiB();
    ClassroomHost host(options);
    if (auto started = host.start(); !started) {
        std::cerr << "error: " << started.error().message << '\n';
        return ExitBadInput;
    }
    classroom::BenchFollowersCommand followers;
    followers.cli = selfPath();
    followers.via = args.followersVia;
    followers.host = args.connectAddress;
    followers.port = host.port();
    followers.code = host.code();
    followers.followers = args.followers;
    followers.joinSpreadMs = args.joinSpreadMs;
    followers.web = args.web;
    followers.deflate = args.deflate;
    followers.deltas = args.deltas;
    followers.framesFile = realFrames ? args.framesFile : std::string();
    const std::string command = followers.toString();
    FILE* child = popen(command.c_str(), "r");
    if (!child) {
        std::cerr << "error: cannot start " << command << '\n';
        return ExitInternal;
    }
    const auto joinStart = Clock::now();
    while (host.followerCount() < args.followers && Clock::now() - joinStart < 60s)
        std::this_thread::sleep_for(5ms);
    if (host.followerCount() < args.followers) {
        std::cerr << "error: only " << host.followerCount() << " followers joined\n";
        host.stop();
        pclose(child);
        return ExitPropertyFailed;
    }
    const double joinSeconds = std::chrono::duration<double>(Clock::now() - joinStart).count();
    const long rssJoined = classroom::processResidentKiB().first;

    // Idle: everyone connected, nothing published. Only the host process is measured.
    const double idleCpu0 = classroom::processCpuSeconds();
    const auto idle0 = Clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(args.idleMs));
    const double idleWall = std::chrono::duration<double>(Clock::now() - idle0).count();
    const double idleCpu = (classroom::processCpuSeconds() - idleCpu0) / idleWall;

    // A frame of svgBytes, as an app's scene export might send per position.
    const std::string svg = args.svgBytes > 0 ? "<svg xmlns=\"http://www.w3.org/2000/svg\">"
            + std::string(static_cast<std::size_t>(args.svgBytes), ' ') + "</svg>"
                                              : std::string();
    const auto frameAt = [&](int position) -> const std::string& {
        return realFrames ? classroom::frameForPosition(frames, position) : svg;
    };
    std::vector<std::int64_t> published;
    const double busyCpu0 = classroom::processCpuSeconds();
    const auto busy0 = Clock::now();
    host.publishSession(scenario.value(), settings);
    if (!frameAt(0).empty())
        host.publishFrame(0, frameAt(0)); // what the app renders first: the teacher's position
    for (const auto& step : steps) {
        std::this_thread::sleep_for(std::chrono::milliseconds(args.paceMs));
        published.push_back(classroom::benchNowNs());
        host.publishStep(step);
        if (!frameAt(step.index + 1).empty())
            host.publishFrame(step.index + 1, frameAt(step.index + 1));
    }
    host.publishEnd();
    host.flush(30s);
    const double busyWall = std::chrono::duration<double>(Clock::now() - busy0).count();
    const double busyCpuSeconds = classroom::processCpuSeconds() - busyCpu0;
    const auto [rssEnd, peakEnd] = classroom::processResidentKiB();

    // Latency: a step has reached a browser once its step and (with frames) its frame are there.
    const bool withFrames = args.web && (realFrames || args.svgBytes > 0);
    const classroom::BenchFollowersReport report = classroom::readBenchFollowers(child);
    const int childStatus = pclose(child);
    host.stop();
    const classroom::BenchLatency latency = classroom::benchLatency(report, args.followers, published, withFrames);
    if (latency.sortedMs.empty()) {
        std::cerr << "error: no step reached a follower\n";
        return ExitPropertyFailed;
    }
    const auto at = [&](double q) { return latency.quantile(q); };
    const std::size_t missing = latency.missing;
    const unsigned long long wireBytes = report.wireBytes;
    const unsigned long long payloadBytes = report.payloadBytes;
    const unsigned long long frameCount = report.frames;
    const unsigned long long deltaCount = report.deltaFrames;
    const int negotiated = report.deflateNegotiated;
    const int verified = report.framesVerified;
    const int wrong = report.framesWrong;
    const double median = at(0.5);
    const double medianTarget = args.web ? (realFrames ? 500.0 : 50.0) : 20.0;
    const bool ok = median < medianTarget && idleCpu < 0.10 && missing == 0 && childStatus == 0 && wrong == 0;
    std::printf("classroom bench: %d %s followers at %s, %zu steps every %d ms\n", args.followers,
        args.web ? "web (WebSocket)" : "native", args.connectAddress.c_str(), steps.size(), args.paceMs);
    if (realFrames)
        std::printf(
            "  frames: %s (%zu positions; %s)\n", args.framesFile.c_str(), frames.frames.size(), frames.source.c_str());
    std::printf("  joined in %.3f s\n", joinSeconds);
    std::printf(
        "  step-to-follower latency%s: median %.3f ms, p99 %.3f ms, max %.3f ms (%zu deliveries, %zu missing)\n",
        withFrames ? " (step and its frame)" : "", median, at(0.99), latency.sortedMs.back(), latency.sortedMs.size(),
        missing);
    std::printf("  host CPU idle: %.2f%% of one core over %.1f s; while stepping: %.2f%% (%.3f CPU s over %.1f s)\n",
        idleCpu * 100, idleWall, busyCpuSeconds / busyWall * 100, busyCpuSeconds, busyWall);
    std::printf("  host RSS: %ld KiB before the followers, %ld KiB joined (%.1f KiB per follower), %ld KiB at the "
                "end, peak %ld KiB\n",
        rssStart, rssJoined, static_cast<double>(rssJoined - rssStart) / args.followers, rssEnd,
        std::max(peakStart, peakEnd));
    if (args.web) {
        const double perStep = static_cast<double>(args.followers) * static_cast<double>(steps.size());
        std::printf("  bytes per step per browser: %.0f on the wire (TCP, after the welcome), %.0f of payload; "
                    "deflate %s (%d of %d), window 2^%d, memLevel %d, level %d, context takeover %s\n",
            static_cast<double>(wireBytes) / perStep, static_cast<double>(payloadBytes) / perStep,
            args.deflate ? "on" : "off", negotiated, args.followers, args.windowBits, args.memLevel, args.compLevel,
            args.contextTakeover ? "on" : "off");
        std::printf("  frames: %llu sent, %llu as deltas%s; %d rebuilt and checked against the file, %d wrong\n",
            frameCount, deltaCount, args.deltas ? "" : " (deltas off)", verified, wrong);
        if (args.deflate)
            std::printf("  deflate memory per connection (host): %zu bytes (+ %zu for a browser's messages)\n",
                classroom::deflateBytesPerConnection(options.webDeflate), classroom::inflateBytesPerConnection(9));
    }
    std::printf("  targets (median < %.0f ms, idle CPU < 10%%, none missing%s): %s\n", medianTarget,
        realFrames ? ", every frame right" : "", ok ? "met" : "NOT met");
    return ok ? ExitOk : ExitPropertyFailed;
}

int runClassroomBenchFollowers(const BenchFollowerArgs& args)
{
    return args.web ? runWebFollowers(args) : runNativeFollowers(args.host, args.port, args.code, args.followers);
}

} // namespace msb::cli
