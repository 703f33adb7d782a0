// SPDX-License-Identifier: MIT
// SPIN cross-check: for every built-in scenario and every preset `explore` lists, the verdict that
// SPIN reaches on the exported Promela model (`spin`) equals the explorer's, and every schedule
// SPIN's trails give replays with `run --schedule` to the outcome it stands for. Two independent
// checkers agreeing is the point: a translation slip or an explorer bug shows up as a difference.
// Built only when CMake finds `spin` (CI installs it).
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
    std::string sets; // extra --set options
};

void PrintTo(const Config& config, std::ostream* out)
{
    *out << config.scenario << ' ' << config.sets;
}

std::string configName(const ::testing::TestParamInfo<Config>& info)
{
    std::string name = info.param.scenario + (info.param.sets.find("sigbus") != std::string::npos ? "_sigbus" : "");
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
        // prefix + cycle: the state after the cycle is the state after the prefix.
        EXPECT_EQ(run["outcome"], "stopped");
        EXPECT_EQ(run["repeats_step"], verdict["counterexamples"]["livelock"]["prefix"].size());
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
        SCOPED_TRACE(config.scenario + " " + config.sets + " --preset " + preset);
        if (!config.sets.empty()) {
            const CliResult explored =
                runCli("explore " + config.scenario + " --preset " + preset + " " + config.sets + " --json");
            ASSERT_EQ(explored.exitCode, 0) << explored.out;
            expected = json::parse(explored.out);
        }
        // -O0: the pan builds dominate a small model's time; --jobs 2 runs builds and runs in pairs.
        const CliResult r = runCli(
            "spin " + config.scenario + " --preset " + preset + " " + config.sets + " --json --optimize 0 --jobs 2");
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
    ::testing::Values(Config {"single-fault", ""}, Config {"two-faults", ""}, Config {"fault-vs-holder", ""},
        Config {"n-faults", "--set threads=2 --set pages=2"},
        // The documented driver contract: a page not migrated ends in SIGBUS (exit steps, sigbus claim).
        Config {"two-faults", "--set on_not_migrated=sigbus"},
        Config {"fault-vs-holder", "--set on_not_migrated=sigbus"}),
    configName);

TEST(SpinExport, HeaderCarriesTheCommandsAndEveryStepItsKernelFunction)
{
    const std::string path = msb::testing::cliScratch("model.pml").string();
    const CliResult r = runCli("export-promela two-faults --preset v6.15 -o '" + path + "'");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    const std::string model = msb::testing::readWholeFile(path);
    std::filesystem::remove(path);
    EXPECT_NE(model.find("spin -a model.pml"), std::string::npos);
    EXPECT_NE(model.find("./pan-np -m1000000 -l -f"), std::string::npos);
    EXPECT_NE(model.find("active proctype p1_T2()"), std::string::npos);
    // v6.15's trylock in do_swap_page is there, with its kernel function; v5.11's M2-retry is not.
    EXPECT_NE(model.find("F1-lock: "), std::string::npos);
    EXPECT_NE(model.find("migrate_page_move_mapping"), std::string::npos);
    EXPECT_EQ(model.find("M2-retry: "), std::string::npos);
    const CliResult bad = runCli("export-promela no-such-scenario -o /dev/null");
    EXPECT_EQ(bad.exitCode, 2) << bad.out;
}

} // namespace
