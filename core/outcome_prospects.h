// SPDX-License-Identifier: MIT
// What is still possible from a state, and what can no longer be avoided (the point of no
// return), for every state of a run from one exploration.
//
// Meaning. A continuation from a state s is a maximal path of the state graph from s: finite
// when it ends in a state where no thread can step, infinite otherwise. Under Fairness::Weak
// only the weakly fair infinite paths count (a thread that stays ready steps again); a finite
// maximal path is always fair. Every counted continuation has exactly one ending: completes,
// deadlock or sigbus (the status of its last state) or livelock (it is infinite: no cycle of
// this model completes an access, explorer.h). Besides that it may pass a state flagged
// lost_update or stale_page_use (the flags are sticky, so "passes" = "ends flagged").
//   possible(s)   : some counted continuation from s has that ending or flag; the same test
//                   explore() applies from the initial state (a terminal state of that status,
//                   a fair cycle, a flagged state reachable from s).
//   inevitable(s) : every counted continuation from s has that ending or flag. For livelock:
//                   no continuation ever ends (no state without a step is reachable from s), so
//                   every fair continuation is a livelock round. For an ending: it is the only
//                   ending still possible. For a flag: no fair continuation avoids the flagged
//                   states (none reaches, through unflagged states, a final state or a fair
//                   cycle of the unflagged states).
// Both only shrink (possible) or grow (inevitable) along a run: a step followed by a
// continuation of its successor is a continuation of its predecessor (fairness only looks at
// the tail).
//
// Cost: one exhaustive exploration from the initial state under Reduction::None (a reduced
// graph drops states the run may visit), with symmetry by default (one state per orbit; a
// lookup canonicalises the run's state, and a livelock component the masks cannot judge is
// decided on the threaded graph, as explore() does), keeping the graph: the exact state store (state_store.h),
// the edges as a compressed adjacency list (5 bytes an edge), a few bytes of masks a state.
// Then one Tarjan SCC pass over the whole graph and one per safety flag over the states from
// which it is possible but not yet set, each propagating masks backwards over the condensation:
// linear in states + edges. Every later lookup is one hash probe.
#pragma once

#include "core/explorer.h"
#include "core/model.h"
#include "core/outcome.h"
#include "core/simulator.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace msb::core {

/// A set of outcomes, bit static_cast<int>(outcome) per outcome.
using OutcomeMask = std::uint8_t;

constexpr OutcomeMask outcomeBit(Outcome outcome)
{
    return static_cast<OutcomeMask>(1u << static_cast<int>(outcome));
}

/// The outcomes a prospect speaks of, in the order every report lists them.
inline constexpr std::array<Outcome, 6> kProspectOutcomes = {Outcome::Completes, Outcome::Deadlock, Outcome::Livelock,
    Outcome::Sigbus, Outcome::LostUpdate, Outcome::StalePageUse};

struct Prospects
{
    OutcomeMask possible = 0;
    OutcomeMask inevitable = 0; // a subset of possible

    bool isPossible(Outcome outcome) const { return possible & outcomeBit(outcome); }
    bool isInevitable(Outcome outcome) const { return inevitable & outcomeBit(outcome); }
    friend bool operator==(const Prospects&, const Prospects&) = default;
};

struct ProspectOptions
{
    Fairness fairness = Fairness::Weak;
    /// Store one state per orbit of interchangeable threads (symmetry.h); lookups canonicalise
    /// the state first. Same answers (no outcome names a thread), far fewer states.
    bool symmetry = true;
    /// Stop at this many states: the result is then incomplete and answers nothing.
    std::uint64_t maxStates = 20'000'000;
    /// Bytes the graph may hold; unset: defaultMemoryBudget() (memory_budget.h).
    std::optional<std::uint64_t> memoryBudget;
    /// Polled every 1024 states.
    const std::atomic<bool>* cancel = nullptr;
    /// Called from the building thread about every 50 ms while the graph grows (phase "states";
    /// queue = states not yet expanded), once before the SCC passes ("components") and once at
    /// the end ("done") when the graph is complete.
    std::function<void(const ExploreProgress&)> progress;
};

/// The whole state graph of a model with every state's prospects. Immutable once built.
class OutcomeProspects
{
public:
    /// Explores every state reachable from model.initialState(). `model` must outlive this.
    /// Throws InvariantViolation on a model bug, std::bad_alloc when memory runs out.
    explicit OutcomeProspects(const Model& model, const ProspectOptions& options = {});
    ~OutcomeProspects();
    OutcomeProspects(OutcomeProspects&&) noexcept;
    OutcomeProspects& operator=(OutcomeProspects&&) noexcept;

    /// Every reachable state was stored (false after maxStates, the memory budget or cancel).
    bool complete() const;
    /// Why it is incomplete, as a sentence ("" when complete).
    std::string incompleteReason() const;
    std::uint64_t states() const;
    std::uint64_t transitions() const;
    /// Bytes the graph and the masks hold once built (the SCC passes add about 20 bytes a state
    /// while they run).
    std::uint64_t bytes() const;
    double seconds() const;
    Fairness fairness() const;
    /// States are orbits of interchangeable threads (ProspectOptions::symmetry and the scenario has some).
    bool symmetric() const;

    /// The prospects of a state reachable from the initial state; nullopt when the graph is
    /// incomplete or the state is not in it.
    std::optional<Prospects> at(const State& state) const;

private:
    struct Graph;
    std::unique_ptr<Graph> m_graph;
};

/// A step after which an outcome stopped being possible or became inevitable.
struct TurningPoint
{
    int step = 0; // 1-based: the state after this many steps
    Outcome outcome = Outcome::Running;
    bool inevitable = false; // true: became inevitable; false: became impossible

    friend bool operator==(const TurningPoint&, const TurningPoint&) = default;
};

/// The prospects of every position of the simulator's run, [0, position()]. Empty entries
/// (nullopt) only when `prospects` is incomplete.
std::vector<std::optional<Prospects>> prospectsAlong(const OutcomeProspects& prospects, const Simulator& simulator);

/// Where the masks change along a run (positions[i] is the state after i steps), in step order,
/// then kProspectOutcomes order, impossible before inevitable. What already holds in the initial
/// state is no turning point (positions[0] says it).
std::vector<TurningPoint> turningPoints(const std::vector<std::optional<Prospects>>& positions);

/// "after step 9 (H: H2 <step text>) a lost update can no longer be avoided", "after step 4
/// (T1: M7 <step text>) completion is no longer possible".
std::string describeTurningPoint(const TurningPoint& point, const Simulator& simulator);

/// "completion", "a deadlock", "a livelock", "SIGBUS", "a lost update", "stale page use".
std::string_view outcomeNoun(Outcome outcome);

} // namespace msb::core
