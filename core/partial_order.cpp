// SPDX-License-Identifier: MIT
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
// What the reduced graph R keeps (G is the full graph; a local step of t, once enabled, stays
// enabled until t takes it unless SIGBUS ends the run, and commutes with every step of others):
//  - flags, SIGBUS, completion: a G-path to a flagged state either contains t's step (commute it
//    to the front) or can be extended by it (flags are sticky); the step that sets SIGBUS does
//    not depend on t's local step either;
//  - deadlock: t's step is enabled in every state after s until taken, so a G-path from s to a
//    deadlock contains it, and commuting it first gives a path through R;
//  - weak-fair livelock: R's cycles are G's cycles and fairness is judged with G's enabled sets
//    (Model::enabledMask), so R finds no livelock that G lacks. Conversely take a fair infinite
//    non-progress G-execution; t is enabled until it steps, so by fairness it steps; commuting
//    that step to the front keeps the execution valid and fair (nobody's enabledness reads t's
//    local data), and as local chains are bounded, each step of the execution is consumed after
//    a bounded delay. The resulting R-execution ends in an R-SCC C whose every thread enabled in
//    all of C steps infinitely often inside C: a fair SCC of R.
// The tests check identical verdicts with and without reduction on every built-in x preset.
#include "core/partial_order.h"

namespace msb::core {

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

std::uint32_t ampleThreads(const Model& model, const State& state, std::uint32_t enabled)
{
    for (int t = 0; t < model.threadCount(); ++t) {
        if ((enabled >> t & 1) && isLocalStep(model, state, t))
            return 1u << t;
    }
    return enabled;
}

} // namespace msb::core
