// SPDX-License-Identifier: MIT
// A self-contained Promela model of one configuration (scenario x settings), for SPIN.
//
// Configurations that outgrow one machine go to SPIN (multi-core, bitstate, swarm) rather than
// to a home-made distributed explorer (docs/architecture.md §3). The exported model has the step
// granularity of Model::apply: one Promela atomic sequence per model step, one per branch of a
// step (each commented with its step label, kernel function and kernel note from
// stepTable), so a pan trail maps step for step onto a schedule that `run --schedule` replays.
// Each outcome is one pan run (spinRuns()); the model's header lists the exact commands.
//
// Settings the exporter does not translate are refused (an Error), never approximated.
#pragma once

#include "core/result.h"
#include "core/scenario.h"
#include "core/settings.h"

#include <string>
#include <string_view>
#include <vector>

namespace msb::core {

/// One pan run of a full verdict: which outcome it decides and how. A run "finds" its outcome
/// when pan reports an error (errors: 1); the trail is then a counterexample (or, for
/// completes_possible, a witness).
struct SpinRun
{
    std::string_view outcome; // "deadlock", "livelock", "sigbus", "lost_update", "stale_page_use",
                              // "completes_possible"
    std::string_view binary;  // one of panBinaries()
    std::string_view panArgs; // e.g. "-N no_sigbus", "-l -f"
    std::string_view finding; // the text of pan's error line that decides this outcome
};

/// The runs of a full verdict, in a fixed order.
const std::vector<SpinRun>& spinRuns();

/// The pan builds a verdict needs: "pan-safety" (no claim: invalid end states), "pan-np"
/// (non-progress cycles) and "pan-ltl" (the safety claims, chosen at run time with -N).
const std::vector<std::string_view>& panBinaries();
/// gcc flags for one of panBinaries() (without -O and -o) for a model of this many threads,
/// e.g. "-DNP -DNOCLAIM -DNFAIR=2".
std::string panCompileFlags(std::string_view binary, int threads);

/// The Promela text, or an Error naming a knob value (or scenario feature) this exporter does not
/// translate. presetName only labels the header.
Result<std::string> exportPromela(const Scenario& scenario, const Settings& settings, std::string_view presetName);

/// The proctype name of thread t in the exported model; pan trails name processes by it.
std::string promelaProcessName(const Scenario& scenario, int thread);
/// Inverse of promelaProcessName: the thread index, or -1.
int threadOfPromelaProcess(std::string_view proctype);

} // namespace msb::core
