// SPDX-License-Identifier: MIT
#include "core/source_link.h"

#include "core/kernel_notes.h"

#include <cstdio>
#include <utility>

namespace msb::core {

namespace {

constexpr std::string_view kBrowser = "https://elixir.bootlin.com/linux/";

/// "v5.18" -> (5, 18); anything else -> (0, 0).
std::pair<int, int> versionOf(std::string_view tag)
{
    int major = 0;
    int minor = 0;
    if (std::sscanf(std::string(tag).c_str(), "v%d.%d", &major, &minor) != 2)
        return {0, 0};
    return {major, minor};
}

} // namespace

std::string sourceTag(const Settings& settings)
{
    if (const Preset* preset = findPreset(presetNameFor(settings))) {
        // "v5.11 + [PATCH 1/9] ..." reads the v5.11 source; the proposal is not in any tree.
        const std::string_view release = preset->release;
        return std::string(release.substr(0, release.find(' ')));
    }
    if (settings.faultRef == FaultRef::TrylockThenWait)
        return "v7.0";
    if (settings.faultRef == FaultRef::Trylock)
        return "v6.15";
    if (settings.faultRef == FaultRef::Counted)
        return "v6.1";
    if (settings.refcount == RefcountBase::ZeroBased)
        return "v5.18";
    if (settings.waiterRef == WaiterRef::NonePtlHeld || settings.precopyCheck == PrecopyCheck::On)
        return "v5.17";
    if (settings.collectBusy == CollectBusy::Drop)
        return "v5.16";
    if (settings.waiterRef == WaiterRef::HoldWhileSleeping)
        return "v4.20";
    return "v5.11";
}

SourceLink sourceLink(StepId id, const Settings& settings)
{
    const StepInfo& info = stepInfo(id);
    SourceLink link;
    link.tag = sourceTag(settings);
    const auto notes = citedKernelNotes(info.fact);
    if (!notes.empty()) {
        if (const KernelNote* note = findKernelNote(notes.front()))
            link.releases = std::string(note->releases);
    }
    if (info.file.empty() || info.file.front() == '(') // "(driver)": not a kernel source file
        return link;
    link.file = std::string(info.file);
    const bool deviceMigration = info.function.rfind("migrate_vma_", 0) == 0;
    if (deviceMigration && link.file == "mm/migrate.c" && versionOf(link.tag) >= std::pair {5, 18})
        link.file = "mm/migrate_device.c";
    link.fileUrl = std::string(kBrowser) + link.tag + "/source/" + link.file;
    if (info.function.find_first_of("() ") == std::string_view::npos)
        link.symbolUrl = std::string(kBrowser) + link.tag + "/A/ident/" + std::string(info.function);
    return link;
}

} // namespace msb::core
