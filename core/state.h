// SPDX-License-Identifier: MIT
// The shared state of the model (docs/architecture.md §2, K3, K30).
//
// Per virtual page X<i>: its page table entry and two struct pages, the device-private page D<i>
// (in ZONE_DEVICE, refcounts 1-based as in v5.11, K1) and the system page S<i> the
// driver allocates to migrate into (K9). One page-table lock (PTL) covers all the
// PTEs: they sit in one page-table page, as split PTLs are per page-table page. The page-lock wait
// queue is not stored as a list: a thread is in D's queue exactly when its `queued` bit is set
// while it waits on D, and unlock_page wakes every waiter of D (K12: non-exclusive
// waits), so the order of the queue never matters. The driver pool is the set of D<i> with
// `dFree` set (K1: page_free on the last put).
//
// State is a small fixed-size value: copying it is the cheapest undo, and pack() turns it into
// the compact key the explorer hashes.
#pragma once

#include "core/scenario.h"
#include "core/steps.h"

#include <array>
#include <cstdint>
#include <string>

namespace msb::core {

enum class Pte : std::uint8_t {
    DevPriv, // device-private swap entry naming D: make_device_private_entry (K3)
    Migr,    // migration entry naming D: make_migration_entry (K5)
    Present, // present PTE mapping S (K10)
};

inline constexpr std::int8_t kNobody = -1;

struct PageState
{
    Pte pte = Pte::DevPriv;
    std::uint8_t dRef = 2; // page_count(D): ZONE_DEVICE base + mapping (K3)
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
/// the scenario uses, bit-packed (packing::layoutFor: 24 or 26 bits a page, 12 a thread).
struct PackedState
{
    // 16 pages x 26 bits + 16 threads x 12 + an 8-bit trailer = 616 bits.
    static constexpr int kWords = 10;
    std::array<std::uint64_t, kWords> words {};
    std::uint8_t used = 0;

    friend bool operator==(const PackedState&, const PackedState&) = default;
};

/// The packed layout, field by field, shared by pack()/unpack() and the explorer's hot path (which
/// writes whole fields into its own store without per-bit checks): pages first, then threads, then
/// the trailer (PTL owner, flags).
///
/// Two widths, chosen by the scenario's thread count. Up to kNarrowMaxThreads threads a page is 24
/// bits and the trailer 7: page_count(D) has 5 bits (at most 2 + 2 references a thread = 30) and
/// each owner (thread index + 1) 4. That is the layout every scenario of the former 9-thread limit
/// was hashed with, so recordings of them keep their state hashes. Bigger scenarios need a sixth
/// count bit (up to 34 for 16 threads) and a fifth owner bit: they sit on top of the same fields
/// (page bits 24 and 25, trailer bit 7), where a narrow scenario only ever has zeros.
namespace packing {

inline constexpr int kNarrowMaxThreads = 14;
inline constexpr int kThreadBits = 12;

struct Layout
{
    int pageBits;    // 24 narrow, 26 wide
    int trailerBits; // 7 narrow, 8 wide
    int maxRef;      // the largest page_count(D) a page field holds
};

inline constexpr Layout layoutFor(int threads)
{
    return threads <= kNarrowMaxThreads ? Layout {24, 7, 31} : Layout {26, 8, 63};
}

/// 64-bit words a packed state of this size takes.
inline constexpr int wordsFor(int pages, int threads)
{
    const Layout layout = layoutFor(threads);
    return (pages * layout.pageBits + threads * kThreadBits + layout.trailerBits + 63) / 64;
}

inline std::uint64_t pageField(const PageState& page)
{
    const auto ref = static_cast<std::uint64_t>(page.dRef);
    const auto owner = static_cast<std::uint64_t>(page.dLockOwner + 1);
    return static_cast<std::uint64_t>(page.pte) | (ref & 31) << 2 | std::uint64_t {page.dMapcount} << 7
        | (owner & 15) << 8 | std::uint64_t {page.dWaiters} << 12 | std::uint64_t {page.dData} << 13
        | std::uint64_t {page.dFree} << 16 | std::uint64_t {page.sAllocated} << 17 | std::uint64_t {page.sLocked} << 18
        | std::uint64_t {page.sRef} << 19 | std::uint64_t {page.sData} << 21 | (ref >> 5) << 24 | (owner >> 4) << 25;
}

inline void readPageField(std::uint64_t v, PageState& page)
{
    page.pte = static_cast<Pte>(v & 3);
    page.dRef = static_cast<std::uint8_t>((v >> 2 & 31) | (v >> 24 & 1) << 5);
    page.dMapcount = static_cast<std::uint8_t>(v >> 7 & 1);
    page.dLockOwner = static_cast<std::int8_t>(static_cast<int>((v >> 8 & 15) | (v >> 25 & 1) << 4) - 1);
    page.dWaiters = static_cast<std::uint8_t>(v >> 12 & 1);
    page.dData = static_cast<std::uint8_t>(v >> 13 & 7);
    page.dFree = static_cast<std::uint8_t>(v >> 16 & 1);
    page.sAllocated = static_cast<std::uint8_t>(v >> 17 & 1);
    page.sLocked = static_cast<std::uint8_t>(v >> 18 & 1);
    page.sRef = static_cast<std::uint8_t>(v >> 19 & 3);
    page.sData = static_cast<std::uint8_t>(v >> 21 & 7);
}

inline std::uint64_t threadField(const ThreadState& thread)
{
    return static_cast<std::uint64_t>(thread.pc) | std::uint64_t {thread.access} << 6
        | std::uint64_t {thread.queued} << 11;
}

inline void readThreadField(std::uint64_t v, ThreadState& thread)
{
    thread.pc = static_cast<Pc>(v & 63);
    thread.access = static_cast<std::uint8_t>(v >> 6 & 31);
    thread.queued = static_cast<std::uint8_t>(v >> 11 & 1);
}

inline std::uint64_t trailerField(const State& state)
{
    const auto owner = static_cast<std::uint64_t>(state.ptlOwner + 1);
    return (owner & 15) | std::uint64_t {state.flags} << 4 | (owner >> 4) << 7;
}

inline void readTrailerField(std::uint64_t v, State& state)
{
    state.ptlOwner = static_cast<std::int8_t>(static_cast<int>((v & 15) | (v >> 7 & 1) << 4) - 1);
    state.flags = static_cast<std::uint8_t>(v >> 4 & 7);
}

} // namespace packing

PackedState pack(const State& state, int pages, int threads);
State unpack(const PackedState& packed, int pages, int threads);
/// A 64-bit hash of the packed state, stable across runs and machines (recordings store it).
std::uint64_t stateHash(const State& state, int pages, int threads);
std::uint64_t hashWords(const std::uint64_t* words, int count);

/// The entry as the kernel notes write it: DEVPRIV(D0), MIGR(D0) or PRESENT(S0) for page 0.
std::string pteText(Pte pte, int page);

} // namespace msb::core
