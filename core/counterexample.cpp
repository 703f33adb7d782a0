// SPDX-License-Identifier: MIT
#include "core/counterexample.h"

#include "core/invariant.h"
#include "core/partial_order.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace msb::core {

namespace {
constexpr std::uint32_t kLinkThreadMask = (1u << kLinkThreadBits) - 1;
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

CounterexampleBuilder::CounterexampleBuilder(const Model& model, const StateStore& store, const StatePacker& packer,
    Reduction reduction, const Symmetry* symmetry, const std::vector<std::uint32_t>& parents, Fairness fairness)
    : m_model(model)
    , m_store(store)
    , m_packer(packer)
    , m_reduction(reduction)
    , m_symmetry(symmetry)
    , m_parents(parents)
    , m_fairness(fairness)
{
    if (reduction == Reduction::Por)
        m_partialOrder.emplace(model);
}

Counterexample CounterexampleBuilder::build(std::uint32_t target, bool livelock) const
{
    // The stored path runs through canonical states; the concrete run follows it with the real
    // thread behind each canonical index (toCanonical renames concrete threads to canonical ones).
    State concrete = m_model.initialState();
    State canonical = concrete;
    ThreadPermutation toCanonical = ThreadPermutation::identity();
    if (m_symmetry)
        m_symmetry->canonicalize(canonical, &toCanonical);
    Counterexample trace;
    for (const int t : pathTo(target)) {
        const int real = toCanonical.inverse().to[t];
        trace.prefix.push_back({real, m_model.apply(concrete, real)});
        m_model.apply(canonical, t);
        if (m_symmetry) {
            ThreadPermutation renaming;
            m_symmetry->canonicalize(canonical, &renaming);
            toCanonical = toCanonical.then(renaming);
        }
    }
    MSB_INVARIANT(permuted(concrete, toCanonical) == canonical) << "counterexample lost track of the threads";
    if (livelock)
        trace.cycle = steps(concrete, fairCycle(concrete, m_store.mark(target)));
    return trace;
}

std::uint32_t CounterexampleBuilder::storedId(const State& concrete) const
{
    State canonical = concrete;
    if (m_symmetry)
        m_symmetry->canonicalize(canonical);
    StoreKey key;
    m_packer.pack(canonical, key.words.data());
    key.hash = storeHash(key.words.data(), m_store.words());
    return m_store.find(key);
}

std::vector<int> CounterexampleBuilder::pathTo(std::uint32_t id) const
{
    std::vector<int> threads;
    while (id != 0) {
        const std::uint32_t link = m_parents[id];
        threads.push_back(static_cast<int>(link & kLinkThreadMask));
        id = link >> kLinkThreadBits;
    }
    std::reverse(threads.begin(), threads.end());
    return threads;
}

std::vector<TraceStep> CounterexampleBuilder::steps(State& state, const std::vector<int>& threads) const
{
    std::vector<TraceStep> out;
    out.reserve(threads.size());
    for (int t : threads)
        out.push_back({t, m_model.apply(state, t)});
    return out;
}

/// The threads the concrete graph behind the stored one expands (symmetry.cpp): the reduction's
/// choice in the canonical form, with its twins, renamed back to this state's threads.
std::uint32_t CounterexampleBuilder::expandedThreads(const State& concrete) const
{
    const std::uint32_t enabled = m_model.enabledMask(concrete);
    if (m_reduction != Reduction::Por)
        return enabled;
    if (!m_symmetry)
        return m_partialOrder->ampleThreads(concrete, enabled);
    State canonical = concrete;
    ThreadPermutation toCanonical;
    m_symmetry->canonicalize(canonical, &toCanonical);
    const std::uint32_t chosen =
        m_symmetry->withTwins(canonical, m_partialOrder->ampleThreads(canonical, m_model.enabledMask(canonical)));
    const ThreadPermutation back = toCanonical.inverse();
    std::uint32_t mask = 0;
    for (int t = 0; t < m_model.threadCount(); ++t) {
        if (chosen >> t & 1)
            mask |= 1u << back.to[t];
    }
    return mask;
}

/// Calls f(thread, successor, stored id of its canonical form) for the concrete successors of a
/// state whose canonical form is stored.
template <typename F>
void CounterexampleBuilder::forEdges(const State& state, F f) const
{
    const std::uint32_t expand = expandedThreads(state);
    for (int t = 0; t < m_model.threadCount(); ++t) {
        if (expand >> t & 1) {
            State next = state;
            m_model.apply(next, t);
            const std::uint32_t y = storedId(next);
            if (y != StateStore::kNone)
                f(t, next, y);
        }
    }
}

namespace {

struct WordsHash
{
    std::size_t operator()(const std::array<std::uint64_t, PackedState::kWords>& words) const
    {
        return static_cast<std::size_t>(storeHash(words.data(), PackedState::kWords));
    }
};

} // namespace

/// BFS over concrete states whose canonical form lies in the component, to the nearest edge that
/// edgeGoal(t, next, stored id of next) accepts or state that stateGoal(state) accepts. Returns
/// the threads of the path and its end state. With `byOrbit` (goals that do not depend on thread
/// names) one concrete state per orbit is enough: the concrete graph is symmetric.
template <typename EdgeGoal, typename StateGoal>
std::pair<std::vector<int>, State> CounterexampleBuilder::searchComponent(
    const State& from, std::uint32_t component, bool byOrbit, EdgeGoal edgeGoal, StateGoal stateGoal) const
{
    constexpr std::uint32_t kRoot = StateStore::kNone;
    struct Node
    {
        State state;
        std::uint32_t parent;
        int thread;
    };
    std::vector<Node> nodes {{from, kRoot, 0}};
    std::unordered_map<std::array<std::uint64_t, PackedState::kWords>, std::uint32_t, WordsHash> seen;
    auto keyOf = [&](const State& state) {
        std::array<std::uint64_t, PackedState::kWords> words {};
        m_packer.pack(state, words.data());
        return words;
    };
    std::unordered_set<std::uint32_t> seenOrbits;
    auto firstVisit = [&](const State& state, std::uint32_t id) {
        if (byOrbit)
            return seenOrbits.insert(id).second;
        return seen.emplace(keyOf(state), static_cast<std::uint32_t>(nodes.size())).second;
    };
    firstVisit(from, storedId(from));
    auto path = [&](std::uint32_t end) {
        std::vector<int> threads;
        for (std::uint32_t x = end; nodes[x].parent != kRoot; x = nodes[x].parent)
            threads.push_back(nodes[x].thread);
        std::reverse(threads.begin(), threads.end());
        return threads;
    };
    for (std::uint32_t x = 0; x < nodes.size(); ++x) {
        const State state = nodes[x].state;
        if (stateGoal(state))
            return {path(x), state};
        std::optional<std::pair<std::vector<int>, State>> hit;
        forEdges(state, [&](int t, const State& next, std::uint32_t y) {
            if (hit || m_store.mark(y) != component)
                return;
            if (edgeGoal(t, next, y)) {
                std::vector<int> threads = path(x);
                threads.push_back(t);
                hit.emplace(std::move(threads), next);
            } else if (firstVisit(next, y)) {
                nodes.push_back({next, x, t});
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
/// Extending only shrinks "enabled on the whole walk" and grows "stepped", so this ends. With
/// symmetry the walk is over concrete states (symmetry.cpp: the concrete SCC above a fair
/// component is fair), so it is a real cycle. Under Fairness::None any cycle will do: the greedy
/// part is skipped and the walk is the shortest way back to s's orbit.
std::vector<int> CounterexampleBuilder::fairCycle(const State& s, std::uint32_t component) const
{
    std::vector<int> walk;
    State current = s;
    std::uint32_t enabledAll = m_model.enabledMask(s);
    std::uint32_t stepped = 0;
    auto follow = [&](const std::vector<int>& threads) {
        for (int t : threads) {
            m_model.apply(current, t);
            stepped |= 1u << t;
            enabledAll &= m_model.enabledMask(current);
            walk.push_back(t);
        }
    };
    for (;;) {
        const std::uint32_t need = m_fairness == Fairness::None ? 0 : enabledAll & ~stepped;
        if (need == 0)
            break;
        auto found = searchComponent(
            current, component, false, [&](int t, const State&, std::uint32_t) { return (need >> t & 1) != 0; },
            [&](const State& state) { return (m_model.enabledMask(state) & need) != need; });
        follow(found.first);
    }
    // Back to s's orbit: the walk then ends in g(s) for a renaming g (the identity without
    // symmetry). Repeating the walk renamed by g, g^2, ... returns to s itself after ord(g) rounds
    // (apply(g x, g t) = g apply(x, t)), and the repeated walk is still fair: a thread enabled on
    // all of it is enabled on the first round, where it steps.
    const std::uint32_t home = storedId(s);
    if (walk.empty() || storedId(current) != home) {
        auto found = searchComponent(
            current, component, true, [&](int, const State&, std::uint32_t y) { return y == home; },
            [](const State&) { return false; });
        follow(found.first);
    }
    if (!(current == s)) {
        MSB_INVARIANT(m_symmetry) << "livelock cycle does not return to its state";
        State a = s;
        State b = current;
        ThreadPermutation fromS;
        ThreadPermutation fromCurrent;
        m_symmetry->canonicalize(a, &fromS);
        m_symmetry->canonicalize(b, &fromCurrent);
        const ThreadPermutation g = fromS.then(fromCurrent.inverse());
        const std::vector<int> round = walk;
        ThreadPermutation power = g;
        for (int r = 0; !(current == s); ++r) {
            MSB_INVARIANT(r < 1000) << "livelock cycle does not close";
            for (const int t : round) {
                const int renamed = power.to[t];
                m_model.apply(current, renamed);
                walk.push_back(renamed);
            }
            power = power.then(g);
        }
    }
    MSB_INVARIANT(m_fairness == Fairness::None || (enabledAll & ~stepped) == 0) << "livelock cycle is not fair";
    return walk;
}

} // namespace msb::core
