// SPDX-License-Identifier: MIT
#include "core/explorer.h"

#include "core/invariant.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
#include <unordered_map>

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
// Weak-fair livelock is preserved too: a fair infinite execution keeps t enabled until t steps,
// so t steps in it; commuting that step to the front keeps the execution fair (enabledness of
// the others never depends on t's local data) and each step moves a bounded distance (local
// chains are bounded), so every fair non-progress execution of the full graph has one of the
// reduced graph visiting the same SCC-level fairness obligations, and conversely the reduced
// graph is a subgraph whose fairness is judged with the full enabled sets (Model::enabled).
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

// State store. Choice: exact storage of the bit-packed state (PackedState's used words, 2 words
// for n-faults up to about 5 threads x 3 pages) rather than hash compaction, because the SCC pass
// and the counterexamples need to map a state back to its id and re-expand it, and exact storage
// costs nothing in soundness. Per state: the packed words in a chunked arena (no vector doubling
// slack), a 4-byte parent link (parent id << 4 | thread; ids are BFS order, so following parents
// gives a shortest path), a 4-byte slot in an open-addressing table (linear probing, load <= 0.75,
// index by multiply-shift so any capacity works, 5 bits of the hash kept in the slot so most
// probes never touch the arena), and after the BFS the SCC pass's 4-byte rindex. For 2-word
// states that is 16 + 4 + 4/0.75..4/0.375 + 4 bytes: <= 32 bytes per state once the table is
// compacted to load 0.75 before the SCC pass.
constexpr int kIdBits = 27;
constexpr std::uint32_t kIdMask = (1u << kIdBits) - 1;
constexpr std::uint64_t kStoreLimit = kIdMask - 1; // a slot holds id + 1
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr double kMaxLoad = 0.75;
__extension__ using Uint128 = unsigned __int128; // GCC/Clang: multiply-shift needs the high word

class StateStore
{
public:
    explicit StateStore(int words)
        : m_words(words)
    {
        rehash(1024);
    }

    std::uint64_t size() const { return m_size; }
    int words() const { return m_words; }
    const std::uint64_t* at(std::uint32_t id) const
    {
        return m_chunks[id >> kChunkShift].get() + static_cast<std::size_t>(id & kChunkMask) * m_words;
    }
    std::uint32_t& parent(std::uint32_t id) { return m_parents[id >> kChunkShift][id & kChunkMask]; }

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
                if (std::memcmp(at(id), words, sizeof(std::uint64_t) * m_words) == 0)
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
                if (std::memcmp(at(id), words, sizeof(std::uint64_t) * m_words) == 0)
                    return {id, false};
            }
        }
        const auto id = static_cast<std::uint32_t>(m_size);
        if ((id >> kChunkShift) == m_chunks.size()) {
            m_chunks.emplace_back(new std::uint64_t[std::size_t {kChunkStates} * m_words]);
            m_parents.emplace_back(new std::uint32_t[kChunkStates]);
        }
        std::memcpy(const_cast<std::uint64_t*>(at(id)), words, sizeof(std::uint64_t) * m_words);
        m_slots[i] = tag | (id + 1);
        ++m_size;
        if (static_cast<double>(m_size) > kMaxLoad * static_cast<double>(m_capacity))
            rehash(m_capacity * 2);
        return {id, true};
    }

    /// Rebuilds the table at load kMaxLoad (called once the BFS is done) to give memory back.
    void compact()
    {
        const auto target = static_cast<std::uint64_t>(static_cast<double>(m_size) / kMaxLoad) + 64;
        if (target < m_capacity)
            rehash(target);
    }

    std::uint64_t bytes() const
    {
        return m_chunks.size() * std::uint64_t {kChunkStates}
            * (sizeof(std::uint64_t) * m_words + sizeof(std::uint32_t))
            + m_capacity * sizeof(std::uint32_t);
    }

private:
    static constexpr int kChunkShift = 14;
    static constexpr std::uint32_t kChunkStates = 1u << kChunkShift;
    static constexpr std::uint32_t kChunkMask = kChunkStates - 1;

    static std::uint32_t tagOf(std::uint64_t hash) { return static_cast<std::uint32_t>(hash & 31) << kIdBits; }
    std::uint64_t slotOf(std::uint64_t hash) const
    {
        return static_cast<std::uint64_t>((static_cast<Uint128>(hash) * m_capacity) >> 64);
    }

    void rehash(std::uint64_t capacity)
    {
        m_slots.reset(); // give the old table back before taking the new one
        m_capacity = capacity;
        m_slots.reset(new std::uint32_t[capacity]());
        for (std::uint32_t id = 0; id < m_size; ++id) {
            const std::uint64_t hash = hashWords(at(id), m_words);
            std::uint64_t i = slotOf(hash);
            while (m_slots[i] != 0)
                i = i + 1 == m_capacity ? 0 : i + 1;
            m_slots[i] = tagOf(hash) | (id + 1);
        }
    }

    int m_words;
    std::uint64_t m_size = 0;
    std::uint64_t m_capacity = 0;
    std::unique_ptr<std::uint32_t[]> m_slots;
    std::vector<std::unique_ptr<std::uint64_t[]>> m_chunks;
    std::vector<std::unique_ptr<std::uint32_t[]>> m_parents;
};

