// SPDX-License-Identifier: MIT
// The session gate (app/gui/session_gate.h): nothing the user does moves a locked session, not
// even for one turn of the event loop, and each refusal says why.
#include "app/gui/controller_sync.h"
#include "app/gui/history_model.h"
#include "app/gui/main_window.h"
#include "app/gui/session_gate.h"
#include "app/gui/simulation_controller.h"
#include "scenes/race_scene.h"
#include "scenes/race_view.h"
#include "support/fixtures.h"

#include <QListView>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QtTest>

using namespace msb;
using namespace msb::testing;

namespace {

const QString kFollowing = QStringLiteral("Following the teacher — detach to explore on your own");
const QString kCheckpoint = QStringLiteral("Answer the lesson's question first");

void clickChip(app::MainWindow& window, int thread)
{
    scenes::RaceView* view = window.view();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(window.scene()->stepChipCenter(thread)));
}

void clickHistoryRow(app::MainWindow& window, int row)
{
    QListView* list = window.historyView();
    const QModelIndex index = window.historyModel()->index(row);
    list->scrollTo(index);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
}

} // namespace

class TestSessionGate : public QObject
{
    Q_OBJECT

private:
    static void show(app::MainWindow& window)
    {
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.buildPanels();
    }

private Q_SLOTS:
    void sceneClickInReadOnlySessionDoesNotMoveTheController()
    {
        app::MainWindow window;
        show(window);
        app::SimulationController* controller = window.controller();
        QVERIFY(controller->simulator().canStep(0));
        window.gate()->setReadOnly(true, kFollowing);
        QSignalSpy states(controller, &app::SimulationController::stateChanged);
        QSignalSpy refused(window.gate(), &app::SessionGate::refused);

        clickChip(window, 0);
        // A later turn of the event loop would be when an undo-after-the-fact came: none may.
        QTest::qWait(50);
        QCOMPARE(states.count(), 0);
        QCOMPARE(controller->historySize(), 0);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.at(0).at(0).toString(), kFollowing);
        QCOMPARE(window.statusBar()->currentMessage(), kFollowing);

        // The keys and the gate's own commands say the same.
        QTest::keyClick(&window, Qt::Key_1);
        const auto step = window.gate()->step(0);
        QVERIFY(!step);
        QCOMPARE(QString::fromStdString(step.error().message), kFollowing);
        QVERIFY(!window.gate()->reset());
        QVERIFY(!window.gate()->setPlaying(true));
        QVERIFY(!controller->isPlaying());
        QCOMPARE(states.count(), 0);

