// SPDX-License-Identifier: MIT
// Scenario files: every built-in round-trips, and every kind of bad input comes back as an Error
// naming the file and the line or field, never a crash or a partial scenario.
#include "core/builtin_scenarios.h"
#include "core/recording.h"
#include "core/scenario_io.h"
#include "core/simulator.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace msb::core {
namespace {

namespace fs = std::filesystem;

std::string dataFile(const std::string& name)
{
    return std::string(MSB_TEST_DATA_DIR) + "/scenarios/" + name;
}

/// A fresh directory per test, removed afterwards.
class TempDir
{
public:
    TempDir()
    {
        m_path = fs::temp_directory_path()
            / ("msb-test-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }
    ~TempDir() { fs::remove_all(m_path); }
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "fixture text lacks " << from;
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    return text;
}

TEST(ScenarioIo, BuiltinsAreTheFourOfTheDesignInOrder)
{
    EXPECT_EQ(builtinScenarioNames(),
        (std::vector<std::string> {"single-fault", "two-faults", "fault-vs-holder", "n-faults"}));
    EXPECT_FALSE(isBuiltinScenario("three-faults"));
    auto unknown = loadBuiltinScenario("three-faults");
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("two-faults"), std::string::npos);
}

TEST(ScenarioIo, BuiltinContents)
{
    auto two = loadBuiltinScenario("two-faults");
    ASSERT_TRUE(two.ok()) << two.error().toString();
    ASSERT_EQ(two.value().threads.size(), 2u);
    EXPECT_EQ(two.value().threads[1].name, "T2");
    EXPECT_EQ(two.value().threads[1].pages, std::vector<int> {0});

    auto holder = loadBuiltinScenario("fault-vs-holder");
    ASSERT_TRUE(holder.ok()) << holder.error().toString();
    ASSERT_EQ(holder.value().threads.size(), 2u);
    EXPECT_EQ(holder.value().threads[1].name, "H");
    EXPECT_EQ(holder.value().threads[1].kind, ThreadKind::Holder);

    auto n = loadBuiltinScenario("n-faults");
    ASSERT_TRUE(n.ok()) << n.error().toString();
    EXPECT_EQ(n.value().threads.size(), 2u);
    EXPECT_EQ(n.value().pages, 2);
    EXPECT_EQ(n.value().name, "n-faults");
}

TEST(ScenarioIo, EveryBuiltinRoundTripsThroughTextAndFile)
{
    TempDir dir;
    for (const auto& name : builtinScenarioNames()) {
        SCOPED_TRACE(name);
        auto loaded = loadBuiltinScenario(name);
        ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
        EXPECT_FALSE(loaded.value().title.empty());
        EXPECT_FALSE(loaded.value().description.empty());
        const std::string json = scenarioToJson(loaded.value());
        auto reparsed = parseScenario(json, name + ".json");
        ASSERT_TRUE(reparsed.ok()) << reparsed.error().toString();
        EXPECT_EQ(reparsed.value(), loaded.value());

        const std::string path = dir.file(name + ".json");
        ASSERT_TRUE(saveScenarioFile(loaded.value(), path).ok());
        auto fromFile = loadScenarioFile(path);
        ASSERT_TRUE(fromFile.ok()) << fromFile.error().toString();
        EXPECT_EQ(fromFile.value(), loaded.value());
    }
}

TEST(ScenarioIo, NFaultsParameters)
{
    auto three = loadBuiltinScenario("n-faults", {{"threads", 3}, {"pages", 4}});
    ASSERT_TRUE(three.ok()) << three.error().toString();
    EXPECT_EQ(three.value().threads, makeNFaults(3, 4).threads);
    EXPECT_EQ(three.value().threads.size(), 3u);
    EXPECT_EQ(three.value().pages, 4);
    EXPECT_EQ(three.value().threads[2].pages, (std::vector<int> {0, 1, 2, 3}));

    auto tooMany = loadBuiltinScenario("n-faults", {{"threads", kMaxThreads + 1}});
    ASSERT_FALSE(tooMany.ok());
    EXPECT_EQ(tooMany.error().field, "threads");

    auto unknown = loadBuiltinScenario("n-faults", {{"holders", 1}});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().field, "holders");
}

TEST(ScenarioIo, ParametersAreRejectedForExplicitScenarios)
{
    auto result = loadBuiltinScenario("two-faults", {{"threads", 3}});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().field, "threads");
    EXPECT_NE(result.error().message.find("parametric"), std::string::npos);
    EXPECT_NE(result.error().file.find("two-faults.json"), std::string::npos);
}

