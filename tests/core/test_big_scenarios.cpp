// SPDX-License-Identifier: MIT
// The largest scenarios the model takes, 16 threads x 16 pages: the wide packed layout round-trips
// its extreme values, a schedule that drives page_count(D) past 31 runs, records and replays, the
// scenario files load and round-trip (and one thread more is refused by name), and the explorer
// runs on them and hands back counterexamples that replay.
#include "core/builtin_scenarios.h"
#include "core/explorer.h"
#include "core/invariant.h"
#include "core/recording.h"
#include "core/scenario_io.h"
#include "core/simulator.h"
#include "core/state_store.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace msb::core {
namespace {

std::string dataFile(const std::string& name)
{
    return std::string(MSB_TEST_DATA_DIR) + "/scenarios/" + name;
}

Settings preset(const std::string& name)
{
    return findPreset(name)->settings;
}

/// Every field at the largest value its bits hold in the wide layout, or a mix that differs per
/// page and thread (so a field written at the wrong offset shows up).
State extremeState(bool mixed)
{
    State state;
    for (int p = 0; p < kMaxPages; ++p) {
        PageState& page = state.pages[p];
        page.pte = mixed ? static_cast<Pte>(p % 3) : Pte::Present;
        page.dRef = static_cast<std::uint8_t>(mixed ? 2 + 2 * p + p % 2 : 63);
        page.dMapcount = static_cast<std::uint8_t>(mixed ? p % 2 : 1);
        page.dLockOwner = static_cast<std::int8_t>(mixed ? p - 1 : kMaxThreads - 1);
        page.dWaiters = static_cast<std::uint8_t>(mixed ? (p / 2) % 2 : 1);
        page.dData = static_cast<std::uint8_t>(mixed ? p % 8 : 7);
        page.dFree = static_cast<std::uint8_t>(mixed ? (p / 4) % 2 : 1);
        page.sAllocated = static_cast<std::uint8_t>(mixed ? (p / 8) % 2 : 1);
        page.sLocked = static_cast<std::uint8_t>(mixed ? (p + 1) % 2 : 1);
        page.sRef = static_cast<std::uint8_t>(mixed ? p % 4 : 3);
        page.sData = static_cast<std::uint8_t>(mixed ? (p + 3) % 8 : 7);
    }
    for (int t = 0; t < kMaxThreads; ++t) {
        ThreadState& thread = state.threads[t];
        thread.pc = static_cast<Pc>(mixed ? t * 2 % static_cast<int>(Pc::Count) : static_cast<int>(Pc::Count) - 1);
        thread.access = static_cast<std::uint8_t>(mixed ? t : kMaxAccessesPerThread);
        thread.queued = static_cast<std::uint8_t>(mixed ? t % 2 : 1);
    }
    state.ptlOwner = static_cast<std::int8_t>(kMaxThreads - 1);
    state.flags = FlagLostUpdate | FlagStalePageUse | FlagSigbus;
    return state;
}

TEST(BigScenarios, SixteenBySixteenPacksAndUnpacksExtremeValues)
{
    const int words = packing::wordsFor(kMaxPages, kMaxThreads);
    EXPECT_EQ(words, PackedState::kWords);
    const StatePacker packer(kMaxPages, kMaxThreads, words);
    std::set<std::uint64_t> hashes;
    for (const bool mixed : {false, true}) {
        const State state = extremeState(mixed);
        const PackedState packed = pack(state, kMaxPages, kMaxThreads);
        EXPECT_EQ(packed.used, words);
        EXPECT_EQ(unpack(packed, kMaxPages, kMaxThreads), state) << "mixed " << mixed;

        // The explorer's packer writes the same layout, and reads it back into a default State.
        std::array<std::uint64_t, PackedState::kWords> fast {};
        packer.pack(state, fast.data());
        EXPECT_EQ(fast, packed.words);
        State back;
        packer.unpack(fast.data(), back);
        EXPECT_EQ(back, state);
        hashes.insert(stateHash(state, kMaxPages, kMaxThreads));
    }
    // The smallest values too: nobody owns anything.
    const State initial = Model(makeNFaults(kMaxThreads, kMaxPages), preset("v5.11")).initialState();
    EXPECT_EQ(unpack(pack(initial, kMaxPages, kMaxThreads), kMaxPages, kMaxThreads), initial);
    hashes.insert(stateHash(initial, kMaxPages, kMaxThreads));
    EXPECT_EQ(hashes.size(), 3u);
}

TEST(BigScenarios, TheNarrowLayoutKeepsFormerScenariosAndRefusesWhatItCannotHold)
{
    // Every scenario the former 9-thread limit allowed packs as before, 24 bits a page, so the
    // state hashes its recordings hold stay valid (the hash itself is pinned in
    // test_untrusted_input.cpp with the recording format version).
    EXPECT_EQ(packing::layoutFor(9).pageBits, 24);
    EXPECT_EQ(packing::layoutFor(packing::kNarrowMaxThreads).trailerBits, 7);
    EXPECT_EQ(packing::layoutFor(packing::kNarrowMaxThreads + 1).pageBits, 26);
    EXPECT_EQ(packing::wordsFor(2, 4), 2); // n-faults threads=4 pages=2: 20 + 16 / 0.75 bytes a state

    // 14 threads hold at most 2 + 2 * 14 = 30 references on one page; 32 does not fit 5 bits.
    State state = Model(makeNFaults(14, 1), preset("v5.11")).initialState();
    state.pages[0].dRef = 31;
    state.pages[0].dLockOwner = 13;
    state.ptlOwner = 13;
    EXPECT_EQ(unpack(pack(state, 1, 14), 1, 14), state);
    state.pages[0].dRef = 32;
    EXPECT_THROW(pack(state, 1, 14), InvariantViolation);
}

/// n-faults threads=16 pages=1 under v6.1 with collect_busy=keep-and-retry: T15 takes its fault
/// reference, T16 migrates, fails the final check (T15's reference) and restores D, still
/// holding PG_locked; then T15 and every other thread take a fault and a collect reference and
/// wait for the lock. page_count(D) = base + mapping + 2 for each of the 16 threads = 34.
std::vector<int> thirtyFourReferences()
{
    std::vector<int> schedule = {14, 14};
    for (int i = 0; i < 10; ++i) // M0 F1 M1 M2 M3 M4 M5 M6 M7-fail M8-restore
        schedule.push_back(15);
    schedule.insert(schedule.end(), {14, 14}); // M1 M2-busy
    for (int t = 0; t < 14; ++t)
        schedule.insert(schedule.end(), {t, t, t, t}); // M0 F1 M1 M2-busy
    return schedule;
}

TEST(BigScenarios, ASixteenThreadScheduleRunsPackedWideAndReplaysFromItsRecording)
{
    Settings settings = preset("v6.1");
    settings.collectBusy = CollectBusy::KeepAndRetry;
    Simulator sim(makeNFaults(16, 1), settings);
    auto replayed = sim.replay(thirtyFourReferences());
    ASSERT_TRUE(replayed.ok()) << replayed.error().toString();
    const State& last = sim.state();
    EXPECT_EQ(last.pages[0].dRef, 34);
    EXPECT_EQ(last.pages[0].dLockOwner, 15);
    for (int t = 0; t < 15; ++t)
        EXPECT_EQ(last.threads[t].pc, Pc::M2Retry) << "T" << t + 1;

    // Every state round-trips, and the explorer's incremental packing of each step agrees with
    // packing the whole state (the PTL owner T16 needs the trailer's fifth owner bit).
    const Model& model = sim.model();
    const int words = packing::wordsFor(1, 16);
    const StatePacker packer(1, 16, words);
    bool sawPtlOwner16 = false;
    for (int i = 0; i < sim.historySize(); ++i) {
        const State& before = sim.stateAt(i);
        const State& after = sim.stateAt(i + 1);
        sawPtlOwner16 = sawPtlOwner16 || after.ptlOwner == 15;
        EXPECT_EQ(unpack(model.pack(after), 1, 16), after) << "step " << i;
        std::array<std::uint64_t, PackedState::kWords> parent {}, incremental {}, whole {};
        packer.pack(before, parent.data());
        const StepRecord& step = sim.history()[i];
        packer.packStep(parent.data(), after, step.thread, step.page, step.id, incremental.data());
        packer.pack(after, whole.data());
        EXPECT_EQ(incremental, whole) << "step " << i;
    }
    EXPECT_TRUE(sawPtlOwner16);

    const Recording recording = recordFromSimulator(sim);
    auto parsed = parseRecording(recordingToJson(recording), "sixteen.msrec.json");
    ASSERT_TRUE(parsed.ok()) << parsed.error().toString();
    EXPECT_EQ(parsed.value(), recording);
    const ReplayCheck check = verifyRecording(parsed.value());
    EXPECT_TRUE(check.identical) << check.what;
    EXPECT_EQ(check.stepsReplayed, sim.historySize());
}

TEST(BigScenarios, ASixteenThreadScenarioFileLoadsRunsAndRoundTrips)
{
    auto loaded = loadScenarioFile(dataFile("sixteen-threads.json"));
    ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
    const Scenario& scenario = loaded.value();
    EXPECT_EQ(scenario.threads.size(), 16u);
    EXPECT_EQ(scenario.pages, 16);
    EXPECT_EQ(scenario.threads[15].kind, ThreadKind::Holder);

    auto again = parseScenario(scenarioToJson(scenario), "again.json");
    ASSERT_TRUE(again.ok()) << again.error().toString();
    EXPECT_EQ(again.value(), scenario);

    Simulator sim(scenario, preset("v5.11-patched"));
    RandomScheduler random(16);
    const int steps = runScheduler(sim, random, 20000);
    EXPECT_GT(steps, 16 * 4);
    EXPECT_NE(sim.status(), Outcome::Running) << "a random run of every thread ends";
    for (int t = 0; t < 16; ++t) {
        EXPECT_TRUE(std::any_of(
            sim.history().begin(), sim.history().end(), [t](const StepRecord& step) { return step.thread == t; }))
            << scenario.threads[t].name << " never stepped";
    }
}

TEST(BigScenarios, SeventeenThreadsAreRefusedNamingTheFileAndField)
{
    auto file = loadScenarioFile(dataFile("bad-seventeen-threads.json"));
    ASSERT_FALSE(file.ok());
    EXPECT_NE(file.error().file.find("bad-seventeen-threads.json"), std::string::npos);
    EXPECT_EQ(file.error().field, "threads");
    EXPECT_NE(file.error().message.find("at most 16 threads"), std::string::npos) << file.error().toString();

    auto sixteen = loadBuiltinScenario("n-faults", {{"threads", 16}, {"pages", 16}});
    ASSERT_TRUE(sixteen.ok()) << sixteen.error().toString();
    EXPECT_EQ(sixteen.value().threads, makeNFaults(16, 16).threads);
    EXPECT_EQ(sixteen.value().pages, 16);
    auto seventeen = loadBuiltinScenario("n-faults", {{"threads", 17}});
    ASSERT_FALSE(seventeen.ok());
    EXPECT_EQ(seventeen.error().field, "threads");
    EXPECT_NE(seventeen.error().message.find("between 1 and 16, got 17"), std::string::npos)
        << seventeen.error().toString();
    auto seventeenPages = loadBuiltinScenario("n-faults", {{"pages", 17}});
    ASSERT_FALSE(seventeenPages.ok());
    EXPECT_EQ(seventeenPages.error().field, "pages");
}

/// A counterexample replays in the Simulator; returns the state it ends in.
State replayCounterexample(const Scenario& scenario, const Settings& settings, const Counterexample& cex)
{
    Simulator sim(scenario, settings);
    auto replayed = sim.replay(cex.schedule());
    EXPECT_TRUE(replayed.ok()) << replayed.error().toString();
    if (!cex.cycle.empty()) {
        const auto cycleStart = static_cast<int>(cex.prefix.size());
        EXPECT_EQ(sim.state(), sim.stateAt(cycleStart)) << "the livelock cycle returns to where it began";
    }
    return sim.state();
}

TEST(BigScenarios, TheExplorerRunsOnSixteenThreadsAndItsCounterexamplesReplay)
{
    const Scenario scenario = loadScenarioFile(dataFile("sixteen-threads.json")).value();
    const Settings settings = preset("v5.11");
    const Model model(scenario, settings);
    for (const Reduction reduction : {Reduction::None, Reduction::Por}) {
        ExploreOptions options;
        options.reduction = reduction;
        options.maxStates = 20000;
        const ExploreResult result = explore(model, options);
        SCOPED_TRACE(std::string(reductionName(reduction)));
        EXPECT_FALSE(result.complete);
        EXPECT_EQ(result.stoppedBy, ExploreStop::MaxStates);
        EXPECT_EQ(result.states, 20000u);
        // Within that bound the search already reaches a holder's lost write: H is thread 16.
        ASSERT_TRUE(result.lostUpdate);
        const Counterexample& lost = *result.counterexample(Outcome::LostUpdate);
        EXPECT_TRUE(std::any_of(
            lost.prefix.begin(), lost.prefix.end(), [](const TraceStep& step) { return step.thread == 15; }));
        EXPECT_TRUE(replayCounterexample(scenario, settings, lost).flags & FlagLostUpdate);
        ASSERT_TRUE(result.stalePageUse);
        EXPECT_TRUE(replayCounterexample(scenario, settings, *result.counterexample(Outcome::StalePageUse)).flags
            & FlagStalePageUse);
        if (result.livelock)
            replayCounterexample(scenario, settings, *result.counterexample(Outcome::Livelock));
    }
}

} // namespace
} // namespace msb::core
