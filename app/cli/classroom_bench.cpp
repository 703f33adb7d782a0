// SPDX-License-Identifier: MIT
#include "app/cli/classroom_bench.h"

#include "app/classroom/classroom_follower.h"
#include "app/classroom/classroom_host.h"
#include "app/classroom/web_bench.h"
#include "app/cli/scenario_options.h"
#include "core/builtin_scenarios.h"
#include "core/model.h"
#include "core/simulator.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace msb::cli {

namespace {

using namespace std::chrono_literals;
using classroom::ClassroomFollower;
using classroom::ClassroomHost;
using Clock = std::chrono::steady_clock;

std::int64_t nowNs()
{
    // steady_clock is CLOCK_MONOTONIC on Linux: one clock for the host and the follower process.
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Hidden helper of bench: N followers in this process; prints, per follower, the receive time of
// every step ("R <follower> <index> <ns>") once all have seen the end.
int runNativeFollowers(std::uint16_t port, const std::string& code, int count)
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
            (*times)[index] = nowNs();
        };
        follower->onFinished = [&] {
            std::lock_guard lock(mutex);
            ++finished;
            cv.notify_all();
        };
        follower->onError = [](const classroom::ConnectionError& e) { std::cerr << "follower: " << e.message << '\n'; };
        follower->connect("127.0.0.1", port, code);
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

// The same for web followers (WebSocket clients); also "B <follower> <bytes>" after the welcome.
int runWebFollowers(std::uint16_t port, const std::string& code, int count)
{
    classroom::WebBenchOptions options;
    options.port = port;
    options.code = code;
    options.followers = count;
    const auto results = classroom::runWebBenchFollowers(options);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto& r = results[i];
        if (!r.ended)
            std::cerr << "web follower " << i << ": " << r.error << '\n';
        for (std::size_t s = 0; s < r.stepReceivedNs.size(); ++s)
            std::printf("R %zu %zu %lld\n", i, s, static_cast<long long>(r.stepReceivedNs[s]));
        std::printf("B %zu %llu\n", i, static_cast<unsigned long long>(r.bytesAfterWelcome));
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
    auto scenario = core::loadBuiltinScenario("two-faults");
    const core::Settings settings = core::findPreset("v5.11")->settings;
    // The documented v5.11 livelock round returns to the initial state, so it repeats forever.
    static const int round[] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1};
    core::Simulator simulator(scenario.value(), settings);
    std::vector<classroom::StepEvent> steps;
    for (int i = 0; i < args.steps; ++i) {
        const auto record = simulator.step(round[i % 18]);
        steps.push_back({i, round[i % 18], record.value().id, record.value().hash});
    }

    classroom::HostOptions options;
    options.textFrames = args.web && args.svgBytes == 0;
    ClassroomHost host(options);
    if (auto started = host.start(); !started) {
        std::cerr << "error: " << started.error().message << '\n';
        return ExitBadInput;
    }
    const std::string command = selfPath() + " classroom bench-followers --port " + std::to_string(host.port())
        + " --code " + host.code() + " --followers " + std::to_string(args.followers) + (args.web ? " --web" : "");
    FILE* child = popen(command.c_str(), "r");
    if (!child) {
        std::cerr << "error: cannot start " << command << '\n';
        return ExitInternal;
    }
    const auto joinStart = Clock::now();
    while (host.followerCount() < args.followers && Clock::now() - joinStart < 30s)
        std::this_thread::sleep_for(5ms);
    if (host.followerCount() < args.followers) {
        std::cerr << "error: only " << host.followerCount() << " followers joined\n";
        host.stop();
        pclose(child);
        return ExitPropertyFailed;
    }
    const double joinSeconds = std::chrono::duration<double>(Clock::now() - joinStart).count();

