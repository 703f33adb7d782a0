// SPDX-License-Identifier: MIT
#include "app/classroom/classroom_soak.h"

#include "app/classroom/classroom_follower.h"
#include "app/classroom/classroom_host.h"
#include "app/classroom/framing.h"
#include "app/classroom/session_state.h"
#include "core/builtin_scenarios.h"
#include "core/settings.h"
#include "core/simulator.h"

#include <arpa/inet.h>
#include <atomic>
#include <dirent.h>
#include <fstream>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <random>
#include <sstream>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace msb::classroom {

namespace {

// Under ASan (freed memory sits in a quarantine of up to 256 MiB) or TSan (shadow memory) the RSS
// grows by design, so flatness is only checked in plain builds; the figures are reported anyway.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kRssIsMeaningful = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kRssIsMeaningful = false;
#else
constexpr bool kRssIsMeaningful = true;
#endif
#else
constexpr bool kRssIsMeaningful = true;
#endif

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Twenty v5.11 livelock rounds on two-faults. A round returns exactly to the initial state, so
// step i of an endless schedule is table[i % size]: the soak can restart at index 0 (which drops
// the redo tail, bounding the session) or jump anywhere and continue from there.
std::vector<StepEvent> livelockTable(const core::Scenario& scenario, const core::Settings& settings)
{
    static const int round[] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1};
    core::Simulator sim(scenario, settings);
    std::vector<StepEvent> table;
    for (int i = 0; i < 20 * 18; ++i) {
        const int thread = round[i % 18];
        auto record = sim.step(thread);
        if (!record.ok())
            return {};
        table.push_back(StepEvent {i, thread, record.value().id, record.value().hash});
    }
    return table;
}

// A ClassroomFollower with a mirror of the session built from what it received.
class SoakFollower
{
public:
    explicit SoakFollower(std::atomic<long>& transientErrors, std::atomic<long>& persistentErrors)
        : m_follower(timeouts())
    {
        m_follower.callbacks.message = [this](const Message& message) {
            if (!isSessionEvent(message))
                return;
            std::lock_guard lock(m_mutex);
            if (const auto applied = m_mirror.apply(message); !applied && m_problem.empty())
                m_problem = applied.error().message;
        };
        m_follower.callbacks.welcomed = [this](const std::string&, const Snapshot& snapshot) { reset(snapshot); };
        m_follower.callbacks.resynced = [this](const Snapshot& snapshot) { reset(snapshot); };
        m_follower.onError = [&transientErrors, &persistentErrors](const ConnectionError& error) {
            ++(error.kind == ConnectionError::Kind::Transient ? transientErrors : persistentErrors);
        };
        m_follower.onFinished = [this] { m_finished = true; };
    }
    ~SoakFollower() { m_follower.disconnect(); } // its io thread uses the members
    SoakFollower(const SoakFollower&) = delete;
    SoakFollower& operator=(const SoakFollower&) = delete;

    void connect(std::uint16_t port, const std::string& code) { m_follower.connect("127.0.0.1", port, code); }

    bool mirrors(const Snapshot& host)
    {
        std::lock_guard lock(m_mutex);
        const Snapshot& s = m_mirror.snapshot();
        return m_welcomed && s.hasSession && s.position == host.position && s.steps == host.steps
            && s.scenario == host.scenario && s.settings == host.settings;
    }
    std::string problem()
    {
        std::lock_guard lock(m_mutex);
        return m_problem;
    }
    bool finished() const { return m_finished; }

private:
    static FollowerOptions timeouts()
    {
        FollowerOptions o;
        o.connectTimeout = 3000ms;
        o.idleTimeout = 3000ms;
        o.keepaliveInterval = 300ms;
        o.maxAttempts = 10;
        o.retryDelay = 20ms;
        o.maxRetryDelay = 500ms;
        return o;
    }
    void reset(const Snapshot& snapshot)
    {
        std::lock_guard lock(m_mutex);
        m_mirror.reset(snapshot);
        m_welcomed = true;
    }

    std::mutex m_mutex;
    SessionState m_mirror;
    bool m_welcomed = false;
    std::string m_problem;
    std::atomic<bool> m_finished {false};
    ClassroomFollower m_follower; // last: destroyed (joined) before the members it calls back into
};

// A peer that joins and then never reads: the host must not block on it nor keep it forever.
class StalledPeer
{
public:
    StalledPeer(std::uint16_t port, const std::string& code, Clock::time_point until)
        : m_until(until)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0)
            return;
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
            return;
        msg::Hello hello;
        hello.code = code;
        const std::string frame = encodeFrame(hello);
        [[maybe_unused]] const auto sent = ::send(m_fd, frame.data(), frame.size(), MSG_NOSIGNAL);
    }
    ~StalledPeer()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    StalledPeer(const StalledPeer&) = delete;
    StalledPeer& operator=(const StalledPeer&) = delete;
    bool due(Clock::time_point now) const { return now >= m_until; }

private:
    int m_fd = -1;
    Clock::time_point m_until;
};

