// SPDX-License-Identifier: MIT
// Issue 20 in the app: "Find a state" in the Explore tab (core::findState off the GUI thread, Load
// replays the schedule) and the causal slice faded in the History, the lanes and the exports.
#include "app/gui/explore_panel.h"
#include "app/gui/find_state_box.h"
#include "app/gui/main_window.h"
#include "app/gui/simulation_controller.h"
#include "core/expression.h"
#include "support/fixtures.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include <vector>

using namespace msb;
using namespace msb::testing;

class TestFindAndCausal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findLoadsTheCliScheduleOnTwoFaults()
    {
        app::MainWindow window;
        window.buildPanels();
        app::FindStateBox* box = window.explorePanel()->findBox();
        QVERIFY(box);
        QSignalSpy finished(box, &app::FindStateBox::searchFinished);
        const QString text = QStringLiteral("page_count(D0) == 3 && sleeping(T2)");
        box->setExpression(text);
        box->find();
        QVERIFY(box->isRunning() || finished.count() == 1);
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QVERIFY(box->hasFound());
        // The CLI's answer (README, explore --find): T1 x7, T2, T2, T1, T2, T1, T2, T2.
        QCOMPARE(box->foundSchedule(), (std::vector<int> {0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1}));
        QVERIFY2(box->resultText().contains(QStringLiteral("found after 14 steps")), qPrintable(box->resultText()));
        QVERIFY(box->resultText().contains(QStringLiteral("131 states explored")));
        QCOMPARE(box->expressionBox()->itemText(0), text); // remembered
        box->loadButton()->click();
        app::SimulationController* controller = window.controller();
        QCOMPARE(controller->position(), 14);
        const auto expression = core::Expression::parse(text.toStdString(), controller->scenario());
        QVERIFY(expression.ok());
        QVERIFY(expression.value().holds(controller->model(), controller->state()));
    }

    void unreachableIsProved()
    {
        app::MainWindow window;
        window.buildPanels();
        window.controller()->setSettings(preset("v7.0"));
        app::FindStateBox* box = window.explorePanel()->findBox();
        QSignalSpy finished(box, &app::FindStateBox::searchFinished);
        box->setExpression(QStringLiteral("sleeping(T1) && sleeping(T2)"));
        box->find();
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        QVERIFY(!box->hasFound());
        QVERIFY2(box->resultText().contains(QStringLiteral("unreachable: no reachable state satisfies it (142 states, "
                                                           "proved)")),
            qPrintable(box->resultText()));
        QVERIFY(!box->loadButton()->isVisibleTo(box));
    }

    void parseErrorNamesTheColumnAndRunsNothing()
    {
        app::MainWindow window;
        window.buildPanels();
        app::FindStateBox* box = window.explorePanel()->findBox();
        QSignalSpy finished(box, &app::FindStateBox::searchFinished);
        box->setExpression(QStringLiteral("sleeping(T2"));
        box->find();
        QCOMPARE(finished.count(), 1); // at once: nothing ran
        QVERIFY(!box->isRunning());
        QVERIFY2(box->resultText().contains(QStringLiteral("column 12")), qPrintable(box->resultText()));
        box->setExpression(QStringLiteral("page_count(D0)"));
        box->find();
        QVERIFY2(box->resultText().contains(QStringLiteral("not true or false")), qPrintable(box->resultText()));
        QCOMPARE(box->expressionBox()->count(), 0); // refused expressions are not remembered
    }

    void aScenarioChangeCancelsTheSearch()
    {
        app::MainWindow window;
        window.buildPanels();
        app::FindStateBox* box = window.explorePanel()->findBox();
        box->setExpression(QStringLiteral("page_count(D0) == 3 && sleeping(T2)"));
        box->find();
        window.controller()->loadBuiltin(QStringLiteral("n-faults"));
        QVERIFY(!box->isRunning());
        QVERIFY(!box->hasFound());
        QVERIFY(box->resultText().contains(QStringLiteral("scenario changed")));
    }
};

QTEST_MAIN(TestFindAndCausal)
#include "tst_find_and_causal.moc"
