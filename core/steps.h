// SPDX-License-Identifier: MIT
// The step programs of the three actors (K30).
//
// A CPU thread starts at Access: it touches its page and the hardware finds a non-present PTE,
// so do_swap_page reads the entry without a lock (K11). A device-private entry makes
// it the migrator M (steps M0..M8: the driver's migrate_to_ram and the migrate_vma_* calls); a
// migration entry makes it a waiter W (W0..W6: migration_entry_wait); a present entry means the
// access completes. Every path ends in a re-fault back to Access, which is how the kernel retries
// (K16). H is the holder of a genuine reference (H1..H3, docs/architecture.md §2).
//
// Granularity (docs/architecture.md §2): one step is one atomic action on shared state, or one critical
// section under a spinlock. Steps that run under the page-table lock (PTL) across several table
// rows, like collect's M1..M4 (K5), keep the PTL held between them, so no other
// thread can interleave a PTL step there. Sleeping is a blocked state, never a step.
#pragma once

#include <cstdint>
#include <string_view>

namespace msb::core {

/// Program counter: the step a thread runs next.
enum class Pc : std::uint8_t {
    Access,
    M1,
    M2,
    M3,
    M4, // migrate_vma_setup -> collect (PTL held from M1 to M4)
    M2Retry,
    M2Unmap, // prepare's second trylock; unmap under PTL when it succeeds
    M5,
    M6,
    M7, // pre-copy check, copy, the check in migrate_page_move_mapping
    M8Commit,
    M8Unlock,
    M8Put, // finalize after success
    M8Restore,
    M8RUnlock,
    M8RPut, // finalize after failure
    U1Restore,
    U2Unlock,
    U3Put, // migrate_vma_unmap's restore when the pre-copy check fails
    W1,
    W2,
    W3,
    W4,
    W5,
    W6,
    H1,
    H2,
    H3,
    F1, // do_swap_page (fault_ref counted/trylock): PTL, pte_same, [trylock], get_page
    F2, // do_swap_page after migrate_to_ram (trylock): unlock_page
    F3, // do_swap_page after migrate_to_ram (counted/trylock): put_page
    Done,
    Sigbus,
    // Appended after Sigbus so that every earlier value, and the state hashes built on them, stay.
    F4, // do_swap_page (trylock-then-wait, PTL held since F1): queue on PG_locked(D), unlock PTL
    F5, // do_swap_page (trylock-then-wait): asleep until unlock_page(D); then re-fault
    L1, // migrate_to_ram (driver_lock=exclusive): mutex_lock(driver lock); asleep while another holds it
    L2, // migrate_to_ram (driver_lock=exclusive): mutex_unlock(driver lock), then return
    Count
};

/// What a step did: the program counter plus the branch it took. Each id has a row in stepTable().
enum class StepId : std::uint8_t {
    A0,         // access completes: PTE present
    M0,         // do_swap_page sees a device-private entry
    W0,         // do_swap_page sees a migration entry
    M1,         // collect: PTL, device-private entry, get_page
    M1Skip,     // collect: entry is not device-private, nothing collected, return 0
    M2,         // collect: trylock_page succeeds
    M2Busy,     // collect: trylock_page fails, keep the collect reference
    M3,         // collect: install migration entry, page_remove_rmap
    M4,         // collect: put_page (mapping reference), release PTL
    M2Retry,    // prepare: trylock_page succeeds
    M2Give,     // prepare: trylock fails, put_page, cpages = 0
    M2Unmap,    // unmap: try_to_unmap under PTL
    M5,         // pre-copy check passes
    M5Fail,     // pre-copy check fails
    M6,         // allocate S, copy D -> S
    M7,         // check passes: commit
    M7Fail,     // check fails: -EAGAIN
    M8Commit,   // finalize: PTE -> PRESENT(S)
    M8Unlock,   // finalize: unlock_page(D), wake waiters
    M8Put,      // finalize: put_page(D), unlock and putback S
    M8Restore,  // finalize after failure: free S, PTE -> DEVPRIV(D)
    M8RUnlock,  // finalize after failure: unlock_page(D)
    M8RPut,     // finalize after failure: put_page(D); driver returns
    U1Restore,  // unmap failure: remove_migration_ptes(D, D)
    U2Unlock,   // unmap failure: unlock_page(D)
    U3Put,      // unmap failure: put_page(D); cpages = 0
    W1,         // migration_entry_wait: PTL, still MIGR, take (or not) a reference
    W1Gone,     // migration_entry_wait: entry changed, retry
    W2,         // release PTL
    W3,         // waitqueue: PG_waiters, enqueue
    W3Unlocked, // waitqueue: page already unlocked, do not sleep
    W4,         // put_page (waiter reference)
    W5,         // woken (or never queued): finish_wait
    W6,         // return from the fault: re-fault
    H1,         // holder takes its reference
    H1Gone,     // holder finds the page no longer mapped, gives up
    H2,         // holder writes D's memory
    H3,         // holder drops its reference
    F1,         // do_swap_page (v6.1+): PTL, PTE still DEVPRIV(D), get_page: the fault reference
    F1Changed,  // do_swap_page (v6.1+): PTE changed under us, return and re-fault
    F1Lock,     // do_swap_page (v6.15+): trylock_page succeeds, get_page
    F1Busy,     // do_swap_page (v6.15+): trylock_page fails, return and re-fault
    F2,         // do_swap_page (v6.15+): unlock_page(D) after migrate_to_ram
    F3,         // do_swap_page (v6.1+): put_page(D), the fault reference
    M2Drop,     // collect (v5.16+): trylock_page fails, put_page, collect nothing, return 0
    W5Again,    // woken waiter (before v5.9): PG_locked is set again, queue and sleep again
    F1Wait,     // do_swap_page (v7.0+): trylock_page fails, no reference, keep the PTL to queue (F4)
    F4,         // do_swap_page (v7.0+): waitqueue: SetPageWaiters(D), D is locked: enqueue, unlock PTL
    F4Unlocked, // do_swap_page (v7.0+): waitqueue: D already unlocked: do not sleep, unlock PTL
    F5,         // do_swap_page (v7.0+): woken (or never queued): return and re-fault
    L1,         // migrate_to_ram (driver_lock=exclusive): mutex_lock(driver lock) acquired
    L2,         // migrate_to_ram (driver_lock=exclusive): mutex_unlock(driver lock), return
    Count
};

struct StepInfo
{
    std::string_view id;       // short label shown in traces, e.g. "M7" or "M7!"
    char actor;                // 'A' (access), 'M', 'W', 'H'
    std::string_view text;     // our own pseudo-kernel line
    std::string_view function; // the kernel function it stands for
    std::string_view file;     // the kernel file (v5.11 unless the text says otherwise)
    std::string_view fact;     // kernel note IDs, docs/kernel/notes.md
    int refDelta;              // nominal change of page_count(D) (v5.11 accounting)
};

const StepInfo& stepInfo(StepId id);
/// True for the steps that take the PTL, so a thread there is enabled only while the PTL is free
/// (the model's enabled() and the partial-order reduction's blockers). Inline: it is on the
/// explorer's hot path.
inline bool takesPtl(Pc pc)
{
    switch (pc) {
    case Pc::M1:
    case Pc::M2Unmap:
    case Pc::M8Commit:
    case Pc::M8Restore:
    case Pc::U1Restore:
    case Pc::W1:
    case Pc::F1:
    case Pc::H1:
        return true;
    default:
        return false;
    }
}

std::string_view pcName(Pc pc);
/// The step a thread at pc would run, for the code panel (the branch is decided when it runs).
StepId nominalStep(Pc pc);
/// A neutral line for what a thread at pc does next, before its branch is known ("compare
/// page_count(D) with the expected count"), for thread lanes and Step buttons.
std::string_view nextStepText(Pc pc);
/// Looks a step up by its label ("M7!"); returns StepId::Count if unknown.
StepId stepFromLabel(std::string_view label);

} // namespace msb::core
