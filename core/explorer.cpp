// SPDX-License-Identifier: MIT
#include "core/explorer.h"

#include "core/invariant.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
#include <new>
#include <sys/mman.h>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace msb::core {

std::string_view reductionName(Reduction reduction)
{
    return reduction == Reduction::Por ? "por" : "none";
}

std::string_view outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Deadlock:
        return "deadlock";
    case Outcome::Livelock:
        return "livelock";
    case Outcome::Sigbus:
        return "sigbus";
    case Outcome::LostUpdate:
        return "lost_update";
    case Outcome::StalePageUse:
        return "stale_page_use";
    case Outcome::Count:
        break;
    }
    return "?";
}

std::vector<int> Counterexample::schedule() const
{
    std::vector<int> threads;
    threads.reserve(prefix.size() + cycle.size());
    for (const TraceStep& step : prefix)
        threads.push_back(step.thread);
    for (const TraceStep& step : cycle)
        threads.push_back(step.thread);
    return threads;
}

bool ExploreResult::reached(Outcome outcome) const
{
    switch (outcome) {
    case Outcome::Deadlock:
        return deadlock;
    case Outcome::Livelock:
        return livelock;
    case Outcome::Sigbus:
        return sigbus;
    case Outcome::LostUpdate:
        return lostUpdate;
    case Outcome::StalePageUse:
        return stalePageUse;
    case Outcome::Count:
        break;
    }
    return false;
}

// Partial-order reduction (Reduction::Por). A state expands a single thread t, the ample set
// {t}, when t's next step is "local": it writes only t's own pc/access (or, for M6, the S page
// that only the holder of PG_locked(D) touches), reads nothing another thread can change before t
// steps, stays enabled until t takes it, and sets no flag. Then:
//  - C1 (persistence): no step of another thread depends on t's step, so any path from the state
//    can be permuted to take t's step first;
//  - C2 (invisibility): the step changes no flag, PTE or completion-relevant shared state;
//  - C3 (cycle proviso): local steps only move a pc forward along W5 -> W6 -> Access, M5 -> M6 ->
//    M7 -> M8 or Access -> next access, so no cycle consists of local steps alone and every cycle
//    of the reduced graph has a fully expanded state. The choice depends on the state only (not
//    on visit order), so the reduced graph is well defined and the SCC pass sees the same graph.
// What the reduced graph R keeps (G is the full graph; a local step of t, once enabled, stays
// enabled until t takes it unless SIGBUS ends the run, and commutes with every step of others):
//  - flags, SIGBUS, completion: a G-path to a flagged state either contains t's step (commute it
//    to the front) or can be extended by it (flags are sticky); the step that sets SIGBUS does
//    not depend on t's local step either;
//  - deadlock: t's step is enabled in every state after s until taken, so a G-path from s to a
//    deadlock contains it, and commuting it first gives a path through R;
//  - weak-fair livelock: R's cycles are G's cycles and fairness is judged with G's enabled sets
//    (Model::enabledMask), so R finds no livelock that G lacks. Conversely take a fair infinite
//    non-progress G-execution; t is enabled until it steps, so by fairness it steps; commuting
//    that step to the front keeps the execution valid and fair (nobody's enabledness reads t's
//    local data), and as local chains are bounded, each step of the execution is consumed after
//    a bounded delay. The resulting R-execution ends in an R-SCC C whose every thread enabled in
//    all of C steps infinitely often inside C: a fair SCC of R.
// The tests check identical verdicts with and without reduction on every built-in x preset.
bool isLocalStep(const Model& model, const State& state, int thread)
{
    const ThreadState& self = state.threads[thread];
    const Settings& settings = model.settings();
    switch (self.pc) {
    case Pc::W6:
        return true;
    case Pc::W5:
        // Not queued: nobody can queue it again, and W5 -> W4/W6 keeps its waiter reference
        // status, so waiterReferences() (count-waiters) does not change.
        return !self.queued;
    case Pc::M5:
        return settings.precopyCheck == PrecopyCheck::Off;
    case Pc::M7:
        return settings.check == CheckPolicy::SkipDevicePrivate;
    case Pc::M6: {
        // M6 reads D's data version; only H2 writes it. A holder at H1 cannot pass H1 while the
        // migrator holds PG_locked(D), so only a holder already at H2 conflicts.
        const int page = model.currentPage(state, thread);
        for (int t = 0; t < model.threadCount(); ++t) {
            if (t != thread && model.threadKind(t) == ThreadKind::Holder && state.threads[t].pc == Pc::H2
                && model.currentPage(state, t) == page)
                return false;
        }
        return true;
    }
    case Pc::Access:
        // A present PTE stays present (no step turns PRESENT back), so A0 reads a stable value.
        return state.pages[model.currentPage(state, thread)].pte == Pte::Present;
    default:
        return false;
    }
}

