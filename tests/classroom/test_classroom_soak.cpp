// SPDX-License-Identifier: MIT
// The short version of the classroom soak (`migration-sandbox-cli classroom soak --minutes 10` is
// the long one): twenty seconds of churn against one host, then every follower mirrors the host,
// RSS stayed flat after the warm-up and no descriptor is left open. The seed is fixed so that CI
// runs the same churn every time; MSB_SOAK_SEED=N replays another, MSB_SOAK_SEED=random picks one.
#include "app/classroom/classroom_soak.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <random>
#include <string_view>

using namespace msb::classroom;
using namespace std::chrono_literals;

namespace {

std::uint32_t soakSeed()
{
    const char* text = std::getenv("MSB_SOAK_SEED");
    if (!text)
        return 20261207;
    if (std::string_view(text) == "random")
        return std::random_device {}();
    return static_cast<std::uint32_t>(std::strtoul(text, nullptr, 10));
}

} // namespace

TEST(ClassroomSoak, FollowersChurnForTwentySecondsAndEndInTheHostsState)
{
    SoakOptions options;
    options.duration = 20s;
    options.warmUp = 5s;
    options.seed = soakSeed();
    std::cout << "soak seed " << options.seed << " (replay with MSB_SOAK_SEED=" << options.seed << ")\n";
    options.progress = [](const std::string& line) { std::cout << line << '\n'; };

    const SoakReport report = runClassroomSoak(options);
    std::cout << describeSoak(report);

    EXPECT_TRUE(report.ok());
    EXPECT_GT(report.joins, 10);
    EXPECT_GT(report.leaves + report.reconnects, 5);
    EXPECT_GT(report.stalls, 0);
    EXPECT_GT(report.stepsPublished, 1000);
    EXPECT_EQ(report.convergedAtEnd, options.followers);
    EXPECT_EQ(report.hostJoined, report.hostLeft);
    EXPECT_EQ(report.fdsAfter, report.fdsBefore);
}

TEST(ClassroomSoak, ProcessProbesReadProc)
{
    const long rss = residentSetKb();
    EXPECT_GT(rss, 0);
    const int fds = openDescriptorCount();
    ASSERT_GE(fds, 3); // stdin, stdout, stderr
    std::FILE* file = std::tmpfile();
    ASSERT_NE(file, nullptr);
    EXPECT_EQ(openDescriptorCount(), fds + 1); // the probe sees a new descriptor
    std::fclose(file);
    EXPECT_EQ(openDescriptorCount(), fds);
}
