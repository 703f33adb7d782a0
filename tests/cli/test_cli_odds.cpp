// SPDX-License-Identifier: MIT
// End-to-end: `migration-sandbox-cli odds` prints reproducible tallies, its JSON matches the
// documented shape, one run of the batch replays with `run --seed S+i`, and bad input exits 2.
#include "support/cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace {

using msb::testing::CliResult;

CliResult runCli(const std::string& arguments)
{
    return msb::testing::runCli(arguments, msb::testing::CliStderr::Merge);
}

TEST(CliOdds, JsonIsReproducibleAndConsistent)
{
    const CliResult a = runCli("odds two-faults --runs 300 --seed 5 --json");
    const CliResult b = runCli("odds two-faults --runs 300 --seed 5 --json");
    ASSERT_EQ(a.exitCode, 0) << a.out;
    EXPECT_EQ(a.out, b.out);
    const auto doc = nlohmann::json::parse(a.out);
    EXPECT_EQ(doc["scenario"], "two-faults");
    EXPECT_EQ(doc["preset"], "v5.11");
    EXPECT_EQ(doc["runs"], 300);
    int total = 0;
    for (const char* key : {"completes", "retry_bounded", "deadlock", "sigbus"})
        total += doc["outcomes"][key].get<int>();
    EXPECT_EQ(total, 300);
    int pages = 0;
    for (const auto& n : doc["rounds_until_success"])
        pages += n.get<int>();
    EXPECT_EQ(pages, doc["migrated_pages"].get<int>());
    EXPECT_GT(doc["check_failures"].get<int>(), 0);
}

TEST(CliOdds, AllPresetsAsArrayAndPatchedNeverRetries)
{
    const CliResult r = runCli("odds two-faults --runs 200 --seed 1 --preset all --json");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    const auto doc = nlohmann::json::parse(r.out);
    ASSERT_TRUE(doc.is_array());
    ASSERT_GE(doc.size(), 6u);
    bool sawPatched = false;
    for (const auto& one : doc) {
        if (one["preset"] == "v5.11-patched") {
            sawPatched = true;
            EXPECT_EQ(one["check_failures"], 0);
            EXPECT_EQ(one["max_rounds"], 1);
        }
    }
    EXPECT_TRUE(sawPatched);
}

TEST(CliOdds, OneRunOfTheBatchReplaysWithRunSeed)
{
    // A batch of one run with seed S is exactly `run --seed S`.
    const CliResult odds = runCli("odds fault-vs-holder --runs 1 --seed 11 --max-steps 300 --json");
    const CliResult run = runCli("run fault-vs-holder --seed 11 --max-steps 300 --json");
    ASSERT_EQ(odds.exitCode, 0) << odds.out;
    ASSERT_EQ(run.exitCode, 0) << run.out;
    const auto o = nlohmann::json::parse(odds.out);
    const auto r = nlohmann::json::parse(run.out);
    EXPECT_EQ(o["steps"].get<int>(), static_cast<int>(r["steps"].size()));
    const std::string outcome = r["outcome"];
    const std::string expected = outcome == "stopped" ? "retry_bounded" : outcome;
    EXPECT_EQ(o["outcomes"][expected], 1);
    EXPECT_EQ(o["lost_update"].get<int>(), r["lost_update"].get<bool>() ? 1 : 0);
}

TEST(CliOdds, TableAndBadInput)
{
    const CliResult table = runCli("odds two-faults --runs 50 --preset pre-v5.0");
    ASSERT_EQ(table.exitCode, 0) << table.out;
    EXPECT_NE(table.out.find("pre-v5.0"), std::string::npos);
    EXPECT_NE(table.out.find("attempts until success"), std::string::npos);
    EXPECT_EQ(runCli("odds two-faults --runs -3").exitCode, 2);
    EXPECT_EQ(runCli("odds two-faults --preset v9.99").exitCode, 2);
    EXPECT_EQ(runCli("odds no-such-scenario").exitCode, 2);
}

} // namespace