namespace {

using Clock = std::chrono::steady_clock;

// State store. Choice: exact storage of the bit-packed state (core::pack's layout, 2 words for
// n-faults up to 5 threads x 3 pages) rather than hash compaction: the SCC pass and the
// counterexamples must map states to ids and re-expand them, and exact storage costs nothing in
// soundness (no collision can hide a state). Per state: a record of one 4-byte mark (the SCC
// index/component, shared cache line with the state) plus the packed words, in 2 MiB chunks
// (no doubling slack), and a 4-byte slot in an open-addressing table (linear probing, load
// <= 0.75, multiply-shift indexing so any capacity works, 5 hash bits kept in the slot so most
// probes never touch a record). Pass 2 adds a 4-byte parent link per state. For 2-word states:
// 20 + 4/0.75 (the table is compacted to load 0.75 after pass 1) + 4 = 29.3 bytes, plus the
// DFS stacks; ExploreResult::bytesPerState reports the measured total.
constexpr int kIdBits = 27;
constexpr std::uint32_t kIdMask = (1u << kIdBits) - 1;
constexpr std::uint64_t kStoreLimit = kIdMask - 1; // a slot holds id + 1
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr double kMaxLoad = 0.75;
__extension__ using Uint128 = unsigned __int128; // GCC/Clang: multiply-shift needs the high word

// Zero-filled anonymous memory, 2 MiB aligned and marked for transparent huge pages. The table
// and the state records are read at random, so with 4 KiB pages nearly every lookup also missed
// the TLB; huge pages took most of that stall away (measured on n-faults 4x2).
class HugeBuffer
{
public:
    HugeBuffer() = default;
    explicit HugeBuffer(std::size_t bytes)
    {
        const std::size_t length = (bytes + kHuge - 1) / kHuge * kHuge;
        void* raw = mmap(nullptr, length + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED)
            throw std::bad_alloc();
        // Trim to a 2 MiB aligned window so that every 2 MiB of it can be one huge page.
        const auto start = reinterpret_cast<std::uintptr_t>(raw);
        const std::uintptr_t aligned = (start + kHuge - 1) / kHuge * kHuge;
        if (aligned > start)
            munmap(raw, aligned - start);
        const std::uintptr_t end = start + length + kHuge;
        if (end > aligned + length)
            munmap(reinterpret_cast<void*>(aligned + length), end - (aligned + length));
        m_data = reinterpret_cast<void*>(aligned);
        m_length = length;
#ifdef MADV_HUGEPAGE
        madvise(m_data, m_length, MADV_HUGEPAGE);
#endif
    }
    HugeBuffer(const HugeBuffer&) = delete;
    HugeBuffer& operator=(const HugeBuffer&) = delete;
    HugeBuffer(HugeBuffer&& other) noexcept
        : m_data(std::exchange(other.m_data, nullptr))
        , m_length(std::exchange(other.m_length, 0))
    {
    }
    HugeBuffer& operator=(HugeBuffer&& other) noexcept
    {
        if (this != &other) {
            release();
            m_data = std::exchange(other.m_data, nullptr);
            m_length = std::exchange(other.m_length, 0);
        }
        return *this;
    }
    ~HugeBuffer()
    {
        release();
    }

    template <typename T>
    T* as() const
    {
        return static_cast<T*>(m_data);
    }

private:
    static constexpr std::size_t kHuge = std::size_t {2} << 20;
    void release()
    {
        if (m_data)
            munmap(m_data, m_length);
        m_data = nullptr;
    }
    void* m_data = nullptr;
    std::size_t m_length = 0;
};

// core::pack's layout (state.h, namespace packing), written a whole field at a time without
// per-field checks: the model's invariants already bound every value (dRef < 31, dData < 7, ...),
// and the explorer test checks state and transition counts against a plain BFS keyed by
// core::pack. BitWriter's generic put() was a third of the run time.
class Packer
{
public:
    static constexpr int kPageBits = packing::kPageBits;
    static constexpr int kThreadBits = packing::kThreadBits;
    static constexpr int kTrailerBits = packing::kTrailerBits;

