// SPDX-License-Identifier: MIT
#include "app/cli/bench_spin.h"

#include "app/cli/scenario_options.h"
#include "app/cli/spin_runner.h"
#include "core/explorer.h"
#include "core/model.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <sys/resource.h>
#include <utility>
#include <vector>

namespace msb::cli {

core::Scenario faultsPlusHolder(int faults)
{
    core::Scenario scenario = core::makeNFaults(faults, 1);
    scenario.name = std::to_string(faults) + " faults + holder";
    scenario.threads.push_back({"H", core::ThreadKind::Holder, {0}});
    return scenario;
}

namespace {

double selfCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

bool sameVerdict(const core::ExploreResult& e, const SpinVerdict& s)
{
    return static_cast<const core::Verdict&>(e) == static_cast<const core::Verdict&>(s);
}

} // namespace

namespace {

/// Each reduction without and with symmetry: the explorer's rows against one set of pan runs.
constexpr std::pair<core::Reduction, bool> kExplorerConfigurations[] = {{core::Reduction::None, false},
    {core::Reduction::Por, false}, {core::Reduction::None, true}, {core::Reduction::Por, true}};

} // namespace

int runSpinBench(bool quick, int jobs)
{
    if (!spinAvailable()) {
        std::cerr << "bench --spin: `spin` and `gcc` must be on PATH (Debian: apt-get install spin gcc)\n";
        return ExitBadInput;
    }
    std::vector<int> sizes = quick ? std::vector<int> {3} : std::vector<int> {4, 5};
    const core::Preset& preset = *core::findPreset("v5.11");
    std::printf("Explorer vs SPIN, full verdict (deadlock, livelock under weak fairness, sigbus, lost_update,\n"
                "stale_page_use, completes), preset v5.11. SPIN: spin -a and 3 gcc -O2 builds, then 6 pan runs\n"
                "(%d at a time). CPU seconds are the fair figure on a shared machine; states/s are per CPU\n"
                "second, pan's of its deadlock run (the reachable graph under pan's partial-order reduction).\n",
        jobs);
    std::printf("%-18s %-8s %9s %8s %8s %9s | %9s %8s %8s %8s %9s | %7s %7s %7s %s\n", "configuration", "expl.",
        "states", "wall s", "cpu s", "states/s", "pan st.", "build s", "pan cpu", "wall s", "states/s", "x pan",
        "x +bld", "x wall", "verdicts");
    for (const int faults : sizes) {
        auto scenario = core::validateScenario(faultsPlusHolder(faults));
        if (!scenario)
            return reportBadInput(scenario.error());
        const ResolvedScenario resolved {scenario.value(), preset.settings, std::string(preset.name)};
        SpinOptions spinOptions;
        spinOptions.jobs = jobs;
        spinOptions.hashBits = faults >= 5 ? 26 : 22;
        auto spin = runSpin(resolved, spinOptions);
        if (!spin) {
            std::cerr << "bench --spin: " << spin.error().message << '\n';
            return ExitInternal;
        }
        const SpinVerdict& s = spin.value();
        // States per CPU second of pan's deadlock run (per wall second when runs share the CPU).
        const SpinRunResult* deadlockRun = s.run("deadlock");
        const double panSeconds = deadlockRun == nullptr ? 0.0
            : deadlockRun->cpuSeconds > 0                ? deadlockRun->cpuSeconds
                                                         : deadlockRun->seconds;
        const double panStatesPerSecond = panSeconds > 0 ? static_cast<double>(s.states) / panSeconds : 0.0;
        const core::Model model(resolved.scenario, resolved.settings);
        bool allSame = true;
        for (const auto& [reduction, symmetry] : kExplorerConfigurations) {
            core::ExploreOptions options;
            options.reduction = reduction;
            options.symmetry = symmetry;
            const std::string label = std::string(core::reductionName(reduction)) + (symmetry ? "+sym" : "");
            const double cpuBefore = selfCpuSeconds();
            const core::ExploreResult e = core::explore(model, options);
            const double cpu = selfCpuSeconds() - cpuBefore;
            const bool same = sameVerdict(e, s);
            allSame = allSame && same;
            // x pan: pan's CPU over the explorer's; x +bld: with spin -a and gcc; x wall: SPIN's
            // whole wall time over the explorer's.
            std::printf(
                "%-18s %-8s %9llu %8.3f %8.3f %8.2fM | %9llu %8.2f %8.2f %8.2f %8.2fM | %6.1fx %6.1fx %6.1fx %s\n",
                resolved.scenario.name.c_str(), label.c_str(), static_cast<unsigned long long>(e.states), e.seconds,
                cpu, static_cast<double>(e.states) / cpu / 1e6, static_cast<unsigned long long>(s.states),
                s.cpuSecondsBuild, s.cpuSecondsPan, s.seconds, panStatesPerSecond / 1e6, s.cpuSecondsPan / cpu,
                (s.cpuSecondsPan + s.cpuSecondsBuild) / cpu, s.seconds / e.seconds, same ? "same" : "DIFFER");
            std::fflush(stdout);
        }
        if (!allSame)
            return ExitPropertyFailed;
    }
    return ExitOk;
}

} // namespace msb::cli
