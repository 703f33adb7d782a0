// SPDX-License-Identifier: MIT
// The graph of OutcomeProspects (outcome_prospects.h): built breadth-first into the exact state
// store with a compressed adjacency list, then condensed (iterative Tarjan) once for the
// reachable outcomes and once per safety flag for the continuations that avoid it.
#include "core/outcome_prospects.h"

#include "core/memory_budget.h"
#include "core/state_store.h"
#include "core/symmetric_livelock.h"
#include "core/symmetry.h"

#include <algorithm>
#include <chrono>

namespace msb::core {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::uint32_t kNone = StateStore::kNone;

constexpr OutcomeMask kEndings = outcomeBit(Outcome::Completes) | outcomeBit(Outcome::Deadlock)
    | outcomeBit(Outcome::Livelock) | outcomeBit(Outcome::Sigbus);

// Per-state bits of Graph::info besides the State::flags bits (FlagLostUpdate, FlagStalePageUse,
// FlagSigbus in the low three bits).
constexpr std::uint8_t kFinal = 8;      // no thread can step
constexpr std::uint8_t kCompletes = 16; // final with status Completes
constexpr std::uint8_t kDeadlock = 32;  // final with status Deadlock
constexpr std::uint8_t kOutside = 64;   // during one flag's pass: that flag is impossible from here

} // namespace

struct OutcomeProspects::Graph
{
    Graph(const Model& model, const ProspectOptions& options)
        : model(model)
        , options(options)
        , store(model.pack(model.initialState()).used)
        , packer(model.pageCount(), model.threadCount(), store.words())
        , symmetry(model)
        , symmetric(options.symmetry && symmetry.active())
    {
    }

    const Model& model;
    ProspectOptions options;
    StateStore store;
    StatePacker packer;
    Symmetry symmetry;
    bool symmetric;
    std::vector<std::uint32_t> offsets {0}; // edges of v: [offsets[v], offsets[v + 1])
    std::vector<std::uint32_t> targets;
    std::vector<std::uint8_t> threads; // the thread of each edge
    std::vector<std::uint16_t> enabled;
    std::vector<std::uint8_t> info;
    std::vector<Prospects> prospects;
    bool complete = false;
    ExploreStop stoppedBy = ExploreStop::None;
    std::uint64_t budget = 0;
    std::uint64_t heldBytes = 0;
    double seconds = 0;

    /// Bytes held once `states` states are stored, including what the SCC passes will add
    /// (index, low link and component per state, the order and stacks: about 20 bytes).
    std::uint64_t projectedBytes(std::uint64_t states) const
    {
        // An edge array about to grow holds its old and its doubled buffer for a moment.
        const std::uint64_t edgesAhead = targets.size() + 4096 * kMaxThreads;
        const std::uint64_t edgeBytes = targets.capacity() * 5 * (edgesAhead > targets.capacity() ? 3 : 1);
        return store.bytesAt(states) + edgeBytes + offsets.capacity() * 4 * 3
            + states * (sizeof(std::uint16_t) + 1 + sizeof(Prospects) + 20);
    }

    std::uint32_t find(State state) const
    {
        if (symmetric)
            symmetry.canonicalize(state);
        std::array<std::uint64_t, PackedState::kWords> words {};
        packer.pack(state, words.data());
        return store.find(words.data(), storeHash(words.data(), store.words()));
    }

