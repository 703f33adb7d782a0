// SPDX-License-Identifier: MIT
// The transition relation: which thread may step in a state, and what its step does.
//
// Model is immutable after construction and holds no state of its own, so the simulator, the
// explorer's worker threads and tests can share one. apply() is the hot path of exhaustive
// exploration: it works on the fixed-size State in place and allocates nothing; describing a
// step for people (texts, deltas, notes) is left to the simulator.
//
// Counts are stored one-based for every preset (K1, K3, K9): PageState::dRef is 1 for a free
// device-private page and 2 when mapped, and the check in migrate_page_move_mapping (M7) expects 2,
// the ZONE_DEVICE base reference plus the collect reference (plus the fault reference from v6.1,
// K14). Releases from v5.18 keep zero-based counts (refcount=zero-based, K29): kernelPageCount()
// gives the count such a kernel reports, one less. The final check's expected count drops by the
// same one, so M7 compares the same way; the pre-copy check (M5) does not drop, and it is computed
// in the release's own terms.
#pragma once

#include "core/outcome.h"
#include "core/scenario.h"
#include "core/settings.h"
#include "core/state.h"
#include "core/steps.h"

#include <cstdint>
#include <string>

namespace msb::core {

class Model
{
public:
    /// Precondition: scenario passed validateScenario().
    Model(Scenario scenario, Settings settings);

    const Scenario& scenario() const { return m_scenario; }
    const Settings& settings() const { return m_settings; }
    int threadCount() const { return m_threads; }
    int pageCount() const { return m_pages; }
    ThreadKind threadKind(int thread) const { return m_kind[thread]; }

    /// Every PTE DEVPRIV(D), D mapped once (count 2, mapcount 1), every thread about to touch its
    /// first page (K3, K30).
    State initialState() const;

    /// The virtual page the thread is working on now (its current access, or its held page).
    int currentPage(const State& state, int thread) const;

    bool enabled(const State& state, int thread) const;
    /// Bit t set when thread t can step. Empty once the process died of SIGBUS.
    std::uint32_t enabledMask(const State& state) const;
    /// Why a thread cannot step, in plain words ("sleeping on PG_locked(D0)"); empty if it can.
    std::string blockedReason(const State& state, int thread) const;

    /// Runs the thread's next step in place and returns which step (and branch) it was.
    /// Precondition: enabled(state, thread). Model invariants are checked (InvariantViolation).
    StepId apply(State& state, int thread) const;

    /// Where the run stands in this state: Running, Completes, Deadlock or Sigbus. The safety
    /// outcomes are flags on the state (State::flags); a livelock is a property of paths.
    Outcome status(const State& state) const;
    bool threadFinished(const State& state, int thread) const;

    /// Expected page_count(D) at M7, stored one-based (expectedStoredCountAtCheck, plus waiter
    /// references under count-waiters).
    int expectedCountAtCheck(const State& state, int page) const;
    /// A stored (one-based) count as the kernel of these settings reports it: the same up to
    /// v5.17, one less from v5.18 (refcount=zero-based, K29), except that a free page shows 1 up
    /// to v6.0 and 0 from v6.1 (K24). Use it for every count shown.
    int kernelPageCount(int storedCount) const;

private:
    /// The release's arithmetic on a live page (the stored count, one less when zero-based, K29);
    /// kernelPageCount adds only what a freed page shows, so that display never feeds a verdict.
    int releaseCount(int storedCount) const;

public:
    /// migrate_vma_check_page's `extra` (M5): collect + fault page (v6.1) + ZONE_DEVICE (K25).
    int precopyExtra() const;
    /// Number of migration-entry waiters on this page that hold a reference right now.
    int waiterReferences(const State& state, int page) const;
    /// True when the thread holds a reference to D of its current page as a waiter.
    bool holdsWaiterReference(const State& state, int thread) const;
    /// True when the thread holds do_swap_page's fault reference on D of its current page
    /// (fault_ref counted or trylock: from F1 until F3, K14).
    bool holdsFaultReference(const State& state, int thread) const;
    /// True when the thread holds the driver's own migrate_to_ram lock (driver_lock=exclusive:
    /// from L1 until L2, K26).
    bool holdsDriverLock(const State& state, int thread) const;
    /// The thread holding the driver lock, or kNobody.
    int driverLockOwner(const State& state) const;

    std::uint64_t hash(const State& state) const { return stateHash(state, m_pages, m_threads); }
    PackedState pack(const State& state) const { return core::pack(state, m_pages, m_threads); }

private:
    // get_page / put_page / unlock_page on D of the thread's current page (the only page a step
    // touches), so a thread and a page index never travel side by side.
    void putD(State& state, int thread) const;
    void getD(State& state, int thread) const;
    void unlockD(State& state, int thread) const;
    void takePtl(State& state, int thread) const;
    void releasePtl(State& state, int thread) const;
    StepId refault(State& state, int thread, StepId id) const;
    StepId notMigrated(State& state, int thread, StepId id) const;
    StepId returnFromMigrateToRam(State& state, int thread, StepId id, bool migrated) const;
    /// Where do_swap_page goes once migrate_to_ram has returned (F2, F3 or a re-fault).
    StepId afterMigrateToRam(State& state, int thread, StepId id) const;
    /// The first pc of the driver's migrate_to_ram: its lock (L1), or collect (M1).
    Pc migrateToRam() const { return m_settings.driverLock == DriverLock::Exclusive ? Pc::L1 : Pc::M1; }

    Scenario m_scenario;
    Settings m_settings;
    int m_threads = 0;
    int m_pages = 0;
    int m_maxRef = 0; // the largest page_count(D) the scenario's packed layout holds
    std::array<ThreadKind, kMaxThreads> m_kind {};
    std::array<std::array<std::int8_t, kMaxAccessesPerThread>, kMaxThreads> m_accessPage {};
    std::array<std::uint8_t, kMaxThreads> m_accessCount {};
};

} // namespace msb::core
