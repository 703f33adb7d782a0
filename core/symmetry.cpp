// SPDX-License-Identifier: MIT
// Symmetry reduction. Why the quotient keeps every verdict:
//
// Sym is the group of renamings g that map each thread to an interchangeable one (same kind and
// page list). The model is symmetric: enabled(g s, g t) = enabled(s, t), apply(g s, g t) =
// g apply(s, t), and status and flags do not depend on names. canonicalize() gives c = s_c(s),
// the same c for every state of an orbit (it sorts by a description that determines the thread).
// The explorer stores only canonical states and expands in c the set A(c) of its reduction (every
// enabled thread, or a persistent set under POR): the quotient Q has edges c -t-> canon(apply(c,t)).
//
// The concrete graph R behind Q expands in s the set E(s) = s_c^-1(twins of A(c)), c = canon(s)
// ("twins" are threads with identical descriptions, whose swap fixes c). The renamings that map s
// to c differ only by such swaps, so E(g s) = g E(s): R is symmetric. E(s) is a valid expansion
// wherever A(c) is, since persistence, invisibility and the cycle proviso are symmetric, and
// adding twins to a persistent set keeps it closed (twins have identical footprints and
// blockers, step_footprint.h), so R keeps G's verdicts (partial_order.cpp; without POR, R is
// the full graph G).
//
// Paths lift. An R-path s0 -u0-> s1 ... projects onto the Q-path c0 -s_0(u0)-> c1 ... (twins lead
// to the same canonical successor). A Q-path lifts from any s0 over c0: step the real thread
// u_k = S_k^-1(t_k), then S_k+1 = p_k . S_k, where p_k is the renaming canonicalize() applied to
// apply(c_k, t_k). So Q reaches a state with a flag, a deadlock, SIGBUS or completion iff R does,
// and counterexamples are lifted this way: every step names a real thread.
//
// Livelock under weak fairness (R-SCC C is fair iff every thread enabled throughout C has an edge
// inside C). As R is symmetric, renamings map R-SCCs to R-SCCs. Over a Q-SCC D lie copies g(C) of
// one R-SCC C: a lifted Q-cycle from s ends in g(s), and repeating it ord(g) times returns to s,
// so every state over D reachable this way is in C; an R-edge from C to a state over D stays in C
// (else C -> g(C) -> g^2(C) -> ... -> C). So D is fair iff C is, decided per thread of C:
//  - a thread alone in its class keeps its index: the plain test on D's masks is exact;
//  - a thread u of a larger class moves between indices along C. The threaded graph T has nodes
//    (c, i), c in D and i the first of its twins, and for every Q-edge c -t-> c' inside D with
//    renaming p (t over the twins of A(c)) an edge (c, i) -> (c', first twin of p(i)), which
//    "steps i" when t == i. The projection {(canon s, s_s(u)) : s in C} is strongly connected,
//    closed inside D, and every (c, i) lifts to some thread of C, so the SCCs of T are exactly
//    these projections, one per thread u up to twins. u is enabled throughout C and never steps
//    iff its T-SCC has i enabled at every node and no stepping edge inside. D is fair iff every
//    T-SCC has a node where its index is disabled or a stepping edge inside.
// Pass 1 settles most components from per-state masks: a class is satisfied when in every state
// of D each of its enabled threads (twins included) has an edge inside D, and violated when all
// its threads are enabled throughout D and none steps inside D. Only the others build T
// (symmetric_livelock.h), the first ones right after pass 1 until one is fair (the verdict), the
// rest when the counterexample search meets them. The livelock counterexample is searched in R
// itself (concrete states; a state is in C iff its canonical form is in D): a fair walk from s
// back to s's orbit ends in g(s), and the walk renamed by g, g^2, ... closes a real fair cycle.
#include "core/symmetry.h"

#include <algorithm>

