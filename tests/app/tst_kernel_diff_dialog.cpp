// SPDX-License-Identifier: MIT
// The "Compare two kernels" dialog against core::diffKernels: the same schedule, the same first
// divergence, the scenes showing the states replayPaired gives, and the inline errors.
#include "app/gui/command_line.h"
#include "app/gui/diff_side_view.h"
#include "app/gui/kernel_diff_dialog.h"
#include "app/gui/kernel_diff_run.h"
#include "app/gui/kernel_diff_side.h"
#include "app/gui/kernel_diff_text.h"
#include "app/gui/main_window.h"
#include "app/gui/paired_step_model.h"
#include "app/gui/simulation_controller.h"
#include "core/kernel_diff.h"
#include "scenes/race_scene.h"
#include "scenes/scene_description.h"
#include "support/fixtures.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QtTest>

using namespace msb;
using namespace msb::testing;

namespace {

core::Settings presetSettings(const char* name)
{
    return core::findPreset(name)->settings;
}

/// Opens the dialog on scenario, compares presetA with presetB and waits for the result.
bool compare(app::SimulationController& controller, app::KernelDiffDialog& dialog, const char* scenario,
    const char* presetA, const char* presetB, const QString& knobsB = {})
{
    controller.loadBuiltin(QString::fromLatin1(scenario));
    dialog.setSides(QString::fromLatin1(presetA), {}, QString::fromLatin1(presetB), knobsB);
    QSignalSpy shown(&dialog, &app::KernelDiffDialog::comparisonShown);
    if (!dialog.run())
        return false;
    return shown.wait(20000);
}

/// The paired replay's thread choices.
std::vector<int> choices(const core::PairedReplay& replay)
{
    std::vector<int> out;
    for (const core::PairedStep& step : replay.steps)
        out.push_back(step.thread);
    return out;
}

/// The state each side is in after the first `position` choices, as replayPaired gives it.
core::PairedReplay prefixReplay(
    const core::Model& a, const core::Model& b, const core::PairedReplay& replay, int position)
{
    std::vector<int> prefix = choices(replay);
    prefix.resize(std::size_t(position));
    return core::replayPaired(a, b, prefix);
}

} // namespace

class TestKernelDiffDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreThePresetAndTheNextNewerKernel()
    {
        QCOMPARE(app::defaultDiffPresets(presetSettings("v5.11")),
            std::make_pair(QStringLiteral("v5.11"), QStringLiteral("v5.16")));
        QCOMPARE(app::defaultDiffPresets(presetSettings("v6.1")),
            std::make_pair(QStringLiteral("v6.1"), QStringLiteral("v6.15")));
        QCOMPARE(app::defaultDiffPresets(presetSettings("pre-v5.0")),
            std::make_pair(QStringLiteral("pre-v5.0"), QStringLiteral("v5.11")));
        // The newest kernel: the one before it against it.
        QCOMPARE(app::defaultDiffPresets(presetSettings("v7.0")),
            std::make_pair(QStringLiteral("v6.15"), QStringLiteral("v7.0")));
        app::SimulationController controller;
        app::KernelDiffDialog dialog(&controller);
        QCOMPARE(dialog.presetBox(0)->currentText(), QStringLiteral("v5.11"));
        QCOMPARE(dialog.presetBox(1)->currentText(), QStringLiteral("v5.16"));
    }

    void lostUpdateIsTheSameScheduleAsTheCore()
    {
        app::SimulationController controller;
        app::KernelDiffDialog dialog(&controller);
        QVERIFY(compare(controller, dialog, "fault-vs-holder", "v5.17", "v5.18"));

        const core::Model a(builtin("fault-vs-holder"), presetSettings("v5.17"));
        const core::Model b(builtin("fault-vs-holder"), presetSettings("v5.18"));
        const core::KernelDiff expected = core::diffKernels(a, b, app::KernelDiffRun::options(core::Fairness::Weak));
        QVERIFY(expected.outcome);
        QVERIFY(dialog.replay());
        QCOMPARE(choices(*dialog.replay()), *expected.outcomeSchedule);
        QVERIFY(dialog.resultText().contains(
            QStringLiteral("Shortest differing schedule (%1 choices)").arg(expected.outcomeSchedule->size())));
        QVERIFY(dialog.resultText().contains(QStringLiteral("B: completes, lost_update")));

        // The marked row is firstDivergence()'s, marked in colour, marker and words.
        const auto first = expected.outcome->firstDivergence();
        QVERIFY(first);
        QCOMPARE(dialog.stepModel()->firstDivergenceRow(), first);
        const QModelIndex choice = dialog.stepModel()->index(*first, app::PairedStepModel::ChoiceColumn);
        const QModelIndex note = dialog.stepModel()->index(*first, app::PairedStepModel::NoteColumn);
        QVERIFY(choice.data().toString().startsWith(QStringLiteral("▶")));
        QVERIFY(note.data().toString().startsWith(QStringLiteral("first divergence")));
        QCOMPARE(note.data(Qt::BackgroundRole).value<QColor>(), app::PairedStepModel::divergenceColor());
        const QModelIndex before = dialog.stepModel()->index(*first - 1, app::PairedStepModel::NoteColumn);
        QVERIFY(!before.data(Qt::BackgroundRole).isValid());

        // It opens on the first divergence, both scenes framed, showing the states after it.
        QCOMPARE(dialog.position(), *first + 1);
        QVERIFY(dialog.sideView(0)->showsDivergence());
        QVERIFY(dialog.sideView(1)->showsDivergence());
        const auto atFirst = prefixReplay(a, b, *dialog.replay(), *first + 1);
        QCOMPARE(dialog.sideView(0)->scene()->description(), scenes::describeState(a, atFirst.stateA));
        QCOMPARE(dialog.sideView(1)->scene()->description(), scenes::describeState(b, atFirst.stateB));
        QVERIFY(atFirst.stateA != atFirst.stateB);
        QVERIFY(dialog.sideView(0)->statusText().contains(QStringLiteral("M5-fail")));

        // Any other step: no highlight, the states replayPaired gives.
        dialog.setPosition(4);
        QVERIFY(!dialog.sideView(0)->showsDivergence());
        const auto atFour = prefixReplay(a, b, *dialog.replay(), 4);
        QCOMPARE(dialog.sideView(0)->scene()->description(), scenes::describeState(a, atFour.stateA));
        QCOMPARE(dialog.sideView(1)->scene()->description(), scenes::describeState(b, atFour.stateB));
        dialog.jumpToFirstDivergence();
        QCOMPARE(dialog.position(), *first + 1);
    }

    void livelockRoundIsReplayedOnBothSides()
    {
        app::SimulationController controller;
        app::KernelDiffDialog dialog(&controller);
        QVERIFY(compare(controller, dialog, "two-faults", "v6.1", "v6.15"));

        const core::Model a(builtin("two-faults"), presetSettings("v6.1"));
        const core::Model b(builtin("two-faults"), presetSettings("v6.15"));
        const core::KernelDiff expected = core::diffKernels(a, b, app::KernelDiffRun::options(core::Fairness::Weak));
        QVERIFY(!expected.outcome);
        QVERIFY(expected.livelock);
        QVERIFY(dialog.replay());
        QCOMPARE(dialog.replay()->scheduleA, expected.livelock->replay.scheduleA);
        QCOMPARE(dialog.replay()->scheduleB, expected.livelock->replay.scheduleB);
        QCOMPARE(dialog.stepModel()->firstDivergenceRow(), expected.livelock->replay.firstDivergence());
        QVERIFY(dialog.resultText().contains(QStringLiteral("A livelocks, B does not")));
        QVERIFY(dialog.resultText().contains(
            QStringLiteral("B ends (completes) in round %1 of the cycle").arg(expected.livelock->rounds)));
        QVERIFY(dialog.resultText().contains(QStringLiteral("no schedule both can run ends differently")));
        // Where the second round of v6.1's cycle starts, the list says so.
        const int round2 = int(expected.livelock->livelock.prefix.size() + expected.livelock->livelock.cycle.size());
        QCOMPARE(dialog.stepModel()->roundStartingAt(round2), 2);
        QVERIFY(dialog.stepModel()
                    ->index(round2, app::PairedStepModel::NoteColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("round 2 of the cycle starts")));

        // At the end B has completed (its last choices stutter), A is still running.
        dialog.setPosition(dialog.slider()->maximum());
        QCOMPARE(
            dialog.sideView(0)->scene()->description(), scenes::describeState(a, expected.livelock->replay.stateA));
        QCOMPARE(
            dialog.sideView(1)->scene()->description(), scenes::describeState(b, expected.livelock->replay.stateB));
        const auto& last = dialog.replay()->steps.back();
        if (!last.stepB)
            QVERIFY(dialog.sideView(1)->statusText().contains(QStringLiteral("stuttered")));
    }

    void aPresetAgainstItselfIsIndistinguishable()
    {
        app::SimulationController controller;
        app::KernelDiffDialog dialog(&controller);
        QVERIFY(compare(controller, dialog, "single-fault", "v5.11", "v5.11"));
        QVERIFY(dialog.resultText().startsWith(QStringLiteral("No schedule tells them apart (")));
        QVERIFY(dialog.resultText().contains(QStringLiteral("pair states explored")));
        QVERIFY(!dialog.replay());
        QVERIFY(!dialog.slider()->isEnabled());
    }

    void anIncompleteSearchSaysWhy()
    {
        const core::Model a(builtin("two-faults"), presetSettings("v6.1"));
        const core::Model b(builtin("two-faults"), presetSettings("v6.15"));
        core::KernelDiffOptions options = app::KernelDiffRun::options(core::Fairness::Weak);
        options.explore.maxStates = 20;
        const core::KernelDiff diff = core::diffKernels(a, b, options);
        QVERIFY(!diff.complete);
        const QString text = app::kernelDiffSentences(a, b, diff).join(QLatin1Char('\n'));
        QVERIFY(text.contains(QStringLiteral("the search is incomplete (%1), so one may exist")
                                  .arg(QString::fromStdString(core::pairSearchIncompleteReason(diff)))));
        QVERIFY(!text.contains(QStringLiteral("No schedule tells them apart")));
    }

    void aRunningComparisonCancels()
    {
        app::SimulationController controller;
        app::KernelDiffDialog dialog(&controller);
        QSignalSpy shown(&dialog, &app::KernelDiffDialog::comparisonShown);
        QVERIFY(dialog.run());
        QVERIFY(dialog.isRunning());
        dialog.cancel();
        QVERIFY(!dialog.isRunning());
        QCOMPARE(dialog.statusText(), QStringLiteral("Cancelled."));
        QTest::qWait(50);
        QCOMPARE(shown.count(), 0); // what the cancelled run still posts is dropped
    }

    void aBadKnobIsRefusedInline()
    {
        app::SimulationController controller;
        app::KernelDiffDialog dialog(&controller);
        dialog.setSides(QStringLiteral("v6.1"), {}, QStringLiteral("v6.15"), QStringLiteral("fault_ref=bogus"));
        QVERIFY(!dialog.run());
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.errorText(0).isEmpty());
        QVERIFY(dialog.errorText(1).startsWith(QStringLiteral("side B, knob fault_ref")));
        QVERIFY(dialog.errorText(1).contains(QStringLiteral("bogus")));

        dialog.setSides(QStringLiteral("v6.1"), QStringLiteral("driver_lock"), QStringLiteral("v6.15"), {});
        QVERIFY(!dialog.run());
        QVERIFY(dialog.errorText(0).contains(QStringLiteral("expected key=value")));
        dialog.setSides(QStringLiteral("v6.1"), QStringLiteral("threads=3"), QStringLiteral("v6.15"), {});
        QVERIFY(!dialog.run());
        QVERIFY(dialog.errorText(0).contains(QStringLiteral("threads")));

        // Knobs that are fine: labelled like the CLI's sides.
        const app::DiffSideResult ok = app::resolveDiffSide(
            QStringLiteral("v5.11"), QStringLiteral("driver_lock=exclusive, fault_ref=counted"), QStringLiteral("B"));
        QVERIFY(ok.side);
        QCOMPARE(ok.side->label, QStringLiteral("v5.11 + driver_lock=exclusive fault_ref=counted"));
        QCOMPARE(core::knobValue(ok.side->settings, "fault_ref"), std::string_view("counted"));
    }

    void aSideOpensInTheMainWindow()
    {
        app::MainWindow window;
        app::KernelDiffDialog* dialog = window.kernelDiffDialog();
        QVERIFY(compare(*window.controller(), *dialog, "fault-vs-holder", "v5.17", "v5.18"));
        const int position = dialog->position();
        QSignalSpy open(dialog, &app::KernelDiffDialog::openSideRequested);
        const auto buttons = dialog->findChildren<QPushButton*>();
        const auto button = std::find_if(buttons.begin(), buttons.end(),
            [](QPushButton* b) { return b->text() == QStringLiteral("Open side B in the main window"); });
        QVERIFY(button != buttons.end());
        (*button)->click();
        QCOMPARE(open.count(), 1);
        const app::SimulationController& controller = *window.controller();
        QCOMPARE(controller.settings(), presetSettings("v5.18"));
        QCOMPARE(controller.simulator().history().size(), dialog->replay()->scheduleB.size());
        QCOMPARE(controller.position(), position); // B ran every choice up to the divergence
        // A new scenario in the window drops the result.
        window.controller()->loadBuiltin(QStringLiteral("two-faults"));
        QVERIFY(!dialog->replay());
        QVERIFY(dialog->resultText().contains(QStringLiteral("two-faults")));
    }

    void compareOptionNamesTwoPresets()
    {
        const auto ok = app::parseCommandLine(
            {QStringLiteral("migration-sandbox"), QStringLiteral("--compare"), QStringLiteral("v6.1,v6.15")});
        QVERIFY(ok.error.isEmpty());
        QCOMPARE(ok.app.compare, QStringList({QStringLiteral("v6.1"), QStringLiteral("v6.15")}));
        const auto one = app::parseCommandLine(
            {QStringLiteral("migration-sandbox"), QStringLiteral("--compare"), QStringLiteral("v6.1")});
        QVERIFY(one.error.startsWith(QStringLiteral("--compare: expected two presets")));
        const auto unknown = app::parseCommandLine(
            {QStringLiteral("migration-sandbox"), QStringLiteral("--compare"), QStringLiteral("v6.1,v9")});
        QCOMPARE(unknown.error, QStringLiteral("--compare: unknown preset \"v9\" (see --preset)"));
    }
};

QTEST_MAIN(TestKernelDiffDialog)
#include "tst_kernel_diff_dialog.moc"
