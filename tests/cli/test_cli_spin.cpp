// SPDX-License-Identifier: MIT
// SPIN cross-check: for every built-in scenario and every preset `explore` lists, the verdict that
// SPIN reaches on the exported Promela model (`spin`) equals the explorer's, and every schedule
// SPIN's trails give replays with `run --schedule` to the outcome it stands for. Two independent
// checkers agreeing is the point: a translation slip or an explorer bug shows up as a difference.
// Built only when CMake finds `spin` (CI installs it).
#include "support/cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace {

using msb::testing::CliResult;
using nlohmann::json;

CliResult runCli(const std::string& arguments)
{
    return msb::testing::runCli(arguments, msb::testing::CliStderr::Merge);
}

struct Config
{
    std::string scenario;
    std::string sets;                 // extra --set options
    std::vector<std::string> presets; // empty: every preset the CLI lists
};

void PrintTo(const Config& config, std::ostream* out)
{
    *out << config.scenario << ' ' << config.sets;
}

std::string configName(const ::testing::TestParamInfo<Config>& info)
{
    std::string name = info.param.scenario + (info.param.sets.find("sigbus") != std::string::npos ? "_sigbus" : "")
        + (info.param.sets.find("driver_lock") != std::string::npos ? "_driver_lock" : "");
    for (char& c : name) {
        if (c == '-')
            c = '_';
    }
    return name;
}

/// Replays a schedule SPIN produced and checks it ends the way its outcome says.
void expectReplays(const Config& config, const std::string& preset, const std::string& outcome,
    const std::string& schedule, const json& verdict)
{
    SCOPED_TRACE(outcome + " schedule " + schedule);
    const CliResult r = runCli("run " + config.scenario + " --preset " + preset + " " + config.sets
        + " --json --max-steps 100000 --schedule " + schedule);
    ASSERT_EQ(r.exitCode, 0) << r.out;
    const json run = json::parse(r.out);
    if (outcome == "deadlock" || outcome == "sigbus") {
        EXPECT_EQ(run["outcome"], outcome);
    } else if (outcome == "completes_possible") {
        EXPECT_EQ(run["outcome"], "completes");
    } else if (outcome == "lost_update" || outcome == "stale_page_use") {
        EXPECT_TRUE(run[outcome].get<bool>());
    } else if (outcome == "livelock") {
        // prefix + cycle ends in a state seen before: after the prefix, or earlier when the prefix
        // already passed through it (`run` names the earliest).
        EXPECT_EQ(run["outcome"], "stopped");
        ASSERT_TRUE(run["repeats_step"].is_number()) << r.out;
        EXPECT_LE(run["repeats_step"].get<std::size_t>(), verdict["counterexamples"]["livelock"]["prefix"].size());
    } else {
        ADD_FAILURE() << "unknown outcome " << outcome;
    }
}

class SpinCrossCheck : public ::testing::TestWithParam<Config>
{
};

TEST_P(SpinCrossCheck, SameVerdictAsExploreForEveryPreset)
{
    const Config& config = GetParam();
    // The presets as the CLI lists them (explore --preset all), so new presets are covered.
    const CliResult listed = runCli("explore " + config.scenario + " --preset all --json");
    ASSERT_EQ(listed.exitCode, 0) << listed.out;
    const json all = json::parse(listed.out);
    ASSERT_TRUE(all.is_array());
    ASSERT_GE(all.size(), 8u);
    for (json expected : all) {
        const std::string preset = expected["preset"];
        if (!config.presets.empty()
            && std::find(config.presets.begin(), config.presets.end(), preset) == config.presets.end())
            continue;
        SCOPED_TRACE(config.scenario + " " + config.sets + " --preset " + preset);
        if (!config.sets.empty()) {
            const CliResult explored =
                runCli("explore " + config.scenario + " --preset " + preset + " " + config.sets + " --json");
            ASSERT_EQ(explored.exitCode, 0) << explored.out;
            expected = json::parse(explored.out);
        }
        // -O0 and a small hash table: pan's builds and start-up dominate a small model's time.
        const CliResult r = runCli("spin " + config.scenario + " --preset " + preset + " " + config.sets
            + " --json --optimize 0 --hash-bits 16 --jobs 2");
        ASSERT_EQ(r.exitCode, 0) << r.out;
        const json verdict = json::parse(r.out);
        ASSERT_TRUE(expected["complete"].get<bool>());
        EXPECT_TRUE(verdict["complete"].get<bool>());
        EXPECT_EQ(verdict["liveness"], expected["liveness"]);
        EXPECT_EQ(verdict["safety"], expected["safety"]);
        for (const auto& [outcome, schedule] : verdict["schedules"].items())
            expectReplays(config, preset, outcome, schedule.get<std::string>(), verdict);
    }
}

INSTANTIATE_TEST_SUITE_P(BuiltinScenarios, SpinCrossCheck,
    ::testing::Values(Config {"single-fault", "", {}}, Config {"two-faults", "", {}},
        Config {"fault-vs-holder", "", {}}, Config {"n-faults", "--set threads=2 --set pages=2", {}},
        // The documented driver contract: a page not migrated ends in SIGBUS (the exit steps, the
        // sigbus claim), on the presets where a fault can fail to migrate in different ways.
        Config {"two-faults", "--set on_not_migrated=sigbus", {"v5.11", "naive-drain", "v6.1", "v6.15", "v7.0"}},
        Config {"fault-vs-holder", "--set on_not_migrated=sigbus", {"v5.11", "v5.17"}},
        // The driver's own lock in migrate_to_ram (K26): v6.1's losing fault sleeps on it holding
        // its reference.
        Config {"two-faults", "--set driver_lock=exclusive", {"v6.1"}}),
    configName);

