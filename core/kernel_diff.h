// SPDX-License-Identifier: MIT
// What tells two kernels (or two knob settings) apart on one scenario: the shortest schedule of
// thread choices, run from the initial state under both settings, whose outcomes differ.
//
// One schedule, two runs. A schedule is a list of thread indices. Running it on one side, each
// choice steps that thread, except that a side stutters (stays where it is) on a thread that has
// finished and on every choice once the side has ended (its status is no longer Running: it
// completed, deadlocked or died of SIGBUS). Stuttering is what lets the same schedule be compared
// when one kernel needs more steps for the same work (v6.15's F2 unlock, driver_lock's L1/L2): a
// run that is over ignores the choices left. A choice of a thread that is blocked on a side that
// is still running (asleep on a lock, spinning on the PTL) cannot be run there: both sides must be
// able to take every choice.
//
// What "the outcomes differ" means, in two parts:
//  - At the end: the schedule runs on both sides, both have ended, and their final outcomes
//    differ: the status (completes / deadlock / sigbus) or a safety flag (lost_update,
//    stale_page_use). Comparing only ended runs keeps a kernel that merely takes a step longer
//    from being reported as different. Found by a breadth-first search over pairs of states
//    (state under A, state under B) joined by the same choice, so the first differing pair is a
//    shortest schedule; when it finds none over the whole pair graph, no schedule tells the two
//    apart this way (KernelDiff::complete says whether the whole graph was explored).
//  - Livelock is a property of cycles, not of states: explore() judges each side (weak fairness
//    by default) and when exactly one side livelocks, its shortest livelock (prefix, then the
//    cycle) is replayed on the other side round after round, with the same stuttering, until the
//    other side ends, blocks on a choice, stalls (a whole round takes no step there: the cycle
//    chooses only threads that have finished there, and the others never get a choice), or comes
//    back to a state it had at the start of an earlier round (a loop there that is not a
//    livelock: some thread that stays ready never runs).
//
// Where the two runs first diverge: every setting works on the same State (counts are stored
// one-based for every preset, model.h), so the states of both sides are directly comparable. A
// paired step has diverged when the two sides ran a different step (or one of them stuttered), or
// when the states after it differ in anything a user sees in the scenes: PTEs, page counts,
// map counts, page locks and waiters, the PTL, the S pages, the flags and every thread's position.
// That is the whole State, so "diverged" is simply "the steps or the states differ".
//
// Also reported, for information: where the schedules first part, the shortest schedule after
// which some thread can step on one side but is blocked on the other (the pair search never takes
// such a choice). It is no difference of outcome, but it is often where a fix acts.
#pragma once