    Packer(int pages, int threads, int words)
        : m_pages(pages)
        , m_threads(threads)
        , m_words(words)
    {
    }

    void pack(const State& state, std::uint64_t* out) const
    {
        for (int w = 0; w < m_words; ++w)
            out[w] = 0;
        int pos = 0;
        for (int p = 0; p < m_pages; ++p, pos += kPageBits)
            set(out, pos, kPageBits, packing::pageField(state.pages[p]));
        for (int t = 0; t < m_threads; ++t, pos += kThreadBits)
            set(out, pos, kThreadBits, packing::threadField(state.threads[t]));
        set(out, pos, kTrailerBits, packing::trailerField(state));
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
        const int threadsAt = m_pages * kPageBits;
        set(out, page * kPageBits, kPageBits, packing::pageField(next.pages[page]));
        set(out, threadsAt + thread * kThreadBits, kThreadBits, packing::threadField(next.threads[thread]));
        set(out, threadsAt + m_threads * kThreadBits, kTrailerBits, packing::trailerField(next));
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
            packing::readPageField(get(kPageBits), state.pages[p]);
        for (int t = 0; t < m_threads; ++t)
            packing::readThreadField(get(kThreadBits), state.threads[t]);
        packing::readTrailerField(get(kTrailerBits), state);
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
};

// The store's hash: one multiply-xorshift per word. It only has to spread states over the table
// (core::hashWords, two splitmix rounds a word, is the stable hash recordings keep).
inline std::uint64_t storeHash(const std::uint64_t* words, int count)
{
    std::uint64_t h = 0x243f6a8885a308d3ULL;
    for (int i = 0; i < count; ++i) {
        h = (h ^ words[i]) * 0x9e3779b97f4a7c15ULL;
        h ^= h >> 29;
    }
    return h * 0xbf58476d1ce4e5b9ULL;
}

class StateStore
{
public:
    explicit StateStore(int words)
        : m_words(words)
        , m_stride(2 * words + 1)
    {
        rehash(1024);
    }

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

    /// The id of the state, or kNone.
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

    /// Inserts if absent. Returns the id and whether it is new. Precondition: size() < limit.
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

    /// Rebuilds the table at load kMaxLoad (called after pass 1) to give memory back.
    void compact()
    {
        const auto target = static_cast<std::uint64_t>(static_cast<double>(m_size) / kMaxLoad) + 64;
        if (target < m_capacity)
            rehash(target);
    }

    std::uint64_t bytes() const
    {
        return m_size * m_stride * sizeof(std::uint32_t) + m_capacity * sizeof(std::uint32_t);
    }

private:
    // 2^19 records = stride * 2 MiB per chunk: whole huge pages. Untouched parts of the last
    // chunk are never faulted in, so bytes() counts the records in use.
    static constexpr int kChunkShift = 19;
    static constexpr std::uint32_t kChunkStates = 1u << kChunkShift;
    static constexpr std::uint32_t kChunkMask = kChunkStates - 1;

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

    void rehash(std::uint64_t capacity)
    {
        m_slotBuffer = HugeBuffer(); // give the old table back before taking the new one
        m_capacity = capacity;
        m_slotBuffer = HugeBuffer(capacity * sizeof(std::uint32_t));
        m_slots = m_slotBuffer.as<std::uint32_t>();
        // Records are read in order; the slot writes are random, so hash a batch and prefetch
        // its slots before writing any (rehashing was a tenth of a run before).
        constexpr std::uint32_t kBatch = 16;
        std::array<std::uint64_t, PackedState::kWords> words;
        std::array<std::uint64_t, kBatch> hashes;
        const auto size = static_cast<std::uint32_t>(m_size);
        for (std::uint32_t base = 0; base < size; base += kBatch) {
            const std::uint32_t count = std::min(kBatch, size - base);
            for (std::uint32_t k = 0; k < count; ++k) {
                load(base + k, words.data());
                hashes[k] = storeHash(words.data(), m_words);
                prefetch(hashes[k]);
            }
            for (std::uint32_t k = 0; k < count; ++k) {
                std::uint64_t i = slotOf(hashes[k]);
                while (m_slots[i] != 0)
                    i = i + 1 == m_capacity ? 0 : i + 1;
                m_slots[i] = tagOf(hashes[k]) | (base + k + 1);
            }
        }
    }