class Explorer
{
public:
    Explorer(const Model& model, const ExploreOptions& options)
        : m_model(model)
        , m_options(options)
        , m_threads(model.threadCount())
        , m_store(model.pack(model.initialState()).used)
        , m_maxStates(std::min<std::uint64_t>(std::max<std::uint64_t>(options.maxStates, 1), kStoreLimit))
    {
        m_result.reduction = options.reduction;
    }

    ExploreResult run()
    {
        m_start = Clock::now();
        m_lastReport = m_start;
        bfs();
        const auto afterStates = Clock::now();
        m_result.secondsStates = std::chrono::duration<double>(afterStates - m_start).count();
        if (!m_result.cancelled) {
            m_store.compact();
            scc();
        }
        m_result.secondsCycles = std::chrono::duration<double>(Clock::now() - afterStates).count();
        finish();
        return std::move(m_result);
    }

private:
    struct Packed
    {
        PackedState packed;
        std::uint64_t hash;
    };

    Packed packOf(const State& state) const
    {
        Packed p {m_model.pack(state), 0};
        p.hash = hashWords(p.packed.words.data(), m_store.words());
        return p;
    }

    State stateOf(std::uint32_t id) const
    {
        PackedState packed;
        std::memcpy(packed.words.data(), m_store.at(id), sizeof(std::uint64_t) * m_store.words());
        packed.used = static_cast<std::uint8_t>(m_store.words());
        return unpack(packed, m_model.pageCount(), m_model.threadCount());
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

    void noteFirst(Outcome outcome, std::uint32_t id)
    {
        std::uint32_t& first = m_first[static_cast<int>(outcome)];
        if (first == kNone || id < first)
            first = id;
    }

    void noteFlags(std::uint32_t id, const State& state)
    {
        if (state.flags & FlagLostUpdate)
            noteFirst(Outcome::LostUpdate, id);
        if (state.flags & FlagStalePageUse)
            noteFirst(Outcome::StalePageUse, id);
        if (state.flags & FlagSigbus)
            noteFirst(Outcome::Sigbus, id);
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

    void bfs()
    {
        const State initial = m_model.initialState();
        const Packed first = packOf(initial);
        m_store.insert(first.packed.words.data(), first.hash);
        m_store.parent(0) = 0;
        noteFlags(0, initial);
        report(1, "states", Clock::now());

        bool full = false;
        for (std::uint32_t current = 0; current < m_store.size(); ++current) {
            if ((current & 1023) == 0 && poll(m_store.size() - current, "states"))
                return;
            const State state = stateOf(current);
            const std::uint32_t enabled = m_model.enabledMask(state);
            if (enabled == 0) {
                switch (m_model.status(state)) {
                case Status::Completed:
                    m_result.completesPossible = true;
                    break;
                case Status::Deadlock:
                    noteFirst(Outcome::Deadlock, current);
                    break;
                case Status::Sigbus:
                case Status::Running:
                    break;
                }
                continue;
            }
            const std::uint32_t expand = expandMask(state, enabled);
            for (int t = 0; t < m_threads; ++t) {
                if (!(expand >> t & 1))
                    continue;
                State next = state;
                m_model.apply(next, t);
                ++m_result.transitions;
                const Packed p = packOf(next);
                if (full) {
                    if (m_store.find(p.packed.words.data(), p.hash) == kNone)
                        m_dropped = true;
                    continue;
                }
                const auto [id, inserted] = m_store.insert(p.packed.words.data(), p.hash);
                if (inserted) {
                    m_store.parent(id) = current << 4 | static_cast<std::uint32_t>(t);
                    noteFlags(id, next);
                    full = m_store.size() >= m_maxStates;
                }
            }
        }
    }

    std::uint32_t successor(const State& state, int thread) const
    {
        State next = state;
        m_model.apply(next, thread);
        const Packed p = packOf(next);
        return m_store.find(p.packed.words.data(), p.hash);
    }

    // Pearce, "A space-efficient algorithm for finding strongly connected components" (IPL 2016),
    // PEA_FIND_SCC2 made iterative: one word per state (rindex), no on-stack bits. Active states
    // carry DFS indexes 1..index-1, finished ones their component number, counted down from N,
    // so "rindex[w] < rindex[v]" ignores finished components by construction.
    void scc()
    {
        const auto n = static_cast<std::uint32_t>(m_store.size());
        m_rindex.assign(n, 0);
        std::vector<std::uint32_t> stack;
        struct Frame
        {
            std::uint32_t v;
            std::uint8_t next;
            bool root;
            bool selfLoop;
        };
        std::vector<Frame> calls;
        std::uint32_t index = 1;
        std::uint32_t component = n;
        std::uint64_t finished = 0;

        m_rindex[0] = index++;
        calls.push_back({0, 0, true, false});
        while (!calls.empty()) {
            if ((++m_sccSteps & 1023) == 0 && poll(calls.size(), "cycles"))
                return;
            Frame& frame = calls.back();
            const std::uint32_t v = frame.v;
            const State state = stateOf(v);
            const std::uint32_t expand = expandMask(state, m_model.enabledMask(state));
            bool descended = false;
            for (int t = frame.next; t < m_threads; ++t) {
                if (!(expand >> t & 1))
                    continue;
                const std::uint32_t w = successor(state, t);
                if (w == kNone)
                    continue; // beyond --max-states
                if (w == v)
                    frame.selfLoop = true;
                if (m_rindex[w] == 0) {
                    frame.next = static_cast<std::uint8_t>(t + 1);
                    m_rindex[w] = index++;
                    calls.push_back({w, 0, true, false});
                    descended = true;
                    break;
                }
                if (m_rindex[w] < m_rindex[v]) {
                    m_rindex[v] = m_rindex[w];
                    frame.root = false;
                }
            }
            if (descended)
                continue;
            const Frame done = frame;
            calls.pop_back();
            if (done.root) {
                --index;
                std::size_t begin = stack.size();
                while (begin > 0 && m_rindex[v] <= m_rindex[stack[begin - 1]])
                    --begin;
                for (std::size_t i = begin; i < stack.size(); ++i)
                    m_rindex[stack[i]] = component;
                m_rindex[v] = component;
                index -= static_cast<std::uint32_t>(stack.size() - begin);
                if (stack.size() > begin || done.selfLoop)
                    judgeComponent(v, stack.data() + begin, stack.size() - begin, component);
                finished += 1 + (stack.size() - begin);
                stack.resize(begin);
                --component;
            } else {
                stack.push_back(v);
            }
            if (!calls.empty()) {
                Frame& caller = calls.back();
                if (m_rindex[v] < m_rindex[caller.v]) {
                    m_rindex[caller.v] = m_rindex[v];
                    caller.root = false;
                }
            }
            m_peakStackBytes = std::max<std::uint64_t>(
                m_peakStackBytes, stack.capacity() * sizeof(std::uint32_t) + calls.capacity() * sizeof(Frame));
        }
        m_sccDone = true;
        (void)finished;
    }

    /// A finished non-trivial SCC: does it hold a weakly fair cycle?
    void judgeComponent(std::uint32_t root, const std::uint32_t* members, std::size_t count, std::uint32_t component)
    {
        std::uint32_t enabledAll = (1u << m_threads) - 1;
        std::uint32_t internal = 0;
        std::uint32_t smallest = root;
        for (std::size_t i = 0; i <= count; ++i) {
            const std::uint32_t v = i == count ? root : members[i];
            smallest = std::min(smallest, v);
            const State state = stateOf(v);
            const std::uint32_t enabled = m_model.enabledMask(state);
            enabledAll &= enabled;
            const std::uint32_t expand = expandMask(state, enabled);
            for (int t = 0; t < m_threads; ++t) {
                if ((expand >> t & 1) && !(internal >> t & 1)) {
                    const std::uint32_t w = successor(state, t);
                    if (w != kNone && m_rindex[w] == component)
                        internal |= 1u << t;
                }
            }
        }
        if ((enabledAll & ~internal) != 0)
            return; // some thread is ready throughout and never scheduled: only unfair cycles
        m_result.livelock = true;
        // Ids are BFS order: the smallest member is the one nearest the initial state.
        if (m_livelockState == kNone || smallest < m_livelockState)
            m_livelockState = smallest;
    }

    std::vector<int> pathTo(std::uint32_t id)
    {
        std::vector<int> threads;
        while (id != 0) {
            const std::uint32_t link = m_store.parent(id);
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

    /// BFS inside the SCC of `from` (states whose rindex equals `component`) to the nearest
    /// edge that `edgeGoal(x, t, y)` accepts or state that `stateGoal(x)` accepts. Returns the
    /// threads of the path and its end state.
    template <typename EdgeGoal, typename StateGoal>
    std::pair<std::vector<int>, std::uint32_t> searchComponent(
        std::uint32_t from, std::uint32_t component, EdgeGoal edgeGoal, StateGoal stateGoal)
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
            if (stateGoal(x, state))
                return {path(x), x};
            const std::uint32_t expand = expandMask(state, m_model.enabledMask(state));
            for (int t = 0; t < m_threads; ++t) {
                if (!(expand >> t & 1))
                    continue;
                const std::uint32_t y = successor(state, t);
                if (y == kNone || m_rindex[y] != component)
                    continue;
                if (edgeGoal(x, t, y)) {
                    std::vector<int> threads = path(x);
                    threads.push_back(t);
                    return {threads, y};
                }
                if (parent.emplace(y, x << 4 | static_cast<std::uint32_t>(t)).second)
                    queue.push_back(y);
            }
        }
        MSB_INVARIANT(false) << "no path inside the livelock component";
        return {};
    }

    /// A closed walk from s inside its SCC that is weakly fair by itself: every thread enabled in
    /// all states of the walk steps in it. Built greedily: while some thread u is enabled on the
    /// whole walk and has not stepped, extend the walk to the nearest u-edge inside the SCC or the
    /// nearest state where u is disabled (one exists since the SCC is fair), then walk back to s.
    std::vector<int> fairCycle(std::uint32_t s)
    {
        const std::uint32_t component = m_rindex[s];
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
                current, component, [&](std::uint32_t, int t, std::uint32_t) { return (need >> t & 1) != 0; },
                [&](std::uint32_t, const State& state) { return (m_model.enabledMask(state) & need) != need; });
            follow(current, threads);
            current = end;
        }
        if (current != s || walk.empty()) {
            auto [threads, end] = searchComponent(
                current, component, [&](std::uint32_t, int, std::uint32_t y) { return y == s; },
                [](std::uint32_t, const State&) { return false; });
            follow(current, threads);
            current = end;
        }
        MSB_INVARIANT((enabledAll & ~stepped) == 0) << "livelock cycle is not fair";
        return walk;
    }

