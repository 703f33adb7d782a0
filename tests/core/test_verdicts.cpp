// SPDX-License-Identifier: MIT
// The verdict table: every built-in scenario under every preset, explored exhaustively, must give
// the verdicts checked in as tests/data/verdicts/verdicts.json (the README's table is generated from
// the same run, tests/data/verdicts/generate.py). A new preset or scenario fails here until its row
// is added, so the table cannot silently miss one. A row with "set" explores its preset with that
// knob assignment too (driver_lock=exclusive, K26).
#include "core/builtin_scenarios.h"
#include "core/explorer.h"
#include "core/settings.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

namespace msb::core {
namespace {

nlohmann::json expectedVerdicts()
{
    std::ifstream in(std::string(MSB_SOURCE_DIR) + "/tests/data/verdicts/verdicts.json");
    return nlohmann::json::parse(in);
}

TEST(Verdicts, EveryScenarioUnderEveryPresetMatchesTheTable)
{
    const nlohmann::json table = expectedVerdicts();
    std::set<std::pair<std::string, std::string>> covered;
    for (const auto& row : table) {
        const std::string scenarioName = row.at("scenario");
        const std::string presetName = row.at("preset");
        const std::string assignment = row.value("set", "");
        SCOPED_TRACE(scenarioName + " under " + presetName + " " + assignment);
        EXPECT_TRUE(covered.insert({scenarioName, presetName + (assignment.empty() ? "" : " " + assignment)}).second)
            << "listed twice";
        const Preset* preset = findPreset(presetName);
        ASSERT_NE(preset, nullptr) << "no such preset";
        auto scenario = loadBuiltinScenario(scenarioName);
        ASSERT_TRUE(scenario.ok()) << scenario.error().toString();
        Settings settings = preset->settings;
        if (!assignment.empty()) {
            auto assigned = withAssignment(settings, assignment);
            ASSERT_TRUE(assigned.ok()) << assigned.error().toString();
            settings = assigned.value();
        }
        const ExploreResult result = explore(Model(scenario.value(), settings));
        ASSERT_TRUE(result.complete);
        EXPECT_EQ(result.livelock, row.at("livelock").get<bool>()) << "livelock";
        EXPECT_EQ(result.deadlock, row.at("deadlock").get<bool>()) << "deadlock";
        EXPECT_EQ(result.sigbus, row.at("sigbus").get<bool>()) << "sigbus";
        EXPECT_EQ(result.lostUpdate, row.at("lost_update").get<bool>()) << "lost_update";
        EXPECT_EQ(result.stalePageUse, row.at("stale_page_use").get<bool>()) << "stale_page_use";
        EXPECT_EQ(result.completesAlways, row.at("completes_always").get<bool>()) << "completes_always";
        // The same state graph with every cycle counted, starved threads included (--fairness none).
        ExploreOptions unfair;
        unfair.fairness = Fairness::None;
        EXPECT_EQ(
            explore(Model(scenario.value(), settings), unfair).livelock, row.at("livelock_no_fairness").get<bool>())
            << "livelock_no_fairness";
    }
    for (const auto& scenarioName : builtinScenarioNames()) {
        for (const auto& preset : presets()) {
            EXPECT_TRUE(covered.count({scenarioName, std::string(preset.name)}))
                << scenarioName << " under " << preset.name << " is missing from verdicts.json";
        }
    }
}

} // namespace
} // namespace msb::core
