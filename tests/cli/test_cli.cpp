// SPDX-License-Identifier: MIT
// End-to-end: run the built migration-sandbox-cli and check its output and exit codes
// (docs/architecture.md §4: 0 ok, 1 property failed, 2 bad input, 3 internal error).
#include "support/cli_runner.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;

// The documented v5.11 livelock round on two-faults (README): one round that returns exactly to
// the initial state.
constexpr const char* kLivelockSchedule = "T1,T1,T1,T1,T1,T1,T1,T2,T2,T2,T1,T2,T2,T1,T1,T1,T2,T2";
// fault-vs-holder: H pins D0, T1 migrates up to the copy, H writes D0, T1 checks, H unpins, then
// T1 runs on. The check at M7 still sees H's reference: v5.11 backs off (M7-fail) and migrates
// later with the write; the 2021 patch skips the check and commits the stale copy.
constexpr const char* kLostUpdateSchedule = "H,T1,T1,T1,T1,T1,T1,T1,H,T1,H";

using msb::testing::CliResult;
using msb::testing::runCli;

std::string readFile(const fs::path& path)
{
    return msb::testing::readWholeFile(path);
}

fs::path scratch(const std::string& name)
{
    return msb::testing::cliScratch(name);
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

TEST(Cli, HelpDescribesEverySubcommandCapitalised)
{
    const CliResult r = runCli("--help");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::istringstream lines(r.out);
    std::string line;
    bool inSubcommands = false;
    int described = 0;
    while (std::getline(lines, line)) {
        if (line.rfind("Subcommands:", 0) == 0) {
            inSubcommands = true;
            continue;
        }
        if (!inSubcommands || line.rfind("  ", 0) != 0)
            continue;
        // "  name   Description…": the description starts after the run of spaces that follows the name.
        const std::size_t nameEnd = line.find(' ', 2);
        const std::size_t text = line.find_first_not_of(' ', nameEnd);
        ASSERT_NE(text, std::string::npos) << line;
        EXPECT_TRUE(std::isupper(static_cast<unsigned char>(line[text]))) << line;
        ++described;
    }
    EXPECT_GE(described, 8) << r.out;
}

TEST(Cli, ListShowsScenariosPresetsAndKnobs)
{
    const CliResult r = runCli("list");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const char* name : {"single-fault", "two-faults", "fault-vs-holder", "n-faults", "v5.11-patched",
             "naive-drain", "waiter_ref", "drop-after-enqueue", "v5.0 - v5.16"})
        EXPECT_TRUE(contains(r.out, name)) << name;
    // Each preset names its release, and each knob value the commit behind it.
    for (const char* text :
        {"release: v5.16", "collect_busy=drop", "ab09243aa95a, v5.16 (K28)", "release: v5.18", "refcount=zero-based",
            "27674ef6c73f, v5.18 (K29)", "release: v6.15", "1afaeb8293c9, v6.15 (K14)", "release: v7.0",
            "fault_ref=trylock-then-wait", "b570f37a2ce4, v7.0-rc4 (K37)", "v6.15 - v6.19, before b570f37a2ce4"})
        EXPECT_TRUE(contains(r.out, text)) << text;
}

TEST(Cli, LivelockRoundUnderV511)
{
    const CliResult r = runCli(std::string("run two-faults --preset v5.11 --schedule ") + kLivelockSchedule);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "M7-fail")) << r.out;
    EXPECT_TRUE(contains(r.out, "livelock round: the state after step 18 equals the state after step 0")) << r.out;
    EXPECT_TRUE(contains(r.out, "outcome: stopped after 18 steps")) << r.out;
    EXPECT_TRUE(contains(r.out, "page_count(D0)=3  PTE(X0)=MIGR(D0)  PG_locked(D0)=T1  waiters=T2")) << r.out;
}

TEST(Cli, SameScheduleUnderThePatchCompletesWhenRunOn)
{
    // The schedule itself ends with T2 about to re-fault on a present PTE; --run-on lets both
    // accesses complete (round-robin after the schedule).
    const std::string args = std::string("run two-faults --preset v5.11-patched --schedule ") + kLivelockSchedule;
    const CliResult stopped = runCli(args);
    ASSERT_EQ(stopped.exitCode, 0) << stopped.err;
    EXPECT_TRUE(contains(stopped.out, "PRESENT(S0)"));
    EXPECT_FALSE(contains(stopped.out, "livelock round"));

    const CliResult r = runCli(args + " --run-on");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "outcome: completes after 20 steps")) << r.out;
    EXPECT_TRUE(contains(r.out, "lost_update: no"));
}