    int m_words;
    int m_stride; // uint32 units per record: the mark, then the packed words
    std::uint64_t m_size = 0;
    std::uint64_t m_capacity = 0;
    HugeBuffer m_slotBuffer;
    std::uint32_t* m_slots = nullptr;
    std::vector<HugeBuffer> m_chunks;
};

class Explorer
{
public:
    Explorer(const Model& model, const ExploreOptions& options)
        : m_model(model)
        , m_options(options)
        , m_threads(model.threadCount())
        , m_store(model.pack(model.initialState()).used)
        , m_packer(model.pageCount(), model.threadCount(), m_store.words())
        , m_maxStates(std::min<std::uint64_t>(std::max<std::uint64_t>(options.maxStates, 1), kStoreLimit))
    {
        m_result.reduction = options.reduction;
    }

    ExploreResult run()
    {
        m_start = Clock::now();
        m_lastReport = m_start;
        explorePass();
        const auto afterStates = Clock::now();
        m_result.secondsStates = std::chrono::duration<double>(afterStates - m_start).count();
        if (!m_result.cancelled) {
            m_store.compact();
            tracePass();
        }
        m_result.secondsTraces = std::chrono::duration<double>(Clock::now() - afterStates).count();
        finish();
        return std::move(m_result);
    }

private:
    struct Packed
    {
        std::array<std::uint64_t, PackedState::kWords> words;
        std::uint64_t hash;
    };

    Packed packOf(const State& state) const
    {
        Packed p;
        m_packer.pack(state, p.words.data());
        p.hash = storeHash(p.words.data(), m_store.words());
        return p;
    }

    State stateOf(std::uint32_t id) const
    {
        State state;
        std::array<std::uint64_t, PackedState::kWords> words;
        m_store.load(id, words.data());
        m_packer.unpack(words.data(), state);
        return state;
    }

    /// The threads the (possibly reduced) graph expands in this state.
    std::uint32_t expandMask(const State& state, std::uint32_t enabled) const
    {
        if (m_options.reduction == Reduction::Por) {
            for (int t = 0; t < m_threads; ++t) {
                if ((enabled >> t & 1) && isLocalStep(m_model, state, t))
                    return 1u << t;
            }
        }
        return enabled;
    }

    bool wanted(Outcome outcome) const { return m_found[static_cast<int>(outcome)]; }

    void noteFlags(const State& state)
    {
        if (state.flags & FlagLostUpdate)
            m_found[static_cast<int>(Outcome::LostUpdate)] = true;
        if (state.flags & FlagStalePageUse)
            m_found[static_cast<int>(Outcome::StalePageUse)] = true;
        if (state.flags & FlagSigbus)
            m_found[static_cast<int>(Outcome::Sigbus)] = true;
    }

    /// Returns true when the run must stop (cancelled).
    bool poll(std::uint64_t queue, std::string_view phase)
    {
        if (m_options.cancel && m_options.cancel->load(std::memory_order_relaxed)) {
            m_result.cancelled = true;
            return true;
        }
        const auto now = Clock::now();
        if (m_options.progress && now - m_lastReport >= std::chrono::milliseconds(50)) {
            m_lastReport = now;
            report(queue, phase, now);
        }
        return false;
    }

    void report(std::uint64_t queue, std::string_view phase, Clock::time_point now)
    {
        if (!m_options.progress)
            return;
        ExploreProgress progress;
        progress.states = m_store.size();
        progress.transitions = m_result.transitions;
        progress.queue = queue;
        progress.seconds = std::chrono::duration<double>(now - m_start).count();
        progress.phase = phase;
        m_options.progress(progress);
    }

