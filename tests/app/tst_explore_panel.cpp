// SPDX-License-Identifier: MIT
#include "app/gui/charts/exploration_chart.h"
#include "app/gui/charts/exploration_model.h"
#include "app/gui/explore_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/outcome_banner.h"
#include "app/gui/outcome_presentation.h"
#include "app/gui/preset_exploration.h"
#include "app/gui/simulation_controller.h"
#include "core/explorer.h"
#include "support/fixtures.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QtTest>

#include <algorithm>
#include <optional>
#include <vector>

using namespace msb;
using namespace msb::testing;

class TestExplorePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableMatchesTheExplorerForTwoFaults()
    {
        app::PresetExploration exploration;
        app::ExplorePanel panel(&exploration);
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

    void symmetryFoldsStatesButNotVerdicts()
    {
        app::PresetExploration exploration;
        app::ExplorePanel panel(&exploration);
        QVERIFY(panel.symmetryBox()->isChecked()); // on by default, as in the CLI
        QSignalSpy finished(&panel, &app::ExplorePanel::explorationFinished);
        const core::Scenario scenario = builtin("two-faults"); // T1 and T2 run the same program
        const auto runOnce = [&](bool symmetry) {
            panel.symmetryBox()->setChecked(symmetry);
            QCOMPARE(exploration.symmetry(), symmetry);
            finished.clear();
            panel.start(scenario);
            QVERIFY(finished.wait(60000));
        };
        runOnce(false);
        std::vector<core::ExploreResult> plain;
        for (int c = 0; c < panel.model()->columnCount(); ++c)
            plain.push_back(*panel.model()->result(c));
        runOnce(true);
        bool fewer = false;
        for (int c = 0; c < panel.model()->columnCount(); ++c) {
            const core::ExploreResult& folded = *panel.model()->result(c);
            const core::ExploreResult& full = plain[size_t(c)];
            QCOMPARE(folded.livelock, full.livelock);
            QCOMPARE(folded.deadlock, full.deadlock);
            QCOMPARE(folded.completesAlways, full.completesAlways);
            QCOMPARE(folded.completesPossible, full.completesPossible);
            QCOMPARE(folded.sigbus, full.sigbus);
            QCOMPARE(folded.lostUpdate, full.lostUpdate);
            QCOMPARE(folded.stalePageUse, full.stalePageUse);
            QVERIFY(folded.states <= full.states);
            fewer = fewer || folded.states < full.states;
        }
        QVERIFY(fewer);
    }

    void fairnessNoneFindsTheV615SpinAndSaysSo()
    {
        app::PresetExploration exploration;
        app::ExplorePanel panel(&exploration);
        QCOMPARE(panel.fairnessBox()->currentText(), QStringLiteral("weak")); // the CLI's default
        QVERIFY(panel.fairnessBox()->toolTip().contains(QStringLiteral("spinning CPU")));
        QSignalSpy finished(&panel, &app::ExplorePanel::explorationFinished);
        const auto livelockIn = [&](const QString& preset) {
            for (int c = 0; c < panel.model()->columnCount(); ++c) {
                if (panel.model()->headerData(c, Qt::Horizontal).toString() == preset)
                    return panel.model()->result(c)->livelock;
            }
            return false;
        };
        panel.start(builtin("two-faults"));
        QVERIFY(finished.wait(60000));
        QVERIFY(!livelockIn(QStringLiteral("v6.15")));
        QVERIFY(panel.statusText().contains(QStringLiteral("fairness weak")));
        panel.fairnessBox()->setCurrentIndex(1);
        QCOMPARE(exploration.fairness(), core::Fairness::None);
        finished.clear();
        panel.start(builtin("two-faults"));
        QVERIFY(finished.wait(60000));
        QVERIFY(livelockIn(QStringLiteral("v6.15")));
        QCOMPARE(panel.model()->result(0)->fairness, core::Fairness::None);
        QVERIFY(panel.statusText().contains(QStringLiteral("fairness none")));
    }

    void cancelStopsAndDropsStaleResults()
    {
        app::PresetExploration exploration;
        app::ExplorePanel panel(&exploration);
        QSignalSpy finished(&panel, &app::ExplorePanel::explorationFinished);
        QSignalSpy explored(&exploration, &app::PresetExploration::presetExplored);
        panel.start(core::makeNFaults(4, 2));
        QThread::msleep(150); // the worker posts progress meanwhile: it must never arrive
        panel.cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(!panel.isRunning());
        QVERIFY(panel.statusText().startsWith(QStringLiteral("Cancelled")));
        QTest::qWait(300);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(explored.count(), 0);
        QVERIFY(panel.statusText().startsWith(QStringLiteral("Cancelled")));
        QCOMPARE(exploration.timeline()->rowCount(), exploration.timeline()->presetCount() == 0 ? 0 : 1);
    }

    void oneRunFeedsTheTableAndTheChart()
    {
        app::PresetExploration exploration;
        exploration.setScenario(builtin("two-faults"));
        app::ExplorePanel panel(&exploration);
        app::ExplorationChart chart(&exploration);
        chart.resize(900, 450);
        QSignalSpy started(&exploration, &app::PresetExploration::started);
        QSignalSpy finished(&panel, &app::ExplorePanel::explorationFinished);
        // Started from the chart's button, shown in the panel's table too.
        QPushButton* run = nullptr;
        for (QPushButton* button : chart.findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("Explore every preset"))
                run = button;
        }
        QVERIFY(run);
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(started.count(), 1);
        const int presets = int(core::presets().size());
        QCOMPARE(panel.model()->columnCount(), presets);
        const app::ExplorationModel* timeline = chart.explorationModel();
        QCOMPARE(timeline->presetCount(), presets);
        QCOMPARE(chart.chartView()->chart()->series().size(), presets);
        for (int c = 0; c < presets; ++c) {
            const auto& result = panel.model()->result(c);
            QVERIFY(result);
            const int line = timeline->presetIndex(panel.model()->headerData(c, Qt::Horizontal).toString());
            QVERIFY(line >= 0);
            QCOMPARE(timeline->verdict(line), app::verdictSummary(*result));
        }
    }

    void aRestartDropsTheSupersededRunsResults()
    {
        app::PresetExploration exploration;
        app::ExplorePanel panel(&exploration);
        QSignalSpy finished(&exploration, &app::PresetExploration::finished);
        panel.start(core::makeNFaults(4, 2));
        QThread::msleep(150); // progress of the big run is queued now; it is stale once we restart
        const core::Scenario small = builtin("two-faults");
        panel.start(small);
        QVERIFY(finished.wait(60000));
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
        qulonglong largest = 0;
        for (int c = 0; c < panel.model()->columnCount(); ++c) {
            core::ExploreOptions options;
            options.symmetry = exploration.symmetry();
            const auto expected = core::explore(core::Model(small, panel.model()->settings(c)), options);
            QCOMPARE(panel.model()->result(c)->states, expected.states);
            largest = std::max<qulonglong>(largest, expected.states);
        }
        // Not one snapshot of the superseded run reached the chart's model.
        QVERIFY(exploration.timeline()->maxStates() <= largest);
    }

    void aRunOverTheMemoryBudgetSaysWhichPresetsStoppedAndWhy()
    {
        app::PresetExploration exploration;
        app::ExplorePanel panel(&exploration);
        QVERIFY(!exploration.memoryBudget()); // automatic by default
        panel.memoryBudgetBox()->setValue(1);
        QCOMPARE(exploration.memoryBudget(), std::optional<std::uint64_t>(std::uint64_t {1} << 20));
        QSignalSpy finished(&panel, &app::ExplorePanel::explorationFinished);
        panel.start(core::makeNFaults(4, 2));
        QVERIFY(finished.wait(120000));
        QVERIFY(!finished.at(0).at(0).toBool());
        const auto& v511 = panel.model()->result(0);
        QVERIFY(v511);
        QCOMPARE(v511->stoppedBy, core::ExploreStop::MemoryBudget);
        QVERIFY(panel.statusText().contains(QStringLiteral("stopped at the memory budget (1.0 MiB)")));
        QVERIFY(panel.statusText().contains(panel.model()->headerData(0, Qt::Horizontal).toString()));
        panel.memoryBudgetBox()->setValue(0);
        QVERIFY(!exploration.memoryBudget());
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