template <class Predicate>
bool waitUntil(Predicate predicate, std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    while (!predicate()) {
        if (Clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

} // namespace

long residentSetKb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    }
    return -1;
}

int openDescriptorCount()
{
    DIR* dir = ::opendir("/proc/self/fd");
    if (!dir)
        return -1;
    int count = 0;
    while (const dirent* entry = ::readdir(dir)) {
        if (entry->d_name[0] != '.')
            ++count;
    }
    ::closedir(dir);
    return count - 1; // the descriptor of dir itself
}

SoakReport runClassroomSoak(const SoakOptions& options)
{
    SoakReport report;
    report.seed = options.seed;
    const auto say = [&](const std::string& line) {
        if (options.progress)
            options.progress(line);
    };
    const core::Scenario scenario = core::loadBuiltinScenario("two-faults").value();
    const core::Settings settings = core::findPreset("v5.11")->settings;
    const std::vector<StepEvent> table = livelockTable(scenario, settings);
    if (table.empty()) {
        report.failures.push_back("the livelock schedule does not replay");
        return report;
    }

    report.fdsBefore = openDescriptorCount();
    std::atomic<long> hostJoined {0};
    std::atomic<long> hostLeft {0};
    std::atomic<long> transientErrors {0};
    std::atomic<long> persistentErrors {0};
    {
        HostOptions hostOptions;
        hostOptions.code = "SOAK42";
        hostOptions.handshakeTimeout = 500ms;
        hostOptions.idleTimeout = 2000ms; // a stalled peer sends no keepalive: dropped after this
        hostOptions.keepaliveInterval = 300ms;
        hostOptions.maxQueuedFrames = 512;
        ClassroomHost host(hostOptions);
        host.onFollowerJoined = [&](const std::string&) { ++hostJoined; };
        host.onFollowerLeft = [&](const std::string&, const std::string&) { ++hostLeft; };
        if (auto started = host.start(); !started) {
            report.failures.push_back("host: " + started.error().message);
            return report;
        }
        report.fdsHostIdleStart = openDescriptorCount();

        // The host's state, folded from exactly what it was asked to publish.
        SessionState expected;
        const auto publish = [&](const Message& event) {
            if (const auto applied = expected.apply(event); !applied)
                report.failures.push_back("the soak published a bad event: " + applied.error().message);
        };
        host.publishSession(scenario, settings);
        publish(msg::Session {scenario, settings});

        std::mt19937 random(options.seed);
        const auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; };
        const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };

        std::vector<std::unique_ptr<SoakFollower>> slots(static_cast<std::size_t>(std::max(1, options.followers)));
        std::vector<std::unique_ptr<StalledPeer>> stalled;
        const auto join = [&](std::unique_ptr<SoakFollower>& slot) {
            slot = std::make_unique<SoakFollower>(transientErrors, persistentErrors);
            slot->connect(host.port(), host.code());
            ++report.joins;
        };

        const auto started = Clock::now();
        const auto deadline = started + options.duration;
        auto nextReport = started + 10s;
        bool warm = false;
        int next = 0; // index of the next step
        while (Clock::now() < deadline) {
            const auto now = Clock::now();
            if (!warm && now >= started + options.warmUp) {
                report.rssWarmKb = residentSetKb();
                warm = true;
            }
            // The teacher: mostly steps, now and then a jump (undo/redo), and a restart of the
            // schedule at index 0 that keeps the session bounded however long the soak runs.
            const int size = static_cast<int>(expected.snapshot().steps.size());
            if (chance(0.02) && size > 0) {
                const int position = pick(size + 1);
                host.publishJump(position);
                publish(msg::Jump {position});
                next = position;
                ++report.jumpsPublished;
            } else {
                if (next >= static_cast<int>(table.size()))
                    next = 0;
                const StepEvent step = table[static_cast<std::size_t>(next)];
                host.publishStep(step);
                publish(step);
                ++next;
                ++report.stepsPublished;
            }
            // The class: about one move every 20 steps.
            if (chance(0.05)) {
                auto& slot = slots[static_cast<std::size_t>(pick(static_cast<int>(slots.size())))];
                const int move = pick(4);
                if (!slot || slot->finished()) {
                    join(slot);
                } else if (move == 0) {
                    slot.reset();
                    ++report.leaves;
                } else if (move == 1) {
                    slot.reset();
                    join(slot);
                    ++report.reconnects;
                } else if (move == 2 && static_cast<int>(stalled.size()) < options.maxStalled) {
                    const auto hold = std::chrono::milliseconds(500 + pick(3000));
                    stalled.push_back(std::make_unique<StalledPeer>(host.port(), host.code(), now + hold));
                    ++report.stalls;
                }
            }
            std::erase_if(stalled, [&](const auto& peer) { return peer->due(now); });
            if (now >= nextReport) {
                nextReport += 10s;
                std::ostringstream line;
                line << std::chrono::duration_cast<std::chrono::seconds>(now - started).count()
                     << " s: " << report.stepsPublished << " steps, " << report.joins << " joins, " << report.leaves
                     << " leaves, " << report.reconnects << " reconnects, " << report.stalls << " stalls, "
                     << host.followerCount() << " connected, RSS " << residentSetKb() << " KiB, "
                     << openDescriptorCount() << " fds";
                say(line.str());
            }
            std::this_thread::sleep_for(options.stepInterval);
        }
        if (!warm)
            report.rssWarmKb = residentSetKb();
        report.seconds = std::chrono::duration<double>(Clock::now() - started).count();

        // Settle: the stalled peers go, every slot gets a follower, a few last steps, and then
        // every follower must mirror the host exactly.
        stalled.clear();
        for (auto& slot : slots) {
            if (!slot || slot->finished())
                join(slot);
        }
        for (int i = 0; i < 5; ++i) {
            if (next >= static_cast<int>(table.size()))
                next = 0;
            host.publishStep(table[static_cast<std::size_t>(next)]);
            publish(table[static_cast<std::size_t>(next)]);
            ++next;
            ++report.stepsPublished;
        }
        const Snapshot& target = expected.snapshot();
        waitUntil(
            [&] {
                for (auto& slot : slots) {
                    if (!slot->mirrors(target))
                        return false;
                }
                return true;
            },
            15s);
        report.followersAtEnd = static_cast<int>(slots.size());
        for (std::size_t i = 0; i < slots.size(); ++i) {
            if (slots[i]->mirrors(target))
                ++report.convergedAtEnd;
            else
                report.failures.push_back("follower " + std::to_string(i) + " does not mirror the host");
            if (const std::string why = slots[i]->problem(); !why.empty())
                report.failures.push_back("follower " + std::to_string(i) + " received a bad event: " + why);
        }
        if (!waitUntil([&] { return host.followerCount() == report.followersAtEnd; }, 10s))
            report.failures.push_back("the host counts " + std::to_string(host.followerCount())
                + " followers, the soak has " + std::to_string(report.followersAtEnd));
        report.rssEndKb = residentSetKb();

        // Everybody leaves: the host must be back to its idle descriptors.
        slots.clear();
        if (!waitUntil([&] { return host.followerCount() == 0; }, 10s))
            report.failures.push_back(
                "the host still counts " + std::to_string(host.followerCount()) + " followers after all left");
        waitUntil([&] { return openDescriptorCount() <= report.fdsHostIdleStart; }, 5s);
        report.fdsHostIdleEnd = openDescriptorCount();
        host.publishEnd();
        host.stop();
    }
    report.fdsAfter = openDescriptorCount();
    report.hostJoined = hostJoined;
    report.hostLeft = hostLeft;
    report.transientErrors = transientErrors;

    if (persistentErrors > 0)
        report.failures.push_back(std::to_string(persistentErrors.load()) + " followers were refused or gave up");
    if (report.hostJoined != report.hostLeft)
        report.failures.push_back("the host saw " + std::to_string(report.hostJoined) + " joins but "
            + std::to_string(report.hostLeft) + " leaves");
    report.rssChecked = kRssIsMeaningful;
    if (report.rssChecked && report.rssEndKb > report.rssWarmKb + options.rssSlackKb)
        report.failures.push_back("RSS grew from " + std::to_string(report.rssWarmKb) + " KiB after the warm-up to "
            + std::to_string(report.rssEndKb) + " KiB");
    if (report.fdsHostIdleEnd != report.fdsHostIdleStart)
        report.failures.push_back("the idle host had " + std::to_string(report.fdsHostIdleStart)
            + " descriptors open at the start and " + std::to_string(report.fdsHostIdleEnd) + " at the end");
    if (report.fdsAfter != report.fdsBefore)
        report.failures.push_back(std::to_string(report.fdsBefore) + " descriptors before the soak, "
            + std::to_string(report.fdsAfter) + " after");
    return report;
}