    // Pass 1: depth-first exploration with Pearce's SCC algorithm on the fly ("A space-efficient
    // algorithm for finding strongly connected components", IPL 2016, PEA_FIND_SCC2, iterative).
    // Every transition is computed once. A state gets its id when first generated and its mark
    // (rindex) when first visited: 0 = not visited, 1.. = DFS index while active, and finished
    // components are numbered down from 0xfffffffe, so "mark[w] < mark[v]" ignores finished
    // components and "mark[w] > component" tells finished from active.
    //
    // Fairness needs no second look at the component: when v finishes, an edge v -> w whose w
    // is not in a finished component stays inside v's SCC (w's root is active, hence an ancestor
    // of v). So each finished state carries (enabled mask, threads of its internal edges) on
    // Pearce's stack, and the root folds them: fair iff AND(enabled) & ~OR(internal) == 0.
    struct Edge
    {
        std::uint32_t to;
        std::uint32_t thread;
    };
    struct Frame
    {
        std::uint32_t v;
        std::uint32_t edgeBegin;
        std::uint32_t cursor;
        std::uint16_t enabled;
        bool root;
    };
    struct Finished
    {
        std::uint32_t v;
        std::uint16_t enabledAll;
        std::uint16_t internal;
    };
    static constexpr std::uint32_t kFirstComponent = 0xfffffffe;

    /// Computes the successors of a state (packed words given) for the expanded threads into
    /// m_next / m_packed / m_nextThreads, with the table slots and candidate records prefetched:
    /// memory latency dominates, so all lookups of a state are started before any is used.
    int successors(const std::uint64_t* words, const State& state, std::uint32_t expand)
    {
        int count = 0;
        for (int t = 0; t < m_threads; ++t) {
            if (!(expand >> t & 1))
                continue;
            m_next[count] = state;
            const int page = m_model.currentPage(state, t);
            const StepId step = m_model.apply(m_next[count], t);
            m_packer.packStep(words, m_next[count], t, page, step, m_packed[count].words.data());
            m_packed[count].hash = storeHash(m_packed[count].words.data(), m_store.words());
            m_store.prefetch(m_packed[count].hash);
            m_nextThreads[count++] = t;
        }
        for (int i = 0; i < count; ++i)
            m_store.prefetchCandidate(m_packed[i].hash);
        return count;
    }

    void visit(std::uint32_t v)
    {
        m_store.mark(v) = m_index++;
        State& state = m_current;
        std::array<std::uint64_t, PackedState::kWords> words;
        m_store.load(v, words.data());
        m_packer.unpack(words.data(), state);
        const std::uint32_t enabled = m_model.enabledMask(state);
        if (enabled == 0) {
            switch (m_model.status(state)) {
            case Status::Completed:
                m_result.completesPossible = true;
                break;
            case Status::Deadlock:
                m_found[static_cast<int>(Outcome::Deadlock)] = true;
                break;
            case Status::Sigbus:
            case Status::Running:
                break;
            }
        }
        const int count = successors(words.data(), state, expandMask(state, enabled));
        const std::array<State, kMaxThreads>& next = m_next;
        const std::array<Packed, kMaxThreads>& packed = m_packed;
        const std::array<int, kMaxThreads>& threads = m_nextThreads;
        m_result.transitions += count;
        const auto edgeBegin = static_cast<std::uint32_t>(m_edges.size());
        for (int i = 0; i < count; ++i) {
            std::uint32_t id;
            if (m_full) {
                id = m_store.find(packed[i].words.data(), packed[i].hash);
                if (id == kNone) {
                    m_dropped = true;
                    continue;
                }
            } else {
                bool inserted;
                std::tie(id, inserted) = m_store.insert(packed[i].words.data(), packed[i].hash);
                if (inserted) {
                    m_store.mark(id) = 0;
                    noteFlags(next[i]);
                    m_full = m_store.size() >= m_maxStates;
                }
            }
            m_edges.push_back({id, static_cast<std::uint32_t>(threads[i])});
        }
        m_frames.push_back({v, edgeBegin, edgeBegin, static_cast<std::uint16_t>(enabled), true});
    }

