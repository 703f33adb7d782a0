// SPDX-License-Identifier: MIT
// `explore` and `bench` end to end: the JSON of docs/architecture.md §4 carries the README's verdict table, and
// the quick bench runs and finds POR verdicts identical.
#include "support/cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace {

using CliRun = msb::testing::CliResult;

CliRun run(const std::string& arguments)
{
    return msb::testing::runCli(arguments, msb::testing::CliStderr::Discard);
}

struct Expected
{
    bool livelock, deadlock, sigbus, lostUpdate, completesAlways;
};

void expectRow(const nlohmann::json& object, const Expected& row)
{
    SCOPED_TRACE(object.value("preset", "?"));
    EXPECT_EQ(object.at("liveness").at("livelock"), row.livelock);
    EXPECT_EQ(object.at("liveness").at("deadlock"), row.deadlock);
    EXPECT_EQ(object.at("liveness").at("sigbus"), row.sigbus);
    EXPECT_EQ(object.at("safety").at("lost_update"), row.lostUpdate);
    EXPECT_EQ(object.at("liveness").at("completes_always"), row.completesAlways);
    EXPECT_TRUE(object.at("complete").get<bool>());
    for (const char* key : {"scenario", "preset", "settings", "states", "transitions", "seconds", "counterexamples"})
        EXPECT_TRUE(object.contains(key)) << key;
    // A counterexample exactly for each bad outcome that is reachable.
    const auto& traces = object.at("counterexamples");
    EXPECT_EQ(traces.contains("livelock"), row.livelock);
    EXPECT_EQ(traces.contains("deadlock"), row.deadlock);
    EXPECT_EQ(traces.contains("sigbus"), row.sigbus);
    EXPECT_EQ(traces.contains("lost_update"), row.lostUpdate);
    if (row.livelock) {
        EXPECT_FALSE(traces.at("livelock").at("cycle").empty());
        EXPECT_TRUE(traces.at("livelock").contains("prefix"));
        for (const char* key : {"thread", "step", "text", "kernel"})
            EXPECT_TRUE(traces.at("livelock").at("cycle").at(0).contains(key)) << key;
    }
}

TEST(ExploreCli, TwoFaultsAllPresetsPrintTheTable)
{
    for (const char* reduction : {"none", "por"}) {
        const CliRun r = run(std::string("explore two-faults --preset all --json --reduction ") + reduction);
        ASSERT_EQ(r.exitCode, 0) << r.out;
        const auto array = nlohmann::json::parse(r.out);
        ASSERT_TRUE(array.is_array());
        const std::map<std::string, Expected> table = {
            {"pre-v5.0", {true, false, false, false, false}},
            {"v5.11", {true, false, false, false, false}},
            {"v5.11-patched", {false, false, false, false, true}},
            {"count-waiters", {false, false, false, false, true}},
            {"v5.17", {false, false, false, false, true}},
            {"naive-drain", {false, true, false, false, false}},
        };
        std::size_t seen = 0;
        for (const auto& object : array) {
            EXPECT_EQ(object.at("scenario"), "two-faults");
            const auto it = table.find(object.at("preset").get<std::string>());
            if (it == table.end())
                continue; // presets added later
            expectRow(object, it->second);
            ++seen;
        }
        EXPECT_EQ(seen, table.size());
    }
}

TEST(ExploreCli, SigbusContractAndHolder)
{
    CliRun r = run("explore two-faults --preset v5.11 --set on_not_migrated=sigbus --json");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    expectRow(nlohmann::json::parse(r.out), {false, false, true, false, false});
    r = run("explore fault-vs-holder --preset v5.17 --json");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    expectRow(nlohmann::json::parse(r.out), {false, false, false, false, true});
    r = run("explore fault-vs-holder --preset v5.11 --json");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    expectRow(nlohmann::json::parse(r.out), {false, false, false, true, true});
}

