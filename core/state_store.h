// SPDX-License-Identifier: MIT
// The explorer's state store: every reached State once, bit-packed and exact, with a dense id.
//
// Choice: exact storage of the bit-packed state (core::pack's layout, 2 words for n-faults up to
// 4 threads x 3 pages or 6 threads x 2 pages, 10 at 16 x 16) rather than hash compaction: the SCC pass and the
// counterexamples must map states to ids and re-expand them, and exact storage costs nothing in soundness (no collision
// can hide a state). Per state: a record of one 4-byte mark (the SCC index/component, sharing a
// cache line with the state) plus the packed words, in 2 MiB chunks (no doubling slack), and a
// 4-byte slot in an open-addressing table (linear probing, load <= 0.75, multiply-shift indexing
// so any capacity works, 5 hash bits kept in the slot so most probes never touch a record). For
// 2-word states: 20 + 4/0.75 = 25.3 bytes once the table is compacted (after pass 1), up to
// 20 + 4/0.375 while it grows. Everything a lookup runs is inline here: it is the explorer's
// hot path, and a call per lookup was measurable.
#pragma once

#include "core/huge_buffer.h"
#include "core/state.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

namespace msb::core {

/// core::pack's layout (state.h, namespace packing), written a whole field at a time without
/// per-field checks: the model's invariants already bound every value (dRef <= the layout's
/// maxRef, dData < 7, ...), and the explorer test checks state and transition counts against a
/// plain BFS keyed by core::pack. BitWriter's generic put() was a third of the run time.
class StatePacker
{
public:
    static constexpr int kThreadBits = packing::kThreadBits;

    StatePacker(int pages, int threads, int words)
        : m_pages(pages)
        , m_threads(threads)
        , m_words(words)
        , m_pageBits(packing::layoutFor(threads).pageBits)
        , m_trailerBits(packing::layoutFor(threads).trailerBits)
    {
    }

    void pack(const State& state, std::uint64_t* out) const
    {
        for (int w = 0; w < m_words; ++w)
            out[w] = 0;
        int pos = 0;
        for (int p = 0; p < m_pages; ++p, pos += m_pageBits)
            set(out, pos, m_pageBits, packing::pageField(state.pages[p]));
        for (int t = 0; t < m_threads; ++t, pos += kThreadBits)
            set(out, pos, kThreadBits, packing::threadField(state.threads[t]));
        set(out, pos, m_trailerBits, packing::trailerField(state));
    }

    /// The packing of a successor from its parent's: a step of `thread` changes only its own
    /// fields, its current page, the PTL and the flags, except unlock_page, which also wakes
    /// other threads (their `queued` bits), so those steps repack everything.
    void packStep(
        const std::uint64_t* parent, const State& next, int thread, int page, StepId step, std::uint64_t* out) const
    {
        if (step == StepId::M8Unlock || step == StepId::M8RUnlock || step == StepId::U2Unlock || step == StepId::F2) {
            pack(next, out);
            return;
        }
        for (int w = 0; w < m_words; ++w)
            out[w] = parent[w];
        const int threadsAt = m_pages * m_pageBits;
        set(out, page * m_pageBits, m_pageBits, packing::pageField(next.pages[page]));
        set(out, threadsAt + thread * kThreadBits, kThreadBits, packing::threadField(next.threads[thread]));
        set(out, threadsAt + m_threads * kThreadBits, m_trailerBits, packing::trailerField(next));
    }