    void build()
    {
        const auto start = Clock::now();
        budget = options.memoryBudget.value_or(defaultMemoryBudget());
        const std::uint64_t maxStates =
            std::min<std::uint64_t>(std::max<std::uint64_t>(options.maxStates, 1), StateStore::kLimit);
        State initial = model.initialState();
        if (symmetric)
            symmetry.canonicalize(initial);
        std::array<std::uint64_t, PackedState::kWords> words {};
        packer.pack(initial, words.data());
        store.insert(words.data(), storeHash(words.data(), store.words()));
        std::uint64_t nextCheck = 0;
        State current = initial;
        auto lastReport = start;
        std::array<std::array<std::uint64_t, PackedState::kWords>, kMaxThreads> successors {};
        std::array<std::uint64_t, kMaxThreads> hashes {};
        std::array<int, kMaxThreads> stepped {};
        for (std::uint32_t v = 0; v < store.size(); ++v) {
            if ((v & 1023) == 0) {
                if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                    stoppedBy = ExploreStop::Cancelled;
                    return;
                }
                const auto now = Clock::now();
                if (now - lastReport >= std::chrono::milliseconds(50)) {
                    lastReport = now;
                    report("states", store.size() - v, start);
                }
            }
            store.load(v, words.data());
            packer.unpack(words.data(), current);
            const std::uint32_t mask = model.enabledMask(current);
            enabled.push_back(static_cast<std::uint16_t>(mask));
            std::uint8_t bits = current.flags & (FlagLostUpdate | FlagStalePageUse | FlagSigbus);
            if (mask == 0) {
                bits |= kFinal;
                const Outcome status = model.status(current);
                bits |= status == Outcome::Completes ? kCompletes : status == Outcome::Deadlock ? kDeadlock : 0;
            }
            info.push_back(bits);
            // All successors first, their table slots prefetched, then the lookups: memory
            // latency dominates (the explorer's hot path does the same).
            int count = 0;
            for (int t = 0; t < model.threadCount(); ++t) {
                if (!(mask >> t & 1))
                    continue;
                State next = current;
                const int page = model.currentPage(current, t);
                const StepId step = model.apply(next, t);
                if (symmetric && symmetry.canonicalize(next))
                    packer.pack(next, successors[count].data());
                else
                    packer.packStep(words.data(), next, t, page, step, successors[count].data());
                hashes[count] = storeHash(successors[count].data(), store.words());
                store.prefetch(hashes[count]);
                stepped[count++] = t;
            }
            for (int i = 0; i < count; ++i) {
                const auto [id, inserted] = store.insert(successors[i].data(), hashes[i]);
                targets.push_back(id);
                threads.push_back(static_cast<std::uint8_t>(stepped[i]));
                if (inserted && store.size() > maxStates) {
                    stoppedBy = ExploreStop::MaxStates;
                    return;
                }
                if (inserted && store.size() >= nextCheck) {
                    if (projectedBytes(store.size() + 4096) > budget) {
                        stoppedBy = ExploreStop::MemoryBudget;
                        return;
                    }
                    nextCheck = store.size() + 4096;
                }
            }
            offsets.push_back(static_cast<std::uint32_t>(targets.size()));
        }
        complete = true;
        report("components", 0, start);
        analyse();
        heldBytes = bytesNow();
        seconds = std::chrono::duration<double>(Clock::now() - start).count();
        report("done", 0, start);
    }

    void report(std::string_view phase, std::uint64_t queue, Clock::time_point start) const
    {
        if (!options.progress)
            return;
        ExploreProgress progress;
        progress.states = store.size();
        progress.transitions = targets.size();
        progress.queue = queue;
        progress.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        progress.phase = phase;
        options.progress(progress);
    }

    std::uint64_t bytesNow() const
    {
        return store.bytes() + targets.capacity() * 4 + threads.capacity() + offsets.capacity() * 4
            + enabled.capacity() * 2 + info.capacity() + prospects.capacity() * sizeof(Prospects);
    }

    /// The strongly connected components of the states without any of `excluded` in their info
    /// bits, and the edges between them: Tarjan's algorithm, iterative. Components are numbered
    /// in the order they complete, so every edge leaves a component for one numbered lower (or
    /// stays inside): a pass in increasing number sees every successor component first.
    struct Condensation
    {
        std::vector<std::uint32_t> component; // kNone for an excluded state
        std::vector<std::uint32_t> order;     // states grouped by component, in component order
        std::vector<std::uint32_t> begin;     // component c is order[begin[c] .. begin[c + 1])
        std::vector<bool> fair;               // holds a (weakly fair, or any under None) cycle
    };

    bool allowed(std::uint32_t v, std::uint8_t excluded) const { return (info[v] & excluded) == 0; }

    Condensation condense(std::uint8_t excluded)
    {
        const auto n = static_cast<std::uint32_t>(store.size());
        Condensation c;
        c.component.assign(n, kNone);
        c.order.reserve(n);
        c.begin.push_back(0);
        std::vector<std::uint32_t> index(n, 0); // 0: unvisited, else DFS number + 1
        std::vector<std::uint32_t> low(n, 0);
        std::vector<std::uint32_t> stack;
        struct Frame
        {
            std::uint32_t v;
            std::uint32_t edge;
        };
        std::vector<Frame> frames;
        std::uint32_t counter = 0;
        for (std::uint32_t root = 0; root < n; ++root) {
            if (index[root] != 0 || !allowed(root, excluded))
                continue;
            auto open = [&](std::uint32_t v) {
                index[v] = low[v] = ++counter;
                stack.push_back(v);
                frames.push_back({v, offsets[v]});
            };
            open(root);
            while (!frames.empty()) {
                Frame& frame = frames.back();
                const std::uint32_t v = frame.v;
                if (frame.edge < offsets[v + 1]) {
                    const std::uint32_t w = targets[frame.edge++];
                    if (!allowed(w, excluded))
                        continue;
                    if (index[w] == 0)
                        open(w); // invalidates frame
                    else if (c.component[w] == kNone)
                        low[v] = std::min(low[v], index[w]);
                    continue;
                }
                frames.pop_back();
                if (!frames.empty())
                    low[frames.back().v] = std::min(low[frames.back().v], low[v]);
                if (low[v] != index[v])
                    continue;
                const auto number = static_cast<std::uint32_t>(c.begin.size() - 1);
                std::uint32_t w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    c.component[w] = number;
                    c.order.push_back(w);
                } while (w != v);
                c.begin.push_back(static_cast<std::uint32_t>(c.order.size()));
            }
        }
        judgeFairness(c, excluded);
        return c;
    }

    /// A component holds a weakly fair cycle iff every thread enabled in all its states has an
    /// edge inside it (then the cycle through all of it is fair; otherwise that thread stays
    /// ready and never steps on any cycle of it). Enabledness is the model's, not the subgraph's:
    /// an edge to an excluded state still makes its thread ready. With symmetry the masks are
    /// exact for threads alone in their class; a larger class is judged on them when they settle
    /// it (as the explorer's judge()), else on the threaded graph (symmetric_livelock.h). Under
    /// Fairness::None any cycle is one, and a quotient cycle lifts to a concrete one (explorer.cpp).
    void judgeFairness(Condensation& c, std::uint8_t excluded)
    {
        const std::size_t count = c.begin.size() - 1;
        c.fair.assign(count, false);
        bool marked = false;
        for (std::size_t k = 0; k < count; ++k) {
            std::uint32_t enabledAll = ~0u;
            std::uint32_t internalAll = 0;
            std::uint32_t lazyAll = 0;
            bool cyclic = c.begin[k + 1] - c.begin[k] > 1;
            for (std::uint32_t i = c.begin[k]; i < c.begin[k + 1]; ++i) {
                const std::uint32_t v = c.order[i];
                enabledAll &= enabled[v];
                std::uint32_t internal = 0;
                for (std::uint32_t e = offsets[v]; e < offsets[v + 1]; ++e) {
                    const std::uint32_t w = targets[e];
                    if (allowed(w, excluded) && c.component[w] == k) {
                        internal |= 1u << threads[e];
                        cyclic = cyclic || w == v;
                    }
                }
                internalAll |= internal;
                lazyAll |= enabled[v] & ~internal;
            }
            if (!cyclic)
                continue;
            switch (judge(enabledAll, internalAll, lazyAll)) {
            case Judgement::Fair:
                c.fair[k] = true;
                break;
            case Judgement::Unfair:
                break;
            case Judgement::Unknown:
                if (!marked) {
                    // threadedComponentIsFair tells the component's states by their store mark.
                    for (std::uint32_t v = 0; v < c.component.size(); ++v)
                        store.mark(v) = c.component[v];
                    marked = true;
                }
                std::vector<std::uint32_t> members(c.order.begin() + c.begin[k], c.order.begin() + c.begin[k + 1]);
                std::sort(members.begin(), members.end());
                const ExpandFunction expand = [](const State&, std::uint32_t mask) { return mask; };
                c.fair[k] = threadedComponentIsFair(
                    model, symmetry, store, packer, expand, members, static_cast<std::uint32_t>(k));
                break;
            }
        }
    }

    enum class Judgement { Fair, Unfair, Unknown };

    Judgement judge(std::uint32_t enabledAll, std::uint32_t internalAll, std::uint32_t lazyAll) const
    {
        if (options.fairness == Fairness::None)
            return Judgement::Fair;
        if (!symmetric)
            return (enabledAll & ~internalAll) == 0 ? Judgement::Fair : Judgement::Unfair;
        if (enabledAll & ~internalAll & ~symmetry.multiMask())
            return Judgement::Unfair;
        bool unknown = false;
        for (const std::uint32_t members : symmetry.multiClasses()) {
            if ((lazyAll & members) == 0)
                continue; // in every state, each enabled thread of the class has an edge inside
            if ((enabledAll & members) == members && (internalAll & members) == 0)
                return Judgement::Unfair; // the whole class is ready throughout and never steps
            unknown = true;
        }
        return unknown ? Judgement::Unknown : Judgement::Fair;
    }

    void analyse()
    {
        const auto n = static_cast<std::uint32_t>(store.size());
        prospects.assign(n, {});
        {
            const Condensation c = condense(0);
            std::vector<OutcomeMask> reach(c.fair.size(), 0);
            for (std::uint32_t k = 0; k < c.fair.size(); ++k) {
                OutcomeMask mask = c.fair[k] ? outcomeBit(Outcome::Livelock) : 0;
                for (std::uint32_t i = c.begin[k]; i < c.begin[k + 1]; ++i) {
                    const std::uint32_t v = c.order[i];
                    mask |= localOutcomes(info[v]);
                    for (std::uint32_t e = offsets[v]; e < offsets[v + 1]; ++e)
                        mask |= reach[c.component[targets[e]]];
                }
                reach[k] = mask;
            }
            for (std::uint32_t v = 0; v < n; ++v) {
                Prospects& p = prospects[v];
                p.possible = reach[c.component[v]];
                const OutcomeMask endings = p.possible & kEndings;
                if ((endings & (endings - 1)) == 0)
                    p.inevitable = endings; // the only ending left (some ending is always possible)
            }
        }
        markUnavoidable(FlagLostUpdate, Outcome::LostUpdate);
        markUnavoidable(FlagStalePageUse, Outcome::StalePageUse);
    }

    static OutcomeMask localOutcomes(std::uint8_t bits)
    {
        OutcomeMask mask = 0;
        if (bits & FlagLostUpdate)
            mask |= outcomeBit(Outcome::LostUpdate);
        if (bits & FlagStalePageUse)
            mask |= outcomeBit(Outcome::StalePageUse);
        if (bits & FlagSigbus)
            mask |= outcomeBit(Outcome::Sigbus);
        if (bits & kCompletes)
            mask |= outcomeBit(Outcome::Completes);
        if (bits & kDeadlock)
            mask |= outcomeBit(Outcome::Deadlock);
        return mask;
    }

    /// A flag is unavoidable from s unless some fair continuation stays on unflagged states: one
    /// reaching, through them, a final state or a fair cycle among them. Only the states from
    /// which the flag is possible but not yet set take part; a step to a state from which it is
    /// impossible is an escape.
    void markUnavoidable(std::uint8_t flag, Outcome outcome)
    {
        const auto n = static_cast<std::uint32_t>(prospects.size());
        bool any = false;
        for (std::uint32_t v = 0; v < n; ++v) {
            if (!prospects[v].isPossible(outcome))
                info[v] |= kOutside;
            else
                any = true;
        }
        if (any) {
            const std::uint8_t excluded = flag | kOutside;
            const Condensation c = condense(excluded);
            std::vector<bool> escapes(c.fair.size(), false);
            for (std::uint32_t k = 0; k < c.fair.size(); ++k) {
                bool escape = c.fair[k];
                for (std::uint32_t i = c.begin[k]; i < c.begin[k + 1] && !escape; ++i) {
                    const std::uint32_t v = c.order[i];
                    escape = (info[v] & kFinal) != 0;
                    for (std::uint32_t e = offsets[v]; e < offsets[v + 1] && !escape; ++e) {
                        const std::uint32_t w = targets[e];
                        escape = (info[w] & kOutside) != 0 || (allowed(w, excluded) && escapes[c.component[w]]);
                    }
                }
                escapes[k] = escape;
            }
            for (std::uint32_t v = 0; v < n; ++v) {
                if (!(info[v] & kOutside) && (!allowed(v, flag) || !escapes[c.component[v]]))
                    prospects[v].inevitable |= outcomeBit(outcome);
            }
        }
        for (std::uint32_t v = 0; v < n; ++v)
            info[v] &= static_cast<std::uint8_t>(~kOutside);
    }
};

