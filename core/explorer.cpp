// SPDX-License-Identifier: MIT
// The two passes of explore() (explorer.h) over the state store (state_store.h): pass 1, the
// depth-first search with SCCs and fairness, and pass 2, the breadth-first search for the nearest
// state of each outcome. One class holds both, so this file is over 450 lines: they share the
// store, the packer and the successor generation with its prefetching (the hot path), and split
// into two files they would hand a dozen members across.
#include "core/explorer.h"

#include "core/counterexample.h"
#include "core/memory_budget.h"
#include "core/partial_order.h"
#include "core/state_store.h"
#include "core/symmetric_livelock.h"
#include "core/symmetry.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <tuple>
#include <utility>

namespace msb::core {

std::string_view reductionName(Reduction reduction)
{
    return reduction == Reduction::Por ? "por" : "none";
}

std::string_view fairnessName(Fairness fairness)
{
    return fairness == Fairness::None ? "none" : "weak";
}

std::optional<Fairness> parseFairness(std::string_view name)
{
    if (name == "weak")
        return Fairness::Weak;
    if (name == "none")
        return Fairness::None;
    return std::nullopt;
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
    case Outcome::Completes:
        return completesPossible;
    case Outcome::Running:
        break;
    }
    return false;
}

namespace {

using Clock = std::chrono::steady_clock;

class Explorer
{
public:
    Explorer(const Model& model, const ExploreOptions& options)
        : m_model(model)
        , m_options(options)
        , m_threads(model.threadCount())
        , m_store(model.pack(model.initialState()).used)
        , m_packer(model.pageCount(), model.threadCount(), m_store.words())
        , m_maxStates(std::min<std::uint64_t>(std::max<std::uint64_t>(options.maxStates, 1), StateStore::kLimit))
        , m_budget(options.memoryBudget.value_or(defaultMemoryBudget()))
        , m_symmetry(model)
        , m_symmetric(options.symmetry && m_symmetry.active())
    {
        m_result.reduction = options.reduction;
        m_result.symmetry = m_symmetric;
        m_result.fairness = options.fairness;
        m_result.memoryBudget = m_budget;
        if (options.reduction == Reduction::Por)
            m_partialOrder.emplace(model);
    }

