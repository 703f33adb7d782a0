// SPDX-License-Identifier: MIT
// The shared state of the model (DESIGN.md §2, kernel-facts §(b) "Objects").
//
// Per virtual page X<i>: its page table entry and two struct pages, the device-private page D<i>
// (in ZONE_DEVICE, refcounts 1-based as in v5.11, kernel-facts 1) and the system page S<i> the
// driver allocates to migrate into (kernel-facts 9). One page-table lock (PTL) covers all the
// PTEs: they sit in one page-table page, as split PTLs are per page-table page. The page-lock wait
// queue is not stored as a list: a thread is in D's queue exactly when its `queued` bit is set
// while it waits on D, and unlock_page wakes every waiter of D (kernel-facts 12: non-exclusive
// waits), so the order of the queue never matters. The driver pool is the set of D<i> with
// `dFree` set (kernel-facts 1: page_free on the last put).
//
// State is a small fixed-size value: copying it is the cheapest undo, and pack() turns it into
// the compact key the explorer hashes.
#pragma once

#include "core/scenario.h"
#include "core/steps.h"

#include <array>
#include <cstdint>

namespace msb::core {

enum class Pte : std::uint8_t {
    DevPriv, // device-private swap entry naming D: make_device_private_entry (kernel-facts 3)
    Migr,    // migration entry naming D: make_migration_entry (kernel-facts 5)
    Present, // present PTE mapping S (kernel-facts 10)
};

inline constexpr std::int8_t kNobody = -1;

struct PageState
{
    Pte pte = Pte::DevPriv;
    std::uint8_t dRef = 2; // page_count(D): ZONE_DEVICE base + mapping (kernel-facts 3)
    std::uint8_t dMapcount = 1;
    std::int8_t dLockOwner = kNobody; // PG_locked, with the thread that holds it
    std::uint8_t dWaiters = 0;        // PG_waiters
    std::uint8_t dData = 0;           // version of D's contents (bumped by H2)
    std::uint8_t dFree = 0;           // back in the driver pool
    std::uint8_t sAllocated = 0;
    std::uint8_t sLocked = 0;
    std::uint8_t sRef = 0;
    std::uint8_t sData = 0; // version copied into S at M6

    friend bool operator==(const PageState&, const PageState&) = default;
};

struct ThreadState
{
    Pc pc = Pc::Access;
    std::uint8_t access = 0; // index into the thread's page list
    std::uint8_t queued = 0; // in the page-lock wait queue of the page it waits on

    friend bool operator==(const ThreadState&, const ThreadState&) = default;
};

enum StateFlag : std::uint8_t {
    FlagLostUpdate = 1,   // a holder's write to D never reaches the page the process maps
    FlagStalePageUse = 2, // migrate_to_ram ran on a D already back in the driver pool
    FlagSigbus = 4,       // a fault returned VM_FAULT_SIGBUS: the process is dead
};

struct State
{
    std::array<PageState, kMaxPages> pages {};
    std::array<ThreadState, kMaxThreads> threads {};
    std::int8_t ptlOwner = kNobody;
    std::uint8_t flags = 0;

    friend bool operator==(const State&, const State&) = default;
};

/// A compact, canonical encoding of a State for hashing and storage: only the pages and threads
/// the scenario uses, bit-packed (about 21 bits a page and 12 a thread).
struct PackedState
{
    static constexpr int kWords = 8;
    std::array<std::uint64_t, kWords> words {};
    std::uint8_t used = 0;

    friend bool operator==(const PackedState&, const PackedState&) = default;
};

PackedState pack(const State& state, int pages, int threads);
State unpack(const PackedState& packed, int pages, int threads);
/// A 64-bit hash of the packed state, stable across runs and machines (recordings store it).
std::uint64_t stateHash(const State& state, int pages, int threads);
std::uint64_t hashWords(const std::uint64_t* words, int count);

} // namespace msb::core