TEST(SpinCrossCheckFairness, NoneIsTheNonProgressSearchWithoutWeakFairness)
{
    // v6.15 spins only without fairness, v6.1 under both, v5.17 and v7.0 under neither (explore
    // decides; SPIN must agree, and its cycle must replay).
    for (const std::string preset : {"v5.17", "v6.1", "v6.15", "v7.0"}) {
        SCOPED_TRACE(preset);
        const CliResult explored = runCli("explore two-faults --preset " + preset + " --fairness none --json");
        ASSERT_EQ(explored.exitCode, 0) << explored.out;
        const json expected = json::parse(explored.out);
        EXPECT_EQ(expected["fairness"], "none");
        const CliResult r = runCli(
            "spin two-faults --preset " + preset + " --fairness none --json --optimize 0 --hash-bits 16 --jobs 2");
        ASSERT_EQ(r.exitCode, 0) << r.out;
        const json verdict = json::parse(r.out);
        EXPECT_EQ(verdict["fairness"], "none");
        EXPECT_EQ(verdict["liveness"], expected["liveness"]);
        EXPECT_EQ(verdict["safety"], expected["safety"]);
        if (verdict["schedules"].contains("livelock"))
            expectReplays(Config {"two-faults", "", {}}, preset, "livelock",
                verdict["schedules"]["livelock"].get<std::string>(), verdict);
    }
}

TEST(SpinExport, HeaderCarriesTheCommandsAndEveryStepItsKernelFunction)
{
    const std::string path = msb::testing::cliScratch("model.pml").string();
    const CliResult r = runCli("export-promela two-faults --preset v6.15 -o '" + path + "'");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    const std::string model = msb::testing::readWholeFile(path);
    std::filesystem::remove(path);
    EXPECT_NE(model.find("spin -a model.pml"), std::string::npos);
    EXPECT_NE(model.find("./pan-np -m1000000 -l\n"), std::string::npos) << "the run for --fairness none";
    EXPECT_NE(model.find("./pan-np -m1000000 -l -f"), std::string::npos);
    EXPECT_NE(model.find("active proctype p1_T2()"), std::string::npos);
    // v6.15's trylock in do_swap_page is there, with its kernel function; v5.11's M2-retry is not.
    EXPECT_NE(model.find("F1-lock: "), std::string::npos);
    EXPECT_NE(model.find("migrate_page_move_mapping"), std::string::npos);
    EXPECT_EQ(model.find("M2-retry: "), std::string::npos);
    // v7.0's wait in do_swap_page replaces v6.15's immediate retry.
    const CliResult v70 = runCli("export-promela two-faults --preset v7.0 -o '" + path + "'");
    ASSERT_EQ(v70.exitCode, 0) << v70.out;
    const std::string waiting = msb::testing::readWholeFile(path);
    std::filesystem::remove(path);
    EXPECT_NE(waiting.find("F1-wait: "), std::string::npos);
    EXPECT_NE(waiting.find("softleaf_entry_wait_on_locked"), std::string::npos);
    EXPECT_NE(waiting.find("a0_F5:"), std::string::npos);
    EXPECT_EQ(waiting.find("F1-busy: "), std::string::npos);
    const CliResult bad = runCli("export-promela no-such-scenario -o /dev/null");
    EXPECT_EQ(bad.exitCode, 2) << bad.out;
}

TEST(SpinExport, SixteenThreadsExportAndRunInSpin)
{
    // The largest thread count: the wait-queue masks need 16 thread bits (`int`), T16 owns the PTL
    // as 16, and in a seeded random simulation (the patched check, so every fault migrates) each
    // of the 16 processes reaches a valid end state with no assertion failing.
    const std::string path = msb::testing::cliScratch("sixteen.pml").string();
    const CliResult r =
        runCli("export-promela n-faults --set threads=16 --set pages=2 --preset v5.11-patched -o '" + path + "'");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    const std::string model = msb::testing::readWholeFile(path);
    EXPECT_NE(model.find("int waitq[2];"), std::string::npos);
    EXPECT_NE(model.find("active proctype p15_T16()"), std::string::npos);
    EXPECT_NE(model.find("ptl = 16"), std::string::npos);
    const std::string directory = std::filesystem::path(path).parent_path().string();
    FILE* pipe = ::popen(("cd '" + directory + "' && spin -n7 -u20000 '" + path + "' 2>&1").c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string out;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        out.append(buffer, n);
    EXPECT_EQ(::pclose(pipe), 0) << out;
    std::filesystem::remove(path);
    EXPECT_EQ(out.find("assertion violated"), std::string::npos) << out;
    EXPECT_NE(out.find("16 processes created"), std::string::npos) << out;
    std::size_t ends = 0;
    for (std::size_t at = out.find("<valid end state>"); at != std::string::npos;
         at = out.find("<valid end state>", at + 1))
        ++ends;
    EXPECT_EQ(ends, 16u) << out;
}

TEST(SpinBench, QuickRunTimesEveryExplorerConfigurationAgainstOnePanSet)
{
    const CliResult r = runCli("bench --spin --quick");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    for (const char* row : {"3 faults + holder  none ", "3 faults + holder  por ", "3 faults + holder  none+sym ",
             "3 faults + holder  por+sym "})
        EXPECT_NE(r.out.find(row), std::string::npos) << row << '\n' << r.out;
    EXPECT_EQ(r.out.find("DIFFER"), std::string::npos) << r.out;
}

} // namespace
