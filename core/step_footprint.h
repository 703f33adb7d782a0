// SPDX-License-Identifier: MIT
// What each step of the thread programs (steps.h, model.cpp) reads and writes of the shared
// state, for the partial-order reduction (partial_order.h): two steps whose footprints do not
// conflict commute and neither enables nor disables the other.
//
// The resources: the PTL, the SIGBUS flag (every step's guard reads it), the driver lock
// (driver_lock=exclusive: its owner is the thread between L1 and L2, so only those two steps touch
// it, and L1's guard reads it), and per page X
//  - Pte:   the PTE of X;
//  - Lock:  PG_locked(D) with its owner (a sleeper's guard reads it: only unlock_page wakes);
//  - Wake:  PG_waiters(D) and the `queued` bits of D's waiters; enqueueing "adds" (sets its own
//    bit and PG_waiters, commuting with other enqueues), unlock_page writes (wakes them all);
//  - Count: page_count(D), D's free bit and which waiters hold a reference (count-waiters' check);
//    the steps that take or drop a reference "add" to it, and adds commute: a get happens only
//    while the PTE maps D or is the migration entry of a migrator holding its collect reference,
//    so the put that frees D (count 1) is never enabled next to a get (else getD's invariant fires);
//  - Map:   mapcount(D);
//  - Data:  D's data version and the system page S.
// The sticky safety flags (lost update, stale page use) are set with OR, read by no step, so they
// are no resource; the conditions under which a step sets them are reads of the resources above.
// A step's guard (Model::enabled) counts as a read, and the writers of every guard's resources
// conflict pairwise (the fairness argument in partial_order.cpp needs that).
#pragma once

#include "core/scenario.h"
#include "core/settings.h"
#include "core/steps.h"

#include <array>
#include <cstdint>
#include <initializer_list>

namespace msb::core {

enum class PageResource : int { Pte, Lock, Wake, Count, Map, Data, Count_ };

/// A set of resources, one bit each: bit 0 the PTL, bit 1 the SIGBUS flag, then six per page, then
/// the driver lock.
struct Resources
{
    static constexpr int kPerPage = static_cast<int>(PageResource::Count_);
    static constexpr int kBits = 2 + kPerPage * kMaxPages + 1;
    static constexpr int kWords = (kBits + 63) / 64;
    std::array<std::uint64_t, kWords> bits {};

    static Resources ptl() { return bit(0); }
    static Resources sigbus() { return bit(1); }
    static Resources driverLock() { return bit(kBits - 1); }
    static Resources page(int page, PageResource what) { return bit(2 + kPerPage * page + static_cast<int>(what)); }
    /// Every resource of the page, the PTL and the SIGBUS flag excluded.
    static Resources wholePage(int page);

    bool any() const
    {
        for (std::uint64_t w : bits) {
            if (w)
                return true;
        }
        return false;
    }
    bool intersects(const Resources& other) const
    {
        for (int i = 0; i < kWords; ++i) {
            if (bits[i] & other.bits[i])
                return true;
        }
        return false;
    }
    Resources& operator|=(const Resources& other)
    {
        for (int i = 0; i < kWords; ++i)
            bits[i] |= other.bits[i];
        return *this;
    }
    Resources& operator&=(const Resources& other)
    {
        for (int i = 0; i < kWords; ++i)
            bits[i] &= other.bits[i];
        return *this;
    }
    Resources operator~() const
    {
        Resources r;
        for (int i = 0; i < kWords; ++i)
            r.bits[i] = ~bits[i];
        return r;
    }
    friend Resources operator|(Resources a, const Resources& b) { return a |= b; }
    friend Resources operator&(Resources a, const Resources& b) { return a &= b; }
    friend bool operator==(const Resources&, const Resources&) = default;

private:
    static Resources bit(int i)
    {
        Resources r;
        r.bits[i / 64] = std::uint64_t {1} << (i % 64);
        return r;
    }
};

/// What a step (or a set of steps) reads and writes. `adds` are changes that commute with each
/// other and that only reads or writes order: page_count's gets and puts (a waiter taking or
/// dropping its reference included) and enqueueing on a page lock.
struct Footprint
{
    Resources reads;
    Resources writes;
    Resources adds;

    Footprint& operator|=(const Footprint& other)
    {
        reads |= other.reads;
        writes |= other.writes;
        adds |= other.adds;
        return *this;
    }
    /// Keeps only the resources in `mask`.
    Footprint& operator&=(const Resources& mask)
    {
        reads &= mask;
        writes &= mask;
        adds &= mask;
        return *this;
    }
    bool conflicts(const Footprint& other) const
    {
        return writes.intersects(other.reads | other.writes | other.adds) || other.writes.intersects(reads | adds)
            || adds.intersects(other.reads) || other.adds.intersects(reads);
    }
};

/// The footprint of the step a thread at `pc` takes on page `page`, over every branch it may take
/// under these settings, its guard included; with `present`, only the branches of a present PTE.
/// Done and Sigbus have none.
Footprint stepFootprint(const Settings& settings, Pc pc, int page, bool present = false);

/// A set of program counters, bit i for Pc(i).
struct PcSet
{
    std::uint64_t bits = 0;

    PcSet() = default;
    PcSet(std::initializer_list<Pc> pcs)
    {
        for (Pc pc : pcs)
            bits |= std::uint64_t {1} << static_cast<int>(pc);
    }
    bool contains(Pc pc) const { return bits >> static_cast<int>(pc) & 1; }
    friend PcSet operator|(PcSet a, PcSet b)
    {
        a.bits |= b.bits;
        return a;
    }
};
static_assert(static_cast<int>(Pc::Count) <= 64);

/// The program counters a thread at `pc` may go to in one step under these settings, over every
/// branch. Access -> Access stands for A0, the next access (Done after the last).
PcSet pcSuccessors(const Settings& settings, Pc pc);

} // namespace msb::core
