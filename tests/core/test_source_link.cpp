// SPDX-License-Identifier: MIT
// The code panel's links: each step opens its kernel file at the release the settings stand for.
#include "core/source_link.h"

#include <gtest/gtest.h>

namespace msb::core {
namespace {

Settings preset(std::string_view name)
{
    const Preset* p = findPreset(name);
    EXPECT_NE(p, nullptr) << name;
    return p ? p->settings : Settings {};
}

TEST(SourceLink, PresetsReadTheirReleaseAndProposalsTheirBase)
{
    EXPECT_EQ(sourceTag(preset("v5.11")), "v5.11");
    EXPECT_EQ(sourceTag(preset("v5.11-patched")), "v5.11");
    EXPECT_EQ(sourceTag(preset("count-waiters")), "v5.11");
    EXPECT_EQ(sourceTag(preset("pre-v5.0")), "v4.20");
    EXPECT_EQ(sourceTag(preset("v5.16")), "v5.16");
    EXPECT_EQ(sourceTag(preset("v5.18")), "v5.18");
    EXPECT_EQ(sourceTag(preset("v6.15")), "v6.15");
    Settings custom = preset("v5.11");
    custom.faultRef = FaultRef::Counted; // only v6.1 and later behave this way
    EXPECT_EQ(sourceTag(custom), "v6.1");
}

TEST(SourceLink, StepOpensItsFileAtThatRelease)
{
    const SourceLink m7 = sourceLink(StepId::M7, preset("v5.11"));
    EXPECT_EQ(m7.file, "mm/migrate.c");
    EXPECT_EQ(m7.fileUrl, "https://elixir.bootlin.com/linux/v5.11/source/mm/migrate.c");
    EXPECT_EQ(m7.symbolUrl, "https://elixir.bootlin.com/linux/v5.11/A/ident/migrate_page_move_mapping");
    EXPECT_EQ(m7.releases.rfind("v5.11 \xE2\x80\x93 v5.17", 0), 0u) << m7.releases; // K9
    // The migrate_vma_* code moved to its own file in v5.18.
    EXPECT_EQ(sourceLink(StepId::M1, preset("v5.17")).file, "mm/migrate.c");
    EXPECT_EQ(sourceLink(StepId::M1, preset("v5.18")).fileUrl,
        "https://elixir.bootlin.com/linux/v5.18/source/mm/migrate_device.c");
    EXPECT_EQ(sourceLink(StepId::M7, preset("v6.1")).file, "mm/migrate.c");
    // A device's DMA write is not kernel code: no link.
    const SourceLink h2 = sourceLink(StepId::H2, preset("v5.11"));
    EXPECT_TRUE(h2.fileUrl.empty());
    EXPECT_TRUE(h2.symbolUrl.empty());
}

} // namespace
} // namespace msb::core