    void finish()
    {
        m_result.states = m_store.size();
        m_result.complete = !m_result.cancelled && !m_dropped && m_sccDone;
        for (int o = 0; o < static_cast<int>(Outcome::Count); ++o) {
            const auto outcome = static_cast<Outcome>(o);
            if (outcome == Outcome::Livelock || m_first[o] == kNone)
                continue;
            switch (outcome) {
            case Outcome::Deadlock:
                m_result.deadlock = true;
                break;
            case Outcome::Sigbus:
                m_result.sigbus = true;
                break;
            case Outcome::LostUpdate:
                m_result.lostUpdate = true;
                break;
            case Outcome::StalePageUse:
                m_result.stalePageUse = true;
                break;
            default:
                break;
            }
            State state = m_model.initialState();
            m_result.counterexamples[o] = Counterexample {steps(state, pathTo(m_first[o])), {}};
        }
        if (m_result.livelock && m_livelockState != kNone) {
            State state = m_model.initialState();
            Counterexample trace;
            trace.prefix = steps(state, pathTo(m_livelockState));
            trace.cycle = steps(state, fairCycle(m_livelockState));
            m_result.counterexamples[static_cast<int>(Outcome::Livelock)] = std::move(trace);
        }
        m_result.completesAlways = m_result.complete && m_result.completesPossible && !m_result.deadlock
            && !m_result.livelock && !m_result.sigbus;
        m_result.storeBytes = m_store.bytes() + m_rindex.capacity() * sizeof(std::uint32_t) + m_peakStackBytes;
        m_result.bytesPerState = m_result.states ? static_cast<double>(m_result.storeBytes) / m_result.states : 0;
        const auto now = Clock::now();
        m_result.seconds = std::chrono::duration<double>(now - m_start).count();
        report(0, "done", now);
    }

    const Model& m_model;
    const ExploreOptions& m_options;
    int m_threads;
    StateStore m_store;
    std::uint64_t m_maxStates;
    ExploreResult m_result;
    std::array<std::uint32_t, static_cast<int>(Outcome::Count)> m_first {kNone, kNone, kNone, kNone, kNone};
    std::vector<std::uint32_t> m_rindex;
    std::uint32_t m_livelockState = kNone;
    std::uint64_t m_peakStackBytes = 0;
    std::uint64_t m_sccSteps = 0;
    bool m_dropped = false;
    bool m_sccDone = false;
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