    ExploreResult run()
    {
        m_start = Clock::now();
        m_lastReport = m_start;
        explorePass();
        if (!m_result.cancelled && m_explored)
            settleComponents();
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
    static constexpr std::uint32_t kNone = StateStore::kNone;
    using Packed = StoreKey;

    Packed packOf(const State& state) const
    {
        Packed p;
        m_packer.pack(state, p.words.data());
        p.hash = storeHash(p.words.data(), m_store.words());
        return p;
    }

    /// The threads the (possibly reduced) graph expands in this state.
    std::uint32_t expandMask(const State& state, std::uint32_t enabled) const
    {
        return m_partialOrder ? m_partialOrder->ampleThreads(state, enabled) : enabled;
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
            if (m_symmetric && m_symmetry.canonicalize(m_next[count]))
                m_packer.pack(m_next[count], m_packed[count].words.data());
            else
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
            case Outcome::Completes:
                m_result.completesPossible = true;
                break;
            case Outcome::Deadlock:
                m_found[static_cast<int>(Outcome::Deadlock)] = true;
                break;
            default: // Sigbus and the safety outcomes are noted from State::flags
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
                    if (m_store.size() >= m_nextBoundCheck)
                        checkBounds();
                }
            }
            m_edges.push_back({id, static_cast<std::uint32_t>(threads[i])});
        }
        m_frames.push_back({v, edgeBegin, edgeBegin, static_cast<std::uint16_t>(enabled), true});
    }

    // The bounds are checked every kBudgetStep new states, against what the store will hold
    // kBudgetStep states later (a table doubling included), so the check never lags a growth.
    static constexpr std::uint64_t kBudgetStep = 4096;

    /// Memory the run will hold once `states` states are stored: the store, the search stacks
    /// as allocated now, and pass 2's parent links.
    std::uint64_t projectedBytes(std::uint64_t states) const
    {
        return m_store.bytesAt(states) + m_frames.capacity() * sizeof(Frame) + m_edges.capacity() * sizeof(Edge)
            + m_pending.capacity() * sizeof(Finished) + states * sizeof(std::uint32_t);
    }

    /// Stops storing new states at maxStates, or before the memory budget would be crossed.
    void checkBounds()
    {
        const std::uint64_t size = m_store.size();
        if (size >= m_maxStates) {
            m_full = true;
            m_fullReason = ExploreStop::MaxStates;
            return;
        }
        const std::uint64_t ahead = size + kBudgetStep;
        if (projectedBytes(ahead) > m_budget) {
            m_full = true;
            m_fullReason = ExploreStop::MemoryBudget;
            return;
        }
        m_nextBoundCheck = std::min(m_maxStates, ahead);
    }

    void explorePass()
    {
        State initial = m_model.initialState();
        if (m_symmetric)
            m_symmetry.canonicalize(initial);
        const Packed first = packOf(initial);
        m_store.insert(first.words.data(), first.hash);
        noteFlags(initial);
        checkBounds();
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
                std::uint32_t lazyAll = enabled & ~internal;
                for (std::size_t i = begin; i < m_pending.size(); ++i) {
                    enabledAll &= m_pending[i].enabledAll;
                    internalAll |= m_pending[i].internal;
                    lazyAll |= m_pending[i].enabledAll & ~m_pending[i].internal;
                    m_store.mark(m_pending[i].v) = component;
                }
                m_store.mark(v) = component;
                const bool cyclic = m_pending.size() > begin || internal != 0;
                if (cyclic) {
                    switch (judge(enabledAll, internalAll, lazyAll)) {
                    case Judgement::Fair:
                        m_result.livelock = true;
                        m_fairComponents.push_back(component);
                        break;
                    case Judgement::Unknown:
                        m_unsettled.push_back(component);
                        break;
                    case Judgement::Unfair:
                        break;
                    }
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

    enum class Judgement { Fair, Unfair, Unknown };

    /// Whether a cyclic SCC holds a weakly fair cycle, from its folded masks: AND of the enabled
    /// threads, OR of the threads with an edge inside, OR of the enabled threads without one.
    /// Without symmetry: fair iff every thread ready throughout steps inside. With symmetry the
    /// masks are exact for threads alone in their class; a larger class is judged here when the
    /// masks settle it, else the component is left to the threaded graph (symmetry.cpp).
    ///
    /// Under Fairness::None every cyclic component holds a livelock: all its cycles are retry
    /// loops (no access completes in any cycle). With symmetry a quotient cycle through s lifts to
    /// a concrete path from s to g(s) for a renaming g, and ord(g) rounds of it close a concrete
    /// cycle; a concrete cycle maps to a closed quotient walk. So the quotient has a reachable
    /// cycle iff the concrete graph has one, and no threaded graph is needed.
    Judgement judge(std::uint32_t enabledAll, std::uint32_t internalAll, std::uint32_t lazyAll) const
    {
        if (m_options.fairness == Fairness::None)
            return Judgement::Fair;
        if (!m_symmetric)
            return (enabledAll & ~internalAll) == 0 ? Judgement::Fair : Judgement::Unfair;
        if (enabledAll & ~internalAll & ~m_symmetry.multiMask())
            return Judgement::Unfair;
        bool unknown = false;
        for (const std::uint32_t members : m_symmetry.multiClasses()) {
            if ((lazyAll & members) == 0)
                continue; // in every state, each enabled thread of the class has an edge inside
            if ((enabledAll & members) == members && (internalAll & members) == 0)
                return Judgement::Unfair; // the whole class is ready throughout and never steps
            unknown = true;
        }
        return unknown ? Judgement::Unknown : Judgement::Fair;
    }

    /// Collects the states of the components judge() left open (one scan of the marks) and
    /// decides them on the threaded graph until one is fair: that settles the livelock verdict.
    /// The others are decided when pass 2 first meets them (inFairComponent), so a run pays for
    /// the components its counterexample search reaches, and the nearest fair state stays exact.
    void settleComponents()
    {
        if (m_unsettled.empty())
            return;
        std::sort(m_unsettled.begin(), m_unsettled.end());
        m_unsettledMembers.resize(m_unsettled.size());
        m_unsettledFair.assign(m_unsettled.size(), -1);
        for (std::uint32_t id = 0; id < m_store.size(); ++id) {
            const auto it = std::lower_bound(m_unsettled.begin(), m_unsettled.end(), m_store.mark(id));
            if (it != m_unsettled.end() && *it == m_store.mark(id))
                m_unsettledMembers[static_cast<std::size_t>(it - m_unsettled.begin())].push_back(id);
        }
        for (std::size_t i = 0; i < m_unsettled.size() && !m_result.livelock; ++i)
            settle(i);
    }

    bool settle(std::size_t i)
    {
        if (m_unsettledFair[i] < 0) {
            const ExpandFunction expand = [this](const State& state, std::uint32_t enabled) {
                return expandMask(state, enabled);
            };
            const bool fair = threadedComponentIsFair(
                m_model, m_symmetry, m_store, m_packer, expand, m_unsettledMembers[i], m_unsettled[i]);
            m_unsettledFair[i] = fair ? 1 : 0;
            m_unsettledMembers[i] = {};
            m_result.livelock = m_result.livelock || fair;
        }
        return m_unsettledFair[i] == 1;
    }

    bool inFairComponent(std::uint32_t id)
    {
        const std::uint32_t component = m_store.mark(id);
        if (std::binary_search(m_fairComponents.begin(), m_fairComponents.end(), component))
            return true;
        const auto it = std::lower_bound(m_unsettled.begin(), m_unsettled.end(), component);
        return it != m_unsettled.end() && *it == component
            && settle(static_cast<std::size_t>(it - m_unsettled.begin()));
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
        std::array<bool, kOutcomeCount> open = m_found;
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
            if (enabled == 0 && m_model.status(state) == Outcome::Deadlock)
                take(Outcome::Deadlock, x);
            const int count = successors(words.data(), state, expandMask(state, enabled));
            for (int i = 0; i < count; ++i) {
                const std::uint32_t y = m_store.find(m_packed[i].words.data(), m_packed[i].hash);
                if (y != kNone && m_parents[y] == kNone) {
                    m_parents[y] = parentLink(x, m_nextThreads[i]);
                    queue.push_back(y);
                }
            }
        }
    }

    void finish()
    {
        m_result.states = m_store.size();
        m_result.complete = !m_result.cancelled && !m_dropped && m_explored;
        if (m_result.cancelled)
            m_result.stoppedBy = ExploreStop::Cancelled;
        else if (!m_result.complete)
            m_result.stoppedBy = m_fullReason;
        m_result.deadlock = wanted(Outcome::Deadlock);
        m_result.sigbus = wanted(Outcome::Sigbus);
        m_result.lostUpdate = wanted(Outcome::LostUpdate);
        m_result.stalePageUse = wanted(Outcome::StalePageUse);
        const CounterexampleBuilder counterexamples(m_model, m_store, m_packer, m_options.reduction,
            m_symmetric ? &m_symmetry : nullptr, m_parents, m_options.fairness);
        for (const Outcome outcome : kBadOutcomes) {
            const auto o = static_cast<std::size_t>(outcome);
            if (m_first[o] == kNone)
                continue;
            m_result.counterexamples[o] = counterexamples.build(m_first[o], outcome == Outcome::Livelock);
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
    std::optional<PartialOrder> m_partialOrder;
    int m_threads;
    StateStore m_store;
    StatePacker m_packer;
    std::uint64_t m_maxStates;
    std::uint64_t m_budget;
    std::uint64_t m_nextBoundCheck = 0;
    ExploreStop m_fullReason = ExploreStop::None;
    Symmetry m_symmetry;
    bool m_symmetric;
    ExploreResult m_result;
    std::array<bool, kOutcomeCount> m_found {};
    std::array<std::uint32_t, kOutcomeCount> m_first = [] {
        std::array<std::uint32_t, kOutcomeCount> none;
        none.fill(kNone);
        return none;
    }();
    State m_current;
    std::array<State, kMaxThreads> m_next;
    std::array<Packed, kMaxThreads> m_packed;
    std::array<int, kMaxThreads> m_nextThreads;
    std::vector<Frame> m_frames;
    std::vector<Edge> m_edges;
    std::vector<Finished> m_pending;
    std::vector<std::uint32_t> m_fairComponents;
    std::vector<std::uint32_t> m_unsettled;                     // cyclic components judge() could not settle, sorted
    std::vector<std::vector<std::uint32_t>> m_unsettledMembers; // their states, until decided
    std::vector<std::int8_t> m_unsettledFair;                   // -1 undecided, 0 unfair, 1 fair
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

std::string stopReason(
    ExploreStop stop, const std::string& counted, std::uint64_t memoryBudget, std::string_view growth)
{
    switch (stop) {
    case ExploreStop::None:
        break;
    case ExploreStop::MaxStates:
        return "stopped at " + counted + ": the limit on stored states was reached";
    case ExploreStop::MemoryBudget:
        return "stopped at " + counted + ": " + std::string(growth) + " would exceed the memory budget of "
            + formatBytes(memoryBudget);
    case ExploreStop::Cancelled:
        return "cancelled after " + counted;
    }
    return {};
}

std::string incompleteReason(const ExploreResult& result)
{
    return stopReason(result.stoppedBy, std::to_string(result.states) + " states", result.memoryBudget);
}

} // namespace msb::core