TEST(ScenarioIo, TruncatedJsonGivesLineAndColumn)
{
    const std::string path = dataFile("bad-truncated.json");
    auto result = loadScenarioFile(path);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().file, path);
    EXPECT_EQ(result.error().line, 8);
    EXPECT_GT(result.error().column, 0);
    EXPECT_NE(result.error().toString().find(path + ":8:"), std::string::npos) << result.error().toString();

    // Cut a valid file at every length: always an error with a position, never a crash.
    const std::string text(builtinScenarioText("fault-vs-holder"));
    for (std::size_t cut = 0; cut + 2 < text.size(); ++cut) {
        auto partial = parseScenario(std::string_view(text).substr(0, cut), "cut.json");
        ASSERT_FALSE(partial.ok()) << "accepted a prefix of " << cut << " bytes";
        EXPECT_EQ(partial.error().file, "cut.json");
        EXPECT_GT(partial.error().line, 0) << partial.error().toString();
    }
}

TEST(ScenarioIo, WrongTypeNamesFieldAndLine)
{
    auto result = loadScenarioFile(dataFile("bad-type.json"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().field, "pages");
    EXPECT_EQ(result.error().line, 5);
    EXPECT_NE(result.error().message.find("integer"), std::string::npos);
    EXPECT_NE(result.error().file.find("bad-type.json"), std::string::npos);

    const std::string base(builtinScenarioText("two-faults"));
    auto pagesNotArray = parseScenario(replaced(base, R"("pages": [0]})", R"("pages": 0})"), "x.json");
    ASSERT_FALSE(pagesNotArray.ok());
    EXPECT_EQ(pagesNotArray.error().field, "threads[0].pages");
    EXPECT_GT(pagesNotArray.error().line, 0);

    auto nameNotString = parseScenario(replaced(base, R"("name": "T2")", R"("name": 2)"), "x.json");
    ASSERT_FALSE(nameNotString.ok());
    EXPECT_EQ(nameNotString.error().field, "threads[1].name");

    auto notObject = parseScenario("[1, 2]", "x.json");
    ASSERT_FALSE(notObject.ok());
    EXPECT_NE(notObject.error().message.find("object"), std::string::npos);

    auto fractional = parseScenario(replaced(base, R"("pages": 1,)", R"("pages": 1.5,)"), "x.json");
    ASSERT_FALSE(fractional.ok());
    EXPECT_EQ(fractional.error().field, "pages");
}

TEST(ScenarioIo, MissingAndUnknownFields)
{
    const std::string base(builtinScenarioText("two-faults"));
    auto missing = parseScenario(replaced(base, R"("kind": "fault", )", ""), "x.json");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().field, "threads[0].kind");
    EXPECT_NE(missing.error().message.find("missing"), std::string::npos);

    auto typo = parseScenario(replaced(base, R"("threads":)", R"("thread":)"), "x.json");
    ASSERT_FALSE(typo.ok());
    EXPECT_EQ(typo.error().field, "thread");
}

TEST(ScenarioIo, UnknownKindNamesFieldAndLine)
{
    auto result = loadScenarioFile(dataFile("bad-kind.json"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().field, "threads[1].kind");
    EXPECT_EQ(result.error().line, 8);
    EXPECT_NE(result.error().message.find("watcher"), std::string::npos);
}

TEST(ScenarioIo, PageOutOfRangeNamesTheEntry)
{
    auto result = loadScenarioFile(dataFile("bad-page.json"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().field, "threads[1].pages[1]");
    EXPECT_EQ(result.error().line, 8);
    EXPECT_NE(result.error().toString().find("bad-page.json:8:"), std::string::npos) << result.error().toString();

    // validateScenario's checks (duplicate names, holder with two pages) are located as well.
    const std::string base(builtinScenarioText("two-faults"));
    auto duplicate = parseScenario(replaced(base, R"("name": "T2")", R"("name": "T1")"), "dup.json");
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().field, "threads[1].name");
    EXPECT_EQ(duplicate.error().file, "dup.json");
    EXPECT_GT(duplicate.error().line, 0);
}

TEST(ScenarioIo, FormatAndVersionAreChecked)
{
    auto future = loadScenarioFile(dataFile("bad-version.json"));
    ASSERT_FALSE(future.ok());
    EXPECT_EQ(future.error().field, "version");
    EXPECT_EQ(future.error().line, 3);

    const std::string base(builtinScenarioText("single-fault"));
    auto wrongFormat =
        parseScenario(replaced(base, "migration-sandbox-scenario", "migration-sandbox-recording"), "r.json");
    ASSERT_FALSE(wrongFormat.ok());
    EXPECT_EQ(wrongFormat.error().field, "format");
    EXPECT_EQ(wrongFormat.error().line, 2);

    auto noFormat = parseScenario(R"({"version": 1, "name": "x"})", "r.json");
    ASSERT_FALSE(noFormat.ok());
    EXPECT_EQ(noFormat.error().field, "format");
}

TEST(ScenarioIo, OversizeFileIsRefusedBeforeParsing)
{
    TempDir dir;
    const std::string path = dir.file("huge.json");
    {
        std::ofstream out(path, std::ios::binary);
        out << std::string(kMaxInputFileBytes + 1, ' ');
    }
    auto result = loadScenarioFile(path);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().file, path);
    EXPECT_NE(result.error().message.find("file too large"), std::string::npos);

    auto missing = loadScenarioFile(dir.file("absent.json"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().file, dir.file("absent.json"));
}

TEST(ScenarioIo, AtomicSaveLeavesNoTemporaryFiles)
{
    TempDir dir;
    const std::string path = dir.file("s.json");
    auto scenario = loadBuiltinScenario("two-faults").value();
    ASSERT_TRUE(saveScenarioFile(scenario, path).ok());
    scenario.title = "changed";
    ASSERT_TRUE(saveScenarioFile(scenario, path).ok());
    EXPECT_EQ(loadScenarioFile(path).value().title, "changed");
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path()))
        ++files;
    EXPECT_EQ(files, 1);

    auto unwritable = saveScenarioFile(scenario, dir.file("no/such/dir/s.json"));
    ASSERT_FALSE(unwritable.ok());
    EXPECT_NE(unwritable.error().file.find("s.json"), std::string::npos);
}

