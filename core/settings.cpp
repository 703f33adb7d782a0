// SPDX-License-Identifier: MIT
#include "core/settings.h"

namespace msb::core {

const std::vector<Knob>& knobs()
{
    static const std::vector<Knob> table = {
        {"check", "Refcount check before commit (M7)",
            "The page_count test in migrate_page_move_mapping, the last refcount check before the migration commits.",
            {
                {"strict", "page_count(D) must equal 2 (ZONE_DEVICE base + collect reference), else -EAGAIN",
                    "all released kernels"},
                {"skip-device-private", "skip the test for device-private pages: the 2021 patch, never merged",
                    "v5.11 + [PATCH 1/9]"},
                {"count-waiters",
                    "expected count += references held by migration-entry waiters (Jason Gunthorpe's suggestion)",
                    "proposal"},
                {"drain-refs", "wait, holding PG_locked, until the extra references drain (naive fix)", "proposal"},
            }},
        {"waiter_ref", "Migration-entry waiter's reference",
            "What a thread that finds a migration entry does with its reference on the page while it waits.",
            {
                {"hold-while-sleeping", "takes a reference and holds it while sleeping on PG_locked", "up to v4.20"},
                {"drop-after-enqueue", "takes a reference, queues itself, drops the reference, then sleeps",
                    "v5.0 - v5.16"},
                {"none-ptl-held", "takes no reference; holds the page-table lock until it is queued",
                    "v5.17 and later"},
            }},
        {"precopy_check", "Refcount check before the copy (M5)",
            "The page_count test in migrate_vma_check_page, before the data is copied.",
            {
                {"off", "device-private pages skip the test (they cannot be pinned by GUP)", "up to v5.16"},
                {"on", "device-private pages get the normal test: extra references abort before the copy",
                    "v5.17 and later"},
            }},
        {"on_not_migrated", "Driver, when the page was not migrated",
            "What the driver's migrate_to_ram returns when it collected the page but could not migrate it.",
            {
                {"refault", "returns 0: the CPU re-executes the access and faults again", "nouveau, test_hmm, powerpc"},
                {"sigbus", "returns VM_FAULT_SIGBUS, as the migrate_vma_setup documentation asks: the process dies",
                    "documented contract"},
            }},
        {"fault_ref", "Fault path's hold on the page",
            "What do_swap_page holds on the device-private page while the driver's migrate_to_ram runs.",
            {
                {"none", "nothing: vmf->page comes from an unlocked read of the PTE (a freed page can be used)",
                    "up to v6.0"},
                {"counted", "a reference taken under the PTL; the check counts it for the faulting page only",
                    "v6.1 - v6.14"},
                {"trylock", "trylock_page and a reference under the PTL; a fault that cannot lock the page retries",
                    "v6.15 and later"},
            }},
    };
    return table;
}

const std::vector<Preset>& presets()
{
    using C = CheckPolicy;
    using W = WaiterRef;
    using P = PrecopyCheck;
    using O = OnNotMigrated;
    using F = FaultRef;
    static const std::vector<Preset> table = {
        {"v5.11", "v5.11 as shipped: strict check, waiters drop their reference after queueing",
            {C::Strict, W::DropAfterEnqueue, P::Off, O::Refault}},
        {"pre-v5.0", "before v5.0: waiters hold their reference for the whole sleep",
            {C::Strict, W::HoldWhileSleeping, P::Off, O::Refault}},
        {"v5.11-patched", "v5.11 with the 2021 patch: no refcount check for device-private pages",
            {C::SkipDevicePrivate, W::DropAfterEnqueue, P::Off, O::Refault}},
        {"count-waiters", "v5.11 with waiter references counted in the expected count",
            {C::CountWaiters, W::DropAfterEnqueue, P::Off, O::Refault}},
        {"v5.17", "v5.17: waiters take no reference; the pre-copy check is back",
            {C::Strict, W::NonePtlHeld, P::On, O::Refault}},
        {"naive-drain", "naive fix: the migrator waits, page locked, for extra references to drain",
            {C::DrainRefs, W::HoldWhileSleeping, P::Off, O::Refault}},
        {"v6.1", "v6.1: the fault path takes a counted reference; other faulters' references still fail the check",
            {C::Strict, W::NonePtlHeld, P::On, O::Refault, F::Counted}},
        {"v6.15", "v6.15: the fault path trylocks the page first; a fault that loses the race retries",
            {C::Strict, W::NonePtlHeld, P::On, O::Refault, F::Trylock}},
    };
    return table;
}

const Preset* findPreset(std::string_view name)
{
    for (const auto& preset : presets()) {
        if (preset.name == name)
            return &preset;
    }
    return nullptr;
}

std::string_view presetNameFor(const Settings& settings)
{
    for (const auto& preset : presets()) {
        if (preset.settings == settings)
            return preset.name;
    }
    return "custom";
}

namespace {

int knobIndex(std::string_view key)
{
    const auto& all = knobs();
    for (size_t i = 0; i < all.size(); ++i) {
        if (all[i].key == key)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace

std::string_view knobValue(const Settings& settings, std::string_view key)
{
    const int index = knobIndex(key);
    if (index < 0)
        return {};
    const auto& values = knobs()[index].values;
    switch (index) {
    case 0:
        return values[static_cast<size_t>(settings.check)].name;
    case 1:
        return values[static_cast<size_t>(settings.waiterRef)].name;
    case 2:
        return values[static_cast<size_t>(settings.precopyCheck)].name;
    case 3:
        return values[static_cast<size_t>(settings.onNotMigrated)].name;
    default:
        return values[static_cast<size_t>(settings.faultRef)].name;
    }
}

Result<Settings> withKnob(Settings settings, std::string_view key, std::string_view value)
{
    const int index = knobIndex(key);
    if (index < 0) {
        std::string known;
        for (const auto& knob : knobs())
            known += (known.empty() ? "" : ", ") + std::string(knob.key);
        return Error {{}, 0, 0, std::string(key), "unknown setting; known settings: " + known};
    }
    const auto& values = knobs()[index].values;
    for (size_t v = 0; v < values.size(); ++v) {
        if (values[v].name != value)
            continue;
        switch (index) {
        case 0:
            settings.check = static_cast<CheckPolicy>(v);
            break;
        case 1:
            settings.waiterRef = static_cast<WaiterRef>(v);
            break;
        case 2:
            settings.precopyCheck = static_cast<PrecopyCheck>(v);
            break;
        case 3:
            settings.onNotMigrated = static_cast<OnNotMigrated>(v);
            break;
        default:
            settings.faultRef = static_cast<FaultRef>(v);
            break;
        }
        return settings;
    }
    std::string accepted;
    for (const auto& v : values)
        accepted += (accepted.empty() ? "" : ", ") + std::string(v.name);
    return Error {
        {}, 0, 0, std::string(key), "unknown value '" + std::string(value) + "'; accepted values: " + accepted};
}

Result<Settings> withAssignment(Settings settings, std::string_view assignment)
{
    const auto eq = assignment.find('=');
    if (eq == std::string_view::npos || eq == 0)
        return Error {{}, 0, 0, {}, "expected key=value, got '" + std::string(assignment) + "'"};
    return withKnob(settings, assignment.substr(0, eq), assignment.substr(eq + 1));
}

} // namespace msb::core