std::string describeSoak(const SoakReport& r)
{
    std::ostringstream out;
    out << "seed " << r.seed << ", " << r.seconds << " s: " << r.stepsPublished << " steps and " << r.jumpsPublished
        << " jumps published\n"
        << "followers: " << r.joins << " joins, " << r.leaves << " leaves, " << r.reconnects << " reconnects, "
        << r.stalls << " stalled peers; host saw " << r.hostJoined << " joins and " << r.hostLeft << " leaves; "
        << r.transientErrors << " transient follower errors\n"
        << "end: " << r.convergedAtEnd << '/' << r.followersAtEnd << " followers mirror the host\n"
        << "RSS: " << r.rssWarmKb << " KiB after warm-up, " << r.rssEndKb << " KiB at the end"
        << (r.rssChecked ? "" : " (not checked in a sanitizer build)") << '\n'
        << "fds: " << r.fdsBefore << " before, " << r.fdsHostIdleStart << " idle host at start, " << r.fdsHostIdleEnd
        << " idle host at end, " << r.fdsAfter << " after\n";
    for (const std::string& failure : r.failures)
        out << "FAIL: " << failure << '\n';
    out << (r.ok() ? "soak passed" : "soak FAILED") << '\n';
    return out.str();
}

} // namespace msb::classroom
