// SPDX-License-Identifier: MIT
// Partial-order reduction (Reduction::Por). In a state s the reduced graph R expands the
// enabled threads of a persistent set T(s), or every enabled thread. G is the full graph.
//
// Independence: steps whose footprints (step_footprint.h) do not conflict commute, and neither
// enables nor disables the other (guards count as reads). Per state: a present PTE never changes
// again (every PTE write needs DEVPRIV or MIGR), so its reads are dropped and only the branches of
// a present PTE count; a woken sleeper (W5 or F5, not queued) reads nothing, as only its own W3 or
// F4 queues it again; a page lock a holder waits on at H1 counts as part of the PTL (that guard
// reads both).
//
// C1, persistence: T(s) grows from an enabled seed until closed. For an enabled member x, every
// other thread u that may take a step conflicting with x's before any member moves joins; u's
// "future" is every step its program (pcSuccessors) can reach, access after access, stopping
// before a step that takes the PTL when the PTL's owner is a member, and before acquiring a page
// lock a member holds (then nobody installs a present PTE either, nor wakes a sleeper: u's future
// is empty when it sleeps on such a lock or is a holder kept at H1). For a blocked member, the
// threads that can unblock it join (the PTL's owner; the page lock's owner; under drain-refs
// whoever may change page_count; at L1, the driver lock's owner, whose L2 alone frees it, K26;
// a future is not cut at L1, which only makes sets bigger). So along every G-path from s that
// moves no member, each step
// is independent of every member's next step and unblocks no member, with one exception: a step
// setting SIGBUS disables the members (their guards read the flag; that read is not counted).
// It can only be the path's last step (nothing is enabled after it), it is in no infinite
// execution, and taking a member first leaves it enabled, as a member that may set SIGBUS
// conflicts with every step.
// C3, cycle proviso (static): every cycle of G has a step leaving Access on a non-present PTE
// (M0/W0) or a W5-again (every loop of a fault's program passes there; A0 only moves forward;
// the holder never loops). A state whose set has such a step enabled is expanded fully, so every
// cycle of R has a fully expanded state. The choice reads the state only, so pass 1, pass 2 and
// the counterexample builder all see the same R.
//
// Verdicts. Flags are sticky, and completion, deadlock and SIGBUS are properties of end states.
//  - Reachability: let σ be a G-path from s to a state with some flags or an end state. If σ
//    moves a member, commute its first member step to the front (it is an enabled member's, as
//    blocked members stay blocked): a shorter rest. Otherwise an enabled member commutes with all
//    of σ, so taking it first reaches σ's end moved by one step (same flags; for end states this
//    case cannot happen, the member would still be enabled). That case keeps the length, but by
//    C3 it cannot go on forever: every R-cycle has a fully expanded state, where the first applies.
//  - Livelock, R to G: an R-SCC is judged with G's enabled sets, and a cycle through all its states
//    is a G-cycle that is weakly fair when repeated; the G-SCC holding it is then fair too.
//  - Livelock, G to R: let ρ be a weakly fair infinite G-execution from an R-state. Build π in R by
//    moving, in the current state s, the first step of ρ by a member of T(s) to the front. One
//    exists: otherwise an enabled member stays enabled along ρ and never steps. The rest of ρ is
//    still weakly fair (it agrees with ρ after finitely many changes). π passes fully expanded
//    states infinitely often (C3), where the pick is ρ's next step, so π is ρ with independent
//    steps swapped, every step kept. For a thread u, the writers of what u's guard reads conflict
//    pairwise, so they occur in the same order in π and ρ and u's guard goes through the same
//    values. The one exception, drain-refs' "page_count equals E", has commuting adds, but each
//    add changes the count, so the guard holds throughout a tail only if no add happens there,
//    and then the count is the same in both tails. So u is enabled throughout a tail of π only if
//    of ρ too, where it steps as often as in π: by ρ's fairness infinitely often. π is weakly fair,
//    its tail stays in one R-SCC C, and a thread enabled in all of C is enabled throughout that
//    tail, so it steps inside C: C passes the explorer's fairness test.
//  - Livelock without fairness (Fairness::None): the verdict is "some reachable cycle", and since
//    no cycle completes an access (A0 and the holder move forward only, so an execution has
//    finitely many progress steps), it is "G has an infinite execution from the initial state";
//    no step needs to be visible for progress. R to G: R is a subgraph of G. G to R: from an
//    R-state s with an infinite G-execution ρ, take the first member step of ρ to the front, or,
//    when ρ moves no member, an enabled member t (one exists: s has an enabled thread and T(s)
//    holds one), which C1 keeps enabled and independent along every finite prefix of ρ, so t·ρ is
//    an infinite G-execution too. Either way the R-successor again has an infinite G-execution,
//    so R has an infinite path, and being finite, a cycle. C1 alone suffices; C3 is not needed
//    (nor harmful) here. The SIGBUS exception of C1 ends executions, so it is in no infinite ρ.
// No sleep sets: they prune edges by visit order, so the stored graph would depend on it (pass 2
// and the counterexample builder re-expand states and must see pass 1's edges), and an edge they
// prune can be the one that makes an SCC fair. The tests compare every verdict with and without
// reduction, and check persistence and the footprints against the model on whole state graphs.
#include "core/partial_order.h"