OutcomeProspects::OutcomeProspects(const Model& model, const ProspectOptions& options)
    : m_graph(std::make_unique<Graph>(model, options))
{
    m_graph->build();
}

OutcomeProspects::~OutcomeProspects() = default;
OutcomeProspects::OutcomeProspects(OutcomeProspects&&) noexcept = default;
OutcomeProspects& OutcomeProspects::operator=(OutcomeProspects&&) noexcept = default;

bool OutcomeProspects::complete() const
{
    return m_graph->complete;
}

std::string OutcomeProspects::incompleteReason() const
{
    return stopReason(
        m_graph->stoppedBy, std::to_string(m_graph->store.size()) + " states", m_graph->budget, "keeping the graph");
}

std::uint64_t OutcomeProspects::states() const
{
    return m_graph->store.size();
}

std::uint64_t OutcomeProspects::transitions() const
{
    return m_graph->targets.size();
}

std::uint64_t OutcomeProspects::bytes() const
{
    return m_graph->heldBytes;
}

double OutcomeProspects::seconds() const
{
    return m_graph->seconds;
}

Fairness OutcomeProspects::fairness() const
{
    return m_graph->options.fairness;
}

bool OutcomeProspects::symmetric() const
{
    return m_graph->symmetric;
}

std::optional<Prospects> OutcomeProspects::at(const State& state) const
{
    if (!m_graph->complete)
        return std::nullopt;
    const std::uint32_t id = m_graph->find(state);
    if (id == kNone)
        return std::nullopt;
    return m_graph->prospects[id];
}

