// SPDX-License-Identifier: MIT
// The step semantics of every thread program. Over 450 lines on purpose: Model::apply is one
// switch over the thread's program counter (steps.h), and keeping every kernel path's steps side by side in one
// function is what lets a reader check them against the kernel notes in order.
#include "core/model.h"

#include "core/check_expectation.h"
#include "core/invariant.h"

namespace msb::core {

Model::Model(Scenario scenario, Settings settings)
    : m_scenario(std::move(scenario))
    , m_settings(settings)
    , m_threads(static_cast<int>(m_scenario.threads.size()))
    , m_pages(m_scenario.pages)
    , m_maxRef(packing::layoutFor(m_threads).maxRef)
{
    for (int t = 0; t < m_threads; ++t) {
        const ThreadSpec& spec = m_scenario.threads[t];
        m_kind[t] = spec.kind;
        m_accessCount[t] = static_cast<std::uint8_t>(spec.pages.size());
        for (size_t a = 0; a < spec.pages.size(); ++a)
            m_accessPage[t][a] = static_cast<std::int8_t>(spec.pages[a]);
    }
}

State Model::initialState() const
{
    State state;
    for (int t = 0; t < m_threads; ++t)
        state.threads[t].pc = m_kind[t] == ThreadKind::Holder ? Pc::H1 : Pc::Access;
    return state;
}

int Model::currentPage(const State& state, int thread) const
{
    const int access = state.threads[thread].access;
    return m_accessPage[thread][access < m_accessCount[thread] ? access : m_accessCount[thread] - 1];
}

bool Model::threadFinished(const State& state, int thread) const
{
    const Pc pc = state.threads[thread].pc;
    return pc == Pc::Done || pc == Pc::Sigbus;
}

bool Model::holdsWaiterReference(const State& state, int thread) const
{
    if (m_settings.waiterRef == WaiterRef::NonePtlHeld)
        return false;
    // W1 takes the reference; W4 drops it: before sleeping (v5.0+) or after (<= v4.20).
    switch (state.threads[thread].pc) {
    case Pc::W2:
    case Pc::W3:
    case Pc::W4:
        return true;
    case Pc::W5:
        return m_settings.waiterRef == WaiterRef::HoldWhileSleeping;
    default:
        return false;
    }
}

bool Model::holdsFaultReference(const State& state, int thread) const
{
    if (m_settings.faultRef == FaultRef::None || m_kind[thread] != ThreadKind::Fault)
        return false;
    const Pc pc = state.threads[thread].pc;
    // Taken at F1, kept through the whole of migrate_to_ram (every M pc, the driver lock's L1 and
    // L2 included), dropped at F3.
    return (pc >= Pc::M1 && pc <= Pc::U3Put) || pc == Pc::F2 || pc == Pc::F3 || pc == Pc::L1 || pc == Pc::L2;
}

bool Model::holdsDriverLock(const State& state, int thread) const
{
    if (m_settings.driverLock == DriverLock::None)
        return false;
    // K26: taken at L1, held through migrate_vma_setup/pages/finalize (every M pc), dropped at L2.
    // No field of its own: the owner is the one thread at one of these pcs, so the packed state
    // and its hashes are those of the model without the lock.
    const Pc pc = state.threads[thread].pc;
    return (pc >= Pc::M1 && pc <= Pc::U3Put) || pc == Pc::L2;
}

int Model::driverLockOwner(const State& state) const
{
    for (int t = 0; t < m_threads; ++t) {
        if (holdsDriverLock(state, t))
            return t;
    }
    return kNobody;
}

int Model::waiterReferences(const State& state, int page) const
{
    int count = 0;
    for (int t = 0; t < m_threads; ++t) {
        if (m_kind[t] == ThreadKind::Fault && holdsWaiterReference(state, t) && currentPage(state, t) == page)
            ++count;
    }
    return count;
}

int Model::precopyExtra() const
{
    return 1 + (m_settings.faultRef != FaultRef::None ? 1 : 0) + 1;
}

int Model::releaseCount(int storedCount) const
{
    return m_settings.refcount == RefcountBase::ZeroBased ? storedCount - 1 : storedCount;
}

int Model::kernelPageCount(int storedCount) const
{
    if (m_settings.refcount == RefcountBase::OneBased)
        return storedCount;
    // A stored 1 is a free page (K1). From v5.18 to v6.0 free_zone_device_page resets a freed
    // page's count to 1 after page_free; from v6.1 (ef233450898f, the series that brought the
    // fault reference, so fault_ref tells the releases apart) a free page has count 0 (K24).
    if (storedCount == 1 && m_settings.faultRef == FaultRef::None)
        return 1;
    return storedCount - 1;
}

int Model::expectedCountAtCheck(const State& state, int page) const
{
    int expected = expectedStoredCountAtCheck(m_settings); // K9, K14
    if (m_settings.check == CheckPolicy::CountWaiters)
        expected += waiterReferences(state, page);
    return expected;
}

bool Model::enabled(const State& state, int thread) const
{
    if (state.flags & FlagSigbus)
        return false;
    const ThreadState& self = state.threads[thread];
    if (takesPtl(self.pc) && state.ptlOwner != kNobody)
        return false;
    switch (self.pc) {
    case Pc::M7:
        if (m_settings.check == CheckPolicy::DrainRefs) {
            const int page = currentPage(state, thread);
            return state.pages[page].dRef == expectedCountAtCheck(state, page);
        }
        return true;
    case Pc::W5:
    case Pc::F5:
        return !self.queued;
    case Pc::L1: // a sleeping lock: asleep while another thread holds it (K26)
        return driverLockOwner(state) == kNobody;
    case Pc::H1:
        return state.pages[currentPage(state, thread)].dLockOwner == kNobody;
    case Pc::Done:
    case Pc::Sigbus:
    case Pc::Count:
        return false;
    default:
        return true;
    }
}

std::uint32_t Model::enabledMask(const State& state) const
{
    std::uint32_t mask = 0;
    for (int t = 0; t < m_threads; ++t) {
        if (enabled(state, t))
            mask |= 1u << t;
    }
    return mask;
}

std::string Model::blockedReason(const State& state, int thread) const
{
    if (enabled(state, thread))
        return {};
    const ThreadState& self = state.threads[thread];
    if (self.pc == Pc::Done)
        return m_kind[thread] == ThreadKind::Holder ? "finished" : "finished: every access completed";
    if (self.pc == Pc::Sigbus)
        return "killed: its fault returned VM_FAULT_SIGBUS";
    if (state.flags & FlagSigbus)
        return "the process was killed by SIGBUS";
    const int page = currentPage(state, thread);
    const std::string d = "D" + std::to_string(page);
    auto name = [this](int t) { return m_scenario.threads[t].name; };
    switch (self.pc) {
    case Pc::W5:
        return "sleeping on PG_locked(" + d + ")"
            + (holdsWaiterReference(state, thread) ? ", holding a reference" : "");
    case Pc::F5:
        return "sleeping on PG_locked(" + d + ") in do_swap_page, holding no reference";
    case Pc::L1: {
        // K26: what do_swap_page holds while the driver's migrate_to_ram sleeps on its mutex.
        std::string holding;
        if (state.pages[page].dLockOwner == thread)
            holding = ", holding PG_locked(" + d + ") and a reference";
        else if (holdsFaultReference(state, thread))
            holding = ", holding a reference to " + d;
        return "sleeping on the driver lock held by " + name(driverLockOwner(state)) + holding;
    }
    case Pc::M7:
        return "waiting, with " + d + " locked, for page_count(" + d + ") to drain to "
            + std::to_string(expectedCountAtCheck(state, page)) + " (now " + std::to_string(state.pages[page].dRef)
            + ")";
    case Pc::H1:
        if (state.pages[page].dLockOwner != kNobody)
            return "waiting for PG_locked(" + d + ") held by " + name(state.pages[page].dLockOwner);
        [[fallthrough]];
    default:
        return "spinning on the page-table lock held by " + name(state.ptlOwner);
    }
}

Outcome Model::status(const State& state) const
{
    if (state.flags & FlagSigbus)
        return Outcome::Sigbus;
    bool allDone = true;
    bool anyEnabled = false;
    for (int t = 0; t < m_threads; ++t) {
        allDone = allDone && state.threads[t].pc == Pc::Done;
        anyEnabled = anyEnabled || enabled(state, t);
    }
    if (allDone)
        return Outcome::Completes;
    return anyEnabled ? Outcome::Running : Outcome::Deadlock;
}

void Model::getD(State& state, int thread) const
{
    const int page = currentPage(state, thread);
    PageState& p = state.pages[page];
    MSB_INVARIANT(!p.dFree) << "thread " << m_scenario.threads[thread].name << " takes a reference on D" << page
                            << " while it is in the driver pool";
    MSB_INVARIANT(p.dRef < m_maxRef) << "page_count(D" << page << ") overflows the packed layout";
    ++p.dRef;
}

void Model::putD(State& state, int thread) const
{
    const int page = currentPage(state, thread);
    PageState& p = state.pages[page];
    // K1: devmap refcounts are 1-based, so 1 is the floor of a live page.
    MSB_INVARIANT(p.dRef > 1) << "thread " << m_scenario.threads[thread].name << " drops page_count(D" << page
                              << ") below 1";
    --p.dRef;
    if (p.dRef == 1) {
        // put_devmap_managed_page -> free_devmap_managed_page -> pgmap->ops->page_free.
        MSB_INVARIANT(p.dMapcount == 0 && p.pte != Pte::DevPriv)
            << "D" << page << " freed by " << m_scenario.threads[thread].name << " while still mapped";
        MSB_INVARIANT(p.dLockOwner == kNobody) << "D" << page << " freed while locked";
        p.dFree = 1;
    }
}

void Model::unlockD(State& state, int thread) const
{
    const int page = currentPage(state, thread);
    PageState& p = state.pages[page];
    MSB_INVARIANT(p.dLockOwner == thread)
        << m_scenario.threads[thread].name << " unlocks D" << page << " which it does not hold";
    p.dLockOwner = kNobody;
    // unlock_page -> wake_up_page_bit: every waiter of D is woken, then PG_waiters is cleared as
    // the queue has no waiter of D left (K12).
    if (p.dWaiters) {
        for (int t = 0; t < m_threads; ++t) {
            if (state.threads[t].queued && currentPage(state, t) == page)
                state.threads[t].queued = 0;
        }
        p.dWaiters = 0;
    }
}

void Model::takePtl(State& state, int thread) const
{
    MSB_INVARIANT(state.ptlOwner == kNobody)
        << m_scenario.threads[thread].name << " takes the PTL held by thread " << int(state.ptlOwner);
    state.ptlOwner = static_cast<std::int8_t>(thread);
}

void Model::releasePtl(State& state, int thread) const
{
    MSB_INVARIANT(state.ptlOwner == thread) << m_scenario.threads[thread].name << " releases a PTL it does not hold";
    state.ptlOwner = kNobody;
}

StepId Model::refault(State& state, int thread, StepId id) const
{
    state.threads[thread].pc = Pc::Access;
    return id;
}

StepId Model::notMigrated(State& state, int thread, StepId id) const
{
    // K16-K19: in-tree drivers return 0 (re-fault); the documented contract is SIGBUS.
    if (m_settings.onNotMigrated == OnNotMigrated::Sigbus) {
        state.threads[thread].pc = Pc::Sigbus;
        state.flags |= FlagSigbus;
        return id;
    }
    return refault(state, thread, id);
}

StepId Model::returnFromMigrateToRam(State& state, int thread, StepId id, bool migrated) const
{
    if (!migrated && m_settings.onNotMigrated == OnNotMigrated::Sigbus)
        return notMigrated(state, thread, id);
    if (m_settings.driverLock == DriverLock::Exclusive) {
        state.threads[thread].pc = Pc::L2; // K26: the driver drops its lock before it returns
        return id;
    }
    return afterMigrateToRam(state, thread, id);
}

StepId Model::afterMigrateToRam(State& state, int thread, StepId id) const
{
    switch (m_settings.faultRef) {
    case FaultRef::None:
        return refault(state, thread, id);
    case FaultRef::Counted:
        state.threads[thread].pc = Pc::F3;
        return id;
    case FaultRef::Trylock:
    case FaultRef::TrylockThenWait:
        state.threads[thread].pc = Pc::F2;
        return id;
    }
    return id;
}

StepId Model::apply(State& state, int thread) const
{
    MSB_INVARIANT(thread >= 0 && thread < m_threads) << "no thread " << thread;
    MSB_INVARIANT(enabled(state, thread)) << m_scenario.threads[thread].name << " is not enabled";
    ThreadState& self = state.threads[thread];
    const int page = currentPage(state, thread);
    PageState& p = state.pages[page];
    auto requirePtl = [&] {
        MSB_INVARIANT(state.ptlOwner == thread)
            << m_scenario.threads[thread].name << " writes the PTE of X" << page << " without the PTL";
    };
    auto go = [&](Pc next, StepId id) {
        self.pc = next;
        return id;
    };

    switch (self.pc) {
    case Pc::Access:
        // K11: do_swap_page dispatches on an unlocked snapshot of the PTE.
        switch (p.pte) {
        case Pte::Present:
            ++self.access;
            return go(self.access == m_accessCount[thread] ? Pc::Done : Pc::Access, StepId::A0);
        case Pte::DevPriv:
            return go(m_settings.faultRef == FaultRef::None ? migrateToRam() : Pc::F1, StepId::M0);
        case Pte::Migr:
            return go(Pc::W1, StepId::W0);
        }
        break;

    case Pc::M1:
        // vmf->page came from the unlocked read at M0 with no reference (v5.11): if D went back to
        // the pool meanwhile, calling its pgmap->ops->migrate_to_ram is a use after free
        // (K14, CVE-2022-3523).
        if (p.dFree)
            state.flags |= FlagStalePageUse;
        takePtl(state, thread);
        if (p.pte != Pte::DevPriv) {
            // K5: a migration entry or present PTE is skipped, cpages stays 0, and
            // the driver returns 0 (K16). Even under on_not_migrated=sigbus this is
            // no failure: the driver never had the page, another thread is migrating it (unlike
            // M2-give, where the page was collected and could not be locked).
            releasePtl(state, thread);
            return returnFromMigrateToRam(state, thread, StepId::M1Skip, true);
        }
        getD(state, thread);
        return go(Pc::M2, StepId::M1);

    case Pc::M2:
        // v6.15 (K14): the fault page is already locked by do_swap_page, and
        // migrate_vma_* do not lock it again.
        if (p.dLockOwner == thread)
            return go(Pc::M3, StepId::M2);
        if (p.dLockOwner == kNobody) {
            p.dLockOwner = static_cast<std::int8_t>(thread);
            return go(Pc::M3, StepId::M2);
        }
        if (m_settings.collectBusy == CollectBusy::Drop) {
            // K28 (v5.16): put_page at once, nothing collected (src = 0, cpages = 0); the driver
            // returns 0 like M1-skip: another thread holds the page, this fault just repeats.
            putD(state, thread);
            releasePtl(state, thread);
            return returnFromMigrateToRam(state, thread, StepId::M2Drop, true);
        }
        // K5 / K27(b): the collect reference stays until prepare.
        releasePtl(state, thread);
        return go(Pc::M2Retry, StepId::M2Busy);

    case Pc::M3:
        requirePtl();
        MSB_INVARIANT(p.pte == Pte::DevPriv && p.dLockOwner == thread) << "M3 on X" << page;
        p.pte = Pte::Migr;
        p.dMapcount = 0;
        return go(Pc::M4, StepId::M3);

    case Pc::M4:
        requirePtl();
        putD(state, thread);
        releasePtl(state, thread);
        return go(Pc::M5, StepId::M4);

    case Pc::M2Retry:
        if (p.dLockOwner == kNobody) {
            p.dLockOwner = static_cast<std::int8_t>(thread);
            return go(Pc::M2Unmap, StepId::M2Retry);
        }
        // K6: src = 0, cpages--, put_page drops the collect reference.
        putD(state, thread);
        return returnFromMigrateToRam(state, thread, StepId::M2Give, false);

    case Pc::M2Unmap:
        // K8: page_mapped(D), so try_to_unmap installs the migration entry now.
        takePtl(state, thread);
        MSB_INVARIANT(p.pte == Pte::DevPriv && p.dMapcount == 1) << "M2-unmap on X" << page;
        p.pte = Pte::Migr;
        p.dMapcount = 0;
        putD(state, thread);
        releasePtl(state, thread);
        return go(Pc::M5, StepId::M2Unmap);

    case Pc::M5:
        // K7: up to v5.16 device-private pages pass without a count test. K23/K25 from v5.17:
        // extra = 1 (collect) + 1 if page == fault_page (v6.1) + 1 for a ZONE_DEVICE page; fail if
        // page_count - extra > mapcount, in the release's own counts (K29: zero-based from v5.18,
        // while the ZONE_DEVICE +1 stays, so one extra reference gets through).
        if (m_settings.precopyCheck == PrecopyCheck::On && releaseCount(p.dRef) - precopyExtra() > p.dMapcount)
            return go(Pc::U1Restore, StepId::M5Fail);
        return go(Pc::M6, StepId::M5);

    case Pc::M6:
        MSB_INVARIANT(!p.sAllocated) << "S" << page << " allocated twice";
        p.sAllocated = 1;
        p.sLocked = 1;
        p.sRef = 1;
        p.sData = p.dData; // the DMA copy D -> S
        return go(Pc::M7, StepId::M6);

    case Pc::M7: {
        const bool pass = m_settings.check == CheckPolicy::SkipDevicePrivate // the 2021 patch, K20
            || p.dRef == expectedCountAtCheck(state, page);                  // K9
        return pass ? go(Pc::M8Commit, StepId::M7) : go(Pc::M8Restore, StepId::M7Fail);
    }

    case Pc::M8Commit:
        // K10: remove_migration_ptes(D, S).
        takePtl(state, thread);
        MSB_INVARIANT(p.pte == Pte::Migr) << "M8s.1 on X" << page;
        p.pte = Pte::Present;
        ++p.sRef;
        // A holder's write to D after the copy is not in S: committing loses it.
        if (p.sData != p.dData)
            state.flags |= FlagLostUpdate;
        releasePtl(state, thread);
        // v6.15: finalize leaves the fault page locked; do_swap_page unlocks it (F2).
        return go(faultPathLocksPage(m_settings.faultRef) ? Pc::M8Put : Pc::M8Unlock, StepId::M8Commit);

    case Pc::M8Unlock:
        unlockD(state, thread);
        return go(Pc::M8Put, StepId::M8Unlock);

    case Pc::M8Put:
        putD(state, thread);
        p.sLocked = 0;
        --p.sRef; // putback_lru_page: the driver's allocation reference goes to the LRU
        return returnFromMigrateToRam(state, thread, StepId::M8Put, true);

    case Pc::M8Restore:
    case Pc::U1Restore: {
        const bool afterCopy = self.pc == Pc::M8Restore;
        if (afterCopy) {
            // unlock_page(S); put_page(S): S is freed.
            p.sAllocated = 0;
            p.sLocked = 0;
            p.sRef = 0;
            p.sData = 0;
        }
        // remove_migration_ptes(D, D): device-private entry and mapping reference come back
        // (K3, K8, K10).
        takePtl(state, thread);
        MSB_INVARIANT(p.pte == Pte::Migr) << "restore on X" << page;
        p.pte = Pte::DevPriv;
        p.dMapcount = 1;
        getD(state, thread);
        releasePtl(state, thread);
        if (faultPathLocksPage(m_settings.faultRef)) // the fault page stays locked until F2
            return afterCopy ? go(Pc::M8RPut, StepId::M8Restore) : go(Pc::U3Put, StepId::U1Restore);
        return afterCopy ? go(Pc::M8RUnlock, StepId::M8Restore) : go(Pc::U2Unlock, StepId::U1Restore);
    }

    case Pc::M8RUnlock:
        unlockD(state, thread);
        return go(Pc::M8RPut, StepId::M8RUnlock);

    case Pc::U2Unlock:
        unlockD(state, thread);
        return go(Pc::U3Put, StepId::U2Unlock);

    case Pc::M8RPut:
        putD(state, thread);
        return returnFromMigrateToRam(state, thread, StepId::M8RPut, false);

    case Pc::U3Put:
        putD(state, thread);
        return returnFromMigrateToRam(state, thread, StepId::U3Put, false);

    case Pc::F1: {
        // K14: v6.1 takes the PTL, re-checks pte_same and takes a reference; v6.15
        // first needs trylock_page, and a fault that cannot lock the page just retries. K37 (v7.0):
        // it waits for the unlock instead, keeping the PTL until it is queued (F4).
        takePtl(state, thread);
        if (p.pte != Pte::DevPriv) {
            releasePtl(state, thread);
            return refault(state, thread, StepId::F1Changed);
        }
        const bool trylock = faultPathLocksPage(m_settings.faultRef);
        if (trylock) {
            if (p.dLockOwner != kNobody) {
                if (m_settings.faultRef == FaultRef::TrylockThenWait)
                    return go(Pc::F4, StepId::F1Wait);
                releasePtl(state, thread);
                return refault(state, thread, StepId::F1Busy);
            }
            p.dLockOwner = static_cast<std::int8_t>(thread);
        }
        getD(state, thread);
        releasePtl(state, thread);
        return go(migrateToRam(), trylock ? StepId::F1Lock : StepId::F1);
    }

    case Pc::L1:
        // K26: the driver's mutex, taken first in its migrate_to_ram; enabled() kept this thread
        // asleep, holding what do_swap_page holds (the F1 reference, from v6.15 the page lock too),
        // while another thread had it.
        return go(Pc::M1, StepId::L1);

    case Pc::L2:
        // K26: mutex_unlock wakes the sleepers (enabled() sees the lock free), then the driver returns.
        return afterMigrateToRam(state, thread, StepId::L2);

    case Pc::F4: {
        // K37: softleaf_entry_wait_on_locked, the v5.17 migration-entry wait (K23) on a
        // device-private entry: no reference; the PTL keeps D from being freed until queued.
        p.dWaiters = 1;
        const bool queue = p.dLockOwner != kNobody;
        self.queued = queue ? 1 : 0;
        releasePtl(state, thread);
        return go(Pc::F5, queue ? StepId::F4 : StepId::F4Unlocked);
    }

    case Pc::F5:
        return refault(state, thread, StepId::F5);

    case Pc::F2:
        unlockD(state, thread);
        return go(Pc::F3, StepId::F2);

    case Pc::F3:
        putD(state, thread);
        return refault(state, thread, StepId::F3);

    case Pc::W1:
        // K12 (v5.0-5.16 and <= v4.20 take a reference) and K23 (v5.17+: none).
        takePtl(state, thread);
        if (p.pte != Pte::Migr) {
            releasePtl(state, thread);
            return refault(state, thread, StepId::W1Gone);
        }
        if (m_settings.waiterRef == WaiterRef::NonePtlHeld)
            return go(Pc::W3, StepId::W1);
        getD(state, thread);
        return go(Pc::W2, StepId::W1);

    case Pc::W2:
        releasePtl(state, thread);
        return go(Pc::W3, StepId::W2);

    case Pc::W3: {
        p.dWaiters = 1;
        const bool queue = p.dLockOwner != kNobody;
        self.queued = queue ? 1 : 0;
        if (m_settings.waiterRef == WaiterRef::NonePtlHeld) {
            // migration_entry_wait_on_locked: the PTL is released only once queued.
            releasePtl(state, thread);
            self.pc = Pc::W5;
        } else {
            self.pc = m_settings.waiterRef == WaiterRef::DropAfterEnqueue ? Pc::W4 : Pc::W5;
        }
        return queue ? StepId::W3 : StepId::W3Unlocked;
    }

    case Pc::W4:
        putD(state, thread);
        return go(m_settings.waiterRef == WaiterRef::HoldWhileSleeping ? Pc::W6 : Pc::W5, StepId::W4);

    case Pc::W5:
        // K36: before v5.9 a waiter that sleeps holding its reference (wait_on_page_locked) tests
        // PG_locked again when woken; if a new round locked D meanwhile it queues and sleeps again.
        if (m_settings.wokenWaiter == WokenWaiter::SleepsAgainIfLocked
            && m_settings.waiterRef == WaiterRef::HoldWhileSleeping && p.dLockOwner != kNobody) {
            p.dWaiters = 1;
            self.queued = 1;
            return StepId::W5Again;
        }
        return go(m_settings.waiterRef == WaiterRef::HoldWhileSleeping ? Pc::W4 : Pc::W6, StepId::W5);

    case Pc::W6:
        return refault(state, thread, StepId::W6);

    case Pc::H1:
        takePtl(state, thread);
        releasePtl(state, thread);
        if (p.pte != Pte::DevPriv)
            return go(Pc::Done, StepId::H1Gone);
        getD(state, thread);
        return go(Pc::H2, StepId::H1);

    case Pc::H2:
        MSB_INVARIANT(p.dData < 7) << "data version of D" << page << " overflows";
        ++p.dData;
        // Written to a D that the PTE no longer names: the process never sees it.
        if (p.pte == Pte::Present)
            state.flags |= FlagLostUpdate;
        return go(Pc::H3, StepId::H2);

    case Pc::H3:
        putD(state, thread);
        return go(Pc::Done, StepId::H3);

    case Pc::Done:
    case Pc::Sigbus:
    case Pc::Count:
        break;
    }
    MSB_INVARIANT(false) << "thread " << m_scenario.threads[thread].name << " has no step at " << pcName(self.pc);
    return StepId::Count;
}

} // namespace msb::core