#include "core/explorer.h"
#include "core/model.h"
#include "core/outcome.h"

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace msb::core {

/// How a run ended (or stands), with the safety flags it carries.
struct SideOutcome
{
    Outcome status = Outcome::Running; // Running, Completes, Deadlock or Sigbus
    bool lostUpdate = false;
    bool stalePageUse = false;

    friend bool operator==(const SideOutcome&, const SideOutcome&) = default;
};

SideOutcome sideOutcome(const Model& model, const State& state);
/// "completes", "deadlock, lost_update", "running" ...
std::string sideOutcomeText(const SideOutcome& outcome);

/// One choice of a paired replay: what each side did with it.
struct PairedStep
{
    int thread = 0;
    std::optional<StepId> stepA; // nullopt: side A stuttered (the thread finished, or A had ended)
    std::optional<StepId> stepB;
    bool diverged = false; // the steps differ, or the states after them do (kernel_diff.h header)
};

/// The same schedule run on both sides, choice by choice (the data of a side-by-side view).
struct PairedReplay
{
    std::vector<PairedStep> steps; // the choices that ran on both sides
    /// The thread indices each side actually stepped (stutters left out): what
    /// Simulator::replay takes to show that side.
    std::vector<int> scheduleA;
    std::vector<int> scheduleB;
    /// Set when choice `blockedAt` could not run: the thread was blocked on side `blockedSide`
    /// (0 = A, 1 = B) while that side was still running; `blockedReason` says why.
    std::optional<int> blockedAt;
    int blockedSide = 0;
    std::string blockedReason;
    SideOutcome endA; // where each side stands after the last choice that ran
    SideOutcome endB;
    State stateA;
    State stateB;
    /// Index into `steps` of the first diverged step, if any.
    std::optional<int> firstDivergence() const;
};

/// Runs `schedule` on both models (same scenario) with the stuttering of the header. O(length).
PairedReplay replayPaired(const Model& a, const Model& b, const std::vector<int>& schedule);

struct KernelDiffOptions
{
    /// Options for the two explore() runs that judge livelock (fairness, symmetry, reduction, the
    /// same bounds); memoryBudget, maxStates and cancel also bound the pair search.
    ExploreOptions explore;
    /// At most this many rounds of the livelock cycle are replayed on the other side.
    int maxLivelockRounds = 1000;
};

/// What the non-livelocking side does on the other side's livelock schedule.
enum class LivelockReplayEnd : std::uint8_t {
    Ends,    // it ended (see PairedReplay::endA/endB) after `rounds` rounds
    Blocked, // a choice of the schedule was blocked there (PairedReplay::blockedAt)
    Repeats, // it came back to a state it had at an earlier round's start: a loop that is no livelock
    Rounds,  // still running after KernelDiffOptions::maxLivelockRounds rounds
    Stalls,  // a whole round ran no step there: the cycle only chooses threads that have finished there,
             // and the threads still to run are never chosen
};

struct LivelockDiff
{
    int livelockSide = 0;    // 0: A livelocks and B does not; 1: the other way round
    Counterexample livelock; // that side's shortest livelock (explore())
    /// The choices that ran (what `replay` holds): the prefix, then the cycle round after round, the
    /// last round cut short where the other side blocked.
    std::vector<int> schedule;
    /// Rounds of the cycle started: the other side ended or blocked in the last one, or (Repeats)
    /// was back after it in a state an earlier round started from, or (Stalls) took no step in it.
    int rounds = 0;
    LivelockReplayEnd end = LivelockReplayEnd::Ends;
    PairedReplay replay; // the schedule on both sides
};

struct KernelDiff
{
    // The pair search.
    std::uint64_t pairStates = 0;
    std::uint64_t pairTransitions = 0;
    bool complete = false; // every reachable pair was stored and expanded
    ExploreStop stoppedBy = ExploreStop::None;
    std::uint64_t memoryBudget = 0;
    double seconds = 0;
    /// Shortest schedule after which both sides have ended with different outcomes.
    std::optional<std::vector<int>> outcomeSchedule;
    std::optional<PairedReplay> outcome; // that schedule replayed
    /// Shortest schedule after which some thread can step on one side only, and that thread.
    std::optional<std::vector<int>> partingSchedule;
    int partingThread = 0;

    // Livelock, judged by explore() on each side.
    ExploreResult exploreA;
    ExploreResult exploreB;
    std::optional<LivelockDiff> livelock;

    /// True when nothing tells them apart: no outcome difference over the complete pair graph,
    /// both explore() runs complete, and the livelock verdicts agree.
    bool indistinguishable() const;
};

/// Compares two models of the same scenario (precondition: a.scenario() == b.scenario()).
/// Cost: the pair search is a breadth-first search over the reachable pairs, each stored once
/// (two packed states, a 4-byte parent link and 4-8 bytes of table; with vector growth about 47
/// bytes a pair at n-faults 3x2; bounded by the memory budget and maxStates),
/// plus two explore() runs and O(length x rounds) replays. Runs on the calling thread.
KernelDiff diffKernels(const Model& a, const Model& b, const KernelDiffOptions& options = {});

/// Why the pair search is incomplete, as a sentence ("" when complete).
std::string pairSearchIncompleteReason(const KernelDiff& diff);

} // namespace msb::core
