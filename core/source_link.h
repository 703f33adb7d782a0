// SPDX-License-Identifier: MIT
// Where a step's kernel code can be read: the release the settings stand for, the file at that
// release, and a link into a public kernel source browser (elixir.bootlin.com) at that tag.
#pragma once

#include "core/settings.h"
#include "core/steps.h"

#include <string>
#include <string_view>

namespace msb::core {

struct SourceLink
{
    std::string tag;       // the kernel release to read, e.g. "v5.18"
    std::string file;      // the step's file at that release (empty when it is not kernel code)
    std::string releases;  // the release range of the step's first kernel note, e.g. "v5.0 – v5.16"
    std::string fileUrl;   // https://elixir.bootlin.com/linux/<tag>/source/<file>
    std::string symbolUrl; // the function's definitions at that tag, on the same browser
};

/// The kernel release whose source these settings follow: the preset's release, or for a custom
/// combination the newest release whose behaviour one of the knobs selects.
std::string sourceTag(const Settings& settings);

/// The source location of a step under these settings. From v5.18 the migrate_vma_* functions
/// live in mm/migrate_device.c (76cbbead253d, the series of 27674ef6c73f).
SourceLink sourceLink(StepId id, const Settings& settings);

} // namespace msb::core
