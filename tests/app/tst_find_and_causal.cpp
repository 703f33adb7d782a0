// SPDX-License-Identifier: MIT
// Issue 20 in the app: "Find a state" in the Explore tab (core::findState off the GUI thread, Load
// replays the schedule) and the causal slice faded in the History, the lanes and the exports.
#include "app/gui/explore_panel.h"
#include "app/gui/find_state_box.h"
#include "app/gui/gui_error.h"
#include "app/gui/history_model.h"
#include "app/gui/main_window.h"
#include "app/gui/simulation_controller.h"
#include "core/causal_slice.h"
#include "core/explorer.h"
#include "core/expression.h"
#include "scenes/race_scene.h"
#include "support/fixtures.h"

#include <QComboBox>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
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

    void historyFadesWhatTheCoreSliceLeavesOut()
    {
        // fault-vs-holder under v5.11-patched loses H's write: load explore's counterexample.
        const core::Scenario scenario = builtin("fault-vs-holder");
        const core::Model model(scenario, preset("v5.11-patched"));
        const auto cx = core::explore(model).counterexample(core::Outcome::LostUpdate);
        QVERIFY(cx && cx->cycle.empty());
        const std::vector<int> schedule = cx->schedule();
        const core::CounterexampleSlice slice = core::sliceCounterexample(model, *cx, core::Outcome::LostUpdate);

        app::MainWindow window;
        window.buildPanels();
        window.controller()->loadScenario(scenario, preset("v5.11-patched"));
        QVERIFY(window.controller()->replay(schedule));
        const app::HistoryModel* history = window.historyModel();
        QCOMPARE(history->rowCount(), int(schedule.size()));
        QVERIFY(history->hasCausality());
        for (int i = 0; i < history->rowCount(); ++i) {
            const QModelIndex row = history->index(i);
            QCOMPARE(row.data(app::HistoryModel::IsCausalRole).toBool(), bool(slice.prefix[size_t(i)]));
            const bool deciding = std::find(slice.deciding.begin(), slice.deciding.end(), i) != slice.deciding.end();
            QCOMPARE(row.data(app::HistoryModel::IsDecidingRole).toBool(), deciding);
        }

        // The lanes draw the same slice: each thread's trail, its steps outside the slice faded.
        const scenes::RaceScene* scene = window.scene();
        int faded = 0;
        for (int t = 0; t < model.threadCount(); ++t) {
            const auto& trail = scene->lane(t)->content().trail;
            for (const scenes::TrailStep& step : trail) {
                QCOMPARE(step.faded, !slice.prefix[size_t(step.index)]);
                QCOMPARE(window.controller()->simulator().history()[size_t(step.index)].thread, t);
                faded += step.faded ? 1 : 0;
            }
        }
        QCOMPARE(faded, int(std::count(slice.prefix.begin(), slice.prefix.end(), false)));

        // View > Fade steps that do not matter, off: nothing is faded, nothing carries the role.
        window.setFadeNonCausalSteps(false);
        QVERIFY(!history->index(0).data(app::HistoryModel::IsCausalRole).isValid());
        for (int t = 0; t < model.threadCount(); ++t) {
            for (const scenes::TrailStep& step : scene->lane(t)->content().trail)
                QVERIFY(!step.faded);
        }
    }

    void stepsOffTheSliceAreFadedInHistoryAndLanes()
    {
        // T2 migrates X1 beside T1's migration of X0 while H holds D0 (v5.11-patched: no count
        // check): H's write is lost, and T2's M5 (its pre-copy check of D1) touches nothing the
        // outcome depends on.
        app::MainWindow window;
        window.buildPanels();
        QVERIFY(window.controller()->openFile(QStringLiteral(MSB_TEST_DATA_DIR "/scenarios/three-on-two-pages.json")));
        window.controller()->setSettings(preset("v5.11-patched"));
        const std::vector<int> run = {1, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
        QVERIFY(window.controller()->replay(run));
        const core::Model& model = window.controller()->model();
        const std::vector<int> deciding = core::decidingSteps(model, run, core::Outcome::LostUpdate);
        QCOMPARE(deciding, std::vector<int> {16});
        const auto slice = core::causalSlice(model, run, deciding);
        QVERIFY(slice.ok());
        const app::HistoryModel* history = window.historyModel();
        int faded = 0;
        for (int i = 0; i < history->rowCount(); ++i) {
            QCOMPARE(history->index(i).data(app::HistoryModel::IsCausalRole).toBool(), bool(slice.value()[size_t(i)]));
            faded += slice.value()[size_t(i)] ? 0 : 1;
        }
        QCOMPARE(faded, 1);
        QVERIFY(!history->index(6).data(app::HistoryModel::IsCausalRole).toBool()); // T2 M5
        QVERIFY(history->index(6).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Does not matter")));
        QVERIFY(history->index(16).data(Qt::DisplayRole).toString().contains(QStringLiteral("decides the outcome")));
        // T2's lane: M0 M1 M2 M3 M4 M5, the last faded; H's: H1 H2, H2 deciding.
        const auto& t2 = window.scene()->lane(1)->content().trail;
        QCOMPARE(int(t2.size()), 6);
        QVERIFY(t2.back().faded && t2.back().label == QStringLiteral("M5"));
        QVERIFY(std::none_of(t2.begin(), t2.end() - 1, [](const scenes::TrailStep& s) { return s.faded; }));
        const auto& h = window.scene()->lane(2)->content().trail;
        QVERIFY(h.back().deciding && !h.front().deciding);
    }

    void exportsMarkTheStepsThatDoNotMatter()
    {
        app::MainWindow window;
        window.buildPanels();
        QVERIFY(window.controller()->openFile(QStringLiteral(MSB_TEST_DATA_DIR "/scenarios/three-on-two-pages.json")));
        window.controller()->setSettings(preset("v5.11-patched"));
        QVERIFY(window.controller()->replay({1, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}));
        QTemporaryDir dir;
        const QString html = dir.filePath(QStringLiteral("run.html"));
        QVERIFY2(window.exportRecording(html, QStringLiteral("html")),
            qPrintable(app::errorText(window.exportRecording(html, QStringLiteral("html")))));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(file.readAll());
        // Step 7 (T2 M5) is the one that does not matter; step 17 (H H2) decides.
        QCOMPARE(page.count(QStringLiteral("does not matter for the outcome")), 1);
        QVERIFY(page.contains(QStringLiteral("T2 M5: check_page before the copy: passes \u2014 does not matter")));
        QVERIFY(page.contains(QStringLiteral("\u2014 decides the outcome")));

        const QString pdf = dir.filePath(QStringLiteral("run.pdf"));
        QVERIFY2(window.exportRecording(pdf, QStringLiteral("pdf")),
            qPrintable(app::errorText(window.exportRecording(pdf, QStringLiteral("pdf")))));
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        QProcess process;
        process.start(pdftotext, {pdf, QStringLiteral("-")});
        QVERIFY(process.waitForFinished(30000));
        const QString text = QString::fromUtf8(process.readAllStandardOutput()).simplified();
        QVERIFY2(text.contains(QStringLiteral("Which steps matter: 16 of 17 cause lost_update (set by step 17)")),
            qPrintable(text.left(2000)));
        QVERIFY(text.contains(QStringLiteral("Step 7 of 17: T2 runs M5 (does not matter for the outcome)")));
        QVERIFY(text.contains(QStringLiteral("Step 17 of 17: H runs H2 (decides the outcome)")));
    }

    void aRunWithoutAnOutcomeFadesNothing()
    {
        app::MainWindow window;
        window.buildPanels();
        QVERIFY(window.controller()->replay({0, 0, 0, 1}));
        QVERIFY(window.causality().empty());
        QVERIFY(!window.historyModel()->hasCausality());
        // The trail still lists T1's three steps, newest last.
        const auto& trail = window.scene()->lane(0)->content().trail;
        QCOMPARE(int(trail.size()), 3);
        QCOMPARE(trail.back().label, QStringLiteral("M2"));
        QVERIFY(window.scene()->lane(0)->visibleTrail().size() == 3);
    }
};

QTEST_MAIN(TestFindAndCausal)
#include "tst_find_and_causal.moc"
