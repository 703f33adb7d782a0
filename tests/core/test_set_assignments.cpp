// SPDX-License-Identifier: MIT
#include "core/set_assignments.h"

#include <gtest/gtest.h>

namespace msb::core {
namespace {

TEST(SetAssignments, SplitsParametersFromKnobsInOrder)
{
    const auto split = splitSetAssignments({"threads=3", "check=drain-refs", "pages=2", "driver_lock=exclusive"});
    ASSERT_TRUE(split) << split.error().toString();
    EXPECT_EQ(split.value().parameters.at("threads"), 3);
    EXPECT_EQ(split.value().parameters.at("pages"), 2);
    EXPECT_EQ(split.value().knobs, (std::vector<std::string> {"check=drain-refs", "driver_lock=exclusive"}));
}

TEST(SetAssignments, AParameterMustBeAWholeNumber)
{
    for (const char* bad : {"threads=", "threads=2x", "pages=many"}) {
        const auto split = splitSetAssignments({bad});
        ASSERT_FALSE(split) << bad;
        EXPECT_EQ(split.error().field.substr(0, 6), "--set ") << bad;
        EXPECT_NE(split.error().message.find("expected a whole number"), std::string::npos) << bad;
    }
}

TEST(SetAssignments, KnobsApplyAfterTheBaseAndNameTheBadOne)
{
    const auto applied = applyKnobs(Settings {}, {"check=drain-refs"});
    ASSERT_TRUE(applied) << applied.error().toString();
    EXPECT_EQ(applied.value().check, CheckPolicy::DrainRefs);

    const auto bad = applyKnobs(Settings {}, {"check=drain-refs", "check=sometimes"});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field.rfind("--set ", 0), 0U);
    EXPECT_EQ(applyKnobs(Settings {}, {"nonsense"}).error().field.rfind("--set ", 0), 0U);
}

TEST(SetAssignments, TheParameterKeys)
{
    EXPECT_TRUE(isScenarioParameter("threads"));
    EXPECT_TRUE(isScenarioParameter("pages"));
    EXPECT_FALSE(isScenarioParameter("check"));
}

} // namespace
} // namespace msb::core
