// SPDX-License-Identifier: MIT
// The knobs of the model and the presets that bundle them (DESIGN.md §2).
//
// Each knob selects how one kernel mechanism behaves; each preset is a kernel version (or a
// proposed fix) expressed as one value per knob:
//   check          the refcount test in migrate_page_move_mapping, step M7 (K9, K20, K21)
//   waiter_ref     what a migration-entry waiter does with its page reference (K12, K13, K23)
//   precopy_check  the refcount test in migrate_vma_check_page before the copy (K7, K23)
//   on_not_migrated what the driver's migrate_to_ram returns for a page it could not migrate
//                  (K16-K19)
//   fault_ref      what do_swap_page holds on the device-private page around migrate_to_ram:
//                  nothing (<= v6.0), a counted reference (v6.1), the page lock too (v6.15)
//                  (K14, K25, K26)
#pragma once

#include "core/result.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace msb::core {

enum class CheckPolicy : unsigned char { Strict, SkipDevicePrivate, CountWaiters, DrainRefs };
enum class WaiterRef : unsigned char { HoldWhileSleeping, DropAfterEnqueue, NonePtlHeld };
enum class PrecopyCheck : unsigned char { Off, On };
enum class OnNotMigrated : unsigned char { Refault, Sigbus };
enum class FaultRef : unsigned char { None, Counted, Trylock };

struct Settings
{
    CheckPolicy check = CheckPolicy::Strict;
    WaiterRef waiterRef = WaiterRef::DropAfterEnqueue;
    PrecopyCheck precopyCheck = PrecopyCheck::Off;
    OnNotMigrated onNotMigrated = OnNotMigrated::Refault;
    FaultRef faultRef = FaultRef::None;

    friend bool operator==(const Settings&, const Settings&) = default;
};

/// One value a knob can take, as the user sees it.
struct KnobValue
{
    std::string_view name;        // the value as written in files and on the command line
    std::string_view explanation; // one line, plain language
    std::string_view kernels;     // which kernels behave this way, e.g. "v5.0-v5.16"
};

struct Knob
{
    std::string_view key; // "check", "waiter_ref", "precopy_check", "on_not_migrated", "fault_ref"
    std::string_view title;
    std::string_view explanation;
    std::vector<KnobValue> values;
};

/// The knobs, in display order. A knob missing from a recording or message takes its
/// default: the behaviour the model had before that knob existed.
const std::vector<Knob>& knobs();

struct Preset
{
    std::string_view name;
    std::string_view summary;
    Settings settings;
};

/// The presets of DESIGN.md §2, default first ("v5.11").
const std::vector<Preset>& presets();
const Preset* findPreset(std::string_view name);
/// The name of the preset whose settings equal these, or "custom".
std::string_view presetNameFor(const Settings& settings);

/// The value name of a knob in these settings ("strict", ...).
std::string_view knobValue(const Settings& settings, std::string_view key);
/// Sets one knob from its textual value. Errors name the key and list the accepted values.
Result<Settings> withKnob(Settings settings, std::string_view key, std::string_view value);
/// Parses "key=value" as given to --set.
Result<Settings> withAssignment(Settings settings, std::string_view assignment);

} // namespace msb::core
