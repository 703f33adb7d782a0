// SPDX-License-Identifier: MIT
#include "app/gui/host_bench.h"

#include "app/gui/classroom_bridge.h"
#include "app/gui/simulation_controller.h"
#include "core/settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace msb::app {

namespace {

// The documented v5.11 livelock round of two-faults (0-based threads); it returns to the start.
constexpr int kRound[] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1};
constexpr int kRoundLength = static_cast<int>(std::size(kRound));

double secondsSince(qint64 ns)
{
    return static_cast<double>(classroom::benchNowNs() - ns) / 1e9;
}

} // namespace

QString findCli()
{
    const QDir dir(QCoreApplication::applicationDirPath());
    for (const QString& candidate : {dir.filePath(QStringLiteral("migration-sandbox-cli")),
             dir.filePath(QStringLiteral("../cli/migration-sandbox-cli"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("migration-sandbox-cli"));
}

HostBench::HostBench(
    ClassroomBridge* bridge, SimulationController* controller, const HostBenchOptions& options, QObject* parent)
    : QObject(parent)
    , m_bridge(bridge)
    , m_controller(controller)
    , m_options(options)
{
    m_timer.setTimerType(Qt::PreciseTimer);
}

HostBench::~HostBench()
{
    if (m_child)
        pclose(m_child);
}

void HostBench::start()
{
    if (m_bridge->mode() != ClassroomBridge::Mode::Hosting)
        return fail(QStringLiteral("--host-bench: the window is not hosting"), 2);
    const QString cli = m_options.cli.isEmpty() ? findCli() : m_options.cli;
    if (cli.isEmpty() || !QFileInfo(cli).isExecutable())
        return fail(QStringLiteral("--host-bench: cannot find migration-sandbox-cli (give --bench-cli PATH)"), 2);
    // The session the bench teaches: two-faults under v5.11, from its initial state.
    if (!m_controller->loadBuiltin(QStringLiteral("two-faults")))
        return fail(QStringLiteral("--host-bench: cannot load two-faults"), 3);
    m_controller->setSettings(core::findPreset("v5.11")->settings);

    m_rssStart = classroom::processResidentKiB().first;
    classroom::BenchFollowersCommand command;
    command.cli = cli.toStdString();
    command.via = m_options.followersVia.toStdString();
    command.host =
        (m_options.connectAddress.isEmpty() ? m_bridge->bindAddress() : m_options.connectAddress).toStdString();
    command.port = m_bridge->port();
    command.code = m_bridge->code().toStdString();
    command.followers = m_options.followers;
    command.joinSpreadMs = m_options.joinSpreadMs;
    command.web = true;
    m_child = popen(command.toString().c_str(), "r");
    if (!m_child)
        return fail(QStringLiteral("--host-bench: cannot start %1").arg(QString::fromStdString(command.toString())), 3);
    m_phaseStartNs = classroom::benchNowNs();
    connect(&m_timer, &QTimer::timeout, this, &HostBench::waitForJoins);
    m_timer.start(5);
}

void HostBench::waitForJoins()
{
    if (m_bridge->followerCount() >= m_options.followers) {
        m_timer.stop();
        m_timer.disconnect(this);
        m_joinSeconds = secondsSince(m_phaseStartNs);
        m_rssJoined = classroom::processResidentKiB().first;
        // Idle: everyone connected and shown the teacher's position, nothing new published.
        m_idleCpu0 = classroom::processCpuSeconds();
        m_phaseStartNs = classroom::benchNowNs();
        QTimer::singleShot(m_options.idleMs, this, &HostBench::measureIdle);
    } else if (secondsSince(m_phaseStartNs) > 60) {
        fail(QStringLiteral("--host-bench: only %1 of %2 browsers joined in 60 s")
                 .arg(m_bridge->followerCount())
                 .arg(m_options.followers),
            1);
    }
}

void HostBench::measureIdle()
{
    m_idleWall = secondsSince(m_phaseStartNs);
    m_idleCpu = (classroom::processCpuSeconds() - m_idleCpu0) / m_idleWall;
    m_busyCpu0 = classroom::processCpuSeconds();
    m_busy0Ns = classroom::benchNowNs();
    connect(&m_timer, &QTimer::timeout, this, &HostBench::stepOnce);
    m_timer.start(m_options.paceMs);
}

void HostBench::stepOnce()
{
    if (m_stepped == m_options.steps) {
        m_timer.stop();
        m_timer.disconnect(this);
        m_phaseStartNs = classroom::benchNowNs();
        connect(&m_timer, &QTimer::timeout, this, &HostBench::waitForFrames);
        m_timer.start(10);
        return;
    }
    m_published.push_back(classroom::benchNowNs());
    // The round returns to the initial state, so stepping on repeats it.
    if (!m_controller->step(kRound[m_stepped % kRoundLength]))
        return fail(QStringLiteral("--host-bench: step %1 of the livelock round did not run").arg(m_stepped + 1), 3);
    ++m_stepped;
}

void HostBench::waitForFrames()
{
    // Every position's scene went out (the bridge renders the rest one per event-loop turn).
    if (m_bridge->framesPublished() < m_options.steps + 1 && secondsSince(m_phaseStartNs) < 30)
        return;
    m_timer.stop();
    m_timer.disconnect(this);
    report();
}

void HostBench::report()
{
    const double busyWall = secondsSince(m_busy0Ns);
    const double busyCpu = classroom::processCpuSeconds() - m_busyCpu0;
    const auto [rssEnd, peak] = classroom::processResidentKiB();
    const int frames = m_bridge->framesPublished();
    m_bridge->stopHosting(); // the end of the session: the followers print what they saw
    const classroom::BenchFollowersReport followers = classroom::readBenchFollowers(m_child);
    const int childStatus = pclose(m_child);
    m_child = nullptr;
    const classroom::BenchLatency latency = classroom::benchLatency(followers, m_options.followers, m_published, true);
    const double perStep = static_cast<double>(m_options.followers) * static_cast<double>(m_published.size());
    const double median = latency.quantile(0.5);
    const bool ok = !latency.sortedMs.empty() && median < 500 && latency.quantile(0.99) < 2000 && m_idleCpu < 0.10
        && latency.missing == 0 && childStatus == 0;
    std::printf("host bench: the app hosting, %d web (WebSocket) followers at %s, %zu steps every %d ms\n",
        m_options.followers,
        qPrintable(m_options.connectAddress.isEmpty() ? m_bridge->bindAddress() : m_options.connectAddress),
        m_published.size(), m_options.paceMs);
    std::printf(
        "  joined in %.3f s; %d positions rendered for browsers (landscape and portrait)\n", m_joinSeconds, frames);
    std::printf(
        "  step-to-follower latency (step and its frame): median %.3f ms, p99 %.3f ms, max %.3f ms (%zu deliveries, "
        "%zu missing)\n",
        median, latency.quantile(0.99), latency.sortedMs.empty() ? 0.0 : latency.sortedMs.back(),
        latency.sortedMs.size(), latency.missing);
    std::printf("  host CPU idle: %.2f%% of one core over %.1f s; while stepping: %.2f%% (%.3f CPU s over %.1f s)\n",
        m_idleCpu * 100, m_idleWall, busyCpu / busyWall * 100, busyCpu, busyWall);
    std::printf("  host RSS: %ld KiB before the followers, %ld KiB joined (%.1f KiB per follower), %ld KiB at the end, "
                "peak %ld KiB\n",
        m_rssStart, m_rssJoined, static_cast<double>(m_rssJoined - m_rssStart) / m_options.followers, rssEnd, peak);
    std::printf("  bytes per step per browser: %.0f on the wire (TCP, after the welcome), %.0f of payload; deflate "
                "%d of %d; frames: %llu sent, %llu as deltas\n",
        static_cast<double>(followers.wireBytes) / perStep, static_cast<double>(followers.payloadBytes) / perStep,
        followers.deflateNegotiated, m_options.followers, followers.frames, followers.deltaFrames);
    std::printf("  targets (median < 500 ms, p99 < 2 s, idle CPU < 10%%, none missing): %s\n", ok ? "met" : "NOT met");
    std::fflush(stdout);
    Q_EMIT finished(ok ? 0 : 1);
}

void HostBench::fail(const QString& message, int exitCode)
{
    m_timer.stop();
    std::fprintf(stderr, "migration-sandbox: %s\n", qPrintable(message));
    if (m_bridge->mode() == ClassroomBridge::Mode::Hosting)
        m_bridge->stopHosting();
    if (m_child) {
        pclose(m_child);
        m_child = nullptr;
    }
    Q_EMIT finished(exitCode);
}

} // namespace msb::app
