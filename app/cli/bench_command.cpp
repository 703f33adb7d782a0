// SPDX-License-Identifier: MIT
// `bench`: explorer throughput and memory on a fixed suite (docs/architecture.md §4 and §5): states/s and
// transitions/s (wall and CPU), bytes per stored state, peak RSS, the state-count reduction of
// symmetry (alone and with partial-order reduction) on n-faults and n faults + a holder, that of
// partial-order reduction alone in states and CPU time on the same cases, and its state-count
// reduction on every built-in scenario under every preset.
#include "app/cli/bench_spin.h"
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "core/builtin_scenarios.h"
#include "core/explorer.h"
#include "core/model.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace msb::cli {

namespace {

struct BenchCase
{
    std::string name;
    int threads;
    int pages;
    core::Reduction reduction;
};

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

double peakRssMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

struct SymmetryCase
{
    core::Scenario scenario;
    std::string name;
    bool withoutSymmetry; // also explore every state (the factor's numerator)
};

bool sameVerdict(const core::ExploreResult& a, const core::ExploreResult& b)
{
    return static_cast<const core::Verdict&>(a) == static_cast<const core::Verdict&>(b);
}

/// The cases both reductions are measured on: n-faults 3x2 (quick), else n-faults 4x2 and 4 and 5
/// faults + holder, each small enough to explore without the reduction too.
std::vector<SymmetryCase> reductionCases(bool quick)
{
    if (quick)
        return {{core::makeNFaults(3, 2), "n-faults threads=3 pages=2", true}};
    std::vector<SymmetryCase> cases {{core::makeNFaults(4, 2), "n-faults threads=4 pages=2", true}};
    for (const int faults : {4, 5})
        cases.push_back({faultsPlusHolder(faults), std::to_string(faults) + " faults + holder", true});
    return cases;
}

/// States without / with symmetry per case and reduction, the time to the full verdict of each,
/// and the bytes per state of the symmetric run. 6 faults + holder runs with symmetry only (about
/// 10^8 states without it).
int runSymmetryBench(bool quick, const core::Settings& settings)
{
    std::vector<SymmetryCase> cases = reductionCases(quick);
    if (!quick)
        cases.push_back({faultsPlusHolder(6), "6 faults + holder", false});
    std::printf("\nSymmetry reduction (preset v5.11; states and seconds to the full verdict, without / with "
                "symmetry)\n");
    std::printf("%-28s %-5s %11s %10s %8s %9s %9s %8s %s\n", "case", "red.", "states off", "states on", "factor",
        "s off", "s on", "B/state", "verdicts");
    for (const SymmetryCase& c : cases) {
        const core::Model model(c.scenario, settings);
        for (const core::Reduction reduction : core::kReductions) {
            core::ExploreOptions options;
            options.reduction = reduction;
            options.symmetry = true;
            const core::ExploreResult on = core::explore(model, options);
            std::optional<core::ExploreResult> off;
            if (c.withoutSymmetry) {
                options.symmetry = false;
                off = core::explore(model, options);
            }
            const bool same = !off || sameVerdict(*off, on);
            if (off) {
                std::printf("%-28s %-5s %11llu %10llu %7.1fx %9.3f %9.3f %8.1f %s\n", c.name.c_str(),
                    std::string(core::reductionName(reduction)).c_str(), static_cast<unsigned long long>(off->states),
                    static_cast<unsigned long long>(on.states),
                    static_cast<double>(off->states) / static_cast<double>(on.states), off->seconds, on.seconds,
                    on.bytesPerState, same ? "same" : "DIFFER");
            } else {
                std::printf("%-28s %-5s %11s %10llu %8s %9s %9.3f %8.1f %s\n", c.name.c_str(),
                    std::string(core::reductionName(reduction)).c_str(), "-",
                    static_cast<unsigned long long>(on.states), "-", "-", on.seconds, on.bytesPerState,
                    on.complete ? "complete" : "INCOMPLETE");
            }
            std::fflush(stdout);
            if (!same)
                return ExitPropertyFailed;
        }
    }
    return ExitOk;
}

/// Partial-order reduction alone (symmetry off): states and CPU seconds to the full verdict
/// without and with it, and their ratios. The CPU figure is the fair one on a shared machine.
int runPorBench(bool quick, const core::Settings& settings)
{
    const std::vector<SymmetryCase> cases = reductionCases(quick);
    std::printf("\nPartial-order reduction (preset v5.11, symmetry off; states and CPU seconds to the full "
                "verdict, none / por)\n");
    std::printf("%-28s %11s %10s %8s %9s %9s %8s %8s %s\n", "case", "states none", "states por", "factor", "cpu none",
        "cpu por", "speedup", "B/state", "verdicts");
    for (const SymmetryCase& c : cases) {
        const core::Model model(c.scenario, settings);
        core::ExploreOptions options;
        double cpuBefore = cpuSeconds();
        const core::ExploreResult none = core::explore(model, options);
        const double cpuNone = cpuSeconds() - cpuBefore;
        options.reduction = core::Reduction::Por;
        cpuBefore = cpuSeconds();
        const core::ExploreResult por = core::explore(model, options);
        const double cpuPor = cpuSeconds() - cpuBefore;
        const bool same = sameVerdict(none, por);
        std::printf("%-28s %11llu %10llu %7.2fx %9.3f %9.3f %7.2fx %8.1f %s\n", c.name.c_str(),
            static_cast<unsigned long long>(none.states), static_cast<unsigned long long>(por.states),
            static_cast<double>(none.states) / static_cast<double>(por.states), cpuNone, cpuPor, cpuNone / cpuPor,
            por.bytesPerState, same ? "same" : "DIFFER");
        std::fflush(stdout);
        if (!same)
            return ExitPropertyFailed;
    }
    return ExitOk;
}

int runBench(bool quick)
{
    // n-faults threads=4 pages=2 is the quality bar (docs/architecture.md §5: >= 2 M states/s, <= 32 bytes
    // per state); threads=4 pages=3 is the ~10^7-state case (1.6 * 10^7 states). Larger cases go
    // last so that the peak RSS printed after each case belongs to the largest run so far.
    std::vector<BenchCase> cases;
    if (quick) {
        cases = {{"n-faults threads=3 pages=2", 3, 2, core::Reduction::None},
            {"n-faults threads=3 pages=2", 3, 2, core::Reduction::Por}};
    } else {
        cases = {{"n-faults threads=3 pages=2", 3, 2, core::Reduction::None},
            {"n-faults threads=3 pages=2", 3, 2, core::Reduction::Por},
            {"n-faults threads=4 pages=2", 4, 2, core::Reduction::None},
            {"n-faults threads=4 pages=2", 4, 2, core::Reduction::Por},
            {"n-faults threads=4 pages=3", 4, 3, core::Reduction::None}};
    }

    const core::Settings v511 = core::findPreset("v5.11")->settings;
    std::printf("Explorer throughput (preset v5.11; exact state store, so no hash-compaction collisions)\n");
    // Rates per wall second, then states per CPU second: on a shared machine the latter is the
    // one-core figure.
    std::printf("%-28s %-5s %11s %12s %8s %8s %10s %10s %10s %8s %9s\n", "case", "red.", "states", "transitions",
        "wall s", "cpu s", "states/s", "trans/s", "st/cpu-s", "B/state", "peak RSS");
    for (const BenchCase& c : cases) {
        const core::Model model(core::makeNFaults(c.threads, c.pages), v511);
        core::ExploreOptions options;
        options.reduction = c.reduction;
        const double cpuBefore = cpuSeconds();
        const core::ExploreResult r = core::explore(model, options);
        const double cpu = cpuSeconds() - cpuBefore;
        const double states = static_cast<double>(r.states);
        std::printf("%-28s %-5s %11llu %12llu %8.3f %8.3f %9.2fM %9.2fM %9.2fM %8.1f %6.0f MiB%s\n", c.name.c_str(),
            std::string(core::reductionName(c.reduction)).c_str(), static_cast<unsigned long long>(r.states),
            static_cast<unsigned long long>(r.transitions), r.seconds, cpu, states / r.seconds / 1e6,
            static_cast<double>(r.transitions) / r.seconds / 1e6, states / cpu / 1e6, r.bytesPerState, peakRssMiB(),
            r.complete ? "" : "  INCOMPLETE");
        std::fflush(stdout);
    }

    if (const int failed = runSymmetryBench(quick, v511); failed != ExitOk)
        return failed;
    if (const int failed = runPorBench(quick, v511); failed != ExitOk)
        return failed;

    std::printf("\nPartial-order reduction per built-in scenario (states none / states por)\n");
    std::printf("%-18s %-16s %10s %10s %8s %s\n", "scenario", "preset", "none", "por", "factor", "verdicts");
    for (const std::string& name : core::builtinScenarioNames()) {
        auto scenario = core::loadBuiltinScenario(name);
        if (!scenario)
            return reportBadInput(scenario.error());
        for (const core::Preset& preset : core::presets()) {
            const core::Model model(scenario.value(), preset.settings);
            const core::ExploreResult full = core::explore(model);
            core::ExploreOptions por;
            por.reduction = core::Reduction::Por;
            const core::ExploreResult reduced = core::explore(model, por);
            const bool same = sameVerdict(full, reduced);
            std::printf("%-18s %-16s %10llu %10llu %7.2fx %s\n", name.c_str(), std::string(preset.name).c_str(),
                static_cast<unsigned long long>(full.states), static_cast<unsigned long long>(reduced.states),
                static_cast<double>(full.states) / static_cast<double>(reduced.states), same ? "same" : "DIFFER");
            if (!same)
                return ExitPropertyFailed;
        }
    }
    return ExitOk;
}

} // namespace

void addBenchCommand(CLI::App& app, int& exitCode)
{
    auto quick = std::make_shared<bool>(false);
    CLI::App* command = app.add_subcommand("bench",
        "Explorer throughput and memory on a fixed suite (n-faults up to 1.6e7 states), the symmetry reduction "
        "factor (n-faults, n faults + holder), the POR factors in states and time (n-faults 4x2, 4 and 5 faults + "
        "holder) and per built-in scenario");
    command->add_flag("--quick", *quick, "a fast subset (seconds), for smoke tests");
    auto spin = std::make_shared<bool>(false);
    auto jobs = std::make_shared<int>(2);
    command->add_flag("--spin", *spin,
        "instead: the explorer's time to the full verdict against SPIN's, 4 and 5 faults + a holder (needs spin, gcc)");
    command->add_option("--jobs", *jobs, "with --spin: pan runs at a time")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();
    command->callback(
        [quick, spin, jobs, &exitCode] { exitCode = *spin ? runSpinBench(*quick, *jobs) : runBench(*quick); });
}

} // namespace msb::cli
