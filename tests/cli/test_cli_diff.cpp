// SPDX-License-Identifier: MIT
// End-to-end: `explore SCENARIO --diff A B` names what tells two kernels apart (the reopened
// lost update of v5.18, v6.15 ending v6.1's livelock round), says so when nothing does, and
// rejects bad presets and knobs with exit code 2 and the option named.
#include "support/cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace {

using msb::testing::CliResult;
using msb::testing::runCli;

TEST(CliDiff, V518ReopensTheLostUpdate)
{
    const CliResult r = runCli("explore fault-vs-holder --diff v5.17 v5.18 --json");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["scenario"], "fault-vs-holder");
    EXPECT_EQ(doc["a"]["preset"], "v5.17");
    EXPECT_EQ(doc["b"]["preset"], "v5.18");
    EXPECT_TRUE(doc["complete"].get<bool>());
    EXPECT_FALSE(doc["indistinguishable"].get<bool>());
    const auto& difference = doc["outcome_difference"];
    ASSERT_TRUE(difference.is_object());
    EXPECT_EQ(difference["a"]["outcome"], "completes");
    EXPECT_EQ(difference["b"]["outcome"], "completes, lost_update");
    // Each side's steps name a thread the schedule chose at that point.
    for (const char* side : {"a", "b"}) {
        for (const auto& step : difference[side]["steps"])
            EXPECT_EQ(step["thread"], difference["schedule"][step["choice"].get<std::size_t>()]);
    }
    EXPECT_EQ(difference["first_divergence"]["a"], "M5-fail");
    EXPECT_EQ(difference["first_divergence"]["b"], "M5");
    EXPECT_TRUE(doc["livelock_difference"].is_null());
}

TEST(CliDiff, V615EndsTheV61LivelockRound)
{
    const CliResult r = runCli("explore two-faults --diff v6.1 v6.15");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("livelock: A yes"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("A livelocks, B does not"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("on the same choices B ends (completes) in round 2 of the cycle"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("first divergence: choice 3 (T1): A runs F1, B runs F1-lock"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("no schedule tells them apart"), std::string::npos) << r.out;
}

TEST(CliDiff, AKnobThatDoesNotMatterIsIndistinguishable)
{
    const CliResult text = runCli("explore single-fault --diff v5.11 v5.11 --set-b driver_lock=exclusive");
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("B = v5.11 + driver_lock=exclusive"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("no schedule tells them apart: 15 pair states explored"), std::string::npos) << text.out;
    const CliResult json = runCli("explore two-faults --diff v7.0 v7.0 --json");
    ASSERT_EQ(json.exitCode, 0) << json.err;
    const auto doc = nlohmann::json::parse(json.out);
    EXPECT_TRUE(doc["indistinguishable"].get<bool>());
    EXPECT_TRUE(doc["outcome_difference"].is_null());
    EXPECT_TRUE(doc["parting"].is_null());
    EXPECT_GT(doc["pair_states"].get<int>(), 0);
}

TEST(CliDiff, SharedSetAppliesToBothSides)
{
    // With --set on_not_migrated=sigbus on both sides, v5.11's failed round dies of SIGBUS on
    // both, so that knob no longer tells them apart; with --set-b alone it does.
    const CliResult both = runCli("explore two-faults --diff v5.11 v5.11 --set on_not_migrated=sigbus --json");
    ASSERT_EQ(both.exitCode, 0) << both.err;
    EXPECT_TRUE(nlohmann::json::parse(both.out)["indistinguishable"].get<bool>());
    EXPECT_EQ(nlohmann::json::parse(both.out)["b"]["label"], "v5.11 + on_not_migrated=sigbus");
    const CliResult one = runCli("explore two-faults --diff v5.11 v5.11 --set-b on_not_migrated=sigbus --json");
    ASSERT_EQ(one.exitCode, 0) << one.err;
    const auto doc = nlohmann::json::parse(one.out);
    EXPECT_EQ(doc["outcome_difference"]["b"]["outcome"], "sigbus");
    EXPECT_EQ(doc["b"]["settings"]["on_not_migrated"], "sigbus");
    EXPECT_EQ(doc["a"]["settings"]["on_not_migrated"], "refault");
}

TEST(CliDiff, AnIncompleteSearchProvesNothing)
{
    const CliResult json = runCli("explore two-faults --diff v6.15 v7.0 --max-states 50 --json");
    ASSERT_EQ(json.exitCode, 0) << json.err;
    const auto doc = nlohmann::json::parse(json.out);
    EXPECT_FALSE(doc["complete"].get<bool>());
    EXPECT_FALSE(doc["indistinguishable"].get<bool>());
    EXPECT_EQ(doc["pair_states"], 50);
    EXPECT_NE(doc["incomplete_reason"].get<std::string>().find("limit on stored states"), std::string::npos);
    const CliResult text = runCli("explore two-faults --diff v6.15 v7.0 --max-states 50");
    EXPECT_NE(text.out.find("the search is incomplete, so one may exist"), std::string::npos) << text.out;
    EXPECT_EQ(text.out.find("no schedule tells them apart"), std::string::npos) << text.out;
}

TEST(CliDiff, BadInputExitsTwoNamingTheOption)
{
    struct Case
    {
        const char* arguments;
        const char* message;
    };
    for (const Case& c : {Case {"explore two-faults --diff v6.1 v9.9", "--diff: unknown preset 'v9.9'"},
             Case {"explore two-faults --diff v6.1 v6.15 --set-a check=bogus", "--set-a check: unknown value 'bogus'"},
             Case {"explore two-faults --diff v6.1 v6.15 --set-b nokey=1", "--set-b nokey: unknown setting"},
             Case {"explore n-faults --diff v6.1 v6.15 --set-b threads=3", "--set-b threads: both sides run the same"},
             Case {"explore two-faults --diff v6.1", "--diff"},
             Case {"explore two-faults --set-a check=strict", "--set-a requires --diff"},
             Case {"explore two-faults --diff v6.1 v6.15 --preset v5.11", "excludes"}}) {
        const CliResult r = runCli(c.arguments);
        EXPECT_EQ(r.exitCode, 2) << c.arguments;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << c.arguments << '\n' << r.err;
        EXPECT_TRUE(r.out.empty()) << c.arguments << '\n' << r.out;
    }
}

} // namespace
