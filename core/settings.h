// SPDX-License-Identifier: MIT
// The knobs of the model and the presets that bundle them (docs/architecture.md §2).
//
// Each knob selects how one kernel mechanism behaves, and each of its values cites the commit behind
// it; each preset is a kernel release (or a proposed fix) expressed as one value per knob:
//   check          the refcount test in migrate_page_move_mapping, step M7 (K9, K20, K21)
//   waiter_ref     what a migration-entry waiter does with its page reference (K12, K13, K23)
//   precopy_check  the refcount test in migrate_vma_check_page before the copy (K7, K23)
//   on_not_migrated what the driver's migrate_to_ram returns for a page it could not migrate
//                  (K16-K19)
//   fault_ref      what do_swap_page holds on the device-private page around migrate_to_ram:
//                  nothing (<= v6.0), a counted reference (v6.1), the page lock too (v6.15), and
//                  what a fault that cannot lock the page does: retry at once (v6.15) or sleep
//                  until it is unlocked (v7.0) (K14, K25, K26, K37)
//   collect_busy   what collect does when trylock_page fails: keep its reference for prepare's
//                  second trylock (<= v5.15) or drop it at once and collect nothing (v5.16) (K5, K6, K28)
//   refcount       one-based device-private counts (<= v5.17) or zero-based (v5.18) (K1, K29)
//   woken_waiter   what a waiter that slept holding its reference does when woken: return, or
//                  (before v5.9) sleep again if the page was locked again meanwhile (K13, K36)
//   driver_lock    whether the driver's migrate_to_ram takes a driver-wide mutex first, as the Xe
//                  driver did when its v6.1 livelock was reported (none: the in-tree drivers) (K26)
//
// A knob added later defaults to the behaviour the model had before it existed, so settings
// written before (recordings, lessons, classroom messages) keep their meaning.
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
enum class FaultRef : unsigned char { None, Counted, Trylock, TrylockThenWait };
enum class CollectBusy : unsigned char { KeepAndRetry, Drop };
enum class RefcountBase : unsigned char { OneBased, ZeroBased };
enum class WokenWaiter : unsigned char { Returns, SleepsAgainIfLocked };
enum class DriverLock : unsigned char { None, Exclusive };

/// True when do_swap_page locks the fault page before migrate_to_ram (v6.15 and later, K14): the
/// migrate_vma_* calls then find it locked by their own thread, and do_swap_page unlocks it (F2).
inline bool faultPathLocksPage(FaultRef faultRef)
{
    return faultRef == FaultRef::Trylock || faultRef == FaultRef::TrylockThenWait;
}

struct Settings
{
    CheckPolicy check = CheckPolicy::Strict;
    WaiterRef waiterRef = WaiterRef::DropAfterEnqueue;
    PrecopyCheck precopyCheck = PrecopyCheck::Off;
    OnNotMigrated onNotMigrated = OnNotMigrated::Refault;
    FaultRef faultRef = FaultRef::None;
    CollectBusy collectBusy = CollectBusy::KeepAndRetry;
    RefcountBase refcount = RefcountBase::OneBased;
    WokenWaiter wokenWaiter = WokenWaiter::Returns;
    DriverLock driverLock = DriverLock::None;

    friend bool operator==(const Settings&, const Settings&) = default;
};

/// One value a knob can take, as the user sees it.
struct KnobValue
{
    std::string_view name;        // the value as written in files and on the command line
    std::string_view explanation; // one line, plain language
    std::string_view kernels;     // which kernels behave this way, e.g. "v5.0-v5.16"
    std::string_view source;      // the commit (or mail) behind this behaviour, and its kernel note
};

struct Knob
{
    std::string_view key; // "check", "waiter_ref", ..., "refcount"
    std::string_view title;
    std::string_view explanation;
    std::vector<KnobValue> values;
    // Left out of printed settings while at its first (default) value: set for knobs added after
    // the golden outputs were fixed, so output for settings without them stays byte-identical.
    bool quietAtDefault = false;
};

/// The knobs, in display order. A knob missing from a recording or message takes its
/// default: the behaviour the model had before that knob existed.
const std::vector<Knob>& knobs();

struct Preset
{
    std::string_view name;
    std::string_view summary;
    Settings settings;
    std::string_view release; // the kernel release it stands for, e.g. "v5.16", or "v5.11 + proposal"
    std::string_view changed; // one line: what this release changed relative to the one before
};

/// The presets of docs/architecture.md §2, default first ("v5.11"); the released kernels in release order.
const std::vector<Preset>& presets();
const Preset* findPreset(std::string_view name);
/// The name of the preset whose settings equal these, or "custom".
std::string_view presetNameFor(const Settings& settings);

/// The value of a knob in these settings, with its explanation, kernels and source.
const KnobValue& knobValueInfo(const Settings& settings, std::string_view key);
/// Whether printed settings (JSON, traces) list this knob: every knob, except one that is
/// quietAtDefault and at its default.
bool knobListed(const Settings& settings, const Knob& knob);
/// The value name of a knob in these settings ("strict", ...).
std::string_view knobValue(const Settings& settings, std::string_view key);
/// Sets one knob from its textual value. Errors name the key and list the accepted values.
Result<Settings> withKnob(Settings settings, std::string_view key, std::string_view value);
/// Parses "key=value" as given to --set.
Result<Settings> withAssignment(Settings settings, std::string_view assignment);

} // namespace msb::core