std::vector<std::optional<Prospects>> prospectsAlong(const OutcomeProspects& prospects, const Simulator& simulator)
{
    std::vector<std::optional<Prospects>> positions;
    for (int i = 0; i <= simulator.position(); ++i)
        positions.push_back(prospects.at(simulator.stateAt(i)));
    return positions;
}

std::vector<TurningPoint> turningPoints(const std::vector<std::optional<Prospects>>& positions)
{
    std::vector<TurningPoint> points;
    for (std::size_t i = 1; i < positions.size(); ++i) {
        if (!positions[i] || !positions[i - 1])
            continue;
        for (const Outcome outcome : kProspectOutcomes) {
            if (positions[i - 1]->isPossible(outcome) && !positions[i]->isPossible(outcome))
                points.push_back({static_cast<int>(i), outcome, false});
            if (!positions[i - 1]->isInevitable(outcome) && positions[i]->isInevitable(outcome))
                points.push_back({static_cast<int>(i), outcome, true});
        }
    }
    return points;
}

std::string_view outcomeNoun(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Completes:
        return "completion";
    case Outcome::Deadlock:
        return "a deadlock";
    case Outcome::Livelock:
        return "a livelock";
    case Outcome::Sigbus:
        return "SIGBUS";
    case Outcome::LostUpdate:
        return "a lost update";
    case Outcome::StalePageUse:
        return "stale page use";
    case Outcome::Running:
        break;
    }
    return "running";
}

std::string describeTurningPoint(const TurningPoint& point, const Simulator& simulator)
{
    std::string when = "after step " + std::to_string(point.step);
    if (point.step >= 1 && point.step <= simulator.historySize()) {
        const StepRecord& record = simulator.history()[static_cast<std::size_t>(point.step - 1)];
        const StepInfo& info = stepInfo(record.id);
        when += " (" + simulator.scenario().threads[static_cast<std::size_t>(record.thread)].name + ": "
            + std::string(info.id) + " " + std::string(info.text) + ")";
    }
    return when + " " + std::string(outcomeNoun(point.outcome))
        + (point.inevitable ? " can no longer be avoided" : " is no longer possible");
}

} // namespace msb::core
