// SPDX-License-Identifier: MIT
#include "scenes/ref_attribution.h"

#include "scenes/translate.h"

namespace msb::scenes {

using core::Pc;

bool holdsCollectReference(Pc pc)
{
    // core/model.cpp: get_page at M1 (pc becomes M2); put_page at M8s.3 (M8Put), M8f.3 (M8RPut),
    // M5f.3 (U3Put) and M2-give (M2Retry failing). A pc *at* one of those steps still holds it.
    switch (pc) {
    case Pc::M2:
    case Pc::M3:
    case Pc::M4:
    case Pc::M2Retry:
    case Pc::M2Unmap:
    case Pc::M5:
    case Pc::M6:
    case Pc::M7:
    case Pc::M8Commit:
    case Pc::M8Unlock:
    case Pc::M8Put:
    case Pc::M8Restore:
    case Pc::M8RUnlock:
    case Pc::M8RPut:
    case Pc::U1Restore:
    case Pc::U2Unlock:
    case Pc::U3Put:
        return true;
    default:
        return false;
    }
}

Attribution attributeReferences(const core::Model& model, const core::State& state, int page)
{
    Attribution result;
    const core::PageState& p = state.pages[page];
    auto add = [&](RefKind kind, int thread) {
        result.tokens.push_back({kind, thread, 0});
        ++result.attributed;
    };
    // One-based devmap refcounts (up to v5.17): a free page keeps count 1 (K1), so the base token
    // stays even in the driver pool. Zero-based releases (v5.18+, K29) have no base reference.
    if (model.settings().refcount == core::RefcountBase::OneBased)
        add(RefKind::Base, -1);
    // v5.18 - v6.0 reset a freed page's count to 1 after page_free (K24): the one reference a
    // page back in the pool shows, drawn as the base it stands for.
    else if (model.kernelPageCount(p.dRef) == 1 && p.dRef == 1)
        add(RefKind::Base, -1);
    // M3 clears mapcount but the mapping reference is only put at M4 (same PTL section).
    int mappingRefs = p.dMapcount;
    for (int t = 0; t < model.threadCount(); ++t) {
        if (state.threads[t].pc == Pc::M4 && model.currentPage(state, t) == page)
            ++mappingRefs;
    }
    for (int i = 0; i < mappingRefs; ++i)
        add(RefKind::Mapping, -1);
    for (int t = 0; t < model.threadCount(); ++t) {
        if (model.currentPage(state, t) != page)
            continue;
        const Pc pc = state.threads[t].pc;
        if (model.threadKind(t) == core::ThreadKind::Holder) {
            if (pc == Pc::H2 || pc == Pc::H3)
                add(RefKind::Holder, t);
            continue;
        }
        if (holdsCollectReference(pc))
            add(RefKind::Collect, t);
        if (model.holdsWaiterReference(state, t))
            add(RefKind::Waiter, t);
        if (model.holdsFaultReference(state, t))
            add(RefKind::Fault, t);
    }
    const int missing = model.kernelPageCount(p.dRef) - result.attributed;
    result.balanced = missing == 0;
    for (int i = 0; i < missing; ++i)
        result.tokens.push_back({RefKind::Unknown, -1, i});
    return result;
}

Role roleOf(Pc pc)
{
    switch (pc) {
    case Pc::Access:
        return Role::Cpu;
    case Pc::Done:
        return Role::Done;
    case Pc::Sigbus:
        return Role::Sigbus;
    case Pc::W1:
    case Pc::W2:
    case Pc::W3:
    case Pc::W4:
    case Pc::W5:
    case Pc::W6:
    case Pc::F4: // v7.0: a fault that lost the trylock waits on the page lock (K37)
    case Pc::F5:
        return Role::Waiter;
    case Pc::H1:
    case Pc::H2:
    case Pc::H3:
        return Role::Holder;
    default:
        return Role::Migrator;
    }
}

QString roleLetter(Role role)
{
    switch (role) {
    case Role::Cpu:
        return QStringLiteral("CPU");
    case Role::Migrator:
        return QStringLiteral("M");
    case Role::Waiter:
        return QStringLiteral("W");
    case Role::Holder:
        return QStringLiteral("H");
    case Role::Done:
        return QStringLiteral("done");
    case Role::Sigbus:
        return QStringLiteral("SIGBUS");
    }
    return {};
}

QString roleTitle(Role role)
{
    switch (role) {
    case Role::Cpu:
        return tr("touches its page");
    case Role::Migrator:
        return QStringLiteral("migrator");
    case Role::Waiter:
        return QStringLiteral("waiter");
    case Role::Holder:
        return QStringLiteral("holder");
    case Role::Done:
        return QStringLiteral("finished");
    case Role::Sigbus:
        return QStringLiteral("killed");
    }
    return {};
}

QString refKindName(RefKind kind)
{
    switch (kind) {
    case RefKind::Base:
        return tr("ZONE_DEVICE base");
    case RefKind::Mapping:
        return QStringLiteral("mapping");
    case RefKind::Collect:
        return QStringLiteral("collect");
    case RefKind::Waiter:
        return QStringLiteral("waiter");
    case RefKind::Holder:
        return QStringLiteral("holder H");
    case RefKind::Fault:
        return QStringLiteral("fault");
    case RefKind::Unknown:
        return QStringLiteral("unexplained");
    }
    return {};
}

QString refKindLetter(RefKind kind)
{
    switch (kind) {
    case RefKind::Base:
        return QStringLiteral("B");
    case RefKind::Mapping:
        return QStringLiteral("M");
    case RefKind::Collect:
        return QStringLiteral("C");
    case RefKind::Waiter:
        return QStringLiteral("W");
    case RefKind::Holder:
        return QStringLiteral("H");
    case RefKind::Fault:
        return QStringLiteral("F");
    case RefKind::Unknown:
        return QStringLiteral("?");
    }
    return {};
}

QString refKindExplanation(RefKind kind, const core::Settings& settings)
{
    const bool zeroBased = settings.refcount == core::RefcountBase::ZeroBased;
    switch (kind) {
    case RefKind::Base:
        if (zeroBased)
            return tr("The count a freed page is given back: free_zone_device_page resets it to 1 "
                      "after page_free (v5.18 - v6.0, K24).");
        return tr("ZONE_DEVICE base reference: device pages count from 1, so a live page never "
                  "drops below it (K1).");
    case RefKind::Mapping:
        return tr("The page table maps D (mapcount 1): one reference, dropped by collect's put_page "
                  "at M4 and given back when the entry is restored.");
    case RefKind::Collect:
        return tr("The migrator's collect reference: get_page at M1, put_page at M8s.3, M8f.3, "
                  "M5f.3 or M2-give.");
    case RefKind::Waiter:
        return settings.check == core::CheckPolicy::CountWaiters
            ? tr("A migration-entry waiter's reference: get_page at W1, put_page at W4. Under "
                 "count-waiters the check at M7 counts it too (K33).")
            : tr("A migration-entry waiter's reference: get_page at W1, put_page at W4 (v5.0-v5.16). "
                 "The check at M7 does not expect it.");
    case RefKind::Holder:
        return tr("A genuine reference held by someone else (H), e.g. a driver or get_user_pages.");
    case RefKind::Fault:
        return tr("The faulting thread's own reference from do_swap_page (v6.1+): get_page at F1, "
                  "put_page at F3. The check expects it only for the page this thread migrates.");
    case RefKind::Unknown:
        return tr("page_count(D) is higher than the references the scene can attribute.");
    }
    return {};
}

} // namespace msb::scenes
