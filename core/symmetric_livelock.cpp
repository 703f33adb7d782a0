// SPDX-License-Identifier: MIT
#include "core/symmetric_livelock.h"

#include "core/invariant.h"

#include <algorithm>
#include <array>

namespace msb::core {

namespace {

class ThreadedGraph
{
public:
    ThreadedGraph(const Model& model, const Symmetry& symmetry, const StateStore& store, const StatePacker& packer,
        const ExpandFunction& expand, const std::vector<std::uint32_t>& members, std::uint32_t component)
        : m_model(model)
        , m_symmetry(symmetry)
        , m_store(store)
        , m_packer(packer)
        , m_expand(expand)
        , m_members(members)
        , m_component(component)
    {
        m_slot.fill(-1);
        for (int t = 0; t < model.threadCount(); ++t) {
            if (symmetry.multiMask() >> t & 1) {
                m_slot[t] = static_cast<int>(m_threadOfSlot.size());
                m_threadOfSlot.push_back(t);
            }
        }
        const std::size_t nodes = members.size() * m_threadOfSlot.size();
        m_index.assign(nodes, 0);
        m_low.assign(nodes, 0);
        m_flags.assign(nodes, 0);
    }

    bool fair()
    {
        const auto slots = static_cast<std::uint32_t>(m_threadOfSlot.size());
        for (std::uint32_t m = 0; m < m_members.size(); ++m) {
            const State state = stateOf(m);
            for (std::uint32_t s = 0; s < slots; ++s) {
                const int thread = m_threadOfSlot[s];
                if (m_symmetry.firstTwin(state, thread) != thread)
                    continue; // twins share one node: the first
                const std::uint32_t node = m * slots + s;
                if (m_index[node] == 0 && !search(node))
                    return false;
            }
        }
        return true;
    }

private:
    static constexpr std::uint8_t kOnStack = 1;
    static constexpr std::uint8_t kGood = 2; // its thread is disabled here or steps inside the SCC

    struct Edge
    {
        std::uint32_t to;
        bool steps;
    };
    struct Frame
    {
        std::uint32_t node;
        std::uint32_t edgeBegin;
        std::uint32_t cursor;
    };

    State stateOf(std::uint32_t member) const
    {
        State state;
        std::array<std::uint64_t, PackedState::kWords> words;
        m_store.load(m_members[member], words.data());
        m_packer.unpack(words.data(), state);
        return state;
    }

    std::uint32_t memberIndex(std::uint32_t id) const
    {
        return static_cast<std::uint32_t>(std::lower_bound(m_members.begin(), m_members.end(), id) - m_members.begin());
    }

    /// Numbers the node, pushes it and appends its edges inside the component.
    void visit(std::uint32_t node)
    {
        const auto slots = static_cast<std::uint32_t>(m_threadOfSlot.size());
        m_index[node] = m_low[node] = m_counter++;
        m_flags[node] = kOnStack;
        m_stack.push_back(node);
        const std::uint32_t member = node / slots;
        const int tracked = m_threadOfSlot[node % slots];
        const State state = stateOf(member);
        const std::uint32_t enabled = m_model.enabledMask(state);
        if (!(enabled >> tracked & 1))
            m_flags[node] |= kGood;
        const std::uint32_t expand = m_symmetry.withTwins(state, m_expand(state, enabled));
        const auto edgeBegin = static_cast<std::uint32_t>(m_edges.size());
        for (int t = 0; t < m_model.threadCount(); ++t) {
            if (!(expand >> t & 1))
                continue;
            State next = state;
            m_model.apply(next, t);
            ThreadPermutation renaming;
            m_symmetry.canonicalize(next, &renaming);
            StoreKey key;
            m_packer.pack(next, key.words.data());
            key.hash = storeHash(key.words.data(), m_store.words());
            const std::uint32_t id = m_store.find(key);
            if (id == StateStore::kNone || m_store.mark(id) != m_component)
                continue;
            const int follows = m_symmetry.firstTwin(next, renaming.to[tracked]);
            m_edges.push_back({memberIndex(id) * slots + static_cast<std::uint32_t>(m_slot[follows]), t == tracked});
        }
        m_frames.push_back({node, edgeBegin, edgeBegin});
    }

    /// Tarjan from `root`; false as soon as an SCC is found whose thread is enabled at every node
    /// and never steps inside it.
    bool search(std::uint32_t root)
    {
        visit(root);
        while (!m_frames.empty()) {
            Frame& frame = m_frames.back();
            const std::uint32_t v = frame.node;
            if (frame.cursor < m_edges.size()) {
                const Edge edge = m_edges[frame.cursor++];
                if (m_index[edge.to] == 0) {
                    visit(edge.to); // invalidates frame; the edge is revisited on return below
                    continue;
                }
                if (m_flags[edge.to] & kOnStack) {
                    m_low[v] = std::min(m_low[v], m_index[edge.to]);
                    if (edge.steps)
                        m_flags[v] |= kGood;
                }
                continue;
            }
            const std::uint32_t edgeBegin = frame.edgeBegin;
            m_edges.resize(edgeBegin);
            m_frames.pop_back();
            if (m_low[v] == m_index[v]) {
                bool good = false;
                std::uint32_t w;
                do {
                    w = m_stack.back();
                    m_stack.pop_back();
                    good = good || (m_flags[w] & kGood);
                    m_flags[w] &= static_cast<std::uint8_t>(~kOnStack);
                } while (w != v);
                if (!good)
                    return false;
            }
            if (!m_frames.empty()) {
                // The tree edge caller -> v: v still on the stack means it shares the caller's SCC.
                Frame& caller = m_frames.back();
                const Edge& edge = m_edges[caller.cursor - 1];
                MSB_INVARIANT(edge.to == v) << "threaded graph: tree edge lost";
                if (m_flags[v] & kOnStack) {
                    m_low[caller.node] = std::min(m_low[caller.node], m_low[v]);
                    if (edge.steps)
                        m_flags[caller.node] |= kGood;
                }
            }
        }
        return true;
    }

    const Model& m_model;
    const Symmetry& m_symmetry;
    const StateStore& m_store;
    const StatePacker& m_packer;
    const ExpandFunction& m_expand;
    const std::vector<std::uint32_t>& m_members;
    std::uint32_t m_component;
    std::array<int, kMaxThreads> m_slot {};
    std::vector<int> m_threadOfSlot;
    std::vector<std::uint32_t> m_index;
    std::vector<std::uint32_t> m_low;
    std::vector<std::uint8_t> m_flags;
    std::vector<std::uint32_t> m_stack;
    std::vector<Frame> m_frames;
    std::vector<Edge> m_edges;
    std::uint32_t m_counter = 1;
};

} // namespace

bool threadedComponentIsFair(const Model& model, const Symmetry& symmetry, const StateStore& store,
    const StatePacker& packer, const ExpandFunction& expand, const std::vector<std::uint32_t>& members,
    std::uint32_t component)
{
    ThreadedGraph graph(model, symmetry, store, packer, expand, members, component);
    return graph.fair();
}

} // namespace msb::core