    void explorePass()
    {
        const State initial = m_model.initialState();
        const Packed first = packOf(initial);
        m_store.insert(first.words.data(), first.hash);
        noteFlags(initial);
        report(1, "states", Clock::now());
        std::uint32_t component = kFirstComponent;
        std::uint64_t steps = 0;
        visit(0);
        while (!m_frames.empty()) {
            if ((++steps & 1023) == 0 && poll(m_frames.size(), "states"))
                return;
            Frame& frame = m_frames.back();
            if (frame.cursor < m_edges.size()) {
                const std::uint32_t w = m_edges[frame.cursor++].to;
                const std::uint32_t markW = m_store.mark(w);
                if (markW == 0) {
                    visit(w); // invalidates frame
                } else if (markW < m_store.mark(frame.v)) {
                    m_store.mark(frame.v) = markW;
                    frame.root = false;
                }
                continue;
            }
            const std::uint32_t v = frame.v;
            std::uint32_t internal = 0;
            for (std::size_t e = frame.edgeBegin; e < m_edges.size(); ++e) {
                if (m_store.mark(m_edges[e].to) <= component)
                    internal |= 1u << m_edges[e].thread;
            }
            const std::uint32_t enabled = frame.enabled;
            const bool root = frame.root;
            m_edges.resize(frame.edgeBegin);
            m_frames.pop_back();
            if (root) {
                --m_index;
                std::size_t begin = m_pending.size();
                while (begin > 0 && m_store.mark(v) <= m_store.mark(m_pending[begin - 1].v))
                    --begin;
                std::uint32_t enabledAll = enabled;
                std::uint32_t internalAll = internal;
                for (std::size_t i = begin; i < m_pending.size(); ++i) {
                    enabledAll &= m_pending[i].enabledAll;
                    internalAll |= m_pending[i].internal;
                    m_store.mark(m_pending[i].v) = component;
                }
                m_store.mark(v) = component;
                const bool cyclic = m_pending.size() > begin || internal != 0;
                if (cyclic && (enabledAll & ~internalAll) == 0) {
                    // Every thread ready throughout the SCC steps inside it: a fair cycle.
                    m_result.livelock = true;
                    m_fairComponents.push_back(component);
                }
                m_index -= static_cast<std::uint32_t>(m_pending.size() - begin);
                m_pending.resize(begin);
                --component;
            } else {
                m_pending.push_back({v, static_cast<std::uint16_t>(enabled), static_cast<std::uint16_t>(internal)});
            }
            if (!m_frames.empty()) {
                Frame& caller = m_frames.back();
                if (m_store.mark(v) < m_store.mark(caller.v)) {
                    m_store.mark(caller.v) = m_store.mark(v);
                    caller.root = false;
                }
            }
            m_peakStackBytes = std::max<std::uint64_t>(m_peakStackBytes,
                m_frames.capacity() * sizeof(Frame) + m_edges.capacity() * sizeof(Edge)
                    + m_pending.capacity() * sizeof(Finished));
        }
        m_explored = true;
        m_frames = {};
        m_edges = {};
        m_pending = {};
    }

    std::uint32_t successor(const State& state, int thread) const
    {
        State next = state;
        m_model.apply(next, thread);
        const Packed p = packOf(next);
        return m_store.find(p.words.data(), p.hash);
    }

    bool inFairComponent(std::uint32_t id) const
    {
        return std::binary_search(m_fairComponents.begin(), m_fairComponents.end(), m_store.mark(id));
    }

    // Pass 2, only when a bad outcome was found: breadth-first over the stored graph, so the
    // first state dequeued with an outcome is a nearest one and parent links give a shortest
    // trace. The marks keep the component numbers (the livelock cycle is searched inside one);
    // the parent links take one more word per state, and the pass stops once every found outcome
    // has its nearest state.
    void tracePass()
    {
        bool anyWanted = m_result.livelock;
        for (bool f : m_found)
            anyWanted = anyWanted || f;
        if (!anyWanted)
            return;
        std::sort(m_fairComponents.begin(), m_fairComponents.end());
        m_parents.assign(m_store.size(), kNone);
        std::array<bool, static_cast<int>(Outcome::Count)> open = m_found;
        open[static_cast<int>(Outcome::Livelock)] = m_result.livelock;
        auto remaining = [&] { return std::count(open.begin(), open.end(), true); };
        auto take = [&](Outcome outcome, std::uint32_t id) {
            if (open[static_cast<int>(outcome)]) {
                open[static_cast<int>(outcome)] = false;
                m_first[static_cast<int>(outcome)] = id;
            }
        };

        std::deque<std::uint32_t> queue {0};
        m_parents[0] = 0;
        std::uint64_t steps = 0;
        while (!queue.empty() && remaining() > 0) {
            if ((++steps & 1023) == 0 && poll(queue.size(), "traces"))
                return;
            m_peakQueueBytes = std::max<std::uint64_t>(m_peakQueueBytes, queue.size() * sizeof(std::uint32_t));
            const std::uint32_t x = queue.front();
            queue.pop_front();
            State& state = m_current;
            std::array<std::uint64_t, PackedState::kWords> words;
            m_store.load(x, words.data());
            m_packer.unpack(words.data(), state);
            if (state.flags & FlagLostUpdate)
                take(Outcome::LostUpdate, x);
            if (state.flags & FlagStalePageUse)
                take(Outcome::StalePageUse, x);
            if (state.flags & FlagSigbus)
                take(Outcome::Sigbus, x);
            if (m_result.livelock && inFairComponent(x))
                take(Outcome::Livelock, x);
            const std::uint32_t enabled = m_model.enabledMask(state);
            if (enabled == 0 && m_model.status(state) == Status::Deadlock)
                take(Outcome::Deadlock, x);
            const int count = successors(words.data(), state, expandMask(state, enabled));
            for (int i = 0; i < count; ++i) {
                const std::uint32_t y = m_store.find(m_packed[i].words.data(), m_packed[i].hash);
                if (y != kNone && m_parents[y] == kNone) {
                    m_parents[y] = x << 4 | static_cast<std::uint32_t>(m_nextThreads[i]);
                    queue.push_back(y);
                }
            }
        }
    }