    /// Writes the used pages and threads only: the rest of `state` must already be default
    /// (no step touches them), which saves clearing 200 bytes per state.
    void unpack(const std::uint64_t* in, State& state) const
    {
        int pos = 0;
        auto get = [&](int bits) {
            const int word = pos >> 6;
            const int offset = pos & 63;
            std::uint64_t value = in[word] >> offset;
            if (offset + bits > 64)
                value |= in[word + 1] << (64 - offset);
            pos += bits;
            return value & ((std::uint64_t {1} << bits) - 1);
        };
        for (int p = 0; p < m_pages; ++p)
            packing::readPageField(get(m_pageBits), state.pages[p]);
        for (int t = 0; t < m_threads; ++t)
            packing::readThreadField(get(kThreadBits), state.threads[t]);
        packing::readTrailerField(get(m_trailerBits), state);
    }

private:
    static void set(std::uint64_t* out, int pos, int bits, std::uint64_t value)
    {
        const int word = pos >> 6;
        const int offset = pos & 63;
        const std::uint64_t mask = (std::uint64_t {1} << bits) - 1;
        out[word] = (out[word] & ~(mask << offset)) | value << offset;
        if (offset + bits > 64) {
            const int shift = 64 - offset;
            out[word + 1] = (out[word + 1] & ~(mask >> shift)) | value >> shift;
        }
    }

    int m_pages;
    int m_threads;
    int m_words;
    int m_pageBits; // packing::layoutFor(threads)
    int m_trailerBits;
};

/// The store's hash: one multiply-xorshift per word. It only has to spread states over the table
/// (core::hashWords, two splitmix rounds a word, is the stable hash recordings keep).
inline std::uint64_t storeHash(const std::uint64_t* words, int count)
{
    std::uint64_t h = 0x243f6a8885a308d3ULL;
    for (int i = 0; i < count; ++i) {
        h = (h ^ words[i]) * 0x9e3779b97f4a7c15ULL;
        h ^= h >> 29;
    }
    return h * 0xbf58476d1ce4e5b9ULL;
}

/// A packed state and its store hash: what find() and insert() take.
struct StoreKey
{
    std::array<std::uint64_t, PackedState::kWords> words;
    std::uint64_t hash;
};

/// Ids are dense, 0 .. size() - 1, in insertion order, and never change. Not thread-safe: one
/// explorer owns one store. Memory is never given back before destruction except by compact().
class StateStore
{
public:
    static constexpr int kIdBits = 27;
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    /// The most states a store can hold: ids live in the low kIdBits bits of a slot as id + 1.
    static constexpr std::uint64_t kLimit = (std::uint64_t {1} << kIdBits) - 2;

    /// A store of states packed into `words` 64-bit words (1 .. PackedState::kWords). Allocates a
    /// 1024-slot table (one 2 MiB huge page). Throws std::bad_alloc if the mapping fails.
    explicit StateStore(int words);

    std::uint64_t size() const { return m_size; }
    int words() const { return m_words; }

    /// Copies the packed words of a state out (records are 4-byte aligned).
    void load(std::uint32_t id, std::uint64_t* out) const
    {
        std::memcpy(out, record(id) + 1, sizeof(std::uint64_t) * m_words);
    }
    /// One word per state for the passes (the SCC mark). It shares the state's record, so the
    /// lookup that finds a successor has already brought its mark into cache.
    std::uint32_t& mark(std::uint32_t id) { return *record(id); }
    std::uint32_t mark(std::uint32_t id) const { return *record(id); }
    /// Cache hints: the table slot of a key, then the record its tag points at. Issuing both for
    /// every successor of a state before looking any up hides most of the memory latency.
    void prefetch(std::uint64_t hash) const { __builtin_prefetch(&m_slots[slotOf(hash)]); }
    void prefetchCandidate(std::uint64_t hash) const
    {
        const std::uint32_t tag = tagOf(hash);
        for (std::uint64_t i = slotOf(hash);; i = i + 1 == m_capacity ? 0 : i + 1) {
            const std::uint32_t slot = m_slots[i];
            if (slot == 0)
                return;
            if ((slot & ~kIdMask) == tag) {
                __builtin_prefetch(record((slot & kIdMask) - 1));
                return;
            }
        }
    }

    /// The id of the state, or kNone. Expected O(1): one probe run at load <= 0.75.
    std::uint32_t find(const std::uint64_t* words, std::uint64_t hash) const
    {
        const std::uint32_t tag = tagOf(hash);
        for (std::uint64_t i = slotOf(hash);; i = i + 1 == m_capacity ? 0 : i + 1) {
            const std::uint32_t slot = m_slots[i];
            if (slot == 0)
                return kNone;
            if ((slot & ~kIdMask) == tag) {
                const std::uint32_t id = (slot & kIdMask) - 1;
                if (same(id, words))
                    return id;
            }
        }
    }
    std::uint32_t find(const StoreKey& key) const { return find(key.words.data(), key.hash); }