TEST(Cli, LostUpdateUnderThePatchInJson)
{
    const std::string args = std::string("run fault-vs-holder --json --run-on --schedule ") + kLostUpdateSchedule;
    const CliResult patched = runCli(args + " --preset v5.11-patched");
    ASSERT_EQ(patched.exitCode, 0) << patched.err;
    EXPECT_TRUE(contains(patched.out, "\"lost_update\": true")) << patched.out;
    EXPECT_TRUE(contains(patched.out, "\"outcome\": \"completes\""));

    const CliResult shipped = runCli(args + " --preset v5.11");
    ASSERT_EQ(shipped.exitCode, 0) << shipped.err;
    EXPECT_TRUE(contains(shipped.out, "\"step\": \"M7-fail\"")) << shipped.out;
    EXPECT_TRUE(contains(shipped.out, "\"lost_update\": false")) << shipped.out;
    EXPECT_TRUE(contains(shipped.out, "\"outcome\": \"completes\""));

    // H writes and unpins between the copy and the check: no preset before v5.17 notices.
    const CliResult window =
        runCli("run fault-vs-holder --preset v5.11-patched --json --schedule H,T1,T1,T1,T1,T1,T1,T1,H,H --run-on");
    ASSERT_EQ(window.exitCode, 0) << window.err;
    EXPECT_TRUE(contains(window.out, "\"lost_update\": true")) << window.out;
}

TEST(Cli, RunJsonMatchesGoldenFile)
{
    // Regenerate after an intended model change with:
    //   build/dev/app/cli/migration-sandbox-cli run two-faults --preset v5.11 --json
    //     --schedule T1,T1,T1,T1,T1,T1,T1,T2,T2,T2,T1,T2,T2,T1,T1,T1,T2,T2
    //     > tests/data/cli/run-two-faults-v5.11-livelock.json   (one line)
    const CliResult r = runCli(std::string("run two-faults --preset v5.11 --json --schedule ") + kLivelockSchedule);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string golden = readFile(fs::path(MSB_TEST_DATA_DIR) / "cli" / "run-two-faults-v5.11-livelock.json");
    ASSERT_FALSE(golden.empty());
    EXPECT_EQ(r.out, golden);
}

TEST(Cli, BadScenarioFileIsExitTwoWithFileAndLine)
{
    const std::string path = std::string(MSB_TEST_DATA_DIR) + "/scenarios/bad-kind.json";
    const CliResult r = runCli("run '" + path + "'");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(contains(r.err, path + ":8:")) << r.err;
    EXPECT_TRUE(contains(r.err, "threads[1].kind")) << r.err;

    const CliResult truncated = runCli("run '" + std::string(MSB_TEST_DATA_DIR) + "/scenarios/bad-truncated.json'");
    EXPECT_EQ(truncated.exitCode, 2);
    EXPECT_TRUE(contains(truncated.err, "bad-truncated.json:8:")) << truncated.err;
}

TEST(Cli, ScenarioFileRuns)
{
    const CliResult r = runCli("run '" + std::string(MSB_TEST_DATA_DIR) + "/scenarios/three-on-two-pages.json'");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "scenario three-on-two-pages"));
}

TEST(Cli, BadOptionsAreExitTwo)
{
    const CliResult preset = runCli("run two-faults --preset v9.99");
    EXPECT_EQ(preset.exitCode, 2);
    EXPECT_TRUE(contains(preset.err, "--preset")) << preset.err;

    const CliResult knob = runCli("run two-faults --set check=lenient");
    EXPECT_EQ(knob.exitCode, 2);
    EXPECT_TRUE(contains(knob.err, "check")) << knob.err;

    const CliResult parameter = runCli("run two-faults --set threads=3");
    EXPECT_EQ(parameter.exitCode, 2);
    EXPECT_TRUE(contains(parameter.err, "parametric")) << parameter.err;

    const CliResult thread = runCli("run two-faults --schedule T1,T3");
    EXPECT_EQ(thread.exitCode, 2);
    EXPECT_TRUE(contains(thread.err, "T3")) << thread.err;

    const CliResult blocked = runCli("run two-faults --schedule 1,1,2");
    EXPECT_EQ(blocked.exitCode, 0) << "1-based numbers are thread numbers: " << blocked.err;

    const CliResult syntax = runCli("run");
    EXPECT_EQ(syntax.exitCode, 2);
    EXPECT_TRUE(contains(syntax.err, "SCENARIO")) << "usage on stderr: " << syntax.err;

    const CliResult both = runCli("run two-faults --seed 1 --schedule T1");
    EXPECT_EQ(both.exitCode, 2);
}