    std::vector<int> pathTo(std::uint32_t id)
    {
        std::vector<int> threads;
        while (id != 0) {
            const std::uint32_t link = m_parents[id];
            threads.push_back(static_cast<int>(link & 15));
            id = link >> 4;
        }
        std::reverse(threads.begin(), threads.end());
        return threads;
    }

    std::vector<TraceStep> steps(State& state, const std::vector<int>& threads) const
    {
        std::vector<TraceStep> out;
        out.reserve(threads.size());
        for (int t : threads)
            out.push_back({t, m_model.apply(state, t)});
        return out;
    }

    /// Calls f(thread, successor id) for the stored successors of x in the explored graph.
    template <typename F>
    void forEdges(const State& state, F f) const
    {
        const std::uint32_t expand = expandMask(state, m_model.enabledMask(state));
        for (int t = 0; t < m_threads; ++t) {
            if (expand >> t & 1) {
                const std::uint32_t y = successor(state, t);
                if (y != kNone)
                    f(t, y);
            }
        }
    }

    /// BFS inside the component to the nearest edge that edgeGoal(t, y) accepts or state that
    /// stateGoal(state) accepts. Returns the threads of the path and its end state.
    template <typename EdgeGoal, typename StateGoal>
    std::pair<std::vector<int>, std::uint32_t> searchComponent(
        std::uint32_t from, std::uint32_t component, EdgeGoal edgeGoal, StateGoal stateGoal) const
    {
        std::unordered_map<std::uint32_t, std::uint32_t> parent; // id -> parent id << 4 | thread
        std::deque<std::uint32_t> queue {from};
        parent.emplace(from, kNone);
        auto path = [&](std::uint32_t end) {
            std::vector<int> threads;
            for (std::uint32_t x = end; parent.at(x) != kNone; x = parent.at(x) >> 4)
                threads.push_back(static_cast<int>(parent.at(x) & 15));
            std::reverse(threads.begin(), threads.end());
            return threads;
        };
        while (!queue.empty()) {
            const std::uint32_t x = queue.front();
            queue.pop_front();
            const State state = stateOf(x);
            if (stateGoal(state))
                return {path(x), x};
            std::optional<std::pair<std::vector<int>, std::uint32_t>> hit;
            forEdges(state, [&](int t, std::uint32_t y) {
                if (hit || m_store.mark(y) != component)
                    return;
                if (edgeGoal(t, y)) {
                    std::vector<int> threads = path(x);
                    threads.push_back(t);
                    hit.emplace(std::move(threads), y);
                } else if (parent.emplace(y, x << 4 | static_cast<std::uint32_t>(t)).second) {
                    queue.push_back(y);
                }
            });
            if (hit)
                return *hit;
        }
        MSB_INVARIANT(false) << "no path inside the livelock component";
        return {};
    }

