// SPDX-License-Identifier: MIT
// End-to-end: `explore --find EXPR`, `run --watch EXPR` and the causal marks of `explore` and
// `run --causal` / `--causal-step`: text and JSON shapes, schedules that replay, exit codes.
#include "support/cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <string>

namespace {

using msb::testing::CliResult;
using msb::testing::runCli;

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

const std::string kThreeOnTwoPages = std::string("'") + MSB_TEST_DATA_DIR + "/scenarios/three-on-two-pages.json'";
constexpr const char* kIndependentSchedule = "T1,H,T2,T2,T2,T2,T2,T2,T2,T1,T2,H";

TEST(CliFind, TextNamesTheShortestScheduleAndItReplays)
{
    const CliResult r = runCli("explore two-faults --find 'page_count(D0) == 3 && sleeping(T2)'");
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_TRUE(contains(r.out, "scenario two-faults, preset v5.11, reduction none, symmetry off\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "  find: page_count(D0) == 3 && sleeping(T2)\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "  found after 14 steps (shortest; ")) << r.out;
    EXPECT_TRUE(contains(r.out, "  values: page_count(D0) = 3  sleeping(T2) = true\n")) << r.out;
    const std::size_t at = r.out.find("--schedule ");
    ASSERT_NE(at, std::string::npos) << r.out;
    const std::string schedule = r.out.substr(at + 11, r.out.find('\n', at) - at - 11);

    // The replay line's schedule ends in a state where the expression holds.
    const CliResult replay = runCli("run two-faults --schedule " + schedule
        + " --watch 'page_count(D0) == 3 && sleeping(T2)' --watch 'sleeping(T2)' --json");
    ASSERT_EQ(replay.exitCode, 0) << replay.err;
    const auto doc = nlohmann::json::parse(replay.out);
    ASSERT_EQ(doc["steps"].size(), 14u);
    EXPECT_EQ(doc["steps"].back()["watch"][0], true);
    for (std::size_t i = 0; i + 1 < doc["steps"].size(); ++i)
        EXPECT_EQ(doc["steps"][i]["watch"][0], false) << "a shorter schedule reached it at step " << i + 1;
}

TEST(CliFind, JsonHasTheCounterexampleShape)
{
    const CliResult r = runCli("explore fault-vs-holder --preset v5.11-patched --find lost_update --json");
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["find"], "lost_update");
    EXPECT_EQ(doc["found"], true);
    EXPECT_EQ(doc["reduction"], "none");
    EXPECT_EQ(doc["symmetry"], "off");
    EXPECT_EQ(doc["values"]["lost_update"], true);
    // The same length as explore's shortest lost_update, step for step the same keys.
    const CliResult explored = runCli("explore fault-vs-holder --preset v5.11-patched --json");
    const auto verdict = nlohmann::json::parse(explored.out);
    const auto& counterexample = verdict["counterexamples"]["lost_update"];
    ASSERT_EQ(doc["schedule"].size(), counterexample.size());
    EXPECT_EQ(doc["length"], counterexample.size());
    for (std::size_t i = 0; i < counterexample.size(); ++i) {
        for (const char* key : {"thread", "step", "text", "kernel"})
            EXPECT_TRUE(doc["schedule"][i].contains(key)) << key;
    }
    EXPECT_TRUE(contains(doc["replay"].get<std::string>(), "run fault-vs-holder --preset v5.11-patched --schedule "));
}

TEST(CliFind, UnreachableCountsEveryReachableState)
{
    const CliResult r = runCli("explore two-faults --find 'lost_update || page_count(D0) > 6'");
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
    const auto all = nlohmann::json::parse(runCli("explore two-faults --symmetry off --json").out);
    const std::string states = std::to_string(all["states"].get<long long>());
    EXPECT_TRUE(contains(r.out, "  unreachable: none of the " + states + " reachable states satisfies it")) << r.out;
    const auto doc = nlohmann::json::parse(runCli("explore two-faults --find lost_update --json").out);
    EXPECT_EQ(doc["found"], false);
    EXPECT_EQ(doc["complete"], true);
    EXPECT_EQ(doc["states"], all["states"]);
    EXPECT_FALSE(doc.contains("schedule"));

    const CliResult bounded = runCli("explore two-faults --find lost_update --max-states 10");
    EXPECT_EQ(bounded.exitCode, 1);
    EXPECT_TRUE(contains(bounded.out, "not found in the 10 states explored (INCOMPLETE: stopped at 10 states"))
        << bounded.out;
}

TEST(CliFind, BadExpressionsAndOptionsExitTwo)
{
    struct Case
    {
        const char* arguments;
        const char* message;
    };
    for (const Case& c : {
             Case {"explore two-faults --find 'page_count(D0) == 3 && sleeping(T2'",
                 "--find: column 35: expected ')' after 'T2', got end of input"},
             Case {"explore two-faults --find 'sleeping(T3)'",
                 "--find: column 10: unknown thread 'T3' (threads of two-faults: T1, T2)"},
             Case {"explore two-faults --find 'page_count(D0)'",
                 "--find: 'page_count(D0)' is a number, not true or false"},
             Case {"explore two-faults --find lost_update --preset all", "--find: searches one preset at a time"},
             Case {"explore two-faults --find lost_update --reduction por", "excludes"},
             Case {"run two-faults --watch 'step(T1) == F9'", "--watch 'step(T1) == F9': column 13: unknown step 'F9'"},
             Case {"run two-faults --schedule T1 --causal", "--causal: the run ends in no outcome to explain"},
             Case {"run two-faults --schedule T1 --causal-step 2", "--causal-step: step 2 is not a step of this run"},
         }) {
        const CliResult r = runCli(c.arguments);
        EXPECT_EQ(r.exitCode, 2) << c.arguments << '\n' << r.out << r.err;
        EXPECT_TRUE(contains(r.err, c.message)) << c.arguments << '\n' << r.err;
    }
}