TEST(Cli, NFaultsParameters)
{
    const CliResult r = runCli("run n-faults --set threads=3 --set pages=1 --json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "\"thread\": \"T3\"")) << r.out;
}

TEST(Cli, SeededRunsAreReproducible)
{
    const CliResult a = runCli("run two-faults --seed 42 --max-steps 60 --json");
    const CliResult b = runCli("run two-faults --seed 42 --max-steps 60 --json");
    ASSERT_EQ(a.exitCode, 0) << a.err;
    EXPECT_EQ(a.out, b.out);
}

TEST(Cli, RecordThenReplay)
{
    const fs::path path = scratch("run.msrec.json");
    const CliResult recorded =
        runCli(std::string("run two-faults --schedule ") + kLivelockSchedule + " --record '" + path.string() + "'");
    ASSERT_EQ(recorded.exitCode, 0) << recorded.err;
    const CliResult replayed = runCli("replay '" + path.string() + "'");
    EXPECT_EQ(replayed.exitCode, 0) << replayed.err;
    EXPECT_TRUE(contains(replayed.out, "replayed 18 steps, every state hash matches")) << replayed.out;

    // Tamper with the hash of the fifth step: replay names step 5.
    std::string text = readFile(path);
    std::size_t at = 0;
    for (int i = 0; i < 5; ++i)
        at = text.find("\"hash\": \"", at) + 1;
    ASSERT_NE(at, std::string::npos + 1);
    at += 8;
    text[at] = text[at] == '0' ? '1' : '0';
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << text;
    }
    const CliResult tampered = runCli("replay '" + path.string() + "'");
    EXPECT_EQ(tampered.exitCode, 1);
    EXPECT_TRUE(contains(tampered.err, "step 5 (steps[4])")) << tampered.err;

    // A broken file is bad input, not a divergence.
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << text.substr(0, text.size() / 2);
    }
    const CliResult broken = runCli("replay '" + path.string() + "'");
    EXPECT_EQ(broken.exitCode, 2);
    EXPECT_TRUE(contains(broken.err, path.string())) << broken.err;
    fs::remove(path);
}

} // namespace

// Every built-in lesson plays through with the model's own answers, and every checkpoint the CLI
// grades comes out right (a lesson whose stated answer disagreed with the model would not load).
TEST(Cli, EveryBuiltInLessonPlaysThrough)
{
    for (const char* lesson : {"device-private-pages", "livelock", "patch-2021", "upstream-fix"}) {
        const CliResult result = runCli(std::string("lesson ") + lesson + " --answers auto --json");
        ASSERT_EQ(result.exitCode, 0) << lesson << ": " << result.err;
        EXPECT_TRUE(contains(result.out, "\"id\": \"" + std::string(lesson) + "\"")) << result.out.substr(0, 200);
        EXPECT_TRUE(contains(result.out, "\"correct\": true")) << lesson;
        EXPECT_FALSE(contains(result.out, "\"correct\": false")) << lesson;
    }
    const CliResult unknown = runCli("lesson no-such-lesson");
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(contains(unknown.err, "no such built-in lesson")) << unknown.err;
}

// --lang de: the German translation, graded the same; an unknown language is bad input.
TEST(Cli, LessonInGerman)
{
    const CliResult text = runCli("lesson livelock --lang de");
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_TRUE(contains(text.out, "2. Der Livelock")) << text.out.substr(0, 200);
    EXPECT_TRUE(contains(text.out, "--- Seite 1/8")) << text.out.substr(0, 400);
    EXPECT_FALSE(contains(text.out, "nicht ganz: "));
    for (const char* lesson : {"device-private-pages", "livelock", "patch-2021", "upstream-fix", "starvation-2026"}) {
        const CliResult json = runCli(std::string("lesson ") + lesson + " --lang de --json");
        ASSERT_EQ(json.exitCode, 0) << lesson << ": " << json.err;
        EXPECT_TRUE(contains(json.out, "\"language\": \"de\"")) << lesson;
        EXPECT_TRUE(contains(json.out, "\"correct\": true")) << lesson;
        EXPECT_FALSE(contains(json.out, "\"correct\": false")) << lesson;
    }
    const CliResult english = runCli("lesson livelock");
    EXPECT_TRUE(contains(english.out, "2. The livelock")) << english.out.substr(0, 200);
    const CliResult unknown = runCli("lesson livelock --lang xx");
    EXPECT_EQ(unknown.exitCode, 2);
}
