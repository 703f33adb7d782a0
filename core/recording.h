// SPDX-License-Identifier: MIT
// Recordings (*.msrec.json): one execution, written so that it replays bit for bit.
//
// Following rr, a recording stores every scheduling decision, never only a seed: the scenario
// itself, the settings, the thread of each step, the step id it produced and the state hash after
// it (stateHash, stable across machines), plus optional narration per step. Replaying runs the
// decisions in a fresh Simulator and compares each step id and hash, so a change in the model
// that alters any step shows up as the first divergent step.
//     {"format": "migration-sandbox-recording", "version": 2, "scenario": {...}, "preset": "v5.11",
//      "settings": {"check": "strict", ...}, "initial_hash": "…", "steps": [{"thread": "T1",
//      "step": "M0", "hash": "…", "narration": "…"}], "outcome": "running", "flags": []}
#pragma once

#include "core/outcome.h" // flagNames: recordings store the flags by name
#include "core/result.h"
#include "core/scenario.h"
#include "core/settings.h"
#include "core/steps.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace msb::core {

class Simulator;

inline constexpr std::string_view kRecordingFormat = "migration-sandbox-recording";
/// The version this build writes and the only one it reads (rr's TRACE_VERSION discipline).
/// Bump it, and add a line here, whenever the state hash changes (a recording's hashes would
/// no longer replay) or a field becomes required or changes meaning; the loader then refuses
/// an older file naming both versions instead of reporting a bogus divergence.
///   1  four knobs (check, waiter_ref, precopy_check, on_not_migrated); 5-bit program counters.
///   2  the fault_ref knob; state hashes of the 6-bit program-counter packing.
inline constexpr int kRecordingFormatVersion = 2;

struct RecordedStep
{
    int thread = 0; // index into scenario.threads
    StepId step = StepId::A0;
    std::uint64_t hash = 0; // stateHash after the step
    std::string narration;  // optional, for lessons and classroom hand-outs

    friend bool operator==(const RecordedStep&, const RecordedStep&) = default;
};

struct Recording
{
    Scenario scenario;
    Settings settings;
    std::string preset; // presetNameFor(settings) when recorded: a label, settings are authoritative
    std::uint64_t initialHash = 0;
    std::vector<RecordedStep> steps;
    std::string outcome;            // outcomeName of the final state ("completes", "deadlock", ...)
    std::vector<std::string> flags; // safety flags set in the final state ("lost_update", ...)

    friend bool operator==(const Recording&, const Recording&) = default;
};

/// The simulator's steps up to its current position. narration maps step index -> text.
Recording recordFromSimulator(const Simulator& simulator, const std::map<int, std::string>& narration = {});

Result<Recording> parseRecording(std::string_view text, const std::string& fileName);
Result<Recording> loadRecordingFile(const std::string& path);
std::string recordingToJson(const Recording& recording);
/// Atomic: a crash mid-write leaves the previous file intact.
Result<bool> saveRecordingFile(const Recording& recording, const std::string& path);

/// The result of replaying a recording against the model.
struct ReplayCheck
{
    bool identical = false;
    int stepsReplayed = 0;  // steps that matched before the first divergence
    int divergentStep = -1; // 0-based index of the first divergent step, -1 if none (or initial state)
    std::string what;       // what differed, in words; empty when identical
};

/// Replays every decision in a fresh Simulator and compares the initial hash, each step id and
/// each state hash, then the outcome and flags. Cost: O(steps).
ReplayCheck verifyRecording(const Recording& recording);

} // namespace msb::core