// Recordings share the loader; their bad-input cases sit here with the scenario ones.
std::string sampleRecording()
{
    Simulator sim(loadBuiltinScenario("two-faults").value(), findPreset("v5.11")->settings);
    EXPECT_TRUE(sim.replay({0, 0, 1}).ok());
    return recordingToJson(recordFromSimulator(sim));
}

TEST(RecordingIo, UnknownKnobValueNamesTheSetting)
{
    const std::string text = replaced(sampleRecording(), R"("check": "strict")", R"("check": "lenient")");
    auto result = parseRecording(text, "r.msrec.json");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().file, "r.msrec.json");
    EXPECT_EQ(result.error().field, "settings.check");
    EXPECT_GT(result.error().line, 0);
    EXPECT_NE(result.error().message.find("strict"), std::string::npos) << "should list the accepted values";
}

TEST(RecordingIo, UnknownThreadNameInAStep)
{
    const std::string original = sampleRecording();
    // The third step is T2's; rename it to a thread the scenario does not have.
    const auto third = original.find(R"("thread": "T2")");
    ASSERT_NE(third, std::string::npos);
    std::string text = original;
    text.replace(third, 14, R"("thread": "T7")");
    auto result = parseRecording(text, "r.msrec.json");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().field, "steps[2].thread");
    EXPECT_NE(result.error().message.find("T7"), std::string::npos);
    EXPECT_GT(result.error().line, 0);
}

TEST(RecordingIo, UnknownStepLabelAndBadHash)
{
    const std::string original = sampleRecording();
    auto badStep = parseRecording(replaced(original, R"("step": "M1")", R"("step": "M99")"), "r");
    ASSERT_FALSE(badStep.ok());
    EXPECT_EQ(badStep.error().field, "steps[1].step");

    const auto hashAt = original.find(R"("hash": ")");
    ASSERT_NE(hashAt, std::string::npos);
    std::string text = original;
    text.replace(hashAt + 9, 3, "xyz");
    auto badHash = parseRecording(text, "r");
    ASSERT_FALSE(badHash.ok());
    EXPECT_EQ(badHash.error().field, "steps[0].hash");
}

TEST(RecordingIo, EveryPrefixIsAnErrorNeverACrash)
{
    const std::string text = sampleRecording();
    ASSERT_TRUE(parseRecording(text, "r").ok());
    for (std::size_t cut = 0; cut + 2 < text.size(); ++cut) {
        auto partial = parseRecording(std::string_view(text).substr(0, cut), "r");
        ASSERT_FALSE(partial.ok()) << "accepted a prefix of " << cut << " bytes";
    }
}

} // namespace
} // namespace msb::core

// One schedule rule for the CLI and the app: names or 1-based numbers, spaces ignored, and an
// entry that is neither is refused by its position, with the threads it could have been.
TEST(ScenarioIo, SchedulesTakeNamesAndNumbersAndNameABadEntry)
{
    const auto scenario = msb::core::loadBuiltinScenario("fault-vs-holder");
    ASSERT_TRUE(scenario);
    const auto names = msb::core::parseSchedule("T1, H,1 ,2", scenario.value());
    ASSERT_TRUE(names) << names.error().toString();
    EXPECT_EQ(names.value(), (std::vector<int> {0, 1, 0, 1}));
    const auto bad = msb::core::parseSchedule("T1,7", scenario.value());
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "--schedule");
    EXPECT_EQ(bad.error().message, "entry 2 \"7\" is not a thread of fault-vs-holder (threads: T1, H, or 1-2)");
    const auto empty = msb::core::parseSchedule("T1,,H", scenario.value());
    ASSERT_FALSE(empty);
    EXPECT_NE(empty.error().message.find("entry 2 \"\""), std::string::npos);
    EXPECT_FALSE(msb::core::parseSchedule("0", scenario.value()));
}