TEST(CliWatch, ATableRowPerPositionAndJsonValues)
{
    const CliResult r = runCli("run two-faults --schedule T1,T1,T2 --watch 'page_count(D0)' --watch 'ptl_owner'");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out,
        "watch:\n"
        "  step             page_count(D0)  ptl_owner\n"
        "     0  (initial)  2               nobody\n"
        "     1  T1:M0      2               nobody\n"
        "     2  T1:M1      3               T1\n"
        "     3  T2:M0      3               T1\n"
        "outcome: stopped after 3 steps\n"))
        << r.out;

    const auto doc = nlohmann::json::parse(
        runCli("run two-faults --schedule T1,T1 --watch 'page_count(D0)' --watch 'locked(D0)' --watch 'owner(D0)' "
               "--json")
            .out);
    EXPECT_EQ(doc["watch"], nlohmann::json::parse(R"j(["page_count(D0)", "locked(D0)", "owner(D0)"])j"));
    EXPECT_EQ(doc["watch_initial"], nlohmann::json::parse(R"j([2, false, "nobody"])j"));
    EXPECT_EQ(doc["steps"][1]["watch"], nlohmann::json::parse(R"j([3, false, "nobody"])j"));
    // Counts as the release reports them: zero-based from v5.18.
    const auto v518 = nlohmann::json::parse(runCli("run two-faults --preset v5.18 --schedule T1 "
                                                   "--watch 'page_count(D0)' --json")
                                                .out);
    EXPECT_EQ(v518["watch_initial"][0], 1);
    // Without --watch the JSON has none of it.
    EXPECT_FALSE(nlohmann::json::parse(runCli("run two-faults --schedule T1 --json").out).contains("watch"));
}

TEST(CliWatch, ReplayShowsTheRecordedSteps)
{
    const std::string recording = msb::testing::cliScratch("watch.msrec.json").string();
    ASSERT_EQ(runCli("run two-faults --schedule T1,T1,T2 --record '" + recording + "'").exitCode, 0);
    const CliResult r = runCli("replay '" + recording + "' --watch 'step(T2)'");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out,
        "watch:\n"
        "  step             step(T2)\n"
        "     0  (initial)  Access\n"
        "     1  T1:M0      Access\n"
        "     2  T1:M1      Access\n"
        "     3  T2:M0      M1\n"
        "replayed 3 steps, every state hash matches"))
        << r.out;
    const CliResult bad = runCli("replay '" + recording + "' --watch 'step(T3)'");
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(contains(bad.err, "--watch 'step(T3)': column 6: unknown thread 'T3'")) << bad.err;
    std::filesystem::remove(recording);
}

TEST(CliCausal, TwoOfTwelveStepsMatter)
{
    // H's write of D0 (step 12) needs only H's own reference (step 2): T1 faulting on X0 and T2
    // migrating X1 touch nothing it reads.
    const CliResult r = runCli("run " + kThreeOnTwoPages + " --schedule " + kIndependentSchedule + " --causal-step 12");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::istringstream lines(r.out);
    std::string line;
    std::string marked;
    while (std::getline(lines, line)) {
        if (line.size() > 5 && line[4] == '*')
            marked += line.substr(0, 4) + ";";
    }
    EXPECT_EQ(marked, "   2;  12;") << r.out;
    EXPECT_TRUE(contains(r.out, "causal: 2 of 12 steps (marked *) cause step 12\n")) << r.out;

    const auto doc = nlohmann::json::parse(
        runCli("run " + kThreeOnTwoPages + " --schedule " + kIndependentSchedule + " --causal-step 12 --json").out);
    EXPECT_EQ(doc["deciding_steps"], nlohmann::json::parse("[12]"));
    int causal = 0;
    for (const auto& step : doc["steps"])
        causal += step["causal"].get<bool>() ? 1 : 0;
    EXPECT_EQ(causal, 2);
    EXPECT_EQ(doc["steps"][1]["causal"], true);
}

TEST(CliCausal, TheRunsOutcomeAndExploresCounterexamplesAreMarked)
{
    // T2 saw DEVPRIV(D0), T1 migrated X0 and freed D0: T2's collect uses the freed page.
    const CliResult r = runCli("run two-faults --schedule T2,T1,T1,T1,T1,T1,T1,T1,T1,T1,T1,T1,T2 --causal");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "causal: 13 of 13 steps (marked *) cause stale_page_use (set by step 13)\n")) << r.out;

    const CliResult text = runCli("explore fault-vs-holder --preset v5.11-patched");
    ASSERT_EQ(text.exitCode, 0);
    EXPECT_TRUE(contains(text.out, "  shortest lost_update: T1:M0* H:H1* T1:M1* ")) << text.out;
    EXPECT_TRUE(contains(text.out, "(* marks the steps that cause the outcome")) << text.out;
    const auto doc = nlohmann::json::parse(runCli("explore two-faults --json").out);
    for (const auto& step : doc["counterexamples"]["livelock"]["cycle"])
        EXPECT_EQ(step["causal"], true) << "every step of a livelock's cycle decides it";
    for (const auto& step : doc["counterexamples"]["stale_page_use"])
        EXPECT_TRUE(step.contains("causal"));
}

} // namespace
