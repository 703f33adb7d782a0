// SPDX-License-Identifier: MIT
#include "core/counterexample.h"

#include "core/invariant.h"
#include "core/partial_order.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <unordered_map>

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
    Reduction reduction, const std::vector<std::uint32_t>& parents)
    : m_model(model)
    , m_store(store)
    , m_packer(packer)
    , m_reduction(reduction)
    , m_parents(parents)
{
}

Counterexample CounterexampleBuilder::build(std::uint32_t target, bool livelock) const
{
    State state = m_model.initialState();
    Counterexample trace;
    trace.prefix = steps(state, pathTo(target));
    if (livelock)
        trace.cycle = steps(state, fairCycle(target));
    return trace;
}

State CounterexampleBuilder::stateOf(std::uint32_t id) const
{
    State state;
    std::array<std::uint64_t, PackedState::kWords> words;
    m_store.load(id, words.data());
    m_packer.unpack(words.data(), state);
    return state;
}

std::uint32_t CounterexampleBuilder::successor(const State& state, int thread) const
{
    State next = state;
    m_model.apply(next, thread);
    StoreKey key;
    m_packer.pack(next, key.words.data());
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

/// Calls f(thread, successor id) for the stored successors of a state in the explored graph.
template <typename F>
void CounterexampleBuilder::forEdges(const State& state, F f) const
{
    const std::uint32_t enabled = m_model.enabledMask(state);
    const std::uint32_t expand = m_reduction == Reduction::Por ? ampleThreads(m_model, state, enabled) : enabled;
    for (int t = 0; t < m_model.threadCount(); ++t) {
        if (expand >> t & 1) {
            const std::uint32_t y = successor(state, t);
            if (y != StateStore::kNone)
                f(t, y);
        }
    }
}

/// BFS inside the component to the nearest edge that edgeGoal(t, y) accepts or state that
/// stateGoal(state) accepts. Returns the threads of the path and its end state.
template <typename EdgeGoal, typename StateGoal>
std::pair<std::vector<int>, std::uint32_t> CounterexampleBuilder::searchComponent(
    std::uint32_t from, std::uint32_t component, EdgeGoal edgeGoal, StateGoal stateGoal) const
{
    constexpr std::uint32_t kRoot = StateStore::kNone;
    std::unordered_map<std::uint32_t, std::uint32_t> parent; // id -> parentLink(parent id, thread)
    std::deque<std::uint32_t> queue {from};
    parent.emplace(from, kRoot);
    auto path = [&](std::uint32_t end) {
        std::vector<int> threads;
        for (std::uint32_t x = end; parent.at(x) != kRoot; x = parent.at(x) >> kLinkThreadBits)
            threads.push_back(static_cast<int>(parent.at(x) & kLinkThreadMask));
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
            } else if (parent.emplace(y, parentLink(x, t)).second) {
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
std::vector<int> CounterexampleBuilder::fairCycle(std::uint32_t s) const
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

} // namespace msb::core
