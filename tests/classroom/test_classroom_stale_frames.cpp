// SPDX-License-Identifier: MIT
// The frame staleness rule (stale_frames.h): which frames each message makes stale, applied to a
// map of frames and to the host's FrameCache.
#include "app/classroom/frame_cache.h"
#include "app/classroom/stale_frames.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

using namespace msb::classroom;

namespace {

std::vector<int> keys(const std::map<int, std::string>& frames)
{
    std::vector<int> out;
    for (const auto& [position, frame] : frames)
        out.push_back(position);
    return out;
}

std::map<int, std::string> framesUpTo(int last)
{
    std::map<int, std::string> frames;
    for (int p = 0; p <= last; ++p)
        frames[p] = "frame " + std::to_string(p);
    return frames;
}

} // namespace

TEST(ClassroomStaleFrames, AStepMakesTheFramesPastItsIndexStale)
{
    // The step at index 3 leads from position 3 to 4: position 3's state is the same as before.
    EXPECT_EQ(firstStaleFrame(StepEvent {3, 0, msb::core::StepId::A0, 1}), 4);
    EXPECT_EQ(firstStaleFrame(StepEvent {0, 1, msb::core::StepId::A0, 1}), 1);
    EXPECT_EQ(firstStaleFrame(MessageType::Step, 7), 8);
    auto frames = framesUpTo(6);
    dropStaleFrames(frames, firstStaleFrame(StepEvent {3, 0, msb::core::StepId::A0, 1}));
    EXPECT_EQ(keys(frames), (std::vector<int> {0, 1, 2, 3}));
}

TEST(ClassroomStaleFrames, ASessionNewSettingsOrAWelcomeMakeEveryFrameStale)
{
    for (const Message& message : std::vector<Message> {msg::Session {}, msg::SettingsChange {}, msg::Welcome {}}) {
        EXPECT_EQ(firstStaleFrame(message), 0) << messageType(message);
        auto frames = framesUpTo(4);
        dropStaleFrames(frames, firstStaleFrame(message));
        EXPECT_TRUE(frames.empty()) << messageType(message);
    }
}

TEST(ClassroomStaleFrames, EverythingElseLeavesTheFrames)
{
    for (const auto& info : kMessageTypes) {
        if (info.type == MessageType::Step || info.type == MessageType::Session || info.type == MessageType::Settings
            || info.type == MessageType::Welcome)
            continue;
        EXPECT_EQ(firstStaleFrame(info.type, 2), std::nullopt) << info.name;
    }
    EXPECT_EQ(firstStaleFrame(msg::Jump {2}), std::nullopt);
    EXPECT_EQ(firstStaleFrame(NarrationEvent {2, "text"}), std::nullopt);
    EXPECT_EQ(firstStaleFrame(msg::End {}), std::nullopt);
    auto frames = framesUpTo(4);
    dropStaleFrames(frames, firstStaleFrame(msg::Jump {2}));
    EXPECT_EQ(frames.size(), 5u);
}

TEST(ClassroomStaleFrames, TheHostsCacheDropsTheSameFrames)
{
    FrameCache cache(1 << 20);
    for (int p = 0; p <= 6; ++p)
        cache.put(p, FrameFormat::Text, "position " + std::to_string(p) + "\n", 0);
    const std::size_t before = cache.bytes();
    cache.dropFrom(*firstStaleFrame(StepEvent {2, 0, msb::core::StepId::A0, 1}));
    EXPECT_EQ(cache.positionsFrom(0), (std::vector<int> {0, 1, 2}));
    EXPECT_LT(cache.bytes(), before);
    cache.dropFrom(*firstStaleFrame(msg::SettingsChange {}));
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(cache.bytes(), 0u);
}