#include <bit>

namespace msb::core {

namespace {

constexpr int kPcs = static_cast<int>(Pc::Count);

/// Asleep on a page lock, or about to return from that sleep: a migration-entry waiter (W5) or,
/// from v7.0, a fault that lost do_swap_page's trylock (F5). Only unlock_page wakes either.
bool sleepsOnPageLock(Pc pc)
{
    return pc == Pc::W5 || pc == Pc::F5;
}

} // namespace

// What one state needs for the choice: the footprints adjusted to it.
struct PartialOrder::Context
{
    const State& state;
    std::uint32_t enabled;
    // Resources that can still change: a present PTE never changes again (every step that writes
    // a PTE requires DEVPRIV or MIGR), so its reads commute with everything.
    Resources live;
    // The page locks a holder waits on at H1 (guard: PTL free and D unlocked); their writers are
    // made writers of the PTL too, so all writers of that guard conflict pairwise.
    Resources heldBack;

    Footprint adjust(Footprint f) const
    {
        f &= live;
        if (f.writes.intersects(heldBack))
            f.writes |= Resources::ptl();
        return f;
    }
};

PartialOrder::PartialOrder(const Model& model)
    : m_model(model)
    , m_threads(model.threadCount())
    , m_waiterSleepsAgain(model.settings().wokenWaiter == WokenWaiter::SleepsAgainIfLocked
          && model.settings().waiterRef == WaiterRef::HoldWhileSleeping)
    , m_current(static_cast<std::size_t>(m_threads))
    , m_within(static_cast<std::size_t>(m_threads))
    , m_leaves(static_cast<std::size_t>(m_threads))
{
    for (int t = 0; t < m_threads; ++t)
        buildTables(t);
}

const Footprint& PartialOrder::current(int thread, int access, Pc pc, bool present) const
{
    return m_current[thread][static_cast<std::size_t>((access * kPcs + static_cast<int>(pc)) * 2 + (present ? 1 : 0))];
}

std::size_t PartialOrder::withinIndex(int access, Pc pc, int mode)
{
    return static_cast<std::size_t>((access * kPcs + static_cast<int>(pc)) * kModes + mode);
}

bool PartialOrder::needsPageLock(Pc from, Pc to) const
{
    // The branches that acquire PG_locked(D): collect's and prepare's trylock, and do_swap_page's
    // trylock from v6.15.
    return (from == Pc::M2 && to == Pc::M3) || (from == Pc::M2Retry && to == Pc::M2Unmap)
        || (from == Pc::F1 && (to == Pc::M1 || to == Pc::L1) && faultPathLocksPage(m_model.settings().faultRef));
}

bool PartialOrder::needsMappedPage(Pc from, Pc to)
{
    // The branches taken only while the PTE is not present: M0/W0 from Access, collect, the v6.1
    // fault reference and v7.0's wait for the page lock, a waiter that still finds the migration
    // entry, the holder's reference.
    return (from == Pc::Access && to != Pc::Access && to != Pc::Done) || (from == Pc::M1 && to == Pc::M2)
        || (from == Pc::F1 && to != Pc::Access) || (from == Pc::W1 && to != Pc::Access)
        || (from == Pc::H1 && to == Pc::H2);
}

void PartialOrder::buildTables(int thread)
{
    const std::vector<int>& pages = m_model.scenario().threads[thread].pages;
    const int accesses = static_cast<int>(pages.size());
    std::vector<Footprint>& current = m_current[thread];
    current.assign(static_cast<std::size_t>((accesses + 1) * kPcs * 2), Footprint {});
    for (int a = 0; a < accesses; ++a) {
        for (int pc = 0; pc < kPcs; ++pc) {
            for (int present = 0; present < 2; ++present)
                current[static_cast<std::size_t>((a * kPcs + pc) * 2 + present)] = stepFootprint(
                    m_model.settings(), static_cast<Pc>(pc), pages[static_cast<std::size_t>(a)], present != 0);
        }
    }
    // Per access, the steps reachable from each pc without leaving the access (A0 leads to the
    // next one: `leaves`). Index `accesses` is Done, with no steps.
    std::vector<Footprint>& within = m_within[thread];
    std::vector<std::uint8_t>& leaves = m_leaves[thread];
    within.assign(withinIndex(accesses + 1, Pc::Access, 0), Footprint {});
    leaves.assign(within.size(), 0);
    for (int a = 0; a < accesses; ++a) {
        for (int mode = 0; mode < kModes; ++mode) {
            const bool ptlBlocked = mode & kPtlBlocked;
            const bool lockBlocked = mode & kLockBlocked;
            const bool present = mode & kPresent;
            for (int start = 0; start < kPcs; ++start) {
                Footprint reach;
                bool leave = false;
                std::uint64_t seen = std::uint64_t {1} << start;
                int stack[kPcs];
                int top = 0;
                stack[top++] = start;
                while (top > 0) {
                    const auto pc = static_cast<Pc>(stack[--top]);
                    // A step that needs the PTL or the page lock a thread of the set holds
                    // never runs; nor does anything after it.
                    if ((ptlBlocked && takesPtl(pc)) || (lockBlocked && pc == Pc::H1))
                        continue;
                    reach |=
                        current[static_cast<std::size_t>((a * kPcs + static_cast<int>(pc)) * 2 + (present ? 1 : 0))];
                    const PcSet next = pcSuccessors(m_model.settings(), pc);
                    for (int n = 0; n < kPcs; ++n) {
                        const auto to = static_cast<Pc>(n);
                        if (!next.contains(to) || (lockBlocked && needsPageLock(pc, to))
                            || (present && needsMappedPage(pc, to)))
                            continue;
                        if (pc == Pc::Access && (to == Pc::Access || to == Pc::Done)) {
                            // A0 needs a present PTE, which only a step under the PTL installs.
                            leave = leave || present || !ptlBlocked;
                            continue;
                        }
                        if (!(seen >> n & 1)) {
                            seen |= std::uint64_t {1} << n;
                            stack[top++] = n;
                        }
                    }
                }
                within[withinIndex(a, static_cast<Pc>(start), mode)] = reach;
                leaves[withinIndex(a, static_cast<Pc>(start), mode)] = leave ? 1 : 0;
            }
        }
    }
}

Footprint PartialOrder::future(const State& state, std::uint32_t set, int thread) const
{
    const ThreadState& self = state.threads[thread];
    const std::vector<int>& pages = m_model.scenario().threads[thread].pages;
    const int accesses = static_cast<int>(pages.size());
    const bool ptlBlocked = state.ptlOwner != kNobody && (set >> state.ptlOwner & 1);
    auto modeOf = [&](int page) {
        const PageState& p = state.pages[page];
        return (ptlBlocked ? kPtlBlocked : 0)
            | (p.dLockOwner != kNobody && (set >> p.dLockOwner & 1) ? kLockBlocked : 0)
            | (p.pte == Pte::Present ? kPresent : 0);
    };
    Footprint f;
    Pc pc = self.pc;
    for (int a = self.access; a < accesses; ++a) {
        const std::size_t i = withinIndex(a, pc, modeOf(pages[static_cast<std::size_t>(a)]));
        f |= m_within[thread][i];
        if (!m_leaves[thread][i])
            break;
        pc = Pc::Access;
    }
    return f;
}

bool PartialOrder::isAwake(const ThreadState& thread) const
{
    // Woken (or never queued): its guard stays true and its step reads nothing, as only its own
    // W3 or F4 queues it again; before v5.9 a woken waiter may queue again at W5 itself.
    return sleepsOnPageLock(thread.pc) && !thread.queued && !(thread.pc == Pc::W5 && m_waiterSleepsAgain);
}

bool PartialOrder::closesCycle(const State& state, int thread) const
{
    // Every cycle of a fault's program passes Access -> M0/W0 (A0 moves to the next access and
    // never returns), or is W5-again's loop; the holder's program has none.
    switch (state.threads[thread].pc) {
    case Pc::Access:
        return state.pages[m_model.currentPage(state, thread)].pte != Pte::Present;
    case Pc::W5:
        return m_waiterSleepsAgain;
    default:
        return false;
    }
}

std::uint32_t PartialOrder::grow(const Context& context, int seed, int limit) const
{
    const State& state = context.state;
    const int ptlOwner = state.ptlOwner;
    std::uint32_t set = 1u << seed;
    std::uint32_t work = set;
    // Every step the enabled members take next (conflicting with one of them is conflicting with
    // this union). Their guards' read of the SIGBUS flag is left out: SIGBUS ends the run, above.
    Footprint members;
    auto add = [&](int u) {
        if (!(set >> u & 1)) {
            set |= 1u << u;
            work |= 1u << u;
        }
    };
    for (;;) {
        while (work) {
            const int x = std::countr_zero(work);
            work &= work - 1;
            const ThreadState& self = state.threads[x];
            const int page = m_model.currentPage(state, x);
            if (context.enabled >> x & 1) {
                // A woken waiter's guard stays true: only its own W3 sets its queued bit again.
                if (!isAwake(self))
                    members |= context.adjust(current(x, self.access, self.pc, state.pages[page].pte == Pte::Present));
                continue;
            }
            // Blocked: the threads that can unblock it join the set.
            switch (self.pc) {
            case Pc::W5: // queued: only the page lock's owner wakes it
            case Pc::F5:
                if (state.pages[page].dLockOwner != kNobody)
                    add(state.pages[page].dLockOwner);
                break;
            case Pc::M7: { // drain-refs: whoever may still change page_count(D)
                Footprint count;
                count.reads = Resources::page(page, PageResource::Count);
                const std::uint32_t before = set;
                for (int u = 0; u < m_threads; ++u) {
                    if (!(set >> u & 1) && count.conflicts(future(state, before, u)))
                        add(u);
                }
                break;
            }
            case Pc::L1: { // asleep on the driver lock: only its owner's L2 wakes it (K26)
                const int owner = m_model.driverLockOwner(state);
                if (owner != kNobody)
                    add(owner);
                break;
            }
            case Pc::Done:
            case Pc::Sigbus:
                break;
            default: // the PTL steps, and H1 (PTL free and D unlocked)
                if (ptlOwner != kNobody)
                    add(ptlOwner);
                else if (self.pc == Pc::H1 && state.pages[page].dLockOwner != kNobody)
                    add(state.pages[page].dLockOwner);
                break;
            }
        }
        if (std::popcount(set & context.enabled) >= limit)
            return set; // no better than what the caller has
        // Every thread that may, before any thread of the set moves, take a step in conflict with
        // a member's next step joins the set.
        members.reads &= ~Resources::sigbus();
        const bool ptlBlocked = ptlOwner != kNobody && (set >> ptlOwner & 1);
        const std::uint32_t before = set; // the futures are judged against one set
        for (int u = 0; u < m_threads; ++u) {
            if (set >> u & 1)
                continue;
            const ThreadState& other = state.threads[u];
            const int lockOwner = state.pages[m_model.currentPage(state, u)].dLockOwner;
            const bool lockBlocked = lockOwner != kNobody && (before >> lockOwner & 1);
            // Asleep on a page lock whose owner does not move, or a holder that cannot pass H1:
            // it takes no step at all.
            if ((sleepsOnPageLock(other.pc) && other.queued && lockBlocked)
                || (other.pc == Pc::H1 && (lockBlocked || ptlBlocked)))
                continue;
            if (members.conflicts(context.adjust(future(state, before, u))))
                add(u);
        }
        if (!work)
            return set;
    }
}

PartialOrder::Context PartialOrder::contextOf(const State& state, std::uint32_t enabled) const
{
    Context context {state, enabled, ~Resources {}, Resources {}};
    for (int p = 0; p < m_model.pageCount(); ++p) {
        if (state.pages[p].pte == Pte::Present)
            context.live &= ~Resources::page(p, PageResource::Pte);
    }
    for (int t = 0; t < m_threads; ++t) {
        if (state.threads[t].pc == Pc::H1)
            context.heldBack |= Resources::page(m_model.currentPage(state, t), PageResource::Lock);
    }
    return context;
}

std::uint32_t PartialOrder::persistentSet(const State& state, std::uint32_t enabled, int seed) const
{
    return grow(contextOf(state, enabled), seed, m_threads + 1);
}

std::uint32_t PartialOrder::ampleThreads(const State& state, std::uint32_t enabled) const
{
    if (std::popcount(enabled) <= 1)
        return enabled;
    {
        // Fast path: a step that touches no shared state (a re-fault, a woken waiter, a pre-copy
        // check that is off, an access to a present page...) is a persistent set on its own.
        for (std::uint32_t m = enabled; m; m &= m - 1) {
            const int t = std::countr_zero(m);
            const ThreadState& self = state.threads[t];
            const int page = m_model.currentPage(state, t);
            const bool present = state.pages[page].pte == Pte::Present;
            const Footprint& f = current(t, self.access, self.pc, present);
            Resources ignored = Resources::sigbus();
            if (present)
                ignored |= Resources::page(page, PageResource::Pte);
            if (isAwake(self) || (!f.writes.any() && !f.adds.any() && !(f.reads & ~ignored).any()))
                return 1u << t;
        }
    }
    const Context context = contextOf(state, enabled);
    std::uint32_t best = enabled;
    int bestCount = std::popcount(enabled);
    // The PTL owner first: while it is in the set, no other thread passes a step that takes the
    // PTL, so the set tends to stay small.
    const int owner = state.ptlOwner;
    std::uint32_t seeds = enabled;
    if (owner != kNobody && (enabled >> owner & 1))
        seeds &= ~(1u << owner);
    for (int i = -1; i < m_threads; ++i) {
        const int seed = i < 0 ? owner : i;
        if (seed == kNobody || !(enabled >> seed & 1) || (i >= 0 && !(seeds >> seed & 1)))
            continue;
        const std::uint32_t ample = grow(context, seed, bestCount) & enabled;
        bool cycles = false;
        for (std::uint32_t m = ample; m && !cycles; m &= m - 1)
            cycles = closesCycle(state, std::countr_zero(m));
        const int count = std::popcount(ample);
        if (!cycles && count < bestCount) {
            best = ample;
            bestCount = count;
            if (count == 1)
                break;
        }
    }
    return best;
}

} // namespace msb::core
