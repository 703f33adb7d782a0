// SPDX-License-Identifier: MIT
#include "core/steps.h"

#include <array>

namespace msb::core {

namespace {

// The lines are our own words for what the kernel does (docs/kernel/notes.md: "identifiers and short
// expressions only"). The refDelta column is the nominal v5.11 accounting of K30;
// waiter steps show the drop-after-enqueue policy, the simulator reports the actual delta.
constexpr std::array<StepInfo, static_cast<size_t>(StepId::Count)> kSteps = {{
    {"A0", 'A', "touch X: the PTE is present, the load/store completes", "handle_mm_fault", "mm/memory.c", "K10", 0},
    {"M0", 'M', "fault: read the PTE without a lock, it is DEVPRIV(D); vmf->page = D, no reference taken",
        "do_swap_page", "mm/memory.c", "K11", 0},
    {"W0", 'W', "fault: read the PTE without a lock, it is MIGR(D); go wait for the migration", "do_swap_page",
        "mm/memory.c", "K11, K12", 0},
    {"M1", 'M', "call D's migrate_to_ram; collect: lock PTL, PTE is DEVPRIV(D), get_page(D), cpages = 1",
        "migrate_vma_collect_pmd", "mm/migrate.c", "K5, K16", +1},
    {"M1-skip", 'M', "call D's migrate_to_ram; collect: lock PTL, PTE is not DEVPRIV, collect nothing; return 0",
        "migrate_vma_collect_pmd", "mm/migrate.c", "K5, K16", 0},
    {"M2", 'M', "(PTL) trylock_page(D) succeeds: we own PG_locked", "migrate_vma_collect_pmd", "mm/migrate.c", "K5", 0},
    {"M2-busy", 'M', "(PTL) trylock_page(D) fails: keep the collect reference, PTE stays DEVPRIV; unlock PTL",
        "migrate_vma_collect_pmd", "mm/migrate.c", "K5, K27", 0},
    {"M3", 'M', "(PTL) PTE = MIGR(D); page_remove_rmap(D): mapcount 1 -> 0", "migrate_vma_collect_pmd", "mm/migrate.c",
        "K5", 0},
    {"M4", 'M', "(PTL) put_page(D): the mapping reference goes; unlock PTL", "migrate_vma_collect_pmd", "mm/migrate.c",
        "K5", -1},
    {"M2-retry", 'M', "prepare: trylock_page(D) again, succeeds", "migrate_vma_prepare", "mm/migrate.c", "K6", 0},
    {"M2-give", 'M', "prepare: trylock_page(D) fails again: put_page(D), cpages = 0; driver returns",
        "migrate_vma_prepare", "mm/migrate.c", "K6, K16", -1},
    {"M2-unmap", 'M', "unmap: lock PTL, PTE = MIGR(D), mapcount 1 -> 0, put_page(D), unlock PTL", "try_to_unmap",
        "mm/rmap.c", "K8", -1},
    {"M5", 'M', "check_page before the copy: passes", "migrate_vma_check_page", "mm/migrate.c", "K7, K23", 0},
    {"M5-fail", 'M', "check_page before the copy: page_count(D) has an unexplained reference; do not migrate",
        "migrate_vma_check_page", "mm/migrate.c", "K23", 0},
    {"M6", 'M', "driver: allocate system page S (locked, count 1), copy D -> S", "nouveau_dmem_fault_copy_one",
        "drivers/gpu/drm/nouveau/nouveau_dmem.c", "K9, K16", 0},
    {"M7", 'M', "move_mapping: page_count(D) is as expected: commit, no turning back", "migrate_page_move_mapping",
        "mm/migrate.c", "K9, K20", 0},
    {"M7-fail", 'M', "move_mapping: page_count(D) != expected: -EAGAIN, clear MIGRATE_PFN_MIGRATE",
        "migrate_page_move_mapping", "mm/migrate.c", "K9", 0},
    {"M8s.1", 'M', "finalize: lock PTL, PTE = PRESENT(S), get_page(S); unlock PTL", "remove_migration_ptes",
        "mm/migrate.c", "K10", 0},
    {"M8s.2", 'M', "finalize: unlock_page(D), wake the page-lock waiters", "unlock_page", "mm/filemap.c", "K10", 0},
    {"M8s.3", 'M',
        "finalize: put_page(D), collect's reference (with no other holder D goes back to the driver pool); unlock and "
        "putback S",
        "migrate_vma_finalize", "mm/migrate.c", "K1, K10", -1},
    {"M8f.1", 'M', "finalize (not migrated): free S; lock PTL, PTE = DEVPRIV(D), get_page(D), mapcount 1",
        "remove_migration_ptes", "mm/migrate.c", "K3, K10", +1},
    {"M8f.2", 'M', "finalize (not migrated): unlock_page(D), wake the page-lock waiters", "unlock_page", "mm/filemap.c",
        "K10", 0},
    {"M8f.3", 'M', "finalize (not migrated): put_page(D); driver returns (0 = re-fault, or SIGBUS)",
        "migrate_vma_finalize", "mm/migrate.c", "K10, K16, K19", -1},
    {"M5f.1", 'M', "unmap failed: lock PTL, PTE = DEVPRIV(D), get_page(D), mapcount 1; unlock PTL",
        "remove_migration_ptes", "mm/migrate.c", "K8", +1},
    {"M5f.2", 'M', "unmap failed: unlock_page(D), wake the page-lock waiters", "unlock_page", "mm/filemap.c", "K8", 0},
    {"M5f.3", 'M', "unmap failed: put_page(D), cpages = 0; driver returns (0 = re-fault, or SIGBUS)",
        "migrate_vma_unmap", "mm/migrate.c", "K8, K16, K19", -1},
    {"W1", 'W', "lock PTL, PTE is still MIGR(D): get_page_unless_zero(D) (none in v5.17+)", "__migration_entry_wait",
        "mm/migrate.c", "K12, K23", +1},
    {"W1-gone", 'W', "lock PTL, PTE is no longer MIGR: unlock PTL, return and re-fault", "__migration_entry_wait",
        "mm/migrate.c", "K12", 0},
    {"W2", 'W', "unlock PTL (preemptible: our reference is still held)", "__migration_entry_wait", "mm/migrate.c",
        "K12", 0},
    {"W3", 'W', "waitqueue lock: SetPageWaiters(D), D is locked: enqueue (v5.17+: then unlock PTL)",
        "wait_on_page_bit_common", "mm/filemap.c", "K12, K23", 0},
    {"W3-unlocked", 'W', "waitqueue lock: SetPageWaiters(D), D already unlocked: do not sleep",
        "wait_on_page_bit_common", "mm/filemap.c", "K12", 0},
    {"W4", 'W', "put_page(D): the waiter's reference goes", "put_and_wait_on_page_locked", "mm/filemap.c", "K12, K13",
        -1},
    {"W5", 'W', "woken by unlock_page (or never queued): finish_wait", "wait_on_page_bit_common", "mm/filemap.c", "K12",
        0},
    {"W6", 'W', "return from the fault; the CPU re-executes the access", "do_swap_page", "mm/memory.c", "K12", 0},
    {"H1", 'H', "holder: D unlocked and mapped: take a reference (like a DMA pin)", "get_page", "include/linux/mm.h",
        "K21, K27", +1},
    {"H1-gone", 'H', "holder: D is no longer mapped: give up, nothing written", "get_page", "include/linux/mm.h", "K21",
        0},
    {"H2", 'H', "holder: write D's device memory (data version + 1)", "(device DMA)", "(driver)", "K21", 0},
    {"H3", 'H', "holder: put_page(D) (may free D)", "put_page", "include/linux/mm.h", "K1, K21", -1},
    {"F1", 'A', "fault (v6.1+): lock PTL, PTE is still DEVPRIV(D): get_page(D), the fault reference; unlock PTL",
        "do_swap_page", "mm/memory.c", "K14", +1},
    {"F1-changed", 'A', "fault (v6.1+): lock PTL, the PTE changed: unlock PTL, return and re-fault", "do_swap_page",
        "mm/memory.c", "K14", 0},
    {"F1-lock", 'A', "fault (v6.15+): lock PTL, trylock_page(D) succeeds: get_page(D); unlock PTL", "do_swap_page",
        "mm/memory.c", "K14, K25", +1},
    {"F1-busy", 'A', "fault (v6.15-v6.19): lock PTL, trylock_page(D) fails: unlock PTL, return and re-fault",
        "do_swap_page", "mm/memory.c", "K14, K25", 0},
    {"F2", 'A', "after migrate_to_ram (v6.15+): unlock_page(D), wake the page-lock waiters", "do_swap_page",
        "mm/memory.c", "K14", 0},
    {"F3", 'A', "after migrate_to_ram (v6.1+): put_page(D), the fault reference (may free D); re-fault", "do_swap_page",
        "mm/memory.c", "K14", -1},
    {"M2-drop", 'M', "(PTL) trylock_page(D) fails (v5.16+): put_page(D), collect nothing; unlock PTL; driver returns 0",
        "migrate_vma_collect_pmd", "mm/migrate.c", "K28, K16", -1},
    {"W5-again", 'W', "woken (before v5.9): PG_locked(D) is set again: queue and sleep again, reference still held",
        "wait_on_page_bit_common", "mm/filemap.c", "K36, K13", 0},
    {"F1-wait", 'A',
        "fault (v7.0+): lock PTL, trylock_page(D) fails: no reference; keep the PTL to wait for the unlock",
        "do_swap_page", "mm/memory.c", "K37", 0},
    {"F4", 'A', "fault (v7.0+): waitqueue lock: SetPageWaiters(D), D is locked: enqueue, then unlock PTL",
        "softleaf_entry_wait_on_locked", "mm/filemap.c", "K37, K23", 0},
    {"F4-unlocked", 'A', "fault (v7.0+): waitqueue lock: SetPageWaiters(D), D already unlocked: unlock PTL, no sleep",
        "softleaf_entry_wait_on_locked", "mm/filemap.c", "K37, K23", 0},
    {"F5", 'A', "fault (v7.0+): woken by unlock_page (or never queued): return and re-fault", "do_swap_page",
        "mm/memory.c", "K37", 0},
    {"L1", 'M', "driver (exclusive lock): mutex_lock(driver lock) before migrate_vma_setup; taken", "migrate_to_ram",
        "(driver)", "K26", 0},
    {"L2", 'M', "driver (exclusive lock): mutex_unlock(driver lock), wake its sleepers; migrate_to_ram returns",
        "migrate_to_ram", "(driver)", "K26", 0},
}};

constexpr std::array<std::string_view, static_cast<size_t>(Pc::Count)> kPcNames = {
    "Access",
    "M1",
    "M2",
    "M3",
    "M4",
    "M2-retry",
    "M2-unmap",
    "M5",
    "M6",
    "M7",
    "M8s.1",
    "M8s.2",
    "M8s.3",
    "M8f.1",
    "M8f.2",
    "M8f.3",
    "M5f.1",
    "M5f.2",
    "M5f.3",
    "W1",
    "W2",
    "W3",
    "W4",
    "W5",
    "W6",
    "H1",
    "H2",
    "H3",
    "F1",
    "F2",
    "F3",
    "done",
    "sigbus",
    "F4",
    "F5",
    "L1",
    "L2",
};

constexpr std::array<StepId, static_cast<size_t>(Pc::Count)> kNominal = {
    StepId::M0,
    StepId::M1,
    StepId::M2,
    StepId::M3,
    StepId::M4,
    StepId::M2Retry,
    StepId::M2Unmap,
    StepId::M5,
    StepId::M6,
    StepId::M7,
    StepId::M8Commit,
    StepId::M8Unlock,
    StepId::M8Put,
    StepId::M8Restore,
    StepId::M8RUnlock,
    StepId::M8RPut,
    StepId::U1Restore,
    StepId::U2Unlock,
    StepId::U3Put,
    StepId::W1,
    StepId::W2,
    StepId::W3,
    StepId::W4,
    StepId::W5,
    StepId::W6,
    StepId::H1,
    StepId::H2,
    StepId::H3,
    StepId::F1,
    StepId::F2,
    StepId::F3,
    StepId::A0,
    StepId::A0,
    StepId::F4,
    StepId::F5,
    StepId::L1,
    StepId::L2,
};

// What a thread at each pc is about to do; branches are named, not decided.
constexpr std::array<std::string_view, static_cast<size_t>(Pc::Count)> kNextText = {
    "touch X: read the PTE (present: done; DEVPRIV: migrate; MIGR: wait)",
    "call migrate_to_ram; collect: lock PTL, look at the PTE, get_page(D) if DEVPRIV",
    "(PTL) trylock_page(D)",
    "(PTL) PTE = MIGR(D); page_remove_rmap(D)",
    "(PTL) put_page(D): the mapping reference; unlock PTL",
    "prepare: trylock_page(D) again",
    "unmap: lock PTL, PTE = MIGR(D), put_page(D) for the mapping",
    "check_page before the copy",
    "driver: allocate system page S, copy D -> S",
    "move_mapping: compare page_count(D) with the expected count",
    "finalize: lock PTL, PTE = PRESENT(S)",
    "finalize: unlock_page(D), wake the waiters",
    "finalize: put_page(D); unlock and putback S",
    "finalize (not migrated): free S; lock PTL, PTE = DEVPRIV(D)",
    "finalize (not migrated): unlock_page(D), wake the waiters",
    "finalize (not migrated): put_page(D); driver returns",
    "unmap failed: lock PTL, PTE = DEVPRIV(D)",
    "unmap failed: unlock_page(D), wake the waiters",
    "unmap failed: put_page(D); driver returns",
    "migration_entry_wait: lock PTL, re-read the PTE",
    "unlock PTL (our reference is still held)",
    "waitqueue lock: SetPageWaiters(D), enqueue if D is locked",
    "put_page(D): drop the waiter's reference",
    "sleep until unlock_page(D) wakes us",
    "return from the fault: re-fault",
    "holder: take a reference if D is unlocked and mapped",
    "holder: write D's device memory",
    "holder: put_page(D)",
    "fault (v6.1+): lock PTL, check the PTE, [trylock_page(D),] get_page(D)",
    "after migrate_to_ram: unlock_page(D), wake the waiters",
    "after migrate_to_ram: put_page(D), the fault reference",
    "finished",
    "killed by SIGBUS",
    "fault: waitqueue lock: SetPageWaiters(D), enqueue if D is locked; unlock PTL",
    "fault: sleep until unlock_page(D) wakes us, then re-fault",
    "driver: mutex_lock(driver lock), sleeping while another thread holds it",
    "driver: mutex_unlock(driver lock); migrate_to_ram returns",
};

} // namespace

std::string_view nextStepText(Pc pc)
{
    return kNextText[static_cast<size_t>(pc)];
}

const StepInfo& stepInfo(StepId id)
{
    return kSteps[static_cast<size_t>(id)];
}

std::string_view pcName(Pc pc)
{
    return kPcNames[static_cast<size_t>(pc)];
}

StepId nominalStep(Pc pc)
{
    return kNominal[static_cast<size_t>(pc)];
}

StepId stepFromLabel(std::string_view label)
{
    for (size_t i = 0; i < kSteps.size(); ++i) {
        if (kSteps[i].id == label)
            return static_cast<StepId>(i);
    }
    return StepId::Count;
}

} // namespace msb::core
