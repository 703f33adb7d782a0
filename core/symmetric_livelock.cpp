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
        : m_members(members)
    {
        m_slot.fill(-1);
        for (int t = 0; t < model.threadCount(); ++t) {
            if (symmetry.multiMask() >> t & 1) {
                m_slot[t] = static_cast<int>(m_threadOfSlot.size());
                m_threadOfSlot.push_back(t);
            }
        }
        m_slots = static_cast<std::uint32_t>(m_threadOfSlot.size());
        buildEdges(model, symmetry, store, packer, expand, component);
        const std::size_t nodes = members.size() * m_slots;
        m_index.assign(nodes, 0);
        m_low.assign(nodes, 0);
        m_flags.assign(nodes, 0);
    }

    bool fair()
    {
        for (std::uint32_t m = 0; m < m_members.size(); ++m) {
            for (std::uint32_t s = 0; s < m_slots; ++s) {
                const std::uint32_t node = m * m_slots + s;
                if ((m_firstTwins[m] >> m_threadOfSlot[s] & 1) && m_index[node] == 0 && !search(node))
                    return false;
            }
        }
        return true;
    }

private:
    static constexpr std::uint8_t kOnStack = 1;
    static constexpr std::uint8_t kGood = 2; // its thread is disabled here or steps inside the SCC

    struct Frame
    {
        std::uint32_t node;
        std::uint32_t cursor; // next quotient edge of the node's state
    };

    /// The quotient edges inside the component, once per state (compressed rows): target state,
    /// thread, and where each tracked thread lands (the first twin of its renamed index).
    void buildEdges(const Model& model, const Symmetry& symmetry, const StateStore& store, const StatePacker& packer,
        const ExpandFunction& expand, std::uint32_t component)
    {
        m_enabled.resize(m_members.size());
        m_firstTwins.resize(m_members.size());
        m_edgeBegin.reserve(m_members.size() + 1);
        for (const std::uint32_t id : m_members) {
            State state;
            std::array<std::uint64_t, PackedState::kWords> words;
            store.load(id, words.data());
            packer.unpack(words.data(), state);
            const std::size_t m = m_edgeBegin.size();
            m_edgeBegin.push_back(static_cast<std::uint32_t>(m_edgeTo.size()));
            const std::uint32_t enabled = model.enabledMask(state);
            m_enabled[m] = static_cast<std::uint16_t>(enabled);
            std::array<std::uint8_t, kMaxThreads> twins {};
            symmetry.firstTwins(state, twins);
            std::uint32_t first = 0;
            for (const int t : m_threadOfSlot)
                first |= 1u << twins[t];
            m_firstTwins[m] = static_cast<std::uint16_t>(first);
            const std::uint32_t expanded = symmetry.withTwins(state, expand(state, enabled));
            for (int t = 0; t < model.threadCount(); ++t) {
                if (!(expanded >> t & 1))
                    continue;
                State next = state;
                model.apply(next, t);
                ThreadPermutation renaming;
                symmetry.canonicalize(next, &renaming);
                StoreKey key;
                packer.pack(next, key.words.data());
                key.hash = storeHash(key.words.data(), store.words());
                const std::uint32_t to = store.find(key);
                if (to == StateStore::kNone || store.mark(to) != component)
                    continue;
                m_edgeTo.push_back(memberIndex(to));
                m_edgeThread.push_back(static_cast<std::uint8_t>(t));
                symmetry.firstTwins(next, twins);
                for (const int tracked : m_threadOfSlot)
                    m_follow.push_back(static_cast<std::uint8_t>(m_slot[twins[renaming.to[tracked]]]));
            }
        }
        m_edgeBegin.push_back(static_cast<std::uint32_t>(m_edgeTo.size()));
    }

    std::uint32_t memberIndex(std::uint32_t id) const
    {
        return static_cast<std::uint32_t>(std::lower_bound(m_members.begin(), m_members.end(), id) - m_members.begin());
    }

    void visit(std::uint32_t node)
    {
        m_index[node] = m_low[node] = m_counter++;
        m_flags[node] = kOnStack;
        m_stack.push_back(node);
        const std::uint32_t member = node / m_slots;
        if (!(m_enabled[member] >> m_threadOfSlot[node % m_slots] & 1))
            m_flags[node] |= kGood;
        m_frames.push_back({node, m_edgeBegin[member]});
    }

    /// The tracked node an edge leads to, and whether the tracked thread is the one stepping.
    std::pair<std::uint32_t, bool> follow(std::uint32_t node, std::uint32_t edge) const
    {
        const std::uint32_t slot = node % m_slots;
        return {m_edgeTo[edge] * m_slots + m_follow[std::size_t {edge} * m_slots + slot],
            m_edgeThread[edge] == m_threadOfSlot[slot]};
    }

    /// Tarjan from `root`; false as soon as an SCC is found whose thread is enabled at every node
    /// and never steps inside it.
    bool search(std::uint32_t root)
    {
        visit(root);
        while (!m_frames.empty()) {
            Frame& frame = m_frames.back();
            const std::uint32_t v = frame.node;
            if (frame.cursor < m_edgeBegin[v / m_slots + 1]) {
                const auto [w, steps] = follow(v, frame.cursor++);
                if (m_index[w] == 0) {
                    visit(w); // invalidates frame; the tree edge is finished when w returns
                } else if (m_flags[w] & kOnStack) {
                    m_low[v] = std::min(m_low[v], m_index[w]);
                    if (steps)
                        m_flags[v] |= kGood;
                }
                continue;
            }
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
            if (!m_frames.empty() && (m_flags[v] & kOnStack)) {
                // The tree edge caller -> v: v still on the stack means it shares the caller's SCC.
                Frame& caller = m_frames.back();
                const auto [w, steps] = follow(caller.node, caller.cursor - 1);
                MSB_INVARIANT(w == v) << "threaded graph: tree edge lost";
                m_low[caller.node] = std::min(m_low[caller.node], m_low[v]);
                if (steps)
                    m_flags[caller.node] |= kGood;
            }
        }
        return true;
    }

    const std::vector<std::uint32_t>& m_members;
    std::array<int, kMaxThreads> m_slot {};
    std::vector<int> m_threadOfSlot;
    std::uint32_t m_slots = 0;
    std::vector<std::uint16_t> m_enabled;
    std::vector<std::uint16_t> m_firstTwins;
    std::vector<std::uint32_t> m_edgeBegin;
    std::vector<std::uint32_t> m_edgeTo;
    std::vector<std::uint8_t> m_edgeThread;
    std::vector<std::uint8_t> m_follow; // m_slots entries per edge
    std::vector<std::uint32_t> m_index;
    std::vector<std::uint32_t> m_low;
    std::vector<std::uint8_t> m_flags;
    std::vector<std::uint32_t> m_stack;
    std::vector<Frame> m_frames;
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