        // Unlocked, the same click steps (and the scene is told by the one stateChanged).
        window.gate()->setReadOnly(false);
        clickChip(window, 0);
        QCOMPARE(states.count(), 1);
        QCOMPARE(controller->position(), 1);
        const auto snapshot = states.at(0).at(0).value<app::SessionSnapshot>();
        QVERIFY(snapshot.steppedForward);
        QCOMPARE(snapshot.position, 1);
        QCOMPARE(snapshot.lastStep->thread, 0);
    }

    void clickPastTheForwardLimitIsRefusedWithTheReason()
    {
        app::MainWindow window;
        show(window);
        app::SimulationController* controller = window.controller();
        QVERIFY(controller->replay(schedule("1111")));
        controller->jumpTo(2);
        window.gate()->setForwardLimit(2, kCheckpoint);
        QVERIFY(window.gate()->isHeld());
        QSignalSpy states(controller, &app::SimulationController::stateChanged);
        QSignalSpy refused(window.gate(), &app::SessionGate::refused);

        clickChip(window, 1); // a new step would go past position 2
        QCOMPARE(states.count(), 0);
        QCOMPARE(controller->position(), 2);
        QCOMPARE(controller->historySize(), 4);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.at(0).at(0).toString(), kCheckpoint);
        QCOMPARE(window.statusBar()->currentMessage(), kCheckpoint);
        QVERIFY(!window.gate()->redo());
        QVERIFY(!window.gate()->stepScheduled());
        QCOMPARE(states.count(), 0);

        // Back is not forward: allowed, and from there one step up to the limit is too.
        QVERIFY(window.gate()->undo());
        QCOMPARE(controller->position(), 1);
        QVERIFY(window.gate()->redo());
        QCOMPARE(controller->position(), 2);
    }

    void historyAndTimelineObeyTheSameGate()
    {
        app::MainWindow window;
        show(window);
        app::SimulationController* controller = window.controller();
        QVERIFY(controller->replay(schedule(kLivelockRound)));
        controller->jumpTo(3);
        window.gate()->setForwardLimit(5, kCheckpoint);
        QSignalSpy states(controller, &app::SimulationController::stateChanged);
        QSignalSpy refused(window.gate(), &app::SessionGate::refused);

        clickHistoryRow(window, 9); // position 10: past the limit
        QCOMPARE(controller->position(), 3);
        QCOMPARE(states.count(), 0);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.at(0).at(0).toString(), kCheckpoint);
        clickHistoryRow(window, 4); // position 5: the limit itself
        QCOMPARE(controller->position(), 5);
        QCOMPARE(states.count(), 1);

        // The timeline stops at the limit and its handle shows where the run is.
        QSlider* timeline = window.timelineSlider();
        timeline->setValue(12);
        QCOMPARE(controller->position(), 5);
        QCOMPARE(timeline->value(), 5);
        timeline->setValue(1);
        QCOMPARE(controller->position(), 1);
        QCOMPARE(states.count(), 2);

        // Read-only: neither moves at all, and the timeline is disabled from the gate's changed().
        window.gate()->setReadOnly(true, kFollowing);
        QVERIFY(!timeline->isEnabled());
        clickHistoryRow(window, 2);
        QVERIFY(!window.gate()->jumpTo(4));
        QTest::qWait(50);
        QCOMPARE(controller->position(), 1);
        QCOMPARE(states.count(), 2);
        QCOMPARE(refused.last().at(0).toString(), kFollowing);
    }

    void panelsBuiltLaterShowTheCurrentStateAndLocks()
    {
        app::MainWindow window; // never shown: nothing has built the panels yet
        QVERIFY(!window.isFullyBuilt());
        app::SimulationController* controller = window.controller();
        QVERIFY(controller->replay(schedule(kLivelockRound)));
        controller->jumpTo(3);
        window.gate()->setReadOnly(true, kFollowing);
        window.buildPanels();
        QCOMPARE(window.timelineSlider()->maximum(), controller->historySize());
        QCOMPARE(window.timelineSlider()->value(), 3);
        QVERIFY(!window.timelineSlider()->isEnabled());
        QCOMPARE(window.historyModel()->rowCount(), controller->historySize());
        QCOMPARE(window.historyView()->currentIndex().row(), 2);
        window.gate()->setReadOnly(false);
        QVERIFY(window.timelineSlider()->isEnabled());
    }

    void theTeachersMirrorMovesAReadOnlySession()
    {
        app::SimulationController controller;
        app::SessionGate gate(&controller);
        gate.setReadOnly(true, kFollowing);
        QSignalSpy states(&controller, &app::SimulationController::stateChanged);
        app::SessionPosition target = app::sessionPosition(controller.simulator());
        target.history = schedule("11");
        target.position = 2;
        QVERIFY(gate.followTeacher(target, {{1, "the second step"}}));
        QCOMPARE(controller.position(), 2);
        QCOMPARE(controller.narration(1), QStringLiteral("the second step"));
        QVERIFY(states.count() >= 1);
        // The student's own command is still refused.
        QVERIFY(!gate.undo());
        QCOMPARE(controller.position(), 2);
    }

    void aFailedStepCarriesCoresReason()
    {
        app::SimulationController controller;
        QSignalSpy states(&controller, &app::SimulationController::stateChanged);
        const auto result = controller.step(7);
        QVERIFY(!result);
        QVERIFY(!result.error().message.empty());
        QCOMPARE(states.count(), 0);
        app::SessionGate gate(&controller);
        QSignalSpy refused(&gate, &app::SessionGate::refused);
        QVERIFY(!gate.step(7));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.at(0).at(0).toString(), QString::fromStdString(result.error().message));
    }
};

QTEST_MAIN(TestSessionGate)
#include "tst_session_gate.moc"
