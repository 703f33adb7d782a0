// SPDX-License-Identifier: MIT
// Exhaustive exploration of every interleaving of a scenario under one set of settings
// (docs/architecture.md §2 "Outcomes").
//
// The state graph: nodes are the States reachable from Model::initialState(), one edge per
// enabled thread (one per ample thread under Reduction::Por, see partial_order.h). Pass 1 is a
// depth-first search that stores every state once (bit-packed, exact; see state_store.h) and
// runs Pearce's space-efficient Tarjan on the fly, so every transition is computed once. Livelock uses weak
// fairness by default (ExploreOptions::fairness; under Fairness::None every cyclic SCC is one): a non-trivial SCC C
// holds a fair cycle iff every thread enabled in all states of C has an edge inside C (then the cycle through all of C
// is fair; otherwise a thread ready throughout C never steps in any cycle of C). Every cycle of this model is a retry
// loop: access completion (A0) and holder steps are monotonic, so no cycle completes an access. Safety flags are sticky
// in State: lost_update / stale_page_use are "some reachable state has the flag". Pass 2, only when a bad outcome was
// found, is a breadth-first search over the stored graph that stops at the nearest state of each outcome: that gives
// the shortest counterexamples (counterexample.h turns them into schedules).
//
// The explorer is single-threaded and may run on a worker thread: progress is reported through
// a callback about every 50 ms, and a cancel flag is polled every 1024 states.
#pragma once

#include "core/model.h"
#include "core/outcome.h"
#include "core/steps.h"
#include "core/verdict.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msb::core {

enum class Reduction : std::uint8_t {
    None, // every enabled thread is expanded in every state
    Por,  // persistent sets from step conflicts, with a cycle proviso (partial_order.h)
};

/// Every Reduction value (tests iterate over all of them).
inline constexpr Reduction kReductions[] = {Reduction::None, Reduction::Por};

std::string_view reductionName(Reduction reduction);

/// What a livelock is. Weak: a cycle in which every thread that stays ready gets to run (SPIN's
/// non-progress cycle with -f). None: any reachable cycle in which no access completes, even one
/// that never lets a ready thread run again (SPIN's without -f), as when the lock holder waits for
/// work queued behind a spinning CPU. No cycle of this model completes an access (the explorer
/// header), so under None a livelock is any reachable cycle.
enum class Fairness : std::uint8_t {
    Weak,
    None,
};

inline constexpr Fairness kFairnesses[] = {Fairness::Weak, Fairness::None};

std::string_view fairnessName(Fairness fairness);
/// "weak" or "none"; nullopt for anything else.
std::optional<Fairness> parseFairness(std::string_view name);

struct ExploreProgress
{
    std::uint64_t states = 0;      // states stored so far
    std::uint64_t transitions = 0; // edges followed so far
    std::uint64_t queue = 0;       // DFS depth ("states") or BFS queue length ("traces")
    double seconds = 0;
    std::string_view phase; // "states" (pass 1), "traces" (pass 2) or "done" (last call)
};

struct ExploreOptions
{
    Reduction reduction = Reduction::None;
    /// Store one state per orbit of interchangeable threads (same kind and page list; see
    /// symmetry.h). Same verdicts; counterexamples still name real threads. A no-op when no two
    /// threads are interchangeable.
    bool symmetry = false;
    /// Which cycles count as a livelock (Fairness); reductions keep the verdict under both.
    Fairness fairness = Fairness::Weak;
    /// Stop storing new states at this many; the result is then complete == false. Clamped to
    /// the store's limit (StateStore::kLimit, 2^27 - 2 states).
    std::uint64_t maxStates = 50'000'000;
    /// Bytes the exploration may hold: the state store with its table, the search stacks and the
    /// counterexample pass's parent links (4 bytes a state). It stops storing new states before
    /// the next growth would cross the budget; the result is then complete == false with
    /// stoppedBy == ExploreStop::MemoryBudget. Unset: defaultMemoryBudget() (memory_budget.h),
    /// a safe share of the memory this machine has available when the run starts.
    std::optional<std::uint64_t> memoryBudget;
    /// Called from the exploring thread about every 50 ms while it runs, and once at the end.
    std::function<void(const ExploreProgress&)> progress;
    /// Polled every 1024 states; when it reads true the run stops, complete == false.
    const std::atomic<bool>* cancel = nullptr;
};

