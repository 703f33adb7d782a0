// SPDX-License-Identifier: MIT
// Issue 20 in the app: the Timeline's turning-point marks and the History rows agree with core's
// turningPoints() for the same run, exports carry the sentence, and History watch expressions
// are added (or refused with the column), shown per row, and survive undo but not a scenario
// that no longer has what they name.
#include "app/gui/app_options.h"
#include "app/gui/control_column.h"
#include "app/gui/explore_panel.h"
#include "app/gui/export/recording_exporter.h"
#include "app/gui/gui_error.h"
#include "app/gui/history_model.h"
#include "app/gui/main_window.h"
#include "app/gui/panel_tabs.h"
#include "app/gui/prospects_strip.h"
#include "app/gui/run_prospects.h"
#include "app/gui/session_gate.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/watch_bar.h"
#include "core/builtin_scenarios.h"
#include "core/outcome_prospects.h"
#include "core/recording.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace msb;

namespace {

// fault-vs-holder without the refcount check: T1 commits while H still writes (tests/cli's --possible run).
const std::vector<int> kLostUpdate {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1};

core::Settings preset(const char* name)
{
    return core::findPreset(name)->settings;
}

core::Scenario builtin(const char* name)
{
    return core::loadBuiltinScenario(name).value();
}

/// core's own answer for the simulator's run, as `run --possible` computes it.
std::vector<core::TurningPoint> coreTurningPoints(
    const core::Simulator& sim, core::Fairness fairness = core::Fairness::Weak)
{
    core::ProspectOptions options;
    options.fairness = fairness;
    const core::OutcomeProspects prospects(sim.model(), options);
    return core::turningPoints(core::prospectsAlong(prospects, sim));
}

bool waitReady(app::RunProspects& prospects)
{
    return QTest::qWaitFor([&] { return prospects.status() != app::RunProspects::Status::Computing; }, 20000)
        && prospects.status() == app::RunProspects::Status::Ready;
}

} // namespace

class TestProspectsWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void marksAgreeWithCoreForTheLostUpdate()
    {
        app::SimulationController controller;
        QVERIFY(controller.loadScenario(builtin("fault-vs-holder"), preset("v5.11-patched")));
        app::SessionGate gate(&controller);
        app::PanelTabs tabs(&gate);
        tabs.build();
        app::ControlColumn column(&gate, {});
        column.setProspects(tabs.runProspects());
        QVERIFY(controller.replay(kLostUpdate));
        app::RunProspects& prospects = *tabs.runProspects();
        QVERIFY(waitReady(prospects));
        tabs.refresh(); // as on stateChanged (the tabs follow it themselves)

        const auto expected = coreTurningPoints(controller.simulator());
        QVERIFY(!expected.empty());
        QCOMPARE(prospects.turningPoints(), expected);
        // The strip has a mark at each turning point's step, with core's sentence as tooltip.
        const auto& marks = column.prospectsStrip()->marks();
        for (const core::TurningPoint& point : expected) {
            QVERIFY(marks.count(point.step));
            QVERIFY(marks.at(point.step)
                        .sentences.contains(
                            QString::fromStdString(core::describeTurningPoint(point, controller.simulator()))));
        }
        QCOMPARE(int(marks.size()), int(prospects.sentences().size()));
        QVERIFY(column.prospectsLine()->text().startsWith(QStringLiteral("Still possible: completion")));
        QVERIFY(column.prospectsLine()->text().contains(QStringLiteral("inevitable: completion, a lost update")));

        // History: step 8 (T1 allocates S and copies) is where the lost update became unavoidable.
        app::HistoryModel& history = *tabs.historyModel();
        QCOMPARE(history.data(history.index(7), app::HistoryModel::TurningPointRole).toString(),
            QStringLiteral("⟶ a lost update can no longer be avoided"));
        QVERIFY(history.data(history.index(7)).toString().contains(QStringLiteral("copy D -> S   ⟶ a lost update")));
        for (int row = 0; row < history.rowCount(); ++row) {
            const bool turning = std::any_of(
                expected.begin(), expected.end(), [row](const auto& point) { return point.step == row + 1; });
            QCOMPARE(
                !history.data(history.index(row), app::HistoryModel::TurningPointRole).toString().isEmpty(), turning);
        }

        // Stepping back reuses the graph: the redo tail keeps its marks, the current line moves.
        const qint64 built = prospects.lastBuildMilliseconds();
        controller.jumpTo(2);
        tabs.refresh();
        QCOMPARE(prospects.status(), app::RunProspects::Status::Ready);
        QCOMPARE(prospects.lastBuildMilliseconds(), built);
        QCOMPARE(prospects.turningPoints(), expected);
        // Before T1 allocates S the lost update can still be avoided (as in `run --possible`'s row 2).
        QCOMPARE(column.prospectsLine()->text(),
            QStringLiteral("Still possible: completion, a lost update · inevitable: completion"));
    }

    void marksAgreeWithCoreUnderV517()
    {
        app::SimulationController controller;
        QVERIFY(controller.loadScenario(builtin("fault-vs-holder"), preset("v5.17")));
        app::RunProspects prospects(&controller);
        for (int i = 0; i < 14 && controller.stepScheduled(); ++i) { }
        QVERIFY(waitReady(prospects));
        QCOMPARE(prospects.turningPoints(), coreTurningPoints(controller.simulator()));
        // New settings: the graph is built again for the new model.
        controller.setSettings(preset("v5.11-patched"));
        QCOMPARE(prospects.status(), app::RunProspects::Status::Computing);
        QVERIFY(prospects.currentLine().contains(QStringLiteral("computing")));
        QVERIFY(waitReady(prospects));
        QCOMPARE(prospects.turningPoints(), coreTurningPoints(controller.simulator()));
    }

    void followsTheExploreTabsFairness()
    {
        app::SimulationController controller;
        QVERIFY(controller.loadScenario(builtin("two-faults"), preset("v5.11")));
        app::SessionGate gate(&controller);
        app::PanelTabs tabs(&gate);
        tabs.build();
        app::RunProspects& prospects = *tabs.runProspects();
        for (int i = 0; i < 10 && controller.stepScheduled(); ++i) { }
        QVERIFY(waitReady(prospects));
        QCOMPARE(prospects.fairness(), core::Fairness::Weak);
        QComboBox* fairness = nullptr;
        for (QComboBox* box : tabs.explorePanel()->findChildren<QComboBox*>()) {
            if (box->accessibleName() == QStringLiteral("Fairness"))
                fairness = box;
        }
        QVERIFY(fairness);
        fairness->setCurrentIndex(1); // none
        QCOMPARE(prospects.fairness(), core::Fairness::None);
        QVERIFY(waitReady(prospects));
        QVERIFY(prospects.statusText().startsWith(QStringLiteral("fairness none")));
        QCOMPARE(prospects.turningPoints(), coreTurningPoints(controller.simulator(), core::Fairness::None));
    }

    void tooLargeSaysWhyAndMarksNothing()
    {
        app::SimulationController controller;
        QVERIFY(controller.loadScenario(builtin("fault-vs-holder"), preset("v5.11-patched")));
        app::RunProspects prospects(&controller);
        prospects.setMaxStates(10);
        prospects.restart();
        QVERIFY(controller.replay(kLostUpdate));
        QVERIFY(!waitReady(prospects));
        QCOMPARE(prospects.status(), app::RunProspects::Status::Incomplete);
        QVERIFY(prospects.turningPoints().empty());
        QVERIFY2(prospects.currentLine().contains(QStringLiteral("too large")), qPrintable(prospects.currentLine()));
    }

    void watchesAddRefuseShowAndSurviveUndo()
    {
        app::SimulationController controller;
        QVERIFY(controller.loadScenario(builtin("fault-vs-holder"), preset("v5.11-patched")));
        app::SessionGate gate(&controller);
        app::PanelTabs tabs(&gate);
        tabs.build();
        app::WatchBar& bar = *tabs.watchBar();

        // A parse error names the column and adds nothing.
        bar.input()->setText(QStringLiteral("page_count(D0) == "));
        QTest::keyClick(bar.input(), Qt::Key_Return);
        QCOMPARE(bar.watches().size(), 0);
        QVERIFY2(bar.message().contains(QStringLiteral("column 18: expected a value")), qPrintable(bar.message()));
        QCOMPARE(bar.input()->text(), QStringLiteral("page_count(D0) == "));

        bar.input()->setText(QStringLiteral("page_count(D0)"));
        QTest::keyClick(bar.input(), Qt::Key_Return);
        QVERIFY(bar.addWatch(QStringLiteral("sleeping(H)")));
        QCOMPARE(bar.watches().size(), 2);
        QVERIFY(bar.message().isEmpty());
        QVERIFY(bar.input()->text().isEmpty());
        QVERIFY(bar.chip(0)->toolTip().contains(QStringLiteral("Initially page_count(D0) = 2")));

        QVERIFY(controller.replay(kLostUpdate));
        tabs.refresh();
        app::HistoryModel& history = *tabs.historyModel();
        // Step 2: H takes its reference (count 3); step 6: the mapping reference goes (count 2).
        const auto watchesAfter = [&](int step) {
            return history.data(history.index(step - 1), app::HistoryModel::WatchValuesRole).toString();
        };
        QCOMPARE(watchesAfter(1), QStringLiteral("page_count(D0)=2 · sleeping(H)=false"));
        QCOMPARE(watchesAfter(2), QStringLiteral("page_count(D0)=3 · sleeping(H)=false"));
        QVERIFY(history.data(history.index(1)).toString().contains(QStringLiteral("{page_count(D0)=3")));

        // Undo keeps the watches and the redo tail's values.
        QVERIFY(controller.undo());
        QVERIFY(controller.undo());
        tabs.refresh();
        QCOMPARE(bar.watches().size(), 2);
        QCOMPARE(watchesAfter(2), QStringLiteral("page_count(D0)=3 · sleeping(H)=false"));

        // Removing a chip drops its column.
        bar.chip(1)->click();
        QCOMPARE(bar.watches().size(), 1);
        QCOMPARE(watchesAfter(2), QStringLiteral("page_count(D0)=3"));
        QVERIFY(bar.addWatch(QStringLiteral("sleeping(H)")));

        // two-faults has no thread H: that watch goes, with a note; page_count(D0) stays.
        QVERIFY(controller.loadScenario(builtin("two-faults"), preset("v5.11")));
        QCOMPARE(bar.watches().size(), 1);
        QCOMPARE(bar.watches().text(0), QStringLiteral("page_count(D0)"));
        QVERIFY2(bar.message().contains(QStringLiteral("sleeping(H)")), qPrintable(bar.message()));
        QVERIFY(controller.step(0));
        tabs.refresh();
        QCOMPARE(watchesAfter(1), QStringLiteral("page_count(D0)=2"));
    }

    void watchOptionAddsWatchesOrNamesTheColumn()
    {
        app::MainWindow window;
        app::AppOptions options;
        options.file = QStringLiteral("fault-vs-holder");
        options.watches = {QStringLiteral("page_count(D0)"), QStringLiteral("sleeping(H)")};
        QCOMPARE(app::errorText(app::applyAppOptions(window, options)), QString());
        const app::WatchBar& bar = *static_cast<app::PanelTabs*>(window.panelTabs())->watchBar();
        QCOMPARE(bar.watches().size(), 2);
        QCOMPARE(bar.watches().text(1), QStringLiteral("sleeping(H)"));

        app::MainWindow other;
        options.watches = {QStringLiteral("page_count(D0")};
        QCOMPARE(app::errorText(app::applyAppOptions(other, options)),
            QStringLiteral("--watch 'page_count(D0': column 14: expected ')' after 'D0', got end of input"));
    }

    void htmlExportSaysTheTurningPoint()
    {
        core::Simulator sim(builtin("fault-vs-holder"), preset("v5.11-patched"));
        QVERIFY(sim.replay(kLostUpdate).ok());
        const core::Recording recording = core::recordFromSimulator(sim, {});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.html"));
        app::RecordingExporter exporter(recording);
        exporter.setFrameSize({640, 360});
        QVERIFY2(exporter.write(app::RecordingExporter::Format::Html, path),
            qPrintable(app::errorText(exporter.write(app::RecordingExporter::Format::Html, path))));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(file.readAll());
        const QString sentence = QStringLiteral("after step 8 (T1: M6 driver: allocate system page S");
        QVERIFY(html.contains(sentence));
        QVERIFY(html.contains(QStringLiteral("a lost update can no longer be avoided")));
    }
};

QTEST_MAIN(TestProspectsWatch)
#include "tst_prospects_watch.moc"
