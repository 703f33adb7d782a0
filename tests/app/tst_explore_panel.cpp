// SPDX-License-Identifier: MIT
#include "app/gui/explore_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/outcome_banner.h"
#include "app/gui/simulation_controller.h"
#include "app_fixtures.h"
#include "core/explorer.h"

#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using namespace msb;
using namespace msb::app::testing;

class TestExplorePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableMatchesTheExplorerForTwoFaults()
    {
        app::ExplorePanel panel;
        QSignalSpy finished(&panel, &app::ExplorePanel::explorationFinished);
        const core::Scenario scenario = builtin("two-faults");
        panel.start(scenario);
        QVERIFY(panel.isRunning());
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.at(0).at(0).toBool()); // complete
        const auto* model = panel.model();
        QCOMPARE(model->columnCount(), int(core::presets().size()));
        for (int c = 0; c < model->columnCount(); ++c) {
            const auto& preset = core::presets()[size_t(c)];
            QCOMPARE(model->headerData(c, Qt::Horizontal).toString(),
                QString::fromUtf8(preset.name.data(), preset.name.size()));
            const auto expected = core::explore(core::Model(scenario, preset.settings));
            const bool values[] = {expected.completesAlways, expected.completesPossible, expected.deadlock,
                expected.livelock, expected.sigbus, expected.lostUpdate, expected.stalePageUse};
            for (int r = 0; r < app::VerdictModel::RowCount; ++r) {
                QCOMPARE(model->index(r, c).data(app::VerdictModel::ReachedRole).toBool(), values[r]);
                QVERIFY(model->index(r, c).data(app::VerdictModel::ReachedRole).isValid());
            }
        }
        // The headline: v5.11 livelocks, the patch removes the livelock.
        QVERIFY(model->index(app::VerdictModel::Livelock, 0).data(app::VerdictModel::ReachedRole).toBool());
        const int patched = 2;
        QCOMPARE(model->headerData(patched, Qt::Horizontal).toString(), QStringLiteral("v5.11-patched"));
        QVERIFY(!model->index(app::VerdictModel::Livelock, patched).data(app::VerdictModel::ReachedRole).toBool());
    }

    void cancelStopsAndDropsStaleResults()
    {
        app::ExplorePanel panel;
        QSignalSpy finished(&panel, &app::ExplorePanel::explorationFinished);
        panel.start(core::makeNFaults(4, 2));
        panel.cancel();
        QVERIFY(finished.wait(60000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(!panel.isRunning());
        QVERIFY(panel.statusText().startsWith(QStringLiteral("Cancelled")));
    }

    void clickingALivelockLoadsItsCounterexample()
    {
        app::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.controller()->setSettings(preset("v5.11-patched"));
        app::ExplorePanel* panel = window.explorePanel();
        QSignalSpy finished(panel, &app::ExplorePanel::explorationFinished);
        window.exploreCurrent();
        QVERIFY(finished.wait(60000));
        const QModelIndex cell = panel->model()->index(app::VerdictModel::Livelock, 0); // v5.11
        QVERIFY(cell.data(app::VerdictModel::IsBadRole).toBool());
        const auto cx = panel->model()->counterexample(cell);
        QVERIFY(cx);
        QTableView* table = panel->table();
        table->scrollTo(cell);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
        QVERIFY(window.controller()->settings() == preset("v5.11"));
        QCOMPARE(window.controller()->simulator().schedule(), cx->schedule());
        QCOMPARE(window.banner()->outcome(), core::Outcome::Livelock);
        // Branch off: stepping on from the counterexample works.
        const int before = window.controller()->position();
        QVERIFY(window.controller()->stepScheduled());
        QCOMPARE(window.controller()->position(), before + 1);
    }
};

QTEST_MAIN(TestExplorePanel)
#include "tst_explore_panel.moc"