    /// Inserts if absent; returns the id and whether it is new. A new state's mark is 0.
    /// Expected O(1); amortised, a doubling rehash of the table (O(size), no allocation beyond the
    /// new table, whose predecessor is unmapped first) and every 2^19 states a new 2 MiB-aligned
    /// chunk of records. Precondition: size() < kLimit. Throws std::bad_alloc if mmap fails.
    std::pair<std::uint32_t, bool> insert(const std::uint64_t* words, std::uint64_t hash)
    {
        const std::uint32_t tag = tagOf(hash);
        std::uint64_t i = slotOf(hash);
        for (;; i = i + 1 == m_capacity ? 0 : i + 1) {
            const std::uint32_t slot = m_slots[i];
            if (slot == 0)
                break;
            if ((slot & ~kIdMask) == tag) {
                const std::uint32_t id = (slot & kIdMask) - 1;
                if (same(id, words))
                    return {id, false};
            }
        }
        const auto id = static_cast<std::uint32_t>(m_size);
        if ((id >> kChunkShift) == m_chunks.size())
            m_chunks.emplace_back(std::size_t {kChunkStates} * m_stride * sizeof(std::uint32_t));
        std::uint32_t* r = record(id);
        r[0] = 0;
        std::memcpy(r + 1, words, sizeof(std::uint64_t) * m_words);
        m_slots[i] = tag | (id + 1);
        ++m_size;
        if (static_cast<double>(m_size) > kMaxLoad * static_cast<double>(m_capacity))
            rehash(m_capacity * 2);
        return {id, true};
    }

    /// Rebuilds the table at load 0.75 to give memory back (the explorer calls it after pass 1,
    /// when no state will be added). O(size).
    void compact();

    /// Memory in use now: the records written and the whole table.
    std::uint64_t bytes() const;
    /// What bytes() will be once the store holds `states` states (at least size()): the records
    /// plus the table that many states grow it to. For memory budgets, before the memory is taken.
    std::uint64_t bytesAt(std::uint64_t states) const;

private:
    static constexpr std::uint32_t kIdMask = (1u << kIdBits) - 1;
    static constexpr double kMaxLoad = 0.75;
    // 2^19 records = stride * 2 MiB per chunk: whole huge pages. Untouched parts of the last
    // chunk are never faulted in, so bytes() counts the records in use.
    static constexpr int kChunkShift = 19;
    static constexpr std::uint32_t kChunkStates = 1u << kChunkShift;
    static constexpr std::uint32_t kChunkMask = kChunkStates - 1;
    __extension__ using Uint128 = unsigned __int128; // GCC/Clang: multiply-shift needs the high word

    std::uint32_t* record(std::uint32_t id) const
    {
        return m_chunks[id >> kChunkShift].as<std::uint32_t>() + static_cast<std::size_t>(id & kChunkMask) * m_stride;
    }
    bool same(std::uint32_t id, const std::uint64_t* words) const
    {
        const std::uint32_t* r = record(id) + 1;
        for (int i = 0; i < m_words; ++i) {
            std::uint64_t w;
            std::memcpy(&w, r + 2 * i, sizeof w); // records are only 4-byte aligned
            if (w != words[i])
                return false;
        }
        return true;
    }

    static std::uint32_t tagOf(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 20 & 31) << kIdBits; }
    std::uint64_t slotOf(std::uint64_t hash) const
    {
        return static_cast<std::uint64_t>((static_cast<Uint128>(hash) * m_capacity) >> 64);
    }

    void rehash(std::uint64_t capacity);

    int m_words;
    int m_stride; // uint32 units per record: the mark, then the packed words
    std::uint64_t m_size = 0;
    std::uint64_t m_capacity = 0;
    HugeBuffer m_slotBuffer;
    std::uint32_t* m_slots = nullptr;
    std::vector<HugeBuffer> m_chunks;
};

} // namespace msb::core
