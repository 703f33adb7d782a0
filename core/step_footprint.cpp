// SPDX-License-Identifier: MIT
// The footprints follow Model::enabled and Model::apply case by case (model.cpp); the test
// "FootprintsCoverEveryStep" checks them against apply() on every reachable state of the built-in
// scenarios, and that steps with disjoint footprints commute.
#include "core/step_footprint.h"

namespace msb::core {

Resources Resources::wholePage(int page)
{
    Resources r;
    for (int k = 0; k < kPerPage; ++k)
        r |= Resources::page(page, static_cast<PageResource>(k));
    return r;
}

Footprint stepFootprint(const Settings& settings, Pc pc, int page, bool present)
{
    const Resources ptl = Resources::ptl();
    const Resources pte = Resources::page(page, PageResource::Pte);
    const Resources lock = Resources::page(page, PageResource::Lock);
    const Resources wake = Resources::page(page, PageResource::Wake);
    const Resources count = Resources::page(page, PageResource::Count);
    const Resources map = Resources::page(page, PageResource::Map);
    const Resources data = Resources::page(page, PageResource::Data);
    // Steps that may end the driver's migrate_to_ram with "not migrated" set SIGBUS under
    // on_not_migrated=sigbus, which disables every thread.
    const Resources mayKill = settings.onNotMigrated == OnNotMigrated::Sigbus ? Resources::sigbus() : Resources {};
    Footprint f;
    f.reads = Resources::sigbus(); // every guard: nobody steps once the process is dead
    switch (pc) {
    case Pc::Access:
        f.reads |= pte;
        break;
    case Pc::M1: // reads D's free bit (stale page use), then get_page
        f.reads |= pte | count;
        f.writes = ptl | count;
        break;
    case Pc::M2: // trylock; busy: unlock PTL; drop: put_page
        f.writes = ptl | lock | count;
        break;
    case Pc::M3:
        f.writes = pte | map;
        break;
    case Pc::M4:
        f.writes = ptl | count;
        break;
    case Pc::M2Retry:
        f.writes = lock | count | mayKill;
        break;
    case Pc::M2Unmap:
    case Pc::U1Restore:
        f.writes = ptl | pte | map | count;
        break;
    case Pc::M5:
        if (settings.precopyCheck == PrecopyCheck::On)
            f.reads |= count | map;
        break;
    case Pc::M6:
        f.writes = data;
        break;
    case Pc::M7: // the check, and under drain-refs the guard
        if (settings.check != CheckPolicy::SkipDevicePrivate)
            f.reads |= count;
        break;
    case Pc::M8Commit:
        f.writes = ptl | pte | data;
        break;
    case Pc::M8Unlock:
    case Pc::M8RUnlock:
    case Pc::U2Unlock:
    case Pc::F2:
        f.writes = lock | wake;
        break;
    case Pc::M8Put:
        f.writes = count | data;
        break;
    case Pc::M8Restore:
        f.writes = ptl | pte | map | count | data;
        break;
    case Pc::M8RPut:
    case Pc::U3Put:
        f.writes = count | mayKill;
        break;
    case Pc::F1: // v6.15+: trylock; v7.0: a failed trylock keeps the PTL for F4
        f.reads |= pte;
        f.writes = ptl | count;
        if (faultPathLocksPage(settings.faultRef))
            f.writes |= lock;
        break;
    case Pc::F4: // v7.0: queue if D is locked, then unlock the PTL (as W3 under none-ptl-held)
        f.reads |= lock;
        f.adds = wake;
        f.writes = ptl;
        break;
    case Pc::F5: // the guard reads the own queued bit, which only unlock_page clears
        f.reads |= lock;
        break;
    case Pc::F3:
    case Pc::W4:
    case Pc::H3:
        f.writes = count;
        break;
    case Pc::W1: // the reference it takes also changes count-waiters' expected count
        f.reads |= pte;
        f.writes = ptl | count;
        break;
    case Pc::W2:
        f.writes = ptl;
        break;
    case Pc::W3: // queue if D is locked
        f.reads |= lock;
        f.adds = wake;
        if (settings.waiterRef == WaiterRef::NonePtlHeld)
            f.writes = ptl;
        break;
    case Pc::W5: // the guard reads the own queued bit, which only unlock_page clears; before v5.9
                 // a woken waiter may queue again if D is locked
        f.reads |= lock;
        if (settings.wokenWaiter == WokenWaiter::SleepsAgainIfLocked
            && settings.waiterRef == WaiterRef::HoldWhileSleeping)
            f.adds = wake;
        break;
    case Pc::W6:
        break;
    case Pc::H1: // takes and drops the PTL; its guard reads PG_locked
        f.reads |= pte | lock;
        f.writes = ptl | count;
        break;
    case Pc::H2: // lost update when the PTE is already present
        f.reads |= pte;
        f.writes = data;
        break;
    case Pc::L1: // K26: the guard reads the driver lock, taking it writes it
        f.reads |= Resources::driverLock();
        f.writes = Resources::driverLock();
        break;
    case Pc::L2:
        f.writes = Resources::driverLock();
        break;
    case Pc::Done:
    case Pc::Sigbus:
    case Pc::Count:
        f.reads = {};
        break;
    }
    if (present) {
        // The branches of a present PTE: collect skips (still reading the free bit), the fault
        // reference, the waiter and the holder give up; none takes a reference.
        switch (pc) {
        case Pc::M1:
        case Pc::F1:
        case Pc::W1:
        case Pc::H1:
            f.writes &= ~count;
            break;
        default:
            break;
        }
    }
    if (f.writes.intersects(count)) {
        f.writes &= ~count;
        f.adds |= count;
    }
    return f;
}

PcSet pcSuccessors(const Settings& settings, Pc pc)
{
    const bool trylock = faultPathLocksPage(settings.faultRef);
    const bool hold = settings.waiterRef == WaiterRef::HoldWhileSleeping;
    // The way back from migrate_to_ram (returnFromMigrateToRam), through the driver's unlock (L2)
    // under driver_lock=exclusive, and SIGBUS when not migrated.
    const bool driverLock = settings.driverLock == DriverLock::Exclusive;
    const Pc afterReturn = settings.faultRef == FaultRef::None ? Pc::Access : trylock ? Pc::F2 : Pc::F3;
    const Pc ret = driverLock ? Pc::L2 : afterReturn;
    const Pc enter = driverLock ? Pc::L1 : Pc::M1; // the first step of migrate_to_ram
    const PcSet back = settings.onNotMigrated == OnNotMigrated::Sigbus ? PcSet {ret, Pc::Sigbus} : PcSet {ret};
    switch (pc) {
    case Pc::Access: // A0 to the next access (or Done), M0, W0
        return {Pc::Access, Pc::Done, settings.faultRef == FaultRef::None ? enter : Pc::F1, Pc::W1};
    case Pc::L1:
        return {Pc::M1};
    case Pc::L2:
        return {afterReturn};
    case Pc::M1: // collect, or skip
        return {Pc::M2, ret};
    case Pc::M2: // collect, busy, drop
        return settings.collectBusy == CollectBusy::Drop ? PcSet {Pc::M3, ret} : PcSet {Pc::M3, Pc::M2Retry};
    case Pc::M3:
        return {Pc::M4};
    case Pc::M4:
    case Pc::M2Unmap:
        return {Pc::M5};
    case Pc::M2Retry:
        return back | PcSet {Pc::M2Unmap};
    case Pc::M5:
        return {Pc::M6, Pc::U1Restore};
    case Pc::M6:
        return {Pc::M7};
    case Pc::M7:
        return {Pc::M8Commit, Pc::M8Restore};
    case Pc::M8Commit:
        return {trylock ? Pc::M8Put : Pc::M8Unlock};
    case Pc::M8Unlock:
        return {Pc::M8Put};
    case Pc::M8Restore:
        return {trylock ? Pc::M8RPut : Pc::M8RUnlock};
    case Pc::U1Restore:
        return {trylock ? Pc::U3Put : Pc::U2Unlock};
    case Pc::M8RUnlock:
        return {Pc::M8RPut};
    case Pc::U2Unlock:
        return {Pc::U3Put};
    case Pc::M8Put:
        return {ret};
    case Pc::M8RPut:
    case Pc::U3Put:
        return back;
    case Pc::F1:
        return settings.faultRef == FaultRef::TrylockThenWait ? PcSet {enter, Pc::Access, Pc::F4}
                                                              : PcSet {enter, Pc::Access};
    case Pc::F4:
        return {Pc::F5};
    case Pc::F5:
        return {Pc::Access};
    case Pc::F2:
        return {Pc::F3};
    case Pc::F3:
    case Pc::W6:
        return {Pc::Access};
    case Pc::W1:
        return {Pc::Access, settings.waiterRef == WaiterRef::NonePtlHeld ? Pc::W3 : Pc::W2};
    case Pc::W2:
        return {Pc::W3};
    case Pc::W3:
        return {settings.waiterRef == WaiterRef::DropAfterEnqueue ? Pc::W4 : Pc::W5};
    case Pc::W4:
        return {hold ? Pc::W6 : Pc::W5};
    case Pc::W5:
        if (!hold)
            return {Pc::W6};
        return settings.wokenWaiter == WokenWaiter::SleepsAgainIfLocked ? PcSet {Pc::W5, Pc::W4} : PcSet {Pc::W4};
    case Pc::H1:
        return {Pc::H2, Pc::Done};
    case Pc::H2:
        return {Pc::H3};
    case Pc::H3:
        return {Pc::Done};
    case Pc::Done:
    case Pc::Sigbus:
    case Pc::Count:
        break;
    }
    return {};
}

} // namespace msb::core