TEST(ExploreCli, MaxStatesAndBadInput)
{
    CliRun r = run("explore n-faults --set threads=3 --set pages=2 --max-states 1000 --json");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    const auto object = nlohmann::json::parse(r.out);
    EXPECT_FALSE(object.at("complete").get<bool>());
    EXPECT_EQ(object.at("states"), 1000);
    EXPECT_FALSE(object.at("liveness").at("completes_always").get<bool>());
    EXPECT_EQ(run("explore two-faults --preset no-such-preset").exitCode, 2);
    EXPECT_EQ(run("explore two-faults --reduction fast").exitCode, 2);
}

TEST(ExploreCli, MemoryBudgetStopsBeforeTheOomKiller)
{
    // n-faults 3x2 needs about 2.7 MB in full: 1M stops it, with the reason in the JSON and on
    // stderr; 1G lets it finish.
    const auto err = msb::testing::CliStderr::Capture;
    CliRun r = msb::testing::runCli(
        "explore n-faults --set threads=3 --set pages=2 --memory-budget 1M --symmetry off --json", err);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto object = nlohmann::json::parse(r.out);
    EXPECT_FALSE(object.at("complete").get<bool>());
    EXPECT_LT(object.at("states").get<int>(), 88149);
    EXPECT_NE(object.at("incomplete_reason").get<std::string>().find("memory budget of 1.0 MiB"), std::string::npos);
    EXPECT_NE(r.err.find("memory budget"), std::string::npos) << r.err;
    r = msb::testing::runCli(
        "explore n-faults --set threads=3 --set pages=2 --memory-budget 1G --symmetry off --json", err);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    object = nlohmann::json::parse(r.out);
    EXPECT_TRUE(object.at("complete").get<bool>());
    EXPECT_EQ(object.at("states"), 88149);
    EXPECT_FALSE(object.contains("incomplete_reason"));
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(object.at("symmetry"), "off");
    EXPECT_EQ(run("explore two-faults --memory-budget lots").exitCode, 2);
    EXPECT_EQ(run("explore two-faults --memory-budget 0").exitCode, 2);
}

// Symmetry is on by default when threads are alike: fewer states, the same verdict, and schedules
// that name the scenario's real threads.
TEST(ExploreCli, SymmetryOnByDefault)
{
    const std::string command = "explore n-faults --set threads=3 --set pages=1 --preset v5.11 --json";
    const CliRun on = run(command);
    const CliRun off = run(command + " --symmetry off");
    ASSERT_EQ(on.exitCode, 0) << on.out;
    ASSERT_EQ(off.exitCode, 0) << off.out;
    const auto a = nlohmann::json::parse(on.out);
    const auto b = nlohmann::json::parse(off.out);
    EXPECT_EQ(a.at("symmetry"), "on");
    EXPECT_EQ(b.at("symmetry"), "off");
    EXPECT_LT(a.at("states").get<int>() * 4, b.at("states").get<int>());
    EXPECT_EQ(a.at("liveness"), b.at("liveness"));
    EXPECT_EQ(a.at("safety"), b.at("safety"));
    for (const auto& step : a.at("counterexamples").at("livelock").at("cycle"))
        EXPECT_NE(std::string("T1 T2 T3").find(step.at("thread").get<std::string>()), std::string::npos);
    EXPECT_EQ(run("explore two-faults --symmetry maybe").exitCode, 2);
    // No two threads alike: reported off.
    const CliRun holder = run("explore fault-vs-holder --json");
    ASSERT_EQ(holder.exitCode, 0);
    EXPECT_EQ(nlohmann::json::parse(holder.out).at("symmetry"), "off");
}

TEST(ExploreCli, HumanReadable)
{
    const CliRun r = run("explore two-faults --preset v5.11");
    ASSERT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("livelock yes"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("shortest livelock"), std::string::npos) << r.out;
}

TEST(BenchCli, QuickSuiteRuns)
{
    const CliRun r = run("bench --quick");
    ASSERT_EQ(r.exitCode, 0) << r.out;
    EXPECT_NE(r.out.find("B/state"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("n-faults threads=3 pages=2"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("DIFFER"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("two-faults"), std::string::npos) << r.out;
}

} // namespace
