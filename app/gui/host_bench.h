// SPDX-License-Identifier: MIT
// `migration-sandbox --host-bench N`: the classroom bench against the app's own host. The
// window hosts as a teacher's does (the bridge publishes every step and renders each position's
// scene for browsers, landscape and portrait, while the window animates), N browsers' WebSocket
// clients run in a `migration-sandbox-cli classroom bench-followers` child (so the CPU and
// memory figures are the app's own), the teacher's controller steps the v5.11 livelock round of
// two-faults at a steady pace, and the figures are printed as `classroom bench --web` prints
// them (bench_report.h computes both).
#pragma once

#include "app/classroom/bench_report.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <cstdio>
#include <vector>

namespace msb::app {

class ClassroomBridge;
class SimulationController;

struct HostBenchOptions
{
    int followers = 0;      // > 0: run the bench
    int steps = 18;         // of the livelock round (it repeats)
    int paceMs = 1000;      // between the teacher's steps
    int idleMs = 3000;      // idle CPU, everyone joined, before the first step
    int joinSpreadMs = 0;   // the browsers' joins spread over this time
    QString cli;            // the migration-sandbox-cli for the followers; empty: found next to the app
    QString followersVia;   // a command prefix for the followers (tools/netem-bench.sh)
    QString connectAddress; // where the followers connect; empty: the address hosted on
};

/*! Finds migration-sandbox-cli: next to the app, in ../cli (the build tree), then on PATH. */
QString findCli();

class HostBench : public QObject
{
    Q_OBJECT

public:
    /*! The bridge must be hosting already. */
    HostBench(ClassroomBridge* bridge, SimulationController* controller, const HostBenchOptions& options,
        QObject* parent = nullptr);
    ~HostBench() override;

    /*! Starts the followers' child; finished() follows (also on failure). */
    void start();

Q_SIGNALS:
    /*! exitCode 0: the targets were met; 1: not met; 2 and 3: the bench could not run. */
    void finished(int exitCode);

private:
    void waitForJoins();
    void measureIdle();
    void stepOnce();
    void waitForFrames();
    void report();
    void fail(const QString& message, int exitCode);

    ClassroomBridge* m_bridge;
    SimulationController* m_controller;
    HostBenchOptions m_options;
    std::FILE* m_child = nullptr;
    QTimer m_timer;
    qint64 m_phaseStartNs = 0;
    double m_joinSeconds = 0;
    long m_rssStart = 0;
    long m_rssJoined = 0;
    double m_idleCpu0 = 0;
    double m_idleCpu = 0;
    double m_idleWall = 0;
    double m_busyCpu0 = 0;
    qint64 m_busy0Ns = 0;
    int m_stepped = 0;
    std::vector<std::int64_t> m_published;
};

} // namespace msb::app