namespace msb::core {

ThreadPermutation ThreadPermutation::identity()
{
    ThreadPermutation p;
    for (int t = 0; t < kMaxThreads; ++t)
        p.to[t] = static_cast<std::uint8_t>(t);
    return p;
}

ThreadPermutation ThreadPermutation::inverse() const
{
    ThreadPermutation p;
    for (int t = 0; t < kMaxThreads; ++t)
        p.to[to[t]] = static_cast<std::uint8_t>(t);
    return p;
}

ThreadPermutation ThreadPermutation::then(const ThreadPermutation& after) const
{
    ThreadPermutation p;
    for (int t = 0; t < kMaxThreads; ++t)
        p.to[t] = after.to[to[t]];
    return p;
}

State permuted(const State& state, const ThreadPermutation& permutation)
{
    State out = state;
    // Threads that stay put are already in place: with 16 slots, most of them in small scenarios.
    for (int t = 0; t < kMaxThreads; ++t) {
        if (permutation.to[t] != t)
            out.threads[permutation.to[t]] = state.threads[t];
    }
    for (PageState& page : out.pages) {
        if (page.dLockOwner != kNobody)
            page.dLockOwner = static_cast<std::int8_t>(permutation.to[page.dLockOwner]);
    }
    if (out.ptlOwner != kNobody)
        out.ptlOwner = static_cast<std::int8_t>(permutation.to[state.ptlOwner]);
    return out;
}

Symmetry::Symmetry(const Model& model)
    : m_threads(model.threadCount())
    , m_pages(model.pageCount())
{
    static_assert(kMaxPages <= 16, "a thread's description keeps its page locks in 16 bits");
    const Scenario& scenario = model.scenario();
    std::vector<bool> placed(m_threads, false);
    for (int t = 0; t < m_threads; ++t) {
        if (placed[t])
            continue;
        std::vector<int> members;
        for (int u = t; u < m_threads; ++u) {
            if (!placed[u] && scenario.threads[u].kind == scenario.threads[t].kind
                && scenario.threads[u].pages == scenario.threads[t].pages) {
                placed[u] = true;
                members.push_back(u);
            }
        }
        std::uint32_t mask = 0;
        for (int u : members)
            mask |= 1u << u;
        for (int u : members)
            m_classMask[u] = mask;
        if (members.size() > 1) {
            m_multi |= mask;
            m_multiClasses.push_back(mask);
            m_classes.push_back(std::move(members));
        }
    }
}

void Symmetry::keys(const State& state, Keys& out) const
{
    // Record, then "holds the PTL", then the pages whose PG_locked it holds: everything that
    // names the thread, so equal keys mean swapping the two threads changes nothing.
    for (int t = 0; t < m_threads; ++t)
        out[t] = packing::threadField(state.threads[t]) << 17;
    if (state.ptlOwner != kNobody)
        out[state.ptlOwner] |= std::uint64_t {1} << 16;
    for (int p = 0; p < m_pages; ++p) {
        if (state.pages[p].dLockOwner != kNobody)
            out[state.pages[p].dLockOwner] |= std::uint64_t {1} << p;
    }
}

bool Symmetry::canonicalize(State& state, ThreadPermutation* applied) const
{
    if (!active()) {
        if (applied)
            *applied = ThreadPermutation::identity();
        return false;
    }
    Keys key {};
    keys(state, key);
    bool sorted = true;
    for (const std::vector<int>& members : m_classes) {
        for (size_t i = 1; i < members.size() && sorted; ++i)
            sorted = key[members[i - 1]] <= key[members[i]];
    }
    if (sorted) {
        if (applied)
            *applied = ThreadPermutation::identity();
        return false;
    }
    ThreadPermutation p = ThreadPermutation::identity();
    for (const std::vector<int>& members : m_classes) {
        std::array<int, kMaxThreads> order;
        const auto n = members.size();
        std::copy(members.begin(), members.end(), order.begin());
        // Insertion sort, stable: ties are identical threads, so their order does not matter.
        for (size_t i = 1; i < n; ++i) {
            const int x = order[i];
            size_t j = i;
            for (; j > 0 && key[order[j - 1]] > key[x]; --j)
                order[j] = order[j - 1];
            order[j] = x;
        }
        for (size_t k = 0; k < n; ++k)
            p.to[order[k]] = static_cast<std::uint8_t>(members[k]);
    }
    state = permuted(state, p);
    if (applied)
        *applied = p;
    return true;
}

std::uint32_t Symmetry::twins(const State& state, int thread) const
{
    std::uint32_t mask = 1u << thread;
    if (!(m_multi >> thread & 1))
        return mask;
    Keys key {};
    keys(state, key);
    for (int t = 0; t < m_threads; ++t) {
        if ((m_classMask[thread] >> t & 1) && key[t] == key[thread])
            mask |= 1u << t;
    }
    return mask;
}

std::uint32_t Symmetry::withTwins(const State& state, std::uint32_t mask) const
{
    if (!(mask & m_multi))
        return mask;
    Keys key {};
    keys(state, key);
    std::uint32_t out = mask;
    for (int t = 0; t < m_threads; ++t) {
        if (!(mask >> t & 1) || !(m_multi >> t & 1))
            continue;
        for (int u = 0; u < m_threads; ++u) {
            if ((m_classMask[t] >> u & 1) && key[u] == key[t])
                out |= 1u << u;
        }
    }
    return out;
}

int Symmetry::firstTwin(const State& state, int thread) const
{
    const std::uint32_t mask = twins(state, thread);
    return __builtin_ctz(mask);
}

void Symmetry::firstTwins(const State& state, std::array<std::uint8_t, kMaxThreads>& out) const
{
    Keys key {};
    keys(state, key);
    for (int t = 0; t < m_threads; ++t) {
        out[t] = static_cast<std::uint8_t>(t);
        if (!(m_multi >> t & 1))
            continue;
        for (int u = 0; u < t; ++u) {
            if ((m_classMask[t] >> u & 1) && key[u] == key[t]) {
                out[t] = static_cast<std::uint8_t>(u);
                break;
            }
        }
    }
}

} // namespace msb::core
