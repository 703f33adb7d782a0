// SPDX-License-Identifier: MIT
// Runs SPIN on the exported Promela model of one configuration: spin -a, the two pan builds and
// every pan run of a full verdict (core/promela_export.h spinRuns()), in a temporary directory,
// and turns each trail (spin -t -p) back into a schedule of the core model. Used by the `spin`
// and `bench` sub-commands.
#pragma once

#include "app/cli/scenario_options.h"
#include "core/result.h"
#include "core/steps.h"
#include "core/verdict.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace msb::cli {

struct SpinOptions
{
    int jobs = 1;             // pan runs (and the two gcc builds) at a time
    bool bitstate = false;    // -DBITSTATE: a found outcome is real, an absent one is only likely absent
    std::string keepDir;      // when set, work here and keep the files; else a removed temp directory
    int optimize = 2;         // gcc -O level for pan: 0 builds fastest, 2 runs fastest
    int hashBits = 0;         // pan -w: 2^N hash slots (bits under bitstate); 0: 22 (30 under bitstate)
    bool weakFairness = true; // livelock: pan-np -l -f; false: -l alone (explore --fairness none)
};

/// One pan run: did it find its outcome, and the schedule that reaches it.
struct SpinRunResult
{
    std::string outcome;
    bool found = false;
    std::uint64_t states = 0; // "states, stored"
    double seconds = 0;       // the pan run alone
    double cpuSeconds = 0;    // its CPU time, measured only with jobs == 1 (else 0)
    /// The trail as thread indices, prefix then cycle; each entry replayed through the core model
    /// to name its step (a trail the core cannot replay is an internal error, never a verdict).
    std::vector<int> schedule;
    std::vector<core::StepId> steps;
    std::size_t cycleStart = 0; // livelock: schedule[cycleStart..] is the cycle
};

struct SpinVerdict : core::Verdict
{
    std::vector<SpinRunResult> runs;
    bool complete = true;        // false under --bitstate
    bool weakFairness = true;    // SpinOptions::weakFairness of the run
    double seconds = 0;          // wall time of everything (spin -a, gcc, pan runs)
    double secondsBuild = 0;     // spin -a and gcc
    double secondsPanSerial = 0; // sum of the pan runs
    double cpuSecondsBuild = 0;  // CPU time of spin -a and gcc (the fair figure on a shared machine)
    double cpuSecondsPan = 0;    // CPU time of the pan runs and trail replays
    std::uint64_t states = 0;    // states stored by the deadlock run (the plain reachability graph)

    const SpinRunResult* run(std::string_view outcome) const;
};

/// Everything a full verdict needs. Errors: spin or gcc missing or failing (the message says which
/// command), an exporter refusal, a pan limit hit (depth, memory), or a trail the model rejects.
core::Result<SpinVerdict> runSpin(const ResolvedScenario& resolved, const SpinOptions& options);

/// True when `spin` and `gcc` are on PATH.
bool spinAvailable();

} // namespace msb::cli