    // Idle: everyone connected, nothing published. Only the host process is measured.
    const double idleCpu0 = cpuSeconds();
    const auto idle0 = Clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(args.idleMs));
    const double idleWall = std::chrono::duration<double>(Clock::now() - idle0).count();
    const double idleCpu = (cpuSeconds() - idleCpu0) / idleWall;

    host.publishSession(scenario.value(), settings);
    std::vector<std::int64_t> published;
    const double busyCpu0 = cpuSeconds();
    const auto busy0 = Clock::now();
    // A frame of svgBytes, as an app's scene export might send per position.
    const std::string svg = args.svgBytes > 0 ? "<svg xmlns=\"http://www.w3.org/2000/svg\">"
            + std::string(static_cast<std::size_t>(args.svgBytes), ' ') + "</svg>"
                                              : std::string();
    for (const auto& step : steps) {
        published.push_back(nowNs());
        host.publishStep(step);
        if (!svg.empty())
            host.publishFrame(step.index + 1, svg);
        std::this_thread::sleep_for(std::chrono::milliseconds(args.paceMs));
    }
    const double busyWall = std::chrono::duration<double>(Clock::now() - busy0).count();
    const double busyCpu = (cpuSeconds() - busyCpu0) / busyWall;
    host.publishEnd();
    host.flush(10s);

    std::vector<double> latenciesMs;
    std::size_t missing = static_cast<std::size_t>(args.followers) * steps.size();
    unsigned long long webBytes = 0;
    char line[256];
    while (std::fgets(line, sizeof line, child)) {
        int follower = 0;
        std::size_t index = 0;
        long long ns = 0;
        unsigned long long bytes = 0;
        if (std::sscanf(line, "R %d %zu %lld", &follower, &index, &ns) == 3 && index < published.size() && ns > 0) {
            latenciesMs.push_back(static_cast<double>(ns - published[index]) / 1e6);
            --missing;
        } else if (std::sscanf(line, "B %d %llu", &follower, &bytes) == 2) {
            webBytes += bytes;
        }
    }
    const int childStatus = pclose(child);
    host.stop();
    if (latenciesMs.empty()) {
        std::cerr << "error: no step reached a follower\n";
        return ExitPropertyFailed;
    }
    std::sort(latenciesMs.begin(), latenciesMs.end());
    const auto at = [&](double q) {
        return latenciesMs[std::min(
            latenciesMs.size() - 1, static_cast<std::size_t>(q * static_cast<double>(latenciesMs.size())))];
    };
    const double median = at(0.5);
    const double medianTarget = args.web ? 50.0 : 20.0;
    const bool ok = median < medianTarget && idleCpu < 0.10 && missing == 0 && childStatus == 0;
    std::printf("classroom bench: %d %s followers on loopback, %d steps every %d ms\n", args.followers,
        args.web ? "web (WebSocket)" : "native", args.steps, args.paceMs);
    std::printf("  joined in %.3f s\n", joinSeconds);
    std::printf("  step-to-follower latency: median %.3f ms, p99 %.3f ms, max %.3f ms (%zu deliveries, %zu missing)\n",
        median, at(0.99), latenciesMs.back(), latenciesMs.size(), missing);
    std::printf("  host CPU idle: %.2f%% of one core over %.1f s; while stepping: %.2f%%\n", idleCpu * 100, idleWall,
        busyCpu * 100);
    if (args.web)
        std::printf("  bytes per step per follower: %.0f (step JSON and a %s frame, WebSocket payload)\n",
            static_cast<double>(webBytes) / args.followers / args.steps,
            args.svgBytes > 0 ? (std::to_string(args.svgBytes) + "-byte SVG").c_str() : "text");
    std::printf("  targets (median < %.0f ms, idle CPU < 10%%): %s\n", medianTarget, ok ? "met" : "NOT met");
    return ok ? ExitOk : ExitPropertyFailed;
}


int runClassroomBenchFollowers(std::uint16_t port, const std::string& code, int count, bool web)
{
    return web ? runWebFollowers(port, code, count) : runNativeFollowers(port, code, count);
}

} // namespace msb::cli
