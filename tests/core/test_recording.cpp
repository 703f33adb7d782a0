// SPDX-License-Identifier: MIT
// Recordings: record -> save -> load -> verify, and a tampered recording diverges exactly where it
// was changed.
#include "core/builtin_scenarios.h"
#include "core/recording.h"
#include "core/scenario_io.h"
#include "core/simulator.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace msb::core {
namespace {

namespace fs = std::filesystem;

// The documented v5.11 livelock round on two-faults (T1 = 0, T2 = 1).
const std::vector<int> kLivelockRound = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1};

Simulator livelockRound(const char* preset = "v5.11")
{
    Simulator sim(loadBuiltinScenario("two-faults").value(), findPreset(preset)->settings);
    EXPECT_TRUE(sim.replay(kLivelockRound).ok());
    return sim;
}

std::string tempFile(const std::string& name)
{
    return (fs::temp_directory_path() / name).string();
}

TEST(Recording, FromSimulator)
{
    Simulator sim = livelockRound();
    const Recording recording = recordFromSimulator(sim, {{10, "T1's check fails: T2 holds a reference"}});
    EXPECT_EQ(recording.preset, "v5.11");
    ASSERT_EQ(recording.steps.size(), kLivelockRound.size());
    EXPECT_EQ(recording.steps[10].step, StepId::M7Fail);
    EXPECT_EQ(recording.steps[10].narration, "T1's check fails: T2 holds a reference");
    EXPECT_EQ(recording.steps[7].thread, 1);
    EXPECT_EQ(recording.outcome, "running");
    EXPECT_TRUE(recording.flags.empty());
    // The round returns to the initial state.
    EXPECT_EQ(recording.steps.back().hash, recording.initialHash);

    // Only the steps up to the current position are recorded.
    sim.jumpTo(5);
    EXPECT_EQ(recordFromSimulator(sim).steps.size(), 5u);
}

TEST(Recording, RecordSaveLoadVerify)
{
    const std::string path = tempFile("msb-test-round.msrec.json");
    const Recording recording = recordFromSimulator(livelockRound(), {{0, "T1 faults first"}});
    ASSERT_TRUE(saveRecordingFile(recording, path).ok());
    auto loaded = loadRecordingFile(path);
    fs::remove(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
    EXPECT_EQ(loaded.value(), recording);
    const ReplayCheck check = verifyRecording(loaded.value());
    EXPECT_TRUE(check.identical) << check.what;
    EXPECT_EQ(check.stepsReplayed, static_cast<int>(kLivelockRound.size()));
    EXPECT_EQ(check.divergentStep, -1);
}

TEST(Recording, CompletedRunWithFlagsVerifies)
{
    // fault-vs-holder under v5.11-patched: H pins, T1 copies, H writes and unpins, T1 commits
    // without the write (the lost update).
    Simulator sim(loadBuiltinScenario("fault-vs-holder").value(), findPreset("v5.11-patched")->settings);
    ASSERT_TRUE(sim.replay({1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0}).ok());
    const Recording recording = recordFromSimulator(sim);
    EXPECT_EQ(recording.outcome, "completes");
    EXPECT_EQ(recording.flags, std::vector<std::string> {"lost_update"});
    auto reparsed = parseRecording(recordingToJson(recording), "r");
    ASSERT_TRUE(reparsed.ok()) << reparsed.error().toString();
    EXPECT_TRUE(verifyRecording(reparsed.value()).identical);
}

TEST(Recording, TamperedHashDivergesAtThatStep)
{
    for (int tampered : {0, 9, 17}) {
        SCOPED_TRACE(tampered);
        Recording recording = recordFromSimulator(livelockRound());
        recording.steps[tampered].hash ^= 1;
        const ReplayCheck check = verifyRecording(recording);
        EXPECT_FALSE(check.identical);
        EXPECT_EQ(check.divergentStep, tampered);
        EXPECT_EQ(check.stepsReplayed, tampered);
        EXPECT_NE(check.what.find("hash"), std::string::npos) << check.what;
    }
}

TEST(Recording, OtherSettingsDivergeAtTheCheck)
{
    // The same decisions under the 2021 patch: step 11 (index 10) passes M7 instead of failing.
    Recording recording = recordFromSimulator(livelockRound());
    recording.settings = findPreset("v5.11-patched")->settings;
    const ReplayCheck check = verifyRecording(recording);
    EXPECT_FALSE(check.identical);
    EXPECT_EQ(check.divergentStep, 10);
    EXPECT_NE(check.what.find("M7"), std::string::npos) << check.what;
}

TEST(Recording, ImpossibleDecisionIsADivergence)
{
    Recording recording = recordFromSimulator(livelockRound());
    // T2 cannot run W0 before anyone installed the migration entry: it would find DEVPRIV.
    recording.steps[0].thread = 1;
    recording.steps[0].step = StepId::W0;
    const ReplayCheck check = verifyRecording(recording);
    EXPECT_FALSE(check.identical);
    EXPECT_EQ(check.divergentStep, 0);
}

TEST(Recording, WrongOutcomeIsADivergence)
{
    Recording recording = recordFromSimulator(livelockRound());
    recording.outcome = "completes";
    const ReplayCheck check = verifyRecording(recording);
    EXPECT_FALSE(check.identical);
    EXPECT_EQ(check.divergentStep, -1);
    EXPECT_NE(check.what.find("completes"), std::string::npos);
}

TEST(Recording, FormatIsChecked)
{
    const std::string text = recordingToJson(recordFromSimulator(livelockRound()));
    auto asScenario = parseScenario(text, "r.msrec.json");
    ASSERT_FALSE(asScenario.ok());
    EXPECT_EQ(asScenario.error().field, "format");
    auto scenarioAsRecording = parseRecording(builtinScenarioText("two-faults"), "two-faults.json");
    ASSERT_FALSE(scenarioAsRecording.ok());
    EXPECT_EQ(scenarioAsRecording.error().field, "format");
}

} // namespace
} // namespace msb::core

namespace msb::core {
namespace {

// A hand-edited flag list compares by content: order and repeats do not make a replay diverge.
TEST(Recording, FlagsAreReadInCanonicalOrder)
{
    Simulator sim(loadBuiltinScenario("two-faults").value(), findPreset("v5.11")->settings);
    ASSERT_TRUE(sim.replay({0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0}).ok());
    ASSERT_TRUE(sim.state().flags & FlagStalePageUse);
    Recording recording = recordFromSimulator(sim);
    std::string text = recordingToJson(recording);
    const std::string canonical = R"("flags": [
    "stale_page_use"
  ])";
    const auto at = text.find(canonical);
    ASSERT_NE(at, std::string::npos) << text;
    text.replace(at, canonical.size(), R"("flags": ["stale_page_use", "stale_page_use"])");
    const auto parsed = parseRecording(text, "edited.msrec.json");
    ASSERT_TRUE(parsed.ok()) << parsed.error().toString();
    EXPECT_EQ(parsed.value().flags, std::vector<std::string>({"stale_page_use"}));
    EXPECT_TRUE(verifyRecording(parsed.value()).identical);
}

} // namespace
} // namespace msb::core
