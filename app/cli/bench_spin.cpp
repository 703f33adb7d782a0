// SPDX-License-Identifier: MIT
#include "app/cli/bench_spin.h"

#include "app/cli/scenario_options.h"
#include "app/cli/spin_runner.h"
#include "core/explorer.h"
#include "core/model.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace msb::cli {

namespace {

core::Scenario faultsPlusHolder(int faults)
{
    core::Scenario scenario = core::makeNFaults(faults, 1);
    scenario.name = std::to_string(faults) + " faults + holder";
    scenario.threads.push_back({"H", core::ThreadKind::Holder, {0}});
    return scenario;
}

bool sameVerdict(const core::ExploreResult& e, const SpinVerdict& s)
{
    return e.completesAlways == s.completesAlways && e.completesPossible == s.completesPossible
        && e.deadlock == s.deadlock && e.livelock == s.livelock && e.sigbus == s.sigbus && e.lostUpdate == s.lostUpdate
        && e.stalePageUse == s.stalePageUse;
}

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
                "stale_page_use, completes), preset v5.11. SPIN: spin -a + 3 gcc -O2 builds, then 6 pan runs\n"
                "(%d at a time); pan states/s is the deadlock run's (the plain reachable graph, pan's POR on).\n",
        jobs);
    std::printf("%-20s %-9s %10s %9s %10s | %10s %8s %9s %9s %10s | %8s %8s %s\n", "configuration", "explorer",
        "states", "seconds", "states/s", "pan states", "build s", "pan s", "wall s", "states/s", "x pan", "x wall",
        "verdicts");
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
        const double panStatesPerSecond = s.run("deadlock") != nullptr && s.run("deadlock")->seconds > 0
            ? static_cast<double>(s.states) / s.run("deadlock")->seconds
            : 0.0;
        const core::Model model(resolved.scenario, resolved.settings);
        bool allSame = true;
        for (const core::Reduction reduction : {core::Reduction::None, core::Reduction::Por}) {
            core::ExploreOptions options;
            options.reduction = reduction;
            const core::ExploreResult e = core::explore(model, options);
            const bool same = sameVerdict(e, s);
            allSame = allSame && same;
            // x pan: SPIN's pan runs (serial sum) over the explorer's time; x wall: SPIN's whole
            // wall time (builds and runs, --jobs at a time) over the explorer's.
            std::printf("%-20s %-9s %10llu %9.3f %9.2fM | %10llu %8.2f %9.2f %9.2f %9.2fM | %7.1fx %7.1fx %s\n",
                resolved.scenario.name.c_str(), std::string(core::reductionName(reduction)).c_str(),
                static_cast<unsigned long long>(e.states), e.seconds, static_cast<double>(e.states) / e.seconds / 1e6,
                static_cast<unsigned long long>(s.states), s.secondsBuild, s.secondsPanSerial, s.seconds,
                panStatesPerSecond / 1e6, s.secondsPanSerial / e.seconds, s.seconds / e.seconds,
                same ? "same" : "DIFFER");
            std::fflush(stdout);
        }
        if (!allSame)
            return ExitPropertyFailed;
    }
    return ExitOk;
}

} // namespace msb::cli