    /// A closed walk from s inside its SCC that is weakly fair by itself: every thread enabled in
    /// all states of the walk steps in it. Built greedily: while some thread u is enabled on the
    /// whole walk and has not stepped, extend the walk to the nearest u-edge inside the SCC or the
    /// nearest state where u is disabled (one exists since the SCC is fair), then walk back to s.
    /// Extending only shrinks "enabled on the whole walk" and grows "stepped", so this ends.
    std::vector<int> fairCycle(std::uint32_t s)
    {
        const std::uint32_t component = m_store.mark(s);
        std::vector<int> walk;
        std::uint32_t current = s;
        std::uint32_t enabledAll = m_model.enabledMask(stateOf(s));
        std::uint32_t stepped = 0;
        auto follow = [&](std::uint32_t from, const std::vector<int>& threads) {
            State state = stateOf(from);
            for (int t : threads) {
                m_model.apply(state, t);
                stepped |= 1u << t;
                enabledAll &= m_model.enabledMask(state);
                walk.push_back(t);
            }
        };
        for (;;) {
            const std::uint32_t need = enabledAll & ~stepped;
            if (need == 0)
                break;
            auto [threads, end] = searchComponent(
                current, component, [&](int t, std::uint32_t) { return (need >> t & 1) != 0; },
                [&](const State& state) { return (m_model.enabledMask(state) & need) != need; });
            follow(current, threads);
            current = end;
        }
        if (current != s || walk.empty()) {
            auto [threads, end] = searchComponent(
                current, component, [&](int, std::uint32_t y) { return y == s; }, [](const State&) { return false; });
            follow(current, threads);
            current = end;
        }
        MSB_INVARIANT((enabledAll & ~stepped) == 0) << "livelock cycle is not fair";
        return walk;
    }

    void finish()
    {
        m_result.states = m_store.size();
        m_result.complete = !m_result.cancelled && !m_dropped && m_explored;
        m_result.deadlock = wanted(Outcome::Deadlock);
        m_result.sigbus = wanted(Outcome::Sigbus);
        m_result.lostUpdate = wanted(Outcome::LostUpdate);
        m_result.stalePageUse = wanted(Outcome::StalePageUse);
        for (int o = 0; o < static_cast<int>(Outcome::Count); ++o) {
            if (m_first[o] == kNone)
                continue;
            State state = m_model.initialState();
            Counterexample trace;
            trace.prefix = steps(state, pathTo(m_first[o]));
            if (static_cast<Outcome>(o) == Outcome::Livelock)
                trace.cycle = steps(state, fairCycle(m_first[o]));
            m_result.counterexamples[o] = std::move(trace);
        }
        m_result.completesAlways = m_result.complete && m_result.completesPossible && !m_result.deadlock
            && !m_result.livelock && !m_result.sigbus;
        m_result.storeBytes = m_store.bytes() + std::max(m_peakStackBytes, m_peakQueueBytes)
            + m_parents.capacity() * sizeof(std::uint32_t);
        m_result.bytesPerState =
            m_result.states ? static_cast<double>(m_result.storeBytes) / static_cast<double>(m_result.states) : 0;
        const auto now = Clock::now();
        m_result.seconds = std::chrono::duration<double>(now - m_start).count();
        report(0, "done", now);
    }

    const Model& m_model;
    const ExploreOptions& m_options;
    int m_threads;
    StateStore m_store;
    Packer m_packer;
    std::uint64_t m_maxStates;
    ExploreResult m_result;
    std::array<bool, static_cast<int>(Outcome::Count)> m_found {};
    std::array<std::uint32_t, static_cast<int>(Outcome::Count)> m_first {kNone, kNone, kNone, kNone, kNone};
    State m_current;
    std::array<State, kMaxThreads> m_next;
    std::array<Packed, kMaxThreads> m_packed;
    std::array<int, kMaxThreads> m_nextThreads;
    std::vector<Frame> m_frames;
    std::vector<Edge> m_edges;
    std::vector<Finished> m_pending;
    std::vector<std::uint32_t> m_fairComponents;
    std::vector<std::uint32_t> m_parents;
    std::uint32_t m_index = 1;
    std::uint64_t m_peakStackBytes = 0;
    std::uint64_t m_peakQueueBytes = 0;
    bool m_full = false;
    bool m_dropped = false;
    bool m_explored = false;
    Clock::time_point m_start;
    Clock::time_point m_lastReport;
};

} // namespace

ExploreResult explore(const Model& model, const ExploreOptions& options)
{
    Explorer explorer(model, options);
    return explorer.run();
}

} // namespace msb::core
