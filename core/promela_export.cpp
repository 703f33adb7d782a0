// SPDX-License-Identifier: MIT
// The Promela translation of a configuration. Over 450 lines on purpose: the Writer emits one
// Promela branch per model step, in the step table's order, so that each can be compared line by
// line with Model::apply (model.cpp); splitting it would separate the two halves of that comparison.
#include "core/promela_export.h"

#include "core/steps.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <deque>
#include <map>
#include <optional>
#include <sstream>

namespace msb::core {

namespace {

// ---------------------------------------------------------------------------------------------
// What the exporter translates. Every knob value is listed; a knob this table does not know is
// accepted only at its default value (the model behaved that way before the knob existed).

struct Translated
{
    std::string_view key;
    std::vector<std::string_view> values;
};

const std::vector<Translated>& translatedKnobs()
{
    static const std::vector<Translated> table = {
        {"check", {"strict", "skip-device-private", "count-waiters", "drain-refs"}},
        {"waiter_ref", {"hold-while-sleeping", "drop-after-enqueue", "none-ptl-held"}},
        {"precopy_check", {"off", "on"}},
        {"on_not_migrated", {"refault", "sigbus"}},
        {"fault_ref", {"none", "counted", "trylock", "trylock-then-wait"}},
        {"collect_busy", {"keep-and-retry", "drop"}},
        {"refcount", {"one-based", "zero-based"}},
        {"woken_waiter", {"returns", "sleeps-again-if-locked"}},
        {"driver_lock", {"none", "exclusive"}},
    };
    return table;
}

std::optional<Error> untranslated(const Settings& settings)
{
    const Settings defaults;
    for (const Knob& knob : knobs()) {
        const std::string_view value = knobValue(settings, knob.key);
        const auto known = std::find_if(
            translatedKnobs().begin(), translatedKnobs().end(), [&](const Translated& t) { return t.key == knob.key; });
        const bool ok = known == translatedKnobs().end()
            ? value == knobValue(defaults, knob.key)
            : std::find(known->values.begin(), known->values.end(), value) != known->values.end();
        if (!ok) {
            return Error {{}, 0, 0, std::string(knob.key),
                "export-promela does not translate " + std::string(knob.key) + "=" + std::string(value)
                    + " (yet); the exported model would not be this configuration"};
        }
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// The transition relation, branch by branch. Each Branch is one atomic sequence of the Promela
// model and corresponds to one (pc, StepId) of Model::apply; guards combine Model::enabled with
// the branch condition, so the branches of one pc are mutually exclusive.

struct Target
{
    enum Kind { Label, NextAccess, Finished, Killed } kind = Label;
    Pc pc = Pc::Access;
};

struct Branch
{
    StepId id;
    std::string guard;
    std::vector<std::string> body;
    Target target;
};

class ThreadTranslator
{
public:
    ThreadTranslator(const Settings& settings, int thread, int page)
        : m_s(settings)
        , m_owner(std::to_string(thread + 1))
        , m_bit(std::to_string(1u << thread))
        , m_p("[" + std::to_string(page) + "]")
    {
    }

    /// The branches of the step at pc; std::nullopt for a pc this exporter has no translation of.
    std::optional<std::vector<Branch>> branches(Pc pc) const
    {
        using S = StepId;
        const bool trylock = faultPathLocksPage(m_s.faultRef);
        const bool nonePtl = m_s.waiterRef == WaiterRef::NonePtlHeld;
        const bool holdWhileSleeping = m_s.waiterRef == WaiterRef::HoldWhileSleeping;
        const std::string ptlFree = "ptl == NOBODY";
        switch (pc) {
        case Pc::Access:
            return std::vector<Branch> {
                {S::A0, v("pte") + " == PRESENT", {}, {Target::NextAccess}},
                {S::M0, v("pte") + " == DEVPRIV", {}, label(m_s.faultRef == FaultRef::None ? enter() : Pc::F1)},
                {S::W0, v("pte") + " == MIGR", {}, label(Pc::W1)},
            };
        case Pc::M1: {
            // The stale-page check happens on both branches: vmf->page was read without a reference.
            const std::string stale = "stale_page_use = stale_page_use | " + v("dFree");
            Branch skip {S::M1Skip, ptlFree + " && " + v("pte") + " != DEVPRIV", {stale}, {}};
            returnFromMigrateToRam(skip, true);
            return std::vector<Branch> {
                skip,
                {S::M1, ptlFree + " && " + v("pte") + " == DEVPRIV", {stale, "ptl = " + m_owner, getD()},
                    label(Pc::M2)},
            };
        }
        case Pc::M2: {
            // v6.15 (K14): the fault page is already locked by do_swap_page and stays ours.
            const std::string lockable = "(" + v("dLock") + " == NOBODY || " + v("dLock") + " == " + m_owner + ")";
            if (m_s.collectBusy == CollectBusy::Drop) {
                // K28 (v5.16): put_page at once, nothing collected; the driver returns 0 like M1-skip.
                Branch drop {S::M2Drop, "!" + lockable, {putD(), releasePtl()}, {}};
                returnFromMigrateToRam(drop, true);
                return std::vector<Branch> {{S::M2, lockable, {v("dLock") + " = " + m_owner}, label(Pc::M3)}, drop};
            }
            return std::vector<Branch> {
                {S::M2, lockable, {v("dLock") + " = " + m_owner}, label(Pc::M3)},
                {S::M2Busy, "!" + lockable, {releasePtl()}, label(Pc::M2Retry)},
            };
        }
        case Pc::M3:
            return std::vector<Branch> {{S::M3, "true",
                {"assert(ptl == " + m_owner + " && " + v("pte") + " == DEVPRIV && " + v("dLock") + " == " + m_owner
                        + ")",
                    v("pte") + " = MIGR", v("dMapcount") + " = 0"},
                label(Pc::M4)}};
        case Pc::M4:
            return std::vector<Branch> {{S::M4, "true", {putD(), releasePtl()}, label(Pc::M5)}};
        case Pc::M2Retry: {
            Branch give {S::M2Give, v("dLock") + " != NOBODY", {putD()}, {}};
            returnFromMigrateToRam(give, false);
            return std::vector<Branch> {
                {S::M2Retry, v("dLock") + " == NOBODY", {v("dLock") + " = " + m_owner}, label(Pc::M2Unmap)},
                give,
            };
        }
        case Pc::M2Unmap:
            return std::vector<Branch> {{S::M2Unmap, ptlFree,
                {"assert(" + v("pte") + " == DEVPRIV && " + v("dMapcount") + " == 1)", v("pte") + " = MIGR",
                    v("dMapcount") + " = 0", putD()},
                label(Pc::M5)}};
        case Pc::M5: {
            if (m_s.precopyCheck == PrecopyCheck::Off)
                return std::vector<Branch> {{S::M5, "true", {}, label(Pc::M6)}};
            // K23/K25: page_count - extra > mapcount fails, extra = collect + ZONE_DEVICE (+ the fault
            // page's reference from v6.1). From v5.18 (K29) the kernel's count is one less than
            // the stored one-based count while extra keeps its ZONE_DEVICE +1.
            const int extra =
                2 + (m_s.faultRef == FaultRef::None ? 0 : 1) + (m_s.refcount == RefcountBase::ZeroBased ? 1 : 0);
            const std::string limit = v("dMapcount") + " + " + std::to_string(extra);
            return std::vector<Branch> {
                {S::M5Fail, v("dRef") + " > " + limit, {}, label(Pc::U1Restore)},
                {S::M5, v("dRef") + " <= " + limit, {}, label(Pc::M6)},
            };
        }
        case Pc::M6:
            return std::vector<Branch> {{S::M6, "true",
                {"assert(" + v("sAllocated") + " == 0)", v("sAllocated") + " = 1", v("sLocked") + " = 1",
                    v("sRef") + " = 1", v("sData") + " = " + v("dData")},
                label(Pc::M7)}};
        case Pc::M7: {
            std::string expected = m_s.faultRef == FaultRef::None ? "2" : "3";
            if (m_s.check == CheckPolicy::CountWaiters)
                expected = "(" + expected + " + " + v("wref") + ")";
            const std::string pass = v("dRef") + " == " + expected;
            switch (m_s.check) {
            case CheckPolicy::SkipDevicePrivate:
                return std::vector<Branch> {{S::M7, "true", {}, label(Pc::M8Commit)}};
            case CheckPolicy::DrainRefs: // disabled until the extra references drain
                return std::vector<Branch> {{S::M7, pass, {}, label(Pc::M8Commit)}};
            case CheckPolicy::Strict:
            case CheckPolicy::CountWaiters:
                return std::vector<Branch> {
                    {S::M7, pass, {}, label(Pc::M8Commit)},
                    {S::M7Fail, v("dRef") + " != " + expected, {}, label(Pc::M8Restore)},
                };
            default:
                return std::nullopt;
            }
        }
        case Pc::M8Commit:
            return std::vector<Branch> {{S::M8Commit, ptlFree,
                {"assert(" + v("pte") + " == MIGR)", v("pte") + " = PRESENT", v("sRef") + "++",
                    "lost_update = (" + v("sData") + " != " + v("dData") + " -> 1 : lost_update)"},
                label(trylock ? Pc::M8Put : Pc::M8Unlock)}};
        case Pc::M8Unlock:
            return std::vector<Branch> {{S::M8Unlock, "true", {unlockD()}, label(Pc::M8Put)}};
        case Pc::M8Put: {
            Branch put {S::M8Put, "true", {putD(), v("sLocked") + " = 0", v("sRef") + "--"}, {}};
            returnFromMigrateToRam(put, true);
            return std::vector<Branch> {put};
        }
        case Pc::M8Restore:
        case Pc::U1Restore: {
            const bool afterCopy = pc == Pc::M8Restore;
            std::vector<std::string> body;
            if (afterCopy) {
                for (const char* field : {"sAllocated", "sLocked", "sRef", "sData"})
                    body.push_back(v(field) + " = 0");
            }
            for (std::string line :
                {"assert(" + v("pte") + " == MIGR)", v("pte") + " = DEVPRIV", v("dMapcount") + " = 1", getD()})
                body.push_back(std::move(line));
            const Pc next = afterCopy ? (trylock ? Pc::M8RPut : Pc::M8RUnlock) : (trylock ? Pc::U3Put : Pc::U2Unlock);
            return std::vector<Branch> {{afterCopy ? S::M8Restore : S::U1Restore, ptlFree, body, label(next)}};
        }
        case Pc::M8RUnlock:
            return std::vector<Branch> {{S::M8RUnlock, "true", {unlockD()}, label(Pc::M8RPut)}};
        case Pc::U2Unlock:
            return std::vector<Branch> {{S::U2Unlock, "true", {unlockD()}, label(Pc::U3Put)}};
        case Pc::M8RPut:
        case Pc::U3Put: {
            Branch put {pc == Pc::M8RPut ? S::M8RPut : S::U3Put, "true", {putD()}, {}};
            returnFromMigrateToRam(put, false);
            return std::vector<Branch> {put};
        }
        case Pc::F1: {
            const std::string mapped = ptlFree + " && " + v("pte") + " == DEVPRIV";
            std::vector<Branch> out {
                {S::F1Changed, ptlFree + " && " + v("pte") + " != DEVPRIV", {}, label(Pc::Access)}};
            if (m_s.faultRef == FaultRef::TrylockThenWait) {
                // K37 (v7.0): no reference; the PTL stays held until F4 has queued.
                out.push_back(
                    {S::F1Wait, mapped + " && " + v("dLock") + " != NOBODY", {"ptl = " + m_owner}, label(Pc::F4)});
                out.push_back({S::F1Lock, mapped + " && " + v("dLock") + " == NOBODY",
                    {v("dLock") + " = " + m_owner, getD()}, label(enter())});
            } else if (trylock) {
                out.push_back({S::F1Busy, mapped + " && " + v("dLock") + " != NOBODY", {}, label(Pc::Access)});
                out.push_back({S::F1Lock, mapped + " && " + v("dLock") + " == NOBODY",
                    {v("dLock") + " = " + m_owner, getD()}, label(enter())});
            } else {
                out.push_back({S::F1, mapped, {getD()}, label(enter())});
            }
            return out;
        }
        case Pc::F2:
            return std::vector<Branch> {{S::F2, "true", {unlockD()}, label(Pc::F3)}};
        case Pc::F3:
            return std::vector<Branch> {{S::F3, "true", {putD()}, label(Pc::Access)}};
        case Pc::F4: // softleaf_entry_wait_on_locked: queued (or not) under the PTL, then the PTL goes
            return std::vector<Branch> {
                {S::F4, v("dLock") + " != NOBODY",
                    {v("dWaiters") + " = 1", v("waitq") + " = " + v("waitq") + " | " + m_bit, releasePtl()},
                    label(Pc::F5)},
                {S::F4Unlocked, v("dLock") + " == NOBODY", {v("dWaiters") + " = 1", releasePtl()}, label(Pc::F5)},
            };
        case Pc::F5:
            return std::vector<Branch> {{S::F5, "(" + v("waitq") + " & " + m_bit + ") == 0", {}, label(Pc::Access)}};
        case Pc::W1: {
            std::vector<Branch> out {{S::W1Gone, ptlFree + " && " + v("pte") + " != MIGR", {}, label(Pc::Access)}};
            Branch wait {S::W1, ptlFree + " && " + v("pte") + " == MIGR", {"ptl = " + m_owner}, label(Pc::W3)};
            if (!nonePtl) {
                wait.body.push_back(getD());
                if (m_s.check == CheckPolicy::CountWaiters)
                    wait.body.push_back(v("wref") + "++");
                wait.target = label(Pc::W2);
            }
            out.push_back(wait);
            return out;
        }
        case Pc::W2:
            return std::vector<Branch> {{S::W2, "true", {releasePtl()}, label(Pc::W3)}};
        case Pc::W3: {
            const Pc next = nonePtl || holdWhileSleeping ? Pc::W5 : Pc::W4;
            Branch queue {S::W3, v("dLock") + " != NOBODY",
                {v("dWaiters") + " = 1", v("waitq") + " = " + v("waitq") + " | " + m_bit}, label(next)};
            Branch unlocked {S::W3Unlocked, v("dLock") + " == NOBODY", {v("dWaiters") + " = 1"}, label(next)};
            if (nonePtl) { // migration_entry_wait_on_locked: the PTL goes only once queued
                queue.body.push_back(releasePtl());
                unlocked.body.push_back(releasePtl());
            }
            return std::vector<Branch> {queue, unlocked};
        }
        case Pc::W4: {
            Branch put {S::W4, "true", {putD()}, label(holdWhileSleeping ? Pc::W6 : Pc::W5)};
            if (m_s.check == CheckPolicy::CountWaiters)
                put.body.push_back(v("wref") + "--");
            return std::vector<Branch> {put};
        }
        case Pc::W5: {
            const std::string woken = "(" + v("waitq") + " & " + m_bit + ") == 0";
            if (m_s.wokenWaiter == WokenWaiter::SleepsAgainIfLocked && holdWhileSleeping) {
                // K36 (before v5.9): woken, it tests PG_locked again and sleeps again if a new round
                // locked D meanwhile, still holding its reference.
                return std::vector<Branch> {
                    {S::W5Again, woken + " && " + v("dLock") + " != NOBODY",
                        {v("dWaiters") + " = 1", v("waitq") + " = " + v("waitq") + " | " + m_bit}, label(Pc::W5)},
                    {S::W5, woken + " && " + v("dLock") + " == NOBODY", {}, label(Pc::W4)},
                };
            }
            return std::vector<Branch> {{S::W5, woken, {}, label(holdWhileSleeping ? Pc::W4 : Pc::W6)}};
        }
        case Pc::W6:
            return std::vector<Branch> {{S::W6, "true", {}, label(Pc::Access)}};
        case Pc::L1: // K26: the driver's mutex; a thread that finds it held is blocked (asleep)
            return std::vector<Branch> {{S::L1, "drv == NOBODY", {"drv = " + m_owner}, label(Pc::M1)}};
        case Pc::L2: {
            Branch unlock {S::L2, "true", {"assert(drv == " + m_owner + "); drv = NOBODY"}, {}};
            afterMigrateToRam(unlock);
            return std::vector<Branch> {unlock};
        }
        case Pc::H1: {
            const std::string ready = ptlFree + " && " + v("dLock") + " == NOBODY";
            return std::vector<Branch> {
                {S::H1Gone, ready + " && " + v("pte") + " != DEVPRIV", {}, {Target::Finished}},
                {S::H1, ready + " && " + v("pte") + " == DEVPRIV", {getD()}, label(Pc::H2)},
            };
        }
        case Pc::H2:
            return std::vector<Branch> {{S::H2, "true",
                {"assert(" + v("dData") + " < 7)", v("dData") + "++",
                    "lost_update = (" + v("pte") + " == PRESENT -> 1 : lost_update)"},
                label(Pc::H3)}};
        case Pc::H3:
            return std::vector<Branch> {{S::H3, "true", {putD()}, {Target::Finished}}};
        default:
            return std::nullopt;
        }
    }

private:
    static Target label(Pc pc) { return {Target::Label, pc}; }
    // The first step of the driver's migrate_to_ram: its own lock (K26), or collect.
    Pc enter() const { return m_s.driverLock == DriverLock::Exclusive ? Pc::L1 : Pc::M1; }
    std::string v(const char* array) const { return std::string(array) + m_p; }

    // Bodies are straight-line code (conditional expressions, no if), so SPIN merges a step into one
    // transition.
    std::string getD() const
    {
        return "assert(" + v("dFree") + " == 0 && " + v("dRef") + " < 31); " + v("dRef") + "++";
    }
    // put_page: devmap counts are 1-based (K1), so reaching 1 frees D to the pool.
    std::string putD() const
    {
        return "assert(" + v("dRef") + " > 1); " + v("dRef") + "--; assert(" + v("dRef") + " != 1 || (" + v("dMapcount")
            + " == 0 && " + v("pte") + " != DEVPRIV && " + v("dLock") + " == NOBODY)); " + v("dFree") + " = ("
            + v("dRef") + " == 1 -> 1 : " + v("dFree") + ")";
    }
    // unlock_page wakes every waiter of D (K12: non-exclusive waits).
    std::string unlockD() const
    {
        return "assert(" + v("dLock") + " == " + m_owner + "); " + v("dLock") + " = NOBODY; " + v("waitq") + " = ("
            + v("dWaiters") + " -> 0 : " + v("waitq") + "); " + v("dWaiters") + " = 0";
    }
    std::string releasePtl() const { return "assert(ptl == " + m_owner + "); ptl = NOBODY"; }

    // K16-K19: the driver re-faults (returns 0) or, when the page was collected but
    // not migrated and the contract is followed, returns VM_FAULT_SIGBUS. From v6.1 do_swap_page
    // then drops its own hold on the page (F2/F3).
    void returnFromMigrateToRam(Branch& branch, bool migrated) const
    {
        if (!migrated && m_s.onNotMigrated == OnNotMigrated::Sigbus) {
            branch.body.push_back("sigbus = 1");
            branch.target = {Target::Killed};
            return;
        }
        if (m_s.driverLock == DriverLock::Exclusive) { // K26: the driver unlocks before it returns
            branch.target = label(Pc::L2);
            return;
        }
        afterMigrateToRam(branch);
    }

    void afterMigrateToRam(Branch& branch) const
    {
        switch (m_s.faultRef) {
        case FaultRef::None:
            branch.target = label(Pc::Access);
            break;
        case FaultRef::Counted:
            branch.target = label(Pc::F3);
            break;
        default:
            branch.target = label(Pc::F2);
            break;
        }
    }

    const Settings& m_s;
    std::string m_owner; // PG_locked / PTL owner value: thread index + 1 (0 is NOBODY)
    std::string m_bit;   // the thread's bit in a page's wait-queue mask
    std::string m_p;     // "[page]"
};

std::string labelName(Pc pc)
{
    std::string name(pcName(pc));
    std::replace_if(
        name.begin(), name.end(), [](char c) { return c == '.' || c == '-'; }, '_');
    return name;
}

std::string escapeComment(std::string_view text)
{
    std::string out(text);
    for (std::size_t at = out.find("*/"); at != std::string::npos; at = out.find("*/"))
        out.replace(at, 2, "* /");
    return out;
}

std::string stepComment(StepId id)
{
    const StepInfo& info = stepInfo(id);
    return "/* " + std::string(info.id) + ": " + escapeComment(info.text) + " | " + std::string(info.function) + " ("
        + std::string(info.file) + ") " + std::string(info.fact) + " */";
}

std::string sanitize(std::string_view name)
{
    std::string out;
    for (char c : name)
        out += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '_';
    return out;
}

class Writer
{
public:
    Writer(const Scenario& scenario, const Settings& settings, std::string_view presetName)
        : m_scenario(scenario)
        , m_settings(settings)
        , m_preset(presetName)
        , m_sigbusPossible(settings.onNotMigrated == OnNotMigrated::Sigbus)
    {
    }

    Result<std::string> write()
    {
        header();
        globals();
        for (int t = 0; t < static_cast<int>(m_scenario.threads.size()); ++t) {
            if (auto error = thread(t))
                return *error;
        }
        claims();
        return m_out.str();
    }

private:
    void header()
    {
        m_out << "/*\n * Migration Sandbox: scenario " << escapeComment(m_scenario.name) << ", preset "
              << escapeComment(m_preset) << "\n *  ";
        for (const Knob& knob : knobs()) {
            if (knobListed(m_settings, knob))
                m_out << ' ' << knob.key << '=' << knobValue(m_settings, knob.key);
        }
        m_out << "\n * Threads:";
        for (const ThreadSpec& spec : m_scenario.threads) {
            m_out << ' ' << escapeComment(spec.name)
                  << (spec.kind == ThreadKind::Holder ? " holds a reference on X" : " touches X");
            for (std::size_t i = 0; i < spec.pages.size(); ++i)
                m_out << (i ? "," : "") << spec.pages[i];
            m_out << ';';
        }
        m_out << "\n *\n"
                 " * Generated by `migration-sandbox-cli export-promela` from the model in core/model.cpp: one\n"
                 " * atomic sequence is one model step (one branch of Model::apply), with the step's label,\n"
                 " * kernel function and kernel note (docs/kernel). Process p<i>_<name> is thread i of the scenario,\n"
                 " * so a trail (spin -t -p) is a schedule for `migration-sandbox-cli run --schedule`.\n"
                 " * page_count(D) is stored 1-based as the core stores it (K1; zero-based releases differ only in\n"
                 " * the pre-copy check, K29). PTL and PG_locked owners are thread index + 1. After SIGBUS every\n"
                 " * other thread takes one exit step (the process dies), so no end state is invalid there.\n"
                 " *\n"
                 " * A full verdict is three pan builds and six runs; \"errors: 1\" means that outcome is reachable:\n"
                 " *   spin -a model.pml\n";
        for (const std::string_view binary : panBinaries())
            m_out << " *   gcc -O2 " << panCompileFlags(binary, static_cast<int>(m_scenario.threads.size())) << " -o "
                  << binary << " pan.c\n";
        for (const SpinRun& run : spinRuns()) {
            m_out << " *   ./" << run.binary << " -m1000000 " << run.panArgs << "    # " << run.outcome << ": "
                  << run.finding << '\n';
        }
        m_out << " *   completes_always = completes_possible and no deadlock, livelock or sigbus\n"
                 " * Livelock is a non-progress cycle under weak fairness (-f): every cycle of this model is a\n"
                 " * retry loop (an access that completes never un-completes), so no progress labels are needed.\n"
                 " * Without fairness (explore --fairness none: a starved thread's cycle counts too) run the\n"
                 " * same search without -f:   ./pan-np -m1000000 -l\n"
                 " * A counterexample: spin -t -p model.pml (after the run that found it).\n"
                 " * Bigger machines: -DNCORE=N (multi-core), -DBITSTATE (bitstate), or swarm (swarm tool).\n"
                 " */\n\n";
    }

    void globals()
    {
        const int pages = m_scenario.pages;
        const std::string n = "[" + std::to_string(pages) + "]";
        // A page's wait queue is a mask of thread bits: `short` holds 15 of them.
        const char* maskType = m_scenario.threads.size() <= 15 ? "short" : "int";
        m_out << "#define NOBODY  0\n#define DEVPRIV 0 /* make_device_private_entry, K3 */\n"
                 "#define MIGR    1 /* make_migration_entry, K5 */\n"
                 "#define PRESENT 2 /* present PTE mapping S, K10 */\n\n"
                 "/* Per virtual page X<i>: its PTE, the device-private page D<i> and the system page S<i>. */\n"
              << "byte pte" << n << " = DEVPRIV;\n"
              << "byte dRef" << n << " = 2;       /* page_count(D): ZONE_DEVICE base + mapping */\n"
              << "bit  dMapcount" << n << " = 1;\n"
              << "byte dLock" << n << " = NOBODY; /* PG_locked owner */\n"
              << "bit  dWaiters" << n << ";       /* PG_waiters */\n"
              << "byte dData" << n << ";          /* version of D's contents (H2 bumps it) */\n"
              << "bit  dFree" << n << ";          /* back in the driver pool */\n"
              << "bit  sAllocated" << n << ";\nbit  sLocked" << n << ";\nbyte sRef" << n << ";\n"
              << "byte sData" << n << ";          /* version copied into S at M6 */\n"
              << maskType << " waitq" << n << ";   /* threads queued on PG_locked(D), one bit each */\n";
        if (m_settings.check == CheckPolicy::CountWaiters)
            m_out << "byte wref" << n << ";           /* references held by migration-entry waiters */\n";
        if (m_settings.driverLock == DriverLock::Exclusive)
            m_out << "byte drv = NOBODY;     /* the driver's migrate_to_ram mutex owner, K26 */\n";
        m_out << "byte ptl = NOBODY;     /* the page-table lock (one PTE page) */\n"
                 "bit  sigbus;           /* a fault returned VM_FAULT_SIGBUS */\n"
                 "bit  lost_update;      /* a holder's write never reaches the page the process maps */\n"
                 "bit  stale_page_use;   /* migrate_to_ram on a D already back in the pool, K14 */\n"
                 "byte finished;         /* threads whose work is done (completes = all of them) */\n\n";
    }

    std::optional<Error> thread(int t)
    {
        const ThreadSpec& spec = m_scenario.threads[t];
        const bool holder = spec.kind == ThreadKind::Holder;
        m_out << "active proctype " << promelaProcessName(m_scenario, t) << "()\n{\n";
        const int accesses = holder ? 1 : static_cast<int>(spec.pages.size());
        for (int a = 0; a < accesses; ++a) {
            const int page = spec.pages[a];
            ThreadTranslator translator(m_settings, t, page);
            // Emit the pcs reachable from the entry point under these settings, entry first.
            std::deque<Pc> work {holder ? Pc::H1 : Pc::Access};
            std::map<Pc, std::string> blocks; // emitted in program order
            while (!work.empty()) {
                const Pc pc = work.front();
                work.pop_front();
                if (blocks.count(pc) != 0)
                    continue;
                const auto branches = translator.branches(pc);
                if (!branches) {
                    return Error {{}, 0, 0, "threads[" + std::to_string(t) + "]",
                        "export-promela has no translation of step " + std::string(pcName(pc))};
                }
                std::ostringstream block;
                block << label(a, pc) << ": /* " << spec.name << (holder ? "" : ", access " + std::to_string(a + 1))
                      << " on X" << page << ": " << escapeComment(nextStepText(pc)) << " */\n    if\n";
                for (const Branch& branch : *branches) {
                    block << "    :: atomic { " << (m_sigbusPossible ? "!sigbus && " : "") << "(" << branch.guard
                          << ") ->\n           " << stepComment(branch.id) << '\n';
                    for (const std::string& line : branch.body)
                        block << "           " << line << ";\n";
                    const std::string target = targetLabel(branch, a, accesses);
                    if (target == "end_finished")
                        block << "           finished++;\n";
                    block << "       } -> goto " << target << '\n';
                    if (branch.target.kind == Target::Label)
                        work.push_back(branch.target.pc);
                }
                if (m_sigbusPossible)
                    block << "    :: sigbus -> goto end_killed /* SIGBUS: the process dies, this thread exits */\n";
                block << "    fi;\n";
                blocks[pc] = block.str();
            }
            for (const auto& [pc, block] : blocks)
                m_out << block;
        }
        m_out << "end_finished:\n    false;\n";
        if (m_sigbusPossible)
            m_out << "end_killed:\n    false\n";
        m_out << "}\n\n";
        return std::nullopt;
    }

    std::string label(int access, Pc pc) const
    {
        const bool holder = pc == Pc::H1 || pc == Pc::H2 || pc == Pc::H3;
        return holder ? labelName(pc) : "a" + std::to_string(access) + "_" + labelName(pc);
    }

    std::string targetLabel(const Branch& branch, int access, int accesses) const
    {
        switch (branch.target.kind) {
        case Target::Label:
            return label(access, branch.target.pc);
        case Target::NextAccess:
            return access + 1 < accesses ? label(access + 1, Pc::Access) : "end_finished";
        case Target::Finished:
            return "end_finished";
        case Target::Killed:
            return "end_killed";
        }
        return {};
    }

    void claims()
    {
        m_out << "/* Safety claims for pan-ltl -N <name>: a violation means the outcome is reachable. */\n"
                 "ltl no_sigbus { [] !sigbus }\n"
                 "ltl no_lost_update { [] !lost_update }\n"
                 "ltl no_stale_page_use { [] !stale_page_use }\n"
              << "ltl never_completes { [] (finished < " << m_scenario.threads.size() << ") }\n";
    }

    const Scenario& m_scenario;
    const Settings& m_settings;
    std::string m_preset;
    bool m_sigbusPossible;
    std::ostringstream m_out;
};

} // namespace

const std::vector<SpinRun>& spinRuns()
{
    static const std::vector<SpinRun> runs = {
        {"deadlock", "pan-safety", "", "invalid end state"},
        {"livelock", "pan-np", "-l -f", "non-progress cycle"},
        {"sigbus", "pan-ltl", "-N no_sigbus", "assertion violated"},
        {"lost_update", "pan-ltl", "-N no_lost_update", "assertion violated"},
        {"stale_page_use", "pan-ltl", "-N no_stale_page_use", "assertion violated"},
        {"completes_possible", "pan-ltl", "-N never_completes", "assertion violated"},
    };
    return runs;
}

const std::vector<std::string_view>& panBinaries()
{
    static const std::vector<std::string_view> binaries = {"pan-safety", "pan-np", "pan-ltl"};
    return binaries;
}

std::string panCompileFlags(std::string_view binary, int threads)
{
    if (binary == "pan-safety")
        return "-DSAFETY -DNOCLAIM";
    if (binary == "pan-np") {
        // Weak fairness keeps a counter per process; NFAIR=n covers 4n - 2 processes, and the
        // non-progress claim is one of them.
        return "-DNP -DNOCLAIM -DNFAIR=" + std::to_string(std::max(2, (threads + 1 + 2 + 3) / 4));
    }
    return "-DSAFETY";
}

Result<std::string> exportPromela(const Scenario& scenario, const Settings& settings, std::string_view presetName)
{
    if (auto error = untranslated(settings))
        return *error;
    return Writer(scenario, settings, presetName).write();
}

std::string promelaProcessName(const Scenario& scenario, int thread)
{
    return "p" + std::to_string(thread) + "_" + sanitize(scenario.threads[thread].name);
}

int threadOfPromelaProcess(std::string_view proctype)
{
    if (proctype.size() < 3 || proctype[0] != 'p')
        return -1;
    int thread = 0;
    std::size_t i = 1;
    for (; i < proctype.size() && std::isdigit(static_cast<unsigned char>(proctype[i])) != 0; ++i)
        thread = thread * 10 + (proctype[i] - '0');
    return i > 1 && i < proctype.size() && proctype[i] == '_' ? thread : -1;
}

} // namespace msb::core
