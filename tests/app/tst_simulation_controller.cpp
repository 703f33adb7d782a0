// SPDX-License-Identifier: MIT
#include "app/gui/outcome.h"
#include "app/gui/simulation_controller.h"
#include "support/fixtures.h"

#include <QSignalSpy>
#include <QtTest>

using namespace msb;
using namespace msb::testing;

class TestSimulationController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsOnTwoFaultsV511()
    {
        app::SimulationController controller;
        QCOMPARE(controller.scenario().threads.size(), size_t(2));
        QVERIFY(controller.settings() == preset("v5.11"));
        QCOMPARE(controller.position(), 0);
        QVERIFY(controller.state() == controller.model().initialState());
    }

    void stepsMatchTheCore()
    {
        app::SimulationController controller;
        controller.loadScenario(builtin("two-faults"), preset("v5.11"));
        core::Simulator reference(builtin("two-faults"), preset("v5.11"));
        QSignalSpy applied(&controller, &app::SimulationController::stepApplied);
        QSignalSpy changed(&controller, &app::SimulationController::stateChanged);
        const auto threads = schedule(kLivelockRound);
        for (int t : threads) {
            QVERIFY(controller.step(t));
            QVERIFY(reference.step(t).ok());
            QVERIFY(controller.state() == reference.state());
            const auto record = applied.takeLast().at(0).value<core::StepRecord>();
            QCOMPARE(int(record.id), int(reference.history().back().id));
            QCOMPARE(record.hash, reference.history().back().hash);
        }
        QCOMPARE(changed.count(), int(threads.size()));
        // A blocked thread's step is refused without a signal.
        for (int t = 0; t < controller.threadCount(); ++t) {
            if (!controller.simulator().canStep(t)) {
                QVERIFY(!controller.step(t));
                QCOMPARE(changed.count(), int(threads.size()));
            }
        }
    }

    void undoRedoAndJump()
    {
        app::SimulationController controller;
        const auto threads = schedule("1111 2");
        for (int t : threads)
            QVERIFY(controller.step(t));
        const core::State end = controller.state();
        QVERIFY(controller.undo());
        QVERIFY(controller.undo());
        QCOMPARE(controller.position(), 3);
        QCOMPARE(controller.historySize(), 5);
        QVERIFY(controller.state() == controller.simulator().stateAt(3));
        QVERIFY(controller.redo());
        QVERIFY(controller.redo());
        QVERIFY(!controller.redo());
        QVERIFY(controller.state() == end);
        controller.jumpTo(0);
        QVERIFY(controller.state() == controller.model().initialState());
        QVERIFY(!controller.undo());
        controller.reset();
        QCOMPARE(controller.historySize(), 0);
    }

    void settingsReplayTheSchedule()
    {
        app::SimulationController controller;
        QVERIFY(controller.replay(schedule(kLivelockRound)));
        QCOMPARE(app::describeOutcome(controller.simulator()).outcome, core::Outcome::Livelock);
        QSignalSpy settingsSpy(&controller, &app::SimulationController::settingsChanged);
        controller.setSettings(preset("v5.11-patched"));
        QCOMPARE(settingsSpy.count(), 1);
        core::Simulator reference(builtin("two-faults"), preset("v5.11"));
        QVERIFY(reference.replay(schedule(kLivelockRound)).ok());
        const int replayed = reference.changeSettings(preset("v5.11-patched"));
        QCOMPARE(controller.position(), reference.position());
        QCOMPARE(controller.historySize(), replayed);
        QVERIFY(controller.state() == reference.state());
        QVERIFY(app::describeOutcome(controller.simulator()).outcome != core::Outcome::Livelock);
        // Setting the same settings again is not a change.
        controller.setSettings(preset("v5.11-patched"));
        QCOMPARE(settingsSpy.count(), 1);
    }

    void invalidScenarioFailsToLoad()
    {
        app::SimulationController controller;
        QSignalSpy failed(&controller, &app::SimulationController::loadFailed);
        QSignalSpy scenarioSpy(&controller, &app::SimulationController::scenarioChanged);
        core::Scenario bad = builtin("two-faults");
        bad.threads[1].pages = {5}; // no page 5
        controller.loadScenario(bad, preset("v5.11"));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!failed.at(0).at(0).toString().isEmpty());
        QCOMPARE(scenarioSpy.count(), 0);
        QCOMPARE(controller.scenario().name, std::string("two-faults"));
    }

    void replayStopsAtABlockedThread()
    {
        app::SimulationController controller;
        QSignalSpy failed(&controller, &app::SimulationController::loadFailed);
        // Alone, T1 migrates and finishes long before 60 steps; then it cannot step.
        QVERIFY(!controller.replay(std::vector<int>(60, 0)));
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("schedule[")));
        QVERIFY(controller.position() > 0);
        QVERIFY(controller.position() < 60);
        QCOMPARE(controller.simulator().status(), core::Outcome::Running); // T2 has not started
    }

    void autoPlayStopsAtAnOutcome()
    {
        app::SimulationController controller;
        controller.setScheduleMode(app::ScheduleMode::Random, 7);
        controller.setStepsPerSecond(60);
        QSignalSpy playing(&controller, &app::SimulationController::playingChanged);
        controller.setPlaying(true);
        QVERIFY(controller.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isPlaying(), 20000);
        QVERIFY(controller.position() > 0);
        const auto outcome = app::describeOutcome(controller.simulator());
        QVERIFY(outcome.outcome != core::Outcome::Running);
        QCOMPARE(playing.count(), 2);
    }

    void scheduledStepsAreDeterministic()
    {
        app::SimulationController a;
        app::SimulationController b;
        a.setScheduleMode(app::ScheduleMode::Random, 42);
        b.setScheduleMode(app::ScheduleMode::Random, 42);
        for (int i = 0; i < 30; ++i) {
            // Past the run's end neither can step; until then both step alike.
            QCOMPARE(bool(a.stepScheduled()), bool(b.stepScheduled()));
        }
        QCOMPARE(a.simulator().schedule(), b.simulator().schedule());
    }
};

QTEST_MAIN(TestSimulationController)
#include "tst_simulation_controller.moc"
