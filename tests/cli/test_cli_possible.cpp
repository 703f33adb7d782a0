// SPDX-License-Identifier: MIT
// End-to-end: `run --possible` and `replay --possible` print, per position of the run, what is
// still possible and what is inevitable, in text and JSON; the turning point of a lost update
// is the step where its JSON rows change; a recording replays to the same rows; --fairness
// changes the livelock verdict and needs --possible.
#include "support/cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

namespace {

using msb::testing::CliResult;
using msb::testing::runCli;
using Json = nlohmann::json;

// fault-vs-holder without the refcount check: the explorer's shortest lost update, run to the end.
constexpr const char* kLostUpdate =
    "run fault-vs-holder --preset v5.11-patched --schedule T1,H,T1,T1,T1,T1,T1,T1,T1,T1,H --run-on --possible";

bool contains(const Json& list, const std::string& name)
{
    return std::find(list.begin(), list.end(), name) != list.end();
}

TEST(CliPossible, JsonRowsAndTurningPointsAgree)
{
    const CliResult r = runCli(std::string(kLostUpdate) + " --json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const Json doc = Json::parse(r.out);
    ASSERT_TRUE(doc["lost_update"].get<bool>());
    const Json& possible = doc["possible"];
    EXPECT_EQ(possible["fairness"], "weak");
    EXPECT_GT(possible["states"].get<int>(), 10);
    const Json& rows = possible["positions"];
    ASSERT_EQ(rows.size(), doc["steps"].size() + 1);
    EXPECT_TRUE(rows[0]["thread"].is_null());
    EXPECT_TRUE(contains(rows[0]["possible"], "lost_update"));
    EXPECT_FALSE(contains(rows[0]["inevitable"], "lost_update"));
    EXPECT_TRUE(contains(rows.back()["inevitable"], "lost_update"));
    for (std::size_t i = 1; i < rows.size(); ++i)
        EXPECT_EQ(rows[i]["thread"], doc["steps"][i - 1]["thread"]) << i;
    bool sawLostUpdate = false;
    for (const Json& point : possible["turning_points"]) {
        const auto step = point["step"].get<std::size_t>();
        ASSERT_GE(step, 1u);
        ASSERT_LT(step, rows.size());
        const std::string outcome = point["outcome"];
        const bool inevitable = point["became"] == "inevitable";
        const char* key = inevitable ? "inevitable" : "possible";
        EXPECT_NE(contains(rows[step - 1][key], outcome), contains(rows[step][key], outcome)) << point.dump();
        EXPECT_EQ(point["thread"], doc["steps"][step - 1]["thread"]);
        EXPECT_EQ(point["text"].get<std::string>().rfind("after step " + std::to_string(step) + " (", 0), 0u);
        sawLostUpdate = sawLostUpdate || (outcome == "lost_update" && inevitable);
    }
    EXPECT_TRUE(sawLostUpdate) << possible["turning_points"].dump();
}

TEST(CliPossible, TextNamesTheStepOfNoReturn)
{
    const CliResult r = runCli(kLostUpdate);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("still possible / inevitable from each position (fairness weak"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("     0 -      completes, lost_update"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("after step 8 (T1: M6 driver: allocate system page S"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("a lost update can no longer be avoided"), std::string::npos) << r.out;
}

TEST(CliPossible, ReplayGivesTheRowsOfTheRun)
{
    const auto path = msb::testing::cliScratch("run.msrec.json");
    const CliResult recorded = runCli(std::string(kLostUpdate) + " --json --record '" + path.string() + "'");
    ASSERT_EQ(recorded.exitCode, 0) << recorded.err;
    const CliResult replayed = runCli("replay '" + path.string() + "' --possible --json");
    ASSERT_EQ(replayed.exitCode, 0) << replayed.err;
    const Json run = Json::parse(recorded.out)["possible"];
    const Json replay = Json::parse(replayed.out);
    EXPECT_EQ(replay["replayed"], Json::parse(recorded.out)["steps"].size());
    EXPECT_EQ(replay["possible"]["positions"], run["positions"]);
    EXPECT_EQ(replay["possible"]["turning_points"], run["turning_points"]);
    const CliResult text = runCli("replay '" + path.string() + "' --possible");
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("every state hash matches"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("a lost update can no longer be avoided"), std::string::npos) << text.out;
    std::filesystem::remove(path);
}

TEST(CliPossible, FairnessDecidesTheLivelockAndNeedsPossible)
{
    // two-faults v6.15 spins only if the lock holder never runs again: a livelock without fairness.
    const CliResult none = runCli("run two-faults --preset v6.15 --max-steps 5 --possible --fairness none --json");
    const CliResult weak = runCli("run two-faults --preset v6.15 --max-steps 5 --possible --json");
    ASSERT_EQ(none.exitCode, 0) << none.err;
    ASSERT_EQ(weak.exitCode, 0) << weak.err;
    EXPECT_TRUE(contains(Json::parse(none.out)["possible"]["positions"][0]["possible"], "livelock"));
    EXPECT_FALSE(contains(Json::parse(weak.out)["possible"]["positions"][0]["possible"], "livelock"));
    EXPECT_EQ(runCli("run two-faults --fairness none").exitCode, 2);
    EXPECT_EQ(runCli("replay x.msrec.json --json").exitCode, 2);
}

} // namespace
