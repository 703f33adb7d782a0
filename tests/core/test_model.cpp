// SPDX-License-Identifier: MIT
// Golden traces of the model against K30-K35.
#include "core/check_expectation.h"
#include "core/invariant.h"
#include "core/simulator.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <string>

namespace msb::core {
namespace {

using testing::faultVsHolder;
using testing::kLivelockRound;
using testing::preset;
using testing::schedule;
using testing::singleFault;
using testing::twoFaults;

std::vector<std::string> labels(const Simulator& sim)
{
    std::vector<std::string> out;
    for (int i = 0; i < sim.position(); ++i)
        out.emplace_back(stepInfo(sim.history()[i].id).id);
    return out;
}

Simulator replayed(Scenario scenario, std::string_view presetName, std::string_view digits)
{
    Simulator sim(std::move(scenario), preset(presetName));
    auto result = sim.replay(schedule(digits));
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().toString());
    return sim;
}

TEST(Model, InitialStateIsTheSteadyStateOfAMappedDevicePrivatePage)
{
    // K3: refcount 2 (base + mapping), mapcount 1, unlocked, PTE device-private.
    const Model model(twoFaults(), preset("v5.11"));
    const State state = model.initialState();
    EXPECT_EQ(state.pages[0].pte, Pte::DevPriv);
    EXPECT_EQ(state.pages[0].dRef, 2);
    EXPECT_EQ(state.pages[0].dMapcount, 1);
    EXPECT_EQ(state.pages[0].dLockOwner, kNobody);
    EXPECT_EQ(model.enabledMask(state), 0b11u);
    EXPECT_EQ(model.status(state), Outcome::Running);
}

TEST(Model, V511LivelockRoundReturnsToTheInitialState)
{
    const Simulator sim = replayed(twoFaults(), "v5.11", kLivelockRound);
    const std::vector<std::string> expected = {"M0", "M1", "M2", "M3", "M4", "M5", "M6", "W0", "W1", "W2", "M7-fail",
        "W3", "W4", "M8f.1", "M8f.2", "M8f.3", "W5", "W6"};
    EXPECT_EQ(labels(sim), expected);
    // The check saw the waiter's reference: 3 != 2 (K9, K12).
    EXPECT_EQ(sim.history()[10].refBefore, 3);
    EXPECT_EQ(sim.history()[10].note, "page_count(D0) = 3 != expected 2");
    ASSERT_TRUE(sim.repeatsPosition().has_value());
    EXPECT_EQ(*sim.repeatsPosition(), 0);
    EXPECT_EQ(sim.state(), sim.model().initialState());
}

TEST(Model, PatchedCheckMigratesOnTheSameSchedule)
{
    Simulator sim = replayed(twoFaults(), "v5.11-patched", kLivelockRound);
    EXPECT_EQ(sim.history()[10].id, StepId::M7);
    EXPECT_EQ(sim.state().pages[0].pte, Pte::Present);
    EXPECT_FALSE(sim.repeatsPosition().has_value());
    // The waiter's late put is harmless; D went back to the pool once both references were gone.
    EXPECT_TRUE(sim.state().pages[0].dFree);
    RoundRobinScheduler rr;
    runScheduler(sim, rr, 100);
    EXPECT_EQ(sim.status(), Outcome::Completes);
    EXPECT_EQ(sim.state().flags, 0);
}

TEST(Model, ChangingSettingsReplaysTheScheduleAndDiverges)
{
    Simulator sim = replayed(twoFaults(), "v5.11", kLivelockRound);
    EXPECT_EQ(sim.changeSettings(preset("v5.11-patched")), 18);
    EXPECT_EQ(sim.position(), 18);
    EXPECT_EQ(sim.history()[10].id, StepId::M7);
    EXPECT_EQ(sim.state().pages[0].pte, Pte::Present);
}

TEST(Model, PreV50WaiterHoldsItsReferenceWhileSleeping)
{
    // K13: <= v4.20 the waiter keeps its reference until it wakes.
    const Simulator sim = replayed(twoFaults(), "pre-v5.0", "1111111 2222");
    EXPECT_EQ(stepInfo(sim.history().back().id).id, "W3");
    EXPECT_EQ(sim.state().threads[1].pc, Pc::W5);
    EXPECT_EQ(sim.state().threads[1].queued, 1);
    EXPECT_EQ(sim.state().pages[0].dRef, 3);
    EXPECT_TRUE(sim.model().holdsWaiterReference(sim.state(), 1));
    EXPECT_EQ(sim.blockedReason(1), "sleeping on PG_locked(D0), holding a reference");
}

TEST(Model, NaiveDrainDeadlocksWithAWaiterThatSleepsHoldingItsReference)
{
    // K35: W waits for PG_locked, M waits for W's reference.
    const Simulator sim = replayed(twoFaults(), "naive-drain", "1111111 2222");
    EXPECT_EQ(sim.status(), Outcome::Deadlock);
    EXPECT_EQ(sim.blockedReason(0), "waiting, with D0 locked, for page_count(D0) to drain to 2 (now 3)");
    EXPECT_EQ(sim.blockedReason(1), "sleeping on PG_locked(D0), holding a reference");
}

TEST(Model, NaiveDrainDoesNotDeadlockWithV50Waiters)
{
    // Refuted for transient waiters: the reference drains without D being unlocked.
    Settings settings = preset("naive-drain");
    settings.waiterRef = WaiterRef::DropAfterEnqueue;
    Simulator sim(twoFaults(), settings);
    ASSERT_TRUE(sim.replay(schedule("1111111 2222")).ok());
    EXPECT_FALSE(sim.canStep(0));
    ASSERT_TRUE(sim.step(1).ok()); // W4: put_page
    EXPECT_TRUE(sim.canStep(0));
}

TEST(Model, PatchedCheckLosesTheHoldersWrite)
{
    // K32: H holds a reference across the copy and writes after it; the patch
    // commits anyway and the write lands in a page nobody maps.
    Simulator sim = replayed(faultVsHolder(), "v5.11-patched", "2 1111111 2 1 1");
    EXPECT_EQ(sim.history()[9].id, StepId::M7);
    EXPECT_EQ(sim.history()[10].id, StepId::M8Commit);
    EXPECT_TRUE(sim.state().flags & FlagLostUpdate);
    EXPECT_EQ(sim.history()[10].note, "LOST UPDATE: S has version 0, D0 has 1");
}

TEST(Model, StrictCheckAlsoLosesAWriteWhoseReferenceEndsBeforeTheCheck)
{
    // K31: the count test runs after the copy, so H1..H3 inside the
    // copy->commit window is invisible to it.
    const Simulator sim = replayed(faultVsHolder(), "v5.11", "2 1111111 22 1 1");
    EXPECT_EQ(sim.history()[10].id, StepId::M7);
    EXPECT_TRUE(sim.state().flags & FlagLostUpdate);
}

TEST(Model, StrictCheckFailsSafelyWhileTheHolderStillHoldsItsReference)
{
    const Simulator sim = replayed(faultVsHolder(), "v5.11", "2 1111111 2 1111");
    EXPECT_EQ(sim.history()[9].id, StepId::M7Fail);
    EXPECT_EQ(sim.state().pages[0].pte, Pte::DevPriv);
    EXPECT_FALSE(sim.state().flags & FlagLostUpdate);
}

TEST(Model, V517PrecopyCheckStopsTheHolderRaceBeforeTheCopy)
{
    const Simulator sim = replayed(faultVsHolder(), "v5.17", "2 111111");
    EXPECT_EQ(sim.history().back().id, StepId::M5Fail);
    EXPECT_EQ(sim.history().back().note, "page_count(D0) = 3, allowed 2 + mapcount 0");
}

TEST(Model, V511UnreferencedFaultPathUsesAFreedPage)
{
    // K11 and K14 (CVE-2022-3523): T1 read the PTE without a reference, T2 migrated
    // the page and freed D, then T1 calls D's migrate_to_ram.
    const Simulator sim = replayed(twoFaults(), "v5.11", "1 22222222222 1");
    EXPECT_EQ(sim.history()[11].id, StepId::M8Put);
    EXPECT_TRUE(sim.stateAt(12).pages[0].dFree);
    EXPECT_EQ(sim.history()[12].id, StepId::M1Skip);
    EXPECT_TRUE(sim.state().flags & FlagStalePageUse);
}

TEST(Model, V61FaultPathRechecksThePteAndCountsItsOwnReference)
{
    // K14 (16ce101db85d): the v5.11 stale-page interleaving again. T1 read the PTE,
    // T2 migrated and freed D, but now T1 takes the PTL and re-checks the PTE before touching D.
    const Simulator sim = replayed(twoFaults(), "v6.1", "1 2222222222222 1");
    EXPECT_EQ(sim.history()[2].id, StepId::F1);
    // v6.1 counts are zero-based (K29): mapping + fault reference = 2.
    EXPECT_EQ(sim.history()[2].refAfter, 2);
    EXPECT_EQ(sim.history()[9].id, StepId::M7);
    EXPECT_EQ(sim.history()[9].note, "page_count(D0) = 2 == expected 2"); // collect + the fault page's extra
    EXPECT_EQ(sim.history()[13].id, StepId::F3);
    EXPECT_TRUE(sim.stateAt(14).pages[0].dFree);
    EXPECT_EQ(sim.history()[14].id, StepId::F1Changed);
    EXPECT_FALSE(sim.state().flags & FlagStalePageUse);
}

TEST(Model, V61OtherFaultersReferenceFailsTheCheck)
{
    // Only the migrating thread's own fault reference is expected; T2's is not (the Xe livelock,
    // K26). The pre-copy check lets that one extra reference through (zero-based counts keep its
    // ZONE_DEVICE +1, K29), so it is the final check that fails, as 1afaeb8293c9's message says.
    const Simulator sim = replayed(twoFaults(), "v6.1", "11 22 1111 111");
    EXPECT_EQ(sim.history()[3].id, StepId::F1);
    EXPECT_EQ(sim.history()[3].refAfter, 3);
    EXPECT_EQ(sim.history()[8].id, StepId::M5);
    EXPECT_EQ(sim.history()[8].note, "page_count(D0) = 3, allowed 3 + mapcount 0");
    EXPECT_EQ(sim.history()[10].id, StepId::M7Fail);
    EXPECT_EQ(sim.history()[10].note, "page_count(D0) = 3 != expected 2");
}

TEST(Model, BeforeV59AWokenWaiterSleepsAgainIfThePageWasLockedAgain)
{
    // K36: T2 sleeps holding its reference (pre-v5.0); T1's check fails, T1 unlocks D0 (waking
    // T2), faults again and locks D0 before T2 runs. T2 finds PG_locked set and sleeps again,
    // its reference still held, into the next round's check.
    const std::string_view digits = "1111111 222 1 2 111 111 2";
    const Simulator old = replayed(twoFaults(), "pre-v5.0", digits);
    EXPECT_EQ(old.history().back().id, StepId::W5Again);
    EXPECT_EQ(old.state().threads[1].pc, Pc::W5);
    EXPECT_TRUE(old.state().threads[1].queued);
    EXPECT_TRUE(old.model().holdsWaiterReference(old.state(), 1));
    // From v5.9 (2a9127fcf229) the woken waiter returns and drops its reference.
    Settings returns = preset("pre-v5.0");
    returns.wokenWaiter = WokenWaiter::Returns;
    Simulator later(twoFaults(), returns);
    ASSERT_TRUE(later.replay(schedule(digits)).ok());
    EXPECT_EQ(later.history().back().id, StepId::W5);
    EXPECT_EQ(later.state().threads[1].pc, Pc::W4);
}

TEST(Model, V615FaultThatCannotLockThePageRetriesWithoutAReference)
{
    Simulator sim = replayed(twoFaults(), "v6.15", "1 1 2 2");
    EXPECT_EQ(sim.history()[1].id, StepId::F1Lock);
    EXPECT_EQ(sim.history()[3].id, StepId::F1Busy);
    EXPECT_EQ(sim.state().pages[0].dRef, 3); // base + mapping + T1's fault reference
    EXPECT_EQ(sim.state().pages[0].dLockOwner, 0);
    EXPECT_EQ(sim.state().threads[1].pc, Pc::Access);
    // T1 migrates without locking again; finalize leaves D locked for do_swap_page's F2.
    ASSERT_TRUE(sim.replay(schedule("1 1 2 2 1111111 1 1 1 1")).ok());
    EXPECT_EQ(sim.history()[5].id, StepId::M2);
    EXPECT_EQ(sim.history()[10].id, StepId::M7);
    EXPECT_EQ(sim.history()[12].id, StepId::M8Put);
    EXPECT_EQ(sim.history()[13].id, StepId::F2);
    EXPECT_EQ(sim.state().pages[0].dLockOwner, kNobody);
}

TEST(Model, V70FaultThatCannotLockThePageSleepsWithoutAReference)
{
    // K37: T2's trylock fails while T1 holds PG_locked; it keeps the PTL until queued (F4), so T1
    // cannot collect in between, then sleeps holding no reference until T1's F2 wakes it.
    Simulator sim = replayed(twoFaults(), "v7.0", "1 1 2 2");
    EXPECT_EQ(sim.history()[3].id, StepId::F1Wait);
    EXPECT_EQ(sim.state().ptlOwner, 1);
    EXPECT_FALSE(sim.canStep(0));
    ASSERT_TRUE(sim.replay(schedule("1 1 2 2 2")).ok());
    EXPECT_EQ(sim.history()[4].id, StepId::F4);
    EXPECT_EQ(sim.state().ptlOwner, kNobody);
    EXPECT_TRUE(sim.state().threads[1].queued);
    EXPECT_EQ(sim.state().pages[0].dRef, 3); // base + mapping + T1's fault reference: none of T2's
    EXPECT_FALSE(sim.canStep(1));
    EXPECT_EQ(sim.blockedReason(1), "sleeping on PG_locked(D0) in do_swap_page, holding no reference");
    // T1's check expects exactly its own references and passes; its F2 wakes T2, which re-faults
    // and finds the page present.
    ASSERT_TRUE(sim.replay(schedule("1 1 2 2 2 1111111 111 2 2")).ok());
    EXPECT_EQ(sim.history()[11].id, StepId::M7);
    EXPECT_EQ(sim.history()[14].id, StepId::F2);
    EXPECT_EQ(sim.history()[15].id, StepId::F5);
    EXPECT_EQ(sim.history()[16].id, StepId::A0);
    EXPECT_EQ(sim.state().threads[1].pc, Pc::Done);
}

TEST(Model, SigbusPolicyKillsTheProcessWhenTheCheckFails)
{
    Settings settings = preset("v5.11");
    settings.onNotMigrated = OnNotMigrated::Sigbus;
    Simulator sim(twoFaults(), settings);
    ASSERT_TRUE(sim.replay(schedule("1111111 222 1 22 111")).ok());
    EXPECT_EQ(sim.status(), Outcome::Sigbus);
    EXPECT_EQ(sim.model().enabledMask(sim.state()), 0u);
}

TEST(Model, V517WaiterTakesNoReferenceAndQueuesUnderThePtl)
{
    const Simulator sim = replayed(twoFaults(), "v5.17", "1111111 22");
    EXPECT_EQ(sim.history().back().id, StepId::W1);
    EXPECT_EQ(sim.history().back().refAfter, 2);
    EXPECT_EQ(sim.state().ptlOwner, 1);
    EXPECT_EQ(sim.blockedReason(0), ""); // M7 needs no PTL
}

TEST(Model, SecondMigratorCollectReferenceDuringFinalize)
{
    // K27(b): T3's waiter reference fails T1's check; T1 restores the entry but still
    // holds PG_locked when T2, whose migration-entry wait found the entry gone, collects again.
    Scenario three = makeNFaults(3, 1);
    const Simulator sim = replayed(three, "v5.11", "1111111 333 2 1 1 2 2 2 2");
    EXPECT_EQ(sim.history()[11].id, StepId::M7Fail);
    EXPECT_EQ(sim.history()[13].id, StepId::W1Gone);
    EXPECT_EQ(sim.history()[15].id, StepId::M1);
    EXPECT_EQ(sim.history()[16].id, StepId::M2Busy);
    // base + mapping + T1's collect + T3's waiter + T2's collect
    EXPECT_EQ(sim.state().pages[0].dRef, 5);
    EXPECT_EQ(sim.state().threads[1].pc, Pc::M2Retry);
}

TEST(Model, V61FaulterSleepsOnTheDriverLockHoldingItsFaultReference)
{
    // K26 (the Xe report): T1 holds the driver lock in migrate_to_ram; T2 took its fault reference
    // at F1 and now sleeps on that lock, so T1's check counts T2's reference and fails.
    Settings settings = withKnob(preset("v6.1"), "driver_lock", "exclusive").value();
    Simulator sim(twoFaults(), settings);
    ASSERT_TRUE(sim.replay(schedule("111 22")).ok());
    EXPECT_EQ(sim.history()[2].id, StepId::L1);
    EXPECT_EQ(sim.history()[4].id, StepId::F1);
    EXPECT_EQ(sim.state().threads[1].pc, Pc::L1);
    EXPECT_FALSE(sim.canStep(1));
    EXPECT_TRUE(sim.model().holdsFaultReference(sim.state(), 1));
    EXPECT_EQ(sim.model().driverLockOwner(sim.state()), 0);
    EXPECT_EQ(sim.blockedReason(1), "sleeping on the driver lock held by T1, holding a reference to D0");
    ASSERT_TRUE(sim.replay(schedule("111 22 1111111")).ok());
    EXPECT_EQ(sim.history().back().id, StepId::M7Fail);
    ASSERT_TRUE(sim.replay(schedule("111 22 1111111 111 1")).ok());
    EXPECT_EQ(sim.history().back().id, StepId::L2);
    EXPECT_TRUE(sim.canStep(1)); // mutex_unlock woke it; T1 is about to drop its own reference at F3
    EXPECT_EQ(sim.model().driverLockOwner(sim.state()), kNobody);
}

TEST(Model, FromV615AFaulterSleepsOnTheDriverLockHoldingItsPageLock)
{
    // K26 with v6.15's trylock (and v7.0's wait): only the page lock's owner calls migrate_to_ram,
    // so a sleeper on the driver lock is the owner of another page's lock and reference.
    const Scenario twoPages {"two-pages", "", "", 2, {{"T1", ThreadKind::Fault, {0}}, {"T2", ThreadKind::Fault, {1}}}};
    for (const char* name : {"v6.15", "v7.0"}) {
        SCOPED_TRACE(name);
        Simulator sim(twoPages, withKnob(preset(name), "driver_lock", "exclusive").value());
        ASSERT_TRUE(sim.replay(schedule("111 22")).ok());
        EXPECT_EQ(sim.history()[4].id, StepId::F1Lock);
        EXPECT_EQ(sim.state().pages[1].dLockOwner, 1);
        EXPECT_FALSE(sim.canStep(1));
        EXPECT_EQ(
            sim.blockedReason(1), "sleeping on the driver lock held by T1, holding PG_locked(D1) and a reference");
        // T1 migrates D0 while T2 sleeps; T2 then migrates D1.
        ASSERT_TRUE(sim.replay(schedule("111 22 " + std::string(13, '1') + ' ' + std::string(14, '2'))).ok());
        EXPECT_EQ(sim.status(), Outcome::Completes);
    }
}

TEST(Model, InvariantViolationsCarryTheirContext)
{
    const Model model(twoFaults(), preset("v5.11"));
    State state = model.initialState();
    state.pages[0].dRef = 1; // corrupt: a mapped page can never be at the free count
    state.threads[0].pc = Pc::M4;
    state.ptlOwner = 0;
    try {
        model.apply(state, 0);
        FAIL() << "expected an invariant violation";
    } catch (const InvariantViolation& violation) {
        EXPECT_NE(std::string(violation.what()).find("T1 drops page_count(D0) below 1"), std::string::npos)
            << violation.what();
    }
}

} // namespace
} // namespace msb::core

// The count the texts state (core/check_expectation) is the count M7 compares with, for every
// preset: one source, so a tooltip cannot drift from the model.
TEST(Model, StatedExpectedCountIsTheCheckOfEveryPreset)
{
    for (const msb::core::Preset& preset : msb::core::presets()) {
        const msb::core::Model model(msb::testing::twoFaults(), preset.settings);
        const msb::core::State state = model.initialState();
        SCOPED_TRACE(std::string(preset.name));
        EXPECT_EQ(model.expectedCountAtCheck(state, 0), msb::core::expectedStoredCountAtCheck(preset.settings));
        EXPECT_EQ(model.kernelPageCount(model.expectedCountAtCheck(state, 0)),
            msb::core::expectedKernelCountAtCheck(preset.settings));
        const std::string text = msb::core::finalCheckText(preset.settings);
        if (preset.settings.check != msb::core::CheckPolicy::SkipDevicePrivate) {
            EXPECT_NE(text.find(" " + std::to_string(msb::core::expectedKernelCountAtCheck(preset.settings)) + ":"),
                std::string::npos)
                << text;
        }
    }
}
