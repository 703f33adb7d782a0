// SPDX-License-Identifier: MIT
// Breadth-first search for a state satisfying an expression. The store's dense ids are the BFS
// queue: successors are inserted in the order they are met, so id order is layer order, and the
// predicate is tested when a state is stored: the first state that satisfies it lies in the
// shallowest layer that has one.
#include "core/find_state.h"

#include "core/counterexample.h"
#include "core/memory_budget.h"
#include "core/state_store.h"

#include <algorithm>
#include <chrono>

namespace msb::core {

namespace {

constexpr std::uint32_t kLinkThreadMask = (1u << kLinkThreadBits) - 1;

std::vector<TraceStep> scheduleTo(const Model& model, const std::vector<std::uint32_t>& parents, std::uint32_t id)
{
    std::vector<int> threads;
    while (id != 0) {
        threads.push_back(static_cast<int>(parents[id] & kLinkThreadMask));
        id = parents[id] >> kLinkThreadBits;
    }
    std::reverse(threads.begin(), threads.end());
    std::vector<TraceStep> steps;
    State state = model.initialState();
    for (const int thread : threads)
        steps.push_back({thread, model.apply(state, thread)});
    return steps;
}

} // namespace

FindResult findState(const Model& model, const Expression& predicate, const FindOptions& options)
{
    const auto started = std::chrono::steady_clock::now();
    FindResult result;
    result.memoryBudget = options.memoryBudget.value_or(defaultMemoryBudget());
    const int pages = model.pageCount();
    const int threads = model.threadCount();
    const int words = packing::wordsFor(pages, threads);
    const StatePacker packer(pages, threads, words);
    StateStore store(words);
    std::vector<std::uint32_t> parents;
    const std::uint64_t maxStates = std::min<std::uint64_t>(options.maxStates, StateStore::kLimit);

    auto finish = [&](std::optional<std::uint32_t> target) {
        result.states = store.size();
        if (target) {
            result.found = true;
            result.schedule = scheduleTo(model, parents, *target);
            std::array<std::uint64_t, PackedState::kWords> packed {};
            store.load(*target, packed.data());
            result.state = State {};
            packer.unpack(packed.data(), result.state);
        }
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return result;
    };

    const State initial = model.initialState();
    StoreKey key {};
    packer.pack(initial, key.words.data());
    key.hash = storeHash(key.words.data(), words);
    store.insert(key.words.data(), key.hash);
    parents.push_back(0);
    if (predicate.holds(model, initial))
        return finish(0u);

    for (std::uint32_t x = 0; x < store.size(); ++x) {
        if ((x & 1023) == 1023 && options.cancel && options.cancel->load(std::memory_order_relaxed)) {
            result.stoppedBy = ExploreStop::Cancelled;
            return finish(std::nullopt);
        }
        std::array<std::uint64_t, PackedState::kWords> packed {};
        store.load(x, packed.data());
        State state;
        packer.unpack(packed.data(), state);
        const std::uint32_t enabled = model.enabledMask(state);
        for (int t = 0; t < threads; ++t) {
            if (!(enabled >> t & 1))
                continue;
            State next = state;
            model.apply(next, t);
            ++result.transitions;
            packer.pack(next, key.words.data());
            key.hash = storeHash(key.words.data(), words);
            // A bound only stops the search at a new state: look the state up first only then.
            const bool atLimit = store.size() >= maxStates;
            const bool overBudget = !atLimit
                && store.bytesAt(store.size() + 1) + (parents.size() + 1) * sizeof(std::uint32_t) > result.memoryBudget;
            if ((atLimit || overBudget) && store.find(key) == StateStore::kNone) {
                result.stoppedBy = atLimit ? ExploreStop::MaxStates : ExploreStop::MemoryBudget;
                return finish(std::nullopt);
            }
            const auto [id, isNew] = store.insert(key.words.data(), key.hash);
            if (!isNew)
                continue;
            parents.push_back(parentLink(x, t));
            if (predicate.holds(model, next))
                return finish(id);
        }
    }
    result.complete = true;
    return finish(std::nullopt);
}

std::string findIncompleteReason(const FindResult& result)
{
    return stopReason(result.stoppedBy, std::to_string(result.states) + " states", result.memoryBudget);
}

} // namespace msb::core
