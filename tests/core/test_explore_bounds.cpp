// SPDX-License-Identifier: MIT
// The explorer's bounds: the state store's ids and its memory forecast, the memory budget that
// stops a large exploration before the OOM killer would, and reading budget sizes.
#include "core/explorer.h"
#include "core/memory_budget.h"
#include "core/simulator.h"
#include "core/state_store.h"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <vector>

namespace msb::core {
namespace {

Settings v511()
{
    return findPreset("v5.11")->settings;
}

TEST(StateStore, DenseIdsAndExactLookup)
{
    StateStore store(2);
    std::set<std::uint32_t> ids;
    for (std::uint64_t i = 0; i < 10'000; ++i) {
        const std::array<std::uint64_t, 2> words {i * 7919, ~i};
        const auto [id, inserted] = store.insert(words.data(), storeHash(words.data(), 2));
        ASSERT_TRUE(inserted);
        ASSERT_EQ(id, i);
        ids.insert(id);
    }
    for (std::uint64_t i = 0; i < 10'000; ++i) {
        const std::array<std::uint64_t, 2> words {i * 7919, ~i};
        ASSERT_EQ(store.find(words.data(), storeHash(words.data(), 2)), i);
        ASSERT_FALSE(store.insert(words.data(), storeHash(words.data(), 2)).second);
        std::array<std::uint64_t, 2> loaded {};
        store.load(static_cast<std::uint32_t>(i), loaded.data());
        ASSERT_EQ(loaded, words);
    }
    const std::array<std::uint64_t, 2> absent {1, 1};
    EXPECT_EQ(store.find(absent.data(), storeHash(absent.data(), 2)), StateStore::kNone);
    EXPECT_EQ(store.size(), 10'000u);
}

// The memory budget relies on bytesAt() telling in advance what bytes() will be, table doublings
// included.
TEST(StateStore, ForecastsItsOwnGrowth)
{
    StateStore store(2);
    const std::uint64_t target = 50'000;
    std::vector<std::uint64_t> forecast(target + 1);
    for (std::uint64_t n = 1; n <= target; ++n)
        forecast[n] = store.bytesAt(n);
    for (std::uint64_t i = 0; i < target; ++i) {
        const std::array<std::uint64_t, 2> words {i, i ^ 0x5555};
        store.insert(words.data(), storeHash(words.data(), 2));
        ASSERT_EQ(store.bytes(), forecast[i + 1]) << "after " << i + 1 << " states";
    }
    EXPECT_EQ(store.bytesAt(store.size()), store.bytes());
    EXPECT_GT(store.bytesAt(4 * target), store.bytes());
}

TEST(MemoryBudget, ReadsSizes)
{
    EXPECT_EQ(parseByteSize("2G"), std::uint64_t {2} << 30);
    EXPECT_EQ(parseByteSize("512M"), std::uint64_t {512} << 20);
    EXPECT_EQ(parseByteSize("64k"), std::uint64_t {64} << 10);
    EXPECT_EQ(parseByteSize("1.5GiB"), std::uint64_t {3} << 29);
    EXPECT_EQ(parseByteSize("100000"), 100000u);
    EXPECT_EQ(parseByteSize("1tb"), std::uint64_t {1} << 40);
    for (const char* bad : {"", "G", "0", "0.1", "-1G", "2X", "1.2.3M", "2 G", "1e3", "99999999999T"})
        EXPECT_FALSE(parseByteSize(bad)) << bad;
    EXPECT_EQ(formatBytes(312), "312 B");
    EXPECT_EQ(formatBytes(std::uint64_t {3} << 29), "1.5 GiB");
    EXPECT_EQ(formatBytes(std::uint64_t {512} << 20), "512 MiB");
}

TEST(MemoryBudget, DefaultIsAShareOfWhatIsAvailable)
{
    const std::uint64_t available = availableMemoryBytes();
    ASSERT_GT(available, 0u);
    EXPECT_GT(defaultMemoryBudget(), 0u);
    EXPECT_LT(defaultMemoryBudget(), available);
}

TEST(MemoryBudget, ATinyBudgetStopsTheRunIncomplete)
{
    const Model model(makeNFaults(3, 2), v511());
    ExploreOptions unbounded;
    unbounded.memoryBudget = std::uint64_t {1} << 30;
    const ExploreResult full = explore(model, unbounded);
    ASSERT_TRUE(full.complete);
    EXPECT_EQ(full.stoppedBy, ExploreStop::None);
    EXPECT_EQ(incompleteReason(full), "");

    ExploreOptions tiny;
    tiny.memoryBudget = std::uint64_t {1} << 20;
    const ExploreResult bounded = explore(model, tiny);
    EXPECT_FALSE(bounded.complete);
    EXPECT_FALSE(bounded.completesAlways);
    EXPECT_EQ(bounded.stoppedBy, ExploreStop::MemoryBudget);
    EXPECT_EQ(bounded.memoryBudget, std::uint64_t {1} << 20);
    EXPECT_LT(bounded.states, full.states);
    EXPECT_GT(bounded.states, 1000u);
    EXPECT_LE(bounded.storeBytes, std::uint64_t {1} << 20);
    EXPECT_NE(incompleteReason(bounded).find("memory budget of 1.0 MiB"), std::string::npos)
        << incompleteReason(bounded);
    // What it did find is real: every counterexample replays in the simulator.
    for (const Outcome outcome : {Outcome::Livelock, Outcome::StalePageUse}) {
        ASSERT_TRUE(bounded.reached(outcome)) << outcomeName(outcome);
        const auto& trace = bounded.counterexample(outcome);
        ASSERT_TRUE(trace);
        Simulator simulator(model.scenario(), model.settings());
        EXPECT_TRUE(simulator.replay(trace->schedule())) << outcomeName(outcome);
    }
}

TEST(MemoryBudget, MaxStatesIsReportedAsItsOwnReason)
{
    const Model model(makeNFaults(3, 2), v511());
    ExploreOptions options;
    options.maxStates = 500;
    const ExploreResult result = explore(model, options);
    EXPECT_FALSE(result.complete);
    EXPECT_EQ(result.states, 500u);
    EXPECT_EQ(result.stoppedBy, ExploreStop::MaxStates);
}

} // namespace
} // namespace msb::core
