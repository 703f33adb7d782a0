// SPDX-License-Identifier: MIT
// One outcome vocabulary: its names are the keys of the CLI's JSON, recordings and lessons.
#include "core/explorer.h"
#include "core/outcome.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

using namespace msb::core;
using namespace msb::testing;

TEST(Outcome, NamesAreTheReportKeys)
{
    EXPECT_EQ(outcomeName(Outcome::Running), "running");
    EXPECT_EQ(outcomeName(Outcome::Completes), "completes");
    EXPECT_EQ(outcomeName(Outcome::Deadlock), "deadlock");
    EXPECT_EQ(outcomeName(Outcome::Livelock), "livelock");
    EXPECT_EQ(outcomeName(Outcome::Sigbus), "sigbus");
    EXPECT_EQ(outcomeName(Outcome::LostUpdate), "lost_update");
    EXPECT_EQ(outcomeName(Outcome::StalePageUse), "stale_page_use");
    std::set<std::string> names;
    for (int o = 0; o < kOutcomeCount; ++o)
        names.insert(std::string(outcomeName(static_cast<Outcome>(o))));
    EXPECT_EQ(names.size(), static_cast<std::size_t>(kOutcomeCount));
    EXPECT_EQ(names.count("?"), 0u);
}

TEST(Outcome, ExploreReportsEachOutcomeThroughOneQuestion)
{
    const ExploreResult result = explore(Model(twoFaults(), preset("v5.11")));
    EXPECT_EQ(result.reached(Outcome::Completes), result.completesPossible);
    EXPECT_FALSE(result.reached(Outcome::Running));
    EXPECT_TRUE(result.reached(Outcome::Livelock));
    for (const Outcome outcome : kBadOutcomes)
        EXPECT_EQ(result.counterexample(outcome).has_value(), result.reached(outcome)) << outcomeName(outcome);
    EXPECT_FALSE(result.counterexample(Outcome::Completes).has_value());
}
