// SPDX-License-Identifier: MIT
#include "app/gui/outcome.h"

#include "app/gui/translate.h"

#include <QStringList>

#include <algorithm>

namespace msb::app {

namespace {

QString threadName(const core::Simulator& sim, int thread)
{
    return QString::fromStdString(sim.scenario().threads[static_cast<size_t>(thread)].name);
}

// The history index of the step that first set a sticky flag, or -1.
int stepSettingFlag(const core::Simulator& sim, std::uint8_t flag)
{
    for (int i = 1; i <= sim.position(); ++i) {
        if ((sim.stateAt(i).flags & flag) && !(sim.stateAt(i - 1).flags & flag))
            return i - 1;
    }
    return -1;
}

bool isFailure(core::StepId id)
{
    using core::StepId;
    return id == StepId::M7Fail || id == StepId::M5Fail || id == StepId::M2Give || id == StepId::M2Busy;
}

QString stepRef(const core::Simulator& sim, int index)
{
    const auto& rec = sim.history()[static_cast<size_t>(index)];
    return tr("step %1 (%2 %3)")
        .arg(index + 1)
        .arg(threadName(sim, rec.thread), QString::fromUtf8(core::stepInfo(rec.id).id));
}

OutcomeDescription livelockRound(const core::Simulator& sim, int earlier)
{
    OutcomeDescription out;
    out.outcome = core::Outcome::Livelock;
    out.bad = true;
    const int now = sim.position();
    out.title = tr("Livelock round: back where everyone started");
    out.text = earlier == 0
        ? tr("The state after step %1 is the initial state: the migration failed and everyone is back "
             "where they started. The same interleaving can repeat forever.")
              .arg(now)
        : tr("The state after step %1 is the state after step %2: the migration failed and everyone is "
             "back where they started. The same interleaving can repeat forever.")
              .arg(now)
              .arg(earlier);
    QString because;
    for (int i = earlier; i < now; ++i) {
        const auto& rec = sim.history()[static_cast<size_t>(i)];
        if (isFailure(rec.id) || rec.refAfter != rec.refBefore)
            out.steps.push_back(i);
        if (isFailure(rec.id) && because.isEmpty()) {
            because = tr(" Why: at %1 the check failed").arg(stepRef(sim, i));
            if (!rec.note.empty())
                because += QStringLiteral(" (%1)").arg(QString::fromStdString(rec.note));
            because += tr(": an extra reference taken by the other fault made the count differ, "
                          "so the migration gave up and restored the entry.");
        }
    }
    out.text += because;
    return out;
}

} // namespace

core::StepId nextStep(const core::Model& model, const core::State& state, int thread)
{
    if (!model.enabled(state, thread))
        return core::nominalStep(state.threads[size_t(thread)].pc);
    core::State copy = state;
    return model.apply(copy, thread);
}

OutcomeDescription describeOutcome(const core::Simulator& sim)
{
    const core::State& state = sim.state();
    const int now = sim.position();
    OutcomeDescription out;

    // The process-ending and safety outcomes share one shape: a title, why, and the step that
    // raised the flag.
    auto flagged = [&](core::Outcome outcome, std::uint8_t flag, QString title, QString text) {
        out.outcome = outcome;
        out.bad = true;
        out.title = std::move(title);
        out.text = std::move(text);
        const int at = stepSettingFlag(sim, flag);
        if (at >= 0) {
            out.text += tr(" See %1.").arg(stepRef(sim, at));
            out.steps.push_back(at);
        }
        return out;
    };
    if (state.flags & core::FlagSigbus) {
        return flagged(core::Outcome::Sigbus, core::FlagSigbus, tr("SIGBUS: the process was killed"),
            tr("The page could not be migrated and the driver returned VM_FAULT_SIGBUS, as the "
               "migrate_vma_setup documentation asks. The access never completes: the process "
               "dies for a transient refcount."));
    }
    if (state.flags & core::FlagStalePageUse) {
        return flagged(core::Outcome::StalePageUse, core::FlagStalePageUse,
            tr("Stale page use: a freed device page was used"),
            tr("A fault went on to call the driver for a device-private page that had already "
               "been freed back to the driver pool: the fault path held no reference to it "
               "(the v5.11 unreferenced path, CVE-2022-3523)."));
    }
    if (state.flags & core::FlagLostUpdate) {
        // Which window let the write slip depends on the check (K31 and K32).
        const QString why = sim.settings().check == core::CheckPolicy::SkipDevicePrivate
            ? tr("Skipping the refcount check let the migration commit while H still used the page.")
            : tr("The count test runs after the copy: H's reference came and went between the copy "
                 "and the check, so the count looked right and the stale copy was committed. Only "
                 "a test before the copy (v5.17) closes that window.");
        return flagged(core::Outcome::LostUpdate, core::FlagLostUpdate, tr("Lost update: a write vanished"),
            tr("The holder H wrote to the device page through its genuine reference, but the "
               "process now maps a copy that does not contain that write. ")
                + why);
    }

    switch (sim.status()) {
    case core::Outcome::Completes: {
        out.outcome = core::Outcome::Completes;
        out.title = tr("Completed: the page migrated and every access finished");
        out.text = tr("Every faulting thread's access completed and the page table now maps the new "
                      "system page.");
        for (int i = 0; i < now; ++i) {
            const auto& rec = sim.history()[static_cast<size_t>(i)];
            if (rec.id == core::StepId::M7 || rec.id == core::StepId::M8Commit)
                out.steps.push_back(i);
            if (rec.id == core::StepId::M7) {
                out.text += tr(" The migration committed at %1").arg(stepRef(sim, i));
                if (!rec.note.empty())
                    out.text += QStringLiteral(": %1").arg(QString::fromStdString(rec.note));
                out.text += QLatin1Char('.');
            }
        }
        return out;
    }
    case core::Outcome::Deadlock: {
        out.outcome = core::Outcome::Deadlock;
        out.bad = true;
        out.title = tr("Deadlock: no thread can step");
        QStringList stuck;
        for (int t = 0; t < sim.model().threadCount(); ++t) {
            if (!sim.model().threadFinished(state, t))
                stuck << tr("%1 is %2").arg(threadName(sim, t), QString::fromStdString(sim.blockedReason(t)));
        }
        out.text = tr("Some threads are unfinished and none can move: %1.").arg(stuck.join(QStringLiteral("; ")));
        if (now > 0)
            out.steps.push_back(now - 1);
        return out;
    }
    default: // Running (perhaps a livelock round, below); Sigbus was described above
        break;
    }

    if (auto earlier = sim.repeatsPosition())
        return livelockRound(sim, *earlier);

    out.outcome = core::Outcome::Running;
    out.title = QString();
    return out;
}

} // namespace msb::app