/// Why a run did not explore every reachable state.
enum class ExploreStop : std::uint8_t {
    None,         // it did: the run is complete
    MaxStates,    // ExploreOptions::maxStates was reached
    MemoryBudget, // storing more states would have crossed ExploreOptions::memoryBudget
    Cancelled,    // ExploreOptions::cancel was set
};

struct TraceStep
{
    int thread = 0;
    StepId step = StepId::A0;

    friend bool operator==(const TraceStep&, const TraceStep&) = default;
};

/// A schedule from the initial state. For a livelock, `cycle` is a non-empty loop (weakly fair
/// by itself under Fairness::Weak) that
/// starts and ends in the state reached after `prefix`; for other outcomes it is empty.
struct Counterexample
{
    std::vector<TraceStep> prefix;
    std::vector<TraceStep> cycle;

    /// prefix then cycle, as thread indices (what Simulator::replay takes).
    std::vector<int> schedule() const;
};

struct ExploreResult : Verdict
{
    Reduction reduction = Reduction::None;
    /// Symmetry reduction was on and the scenario has interchangeable threads: `states` counts
    /// orbits.
    bool symmetry = false;
    Fairness fairness = Fairness::Weak; // the livelock verdict's meaning
    std::uint64_t states = 0;
    std::uint64_t transitions = 0;
    double seconds = 0;
    /// Every reachable state was stored and expanded (false after a bound or cancel: see
    /// stoppedBy). When false, the reported outcomes were found (they are real) but absent ones
    /// are unknown.
    bool complete = false;
    bool cancelled = false;
    ExploreStop stoppedBy = ExploreStop::None;
    std::uint64_t memoryBudget = 0; // the budget the run had, in bytes

    /// Shortest schedule (within the explored graph, see Reduction::Por) per reachable bad
    /// outcome (kBadOutcomes); the other entries stay empty.
    std::array<std::optional<Counterexample>, kOutcomeCount> counterexamples {};

    /// Memory held by the state store and the SCC pass at the end, divided by `states`.
    double bytesPerState = 0;
    std::uint64_t storeBytes = 0;
    double secondsStates = 0; // pass 1: exploration and SCCs
    double secondsTraces = 0; // pass 2: shortest counterexamples

    /// Completes: completesPossible; a bad outcome: its flag; Running: false.
    bool reached(Outcome outcome) const;
    const std::optional<Counterexample>& counterexample(Outcome outcome) const
    {
        return counterexamples[static_cast<int>(outcome)];
    }
};

/// Explores every interleaving of the model's scenario under its settings and reports which
/// outcomes are reachable, with a shortest counterexample for each bad one.
///
/// Cost: time linear in the transitions of the (reduced) state graph, each computed once in
/// pass 1; pass 2 runs only when a bad outcome was found and re-expands states breadth-first up
/// to the farthest of the nearest outcome states. Memory about 25-35 bytes a state for n-faults
/// up to 5 threads x 3 pages (ExploreResult::bytesPerState is the measured figure), held until
/// it returns and bounded by options.memoryBudget and options.maxStates. With options.symmetry
/// each successor is also sorted into canonical form (O(threads + pages)), and a livelock component
/// that the per-state masks cannot judge is re-expanded once more with its internal edges kept
/// (about 10-20 bytes an edge, outside the memory budget, freed before the next one). Runs on the calling thread;
/// `model` and `options` must outlive the call; nothing is shared, so explorations can run in parallel.
///
/// Throws InvariantViolation if a step breaks a model invariant (a model bug), and
/// std::bad_alloc if an allocation or mmap fails.
ExploreResult explore(const Model& model, const ExploreOptions& options = {});

/// Why the run is incomplete, as a sentence for people ("" when complete), e.g. "stopped at
/// 1200000 states: storing more would exceed the memory budget of 2.0 GiB".
std::string incompleteReason(const ExploreResult& result);

/// The same sentence for any search that stores states: `counted` names what it reached ("1200
/// states", "49153 pair states"), `growth` what the budget would not allow ("storing more").
/// "" for ExploreStop::None.
std::string stopReason(
    ExploreStop stop, const std::string& counted, std::uint64_t memoryBudget, std::string_view growth = "storing more");

} // namespace msb::core
