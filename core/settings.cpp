// SPDX-License-Identifier: MIT
#include "core/settings.h"

namespace msb::core {

const std::vector<Knob>& knobs()
{
    static const std::vector<Knob> table = {
        {"check", "Refcount check before commit (M7)",
            "The page_count test in migrate_page_move_mapping, the last refcount check before the migration commits.",
            {
                {"strict", "page_count(D) must equal the expected count (v5.11: 2, base + collect), else -EAGAIN",
                    "all released kernels", "in mainline since device-private pages exist (K9)"},
                {"skip-device-private", "skip the test for device-private pages: the 2021 patch, never merged",
                    "v5.11 + [PATCH 1/9]", "20210209010722.13839-2-apopple@nvidia.com, dropped in v2 (K20, K22)"},
                {"count-waiters",
                    "expected count += references held by migration-entry waiters (Jason Gunthorpe's suggestion)",
                    "proposal", "20210209133932.GD4718@ziepe.ca, never implemented (K21, K33)"},
                {"drain-refs", "wait, holding PG_locked, until the extra references drain (naive fix)", "proposal",
                    "none: a thought experiment (K35)"},
            }},
        {"waiter_ref", "Migration-entry waiter's reference",
            "What a thread that finds a migration entry does with its reference on the page while it waits.",
            {
                {"hold-while-sleeping", "takes a reference and holds it while sleeping on PG_locked", "up to v4.20",
                    "before 9a1ea439b16b (K13)"},
                {"drop-after-enqueue", "takes a reference, queues itself, drops the reference, then sleeps",
                    "v5.0 - v5.16", "9a1ea439b16b, v5.0 (K12, K13)"},
                {"none-ptl-held", "takes no reference; holds the page-table lock until it is queued", "v5.17 and later",
                    "ffa65753c431, v5.17 (K23)"},
            }},
        {"precopy_check", "Refcount check before the copy (M5)",
            "The page_count test in migrate_vma_check_page, before the data is copied.",
            {
                {"off", "device-private pages skip the test (they cannot be pinned by GUP)", "up to v5.16",
                    "before ffa65753c431 (K7)"},
                {"on", "device-private pages get the normal test: page_count - extra > mapcount aborts before the copy",
                    "v5.17 and later", "ffa65753c431, v5.17 (K23, K25)"},
            }},
        {"on_not_migrated", "Driver, when the page was not migrated",
            "What the driver's migrate_to_ram returns when it collected the page but could not migrate it.",
            {
                {"refault", "returns 0: the CPU re-executes the access and faults again", "nouveau, test_hmm, powerpc",
                    "the in-tree drivers (K16, K17, K18)"},
                {"sigbus", "returns VM_FAULT_SIGBUS, as the migrate_vma_setup documentation asks: the process dies",
                    "documented contract", "the migrate_vma_setup kerneldoc (K19)"},
            }},
        {"fault_ref", "Fault path's hold on the page",
            "What do_swap_page holds on the device-private page while the driver's migrate_to_ram runs.",
            {
                {"none", "nothing: vmf->page comes from an unlocked read of the PTE (a freed page can be used)",
                    "up to v6.0", "before 16ce101db85d (K11)"},
                {"counted", "a reference taken under the PTL; the check counts it for the faulting page only",
                    "v6.1 - v6.14", "16ce101db85d, v6.1 (K14)"},
                {"trylock", "trylock_page and a reference under the PTL; a fault that cannot lock the page retries",
                    "v6.15 - v6.19, before b570f37a2ce4", "1afaeb8293c9, v6.15 (K14)"},
                {"trylock-then-wait",
                    "as trylock, but a fault that cannot lock the page sleeps until it is unlocked, holding no "
                    "reference (queued before the PTL goes, F1-wait/F4), then re-faults",
                    "v7.0 and later (and 6.18.y, 6.19.y)", "b570f37a2ce4, v7.0-rc4 (K37)"},
            }},
        {"collect_busy", "Collect, when the page is locked",
            "What migrate_vma_collect does when trylock_page fails on the page it took a reference to.",
            {
                {"keep-and-retry",
                    "keeps its reference, the PTE stays; prepare tries the lock again (M2-busy, M2-retry/give)",
                    "up to v5.15", "before ab09243aa95a (K5, K6)"},
                {"drop", "drops its reference at once and collects nothing; the driver returns 0 (M2-drop)",
                    "v5.16 and later", "ab09243aa95a, v5.16 (K28)"},
            }},
        {"refcount", "Device-private page counts",
            "Whether a device-private page's count carries the extra ZONE_DEVICE reference.",
            {
                {"one-based", "a mapped page has count 2 (base + mapping); the final check counts the base too",
                    "up to v5.17", "before 27674ef6c73f (K1, K9)"},
                {"zero-based",
                    "a mapped page has count 1; the final check no longer counts a base, the pre-copy check keeps its "
                    "ZONE_DEVICE "
                    "+1 and so lets one extra reference through",
                    "v5.18 and later", "27674ef6c73f, v5.18 (K29)"},
            }},
        {"woken_waiter", "Woken waiter, page locked again",
            "What a waiter that sleeps holding its reference does when woken while the page is locked again.",
            {
                {"returns", "returns and faults again (the wake itself is the end of the wait)", "v5.9 and later",
                    "2a9127fcf229, v5.9 (K36)"},
                {"sleeps-again-if-locked",
                    "finds PG_locked set again, queues and sleeps again, still holding its reference (W5-again)",
                    "up to v5.8", "before 2a9127fcf229 (K13, K36)"},
            }},
        {"driver_lock", "Driver lock in migrate_to_ram",
            "Whether the driver's migrate_to_ram takes a driver-wide mutex before migrate_vma_setup and drops it "
            "when it returns; a fault that finds it held sleeps on it, keeping what do_swap_page holds.",
            {
                {"none", "no lock of the driver's own: the in-tree drivers' shape", "nouveau, test_hmm, powerpc",
                    "the in-tree drivers (K16, K17, K18)"},
                {"exclusive",
                    "mutex_lock before migrate_vma_setup, mutex_unlock on return (L1, L2); a fault that finds it "
                    "held sleeps on it holding its fault reference (v6.1) or its page lock (v6.15+)",
                    "Intel Xe SVM, 2024 (out of tree)",
                    "Matthew Brost's livelock report, ZwTFqiuQDjHVHZdD@DUT025-TGLU.fm.intel.com (K26)"},
            },
            true},
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
    using B = CollectBusy;
    using R = RefcountBase;
    using K = WokenWaiter;
    static const std::vector<Preset> table = {
        {"v5.11", "v5.11 as shipped: strict check, waiters drop their reference after queueing",
            {C::Strict, W::DropAfterEnqueue, P::Off, O::Refault, F::None, B::KeepAndRetry, R::OneBased}, "v5.11",
            "the release the 2021 patch was written against"},
        {"pre-v5.0", "before v5.0: waiters hold their reference for the whole sleep",
            {C::Strict, W::HoldWhileSleeping, P::Off, O::Refault, F::None, B::KeepAndRetry, R::OneBased,
                K::SleepsAgainIfLocked},
            "v4.20", "waiters sleep holding their reference, and sleep again if the page was locked again"},
        {"v5.11-patched", "v5.11 with the 2021 patch: no refcount check for device-private pages",
            {C::SkipDevicePrivate, W::DropAfterEnqueue, P::Off, O::Refault, F::None, B::KeepAndRetry, R::OneBased},
            "v5.11 + [PATCH 1/9] (never merged)", "no count test for device-private pages at the final check"},
        {"count-waiters", "v5.11 with waiter references counted in the expected count",
            {C::CountWaiters, W::DropAfterEnqueue, P::Off, O::Refault, F::None, B::KeepAndRetry, R::OneBased},
            "v5.11 + Jason Gunthorpe's proposal", "the final check expects 2 + the waiters' references"},
        {"v5.16", "v5.16: collect drops its reference at once when the page is locked",
            {C::Strict, W::DropAfterEnqueue, P::Off, O::Refault, F::None, B::Drop, R::OneBased}, "v5.16",
            "ab09243aa95a: no second trylock; a busy page costs collect one short reference"},
        {"v5.17", "v5.17: waiters take no reference; the pre-copy check is back",
            {C::Strict, W::NonePtlHeld, P::On, O::Refault, F::None, B::Drop, R::OneBased}, "v5.17",
            "ffa65753c431: waiters hold the PTL instead of a reference; device pages get the pre-copy test"},
        {"v5.18", "v5.18: zero-based counts; the pre-copy check now lets one extra reference through",
            {C::Strict, W::NonePtlHeld, P::On, O::Refault, F::None, B::Drop, R::ZeroBased}, "v5.18",
            "27674ef6c73f: counts lose the ZONE_DEVICE +1, but the pre-copy check keeps its extra++"},
        {"naive-drain", "naive fix: the migrator waits, page locked, for extra references to drain",
            {C::DrainRefs, W::HoldWhileSleeping, P::Off, O::Refault, F::None, B::KeepAndRetry, R::OneBased,
                K::SleepsAgainIfLocked},
            "v4.20 + a naive fix", "the final check waits for the count instead of failing"},
        {"v6.1", "v6.1: the fault path takes a counted reference; other faulters' references still fail the check",
            {C::Strict, W::NonePtlHeld, P::On, O::Refault, F::Counted, B::Drop, R::ZeroBased}, "v6.1",
            "16ce101db85d: do_swap_page holds a reference, counted for the fault page only"},
        {"v6.15", "v6.15: the fault path trylocks the page first; a fault that loses the race retries",
            {C::Strict, W::NonePtlHeld, P::On, O::Refault, F::Trylock, B::Drop, R::ZeroBased}, "v6.15",
            "1afaeb8293c9: do_swap_page trylocks the page before taking its reference"},
        {"v7.0", "v7.0: a fault that loses the trylock sleeps until the page is unlocked instead of spinning",
            {C::Strict, W::NonePtlHeld, P::On, O::Refault, F::TrylockThenWait, B::Drop, R::ZeroBased}, "v7.0",
            "b570f37a2ce4: a failed trylock in do_swap_page waits for the unlock, without a reference"},
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

namespace {

/// The value index of knob `index` in these settings (the knobs() order).
size_t valueIndex(const Settings& settings, int index)
{
    switch (index) {
    case 0:
        return static_cast<size_t>(settings.check);
    case 1:
        return static_cast<size_t>(settings.waiterRef);
    case 2:
        return static_cast<size_t>(settings.precopyCheck);
    case 3:
        return static_cast<size_t>(settings.onNotMigrated);
    case 4:
        return static_cast<size_t>(settings.faultRef);
    case 5:
        return static_cast<size_t>(settings.collectBusy);
    case 6:
        return static_cast<size_t>(settings.refcount);
    case 7:
        return static_cast<size_t>(settings.wokenWaiter);
    default:
        return static_cast<size_t>(settings.driverLock);
    }
}

void setValueIndex(Settings& settings, int index, size_t v)
{
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
    case 4:
        settings.faultRef = static_cast<FaultRef>(v);
        break;
    case 5:
        settings.collectBusy = static_cast<CollectBusy>(v);
        break;
    case 6:
        settings.refcount = static_cast<RefcountBase>(v);
        break;
    case 7:
        settings.wokenWaiter = static_cast<WokenWaiter>(v);
        break;
    default:
        settings.driverLock = static_cast<DriverLock>(v);
        break;
    }
}

} // namespace

const KnobValue& knobValueInfo(const Settings& settings, std::string_view key)
{
    const int index = knobIndex(key);
    static const KnobValue none {};
    if (index < 0)
        return none;
    return knobs()[static_cast<size_t>(index)].values[valueIndex(settings, index)];
}

bool knobListed(const Settings& settings, const Knob& knob)
{
    return !knob.quietAtDefault || knobValue(settings, knob.key) != knob.values.front().name;
}

std::string_view knobValue(const Settings& settings, std::string_view key)
{
    return knobValueInfo(settings, key).name;
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
    const auto& values = knobs()[static_cast<size_t>(index)].values;
    for (size_t v = 0; v < values.size(); ++v) {
        if (values[v].name != value)
            continue;
        setValueIndex(settings, index, v);
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
