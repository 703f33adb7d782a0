// SPDX-License-Identifier: MIT
// One side of the "Compare two kernels" dialog: a preset plus knob overrides typed as key=value
// (the words of the CLI's --set-a/--set-b), resolved to settings with a label, or to an error
// that names the side and the knob. Also the dialog's default pair of presets.
#pragma once

#include "core/settings.h"

#include <QString>

#include <optional>
#include <utility>

namespace msb::app {

struct DiffSide
{
    core::Settings settings;
    QString label; // "v6.15" or "v6.15 + fault_ref=counted"
};

struct DiffSideResult
{
    std::optional<DiffSide> side;
    QString error; // set when side is empty: "side B, knob fault_ref: ..."
};

/*! preset is a core preset name; knobs is a list of key=value separated by spaces or commas
    (empty: the preset as is). sideName ("A", "B") starts every error. */
DiffSideResult resolveDiffSide(const QString& preset, const QString& knobs, const QString& sideName);

/*! The default pair for settings: their preset (or the nearest released kernel) against the next
    newer released kernel; at the newest kernel, the one before it against it. Preset names. */
std::pair<QString, QString> defaultDiffPresets(const core::Settings& settings);

} // namespace msb::app
