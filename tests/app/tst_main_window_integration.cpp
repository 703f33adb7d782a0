// SPDX-License-Identifier: MIT
// The main window as integrated: progressive start-up, the charts tab, the timeline
// slider, narration, recordings made in the GUI and by the CLI, export, presenter zoom, the switch.
#include "app/gui/charts/charts_panel.h"
#include "app/gui/charts/exploration_chart.h"
#include "app/gui/charts/exploration_model.h"
#include "app/gui/charts/refcount_timeline_chart.h"
#include "app/gui/charts/refcount_timeline_model.h"
#include "app/gui/command_line.h"
#include "app/gui/explore_panel.h"
#include "app/gui/gui_error.h"
#include "app/gui/main_window.h"
#include "app/gui/settings_panel.h"
#include "app/gui/simulation_controller.h"
#include "core/recording.h"
#include "scenes/race_scene.h"
#include "scenes/race_view.h"
#include "support/fixtures.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace msb;
using namespace msb::testing;

class TestMainWindowIntegration : public QObject
{
    Q_OBJECT

private:
    static void showAndWait(app::MainWindow& window)
    {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.isFullyBuilt());
    }

    // Steps the controller through the whole recording by Play and checks every position's state
    // against a fresh replay of the recorded threads.
    static void playsBackIdentically(app::MainWindow& window, const core::Recording& recording)
    {
        auto* controller = window.controller();
        QCOMPARE(controller->position(), 0);
        QCOMPARE(controller->historySize(), int(recording.steps.size()));
        core::Simulator reference(recording.scenario, recording.settings);
        controller->setStepsPerSecond(60);
        controller->setPlaying(true);
        for (size_t i = 0; i < recording.steps.size(); ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(controller->position() > int(i), 5000);
            QVERIFY(reference.step(recording.steps[i].thread).ok());
            // Position may have moved on already; compare where it is.
            QCOMPARE(controller->simulator().history()[i].hash, recording.steps[i].hash);
        }
        QTRY_VERIFY(!controller->isPlaying());
        QCOMPARE(controller->position(), int(recording.steps.size()));
        QVERIFY(controller->state() == reference.state());
    }

private Q_SLOTS:
    void firstFrameIsASkeleton()
    {
        app::MainWindow window;
        QVERIFY(!window.isFullyBuilt());
        QSignalSpy built(&window, &app::MainWindow::fullyBuilt);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(built.count(), 1);
        QVERIFY(window.isFullyBuilt());
        QCOMPARE(window.panelTabs()->count(), 4);
        // Charts are created the first time their tab is shown, not before.
        QVERIFY(!window.hasCharts());
        window.showChartsTab();
        QVERIFY(window.hasCharts());
    }

    void accessorsBuildAnUnshownWindow()
    {
        app::MainWindow window;
        QVERIFY(!window.isFullyBuilt());
        QVERIFY(window.threadButtons());
        QVERIFY(window.isFullyBuilt());
    }

    void chartsFollowTheTimeline()
    {
        app::MainWindow window;
        showAndWait(window);
        window.controller()->replay(schedule(kLivelockRound));
        window.showChartsTab();
        app::ChartsPanel* charts = window.chartsPanel();
        QCOMPARE(charts->timeline()->timelineModel()->rowCount(), 19); // positions 0..18
        window.controller()->jumpTo(7);
        QCOMPARE(charts->timeline()->position(), 7);
        // Clicking a point asks for a position; the window jumps there.
        Q_EMIT charts->positionRequested(3);
        QCOMPARE(window.controller()->position(), 3);
        QCOMPARE(window.controller()->historySize(), 18);
        // Branching off rebuilds the chart's run.
        QVERIFY(window.controller()->step(1));
        QCOMPARE(window.controller()->historySize(), 4);
        QCOMPARE(charts->timeline()->timelineModel()->rowCount(), 5);
    }

    void timelineSliderScrubs()
    {
        app::MainWindow window;
        showAndWait(window);
        window.controller()->replay(schedule(kLivelockRound));
        QSlider* slider = window.timelineSlider();
        QCOMPARE(slider->maximum(), 18);
        QCOMPARE(slider->value(), 18);
        slider->setValue(4);
        QCOMPARE(window.controller()->position(), 4);
        QCOMPARE(window.controller()->historySize(), 18);
        window.controller()->undo();
        QCOMPARE(slider->value(), 3);
    }

    void guiRecordingWithNarrationRoundTrips()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lesson.msrec.json"));
        std::map<int, std::string> expected;
        {
            app::MainWindow window;
            showAndWait(window);
            const auto steps = schedule(kLivelockRound);
            for (size_t i = 0; i < steps.size(); ++i) {
                QTest::keyClick(&window, char('1' + steps[i]));
                if (i == 0 || i == 10) {
                    const QString text = QStringLiteral("Narration of step %1").arg(i + 1);
                    window.narrationEdit()->setPlainText(text);
                    expected[int(i)] = text.toStdString();
                }
            }
            // Scrub back: the narration editor follows the current step, saving keeps every step.
            window.controller()->jumpTo(11);
            QCOMPARE(window.narrationEdit()->toPlainText(), QStringLiteral("Narration of step 11"));
            window.controller()->jumpTo(0);
            QVERIFY(!window.narrationEdit()->isEnabled());
            QVERIFY2(window.saveRecording(path), qPrintable(app::errorText(window.saveRecording(path))));
        }
        auto loaded = core::loadRecordingFile(path.toStdString());
        QVERIFY(loaded.ok());
        const core::Recording& recording = loaded.value();
        QCOMPARE(recording.steps.size(), size_t(18));
        for (size_t i = 0; i < recording.steps.size(); ++i) {
            const auto it = expected.find(int(i));
            QCOMPARE(recording.steps[i].narration, it == expected.end() ? std::string() : it->second);
        }
        const core::ReplayCheck check = core::verifyRecording(recording);
        QVERIFY2(check.identical, check.what.c_str());

        app::MainWindow window;
        showAndWait(window);
        QVERIFY(window.controller()->openFile(path));
        QCOMPARE(window.timelineSlider()->maximum(), 18);
        QCOMPARE(window.controller()->narration(10), QStringLiteral("Narration of step 11"));
        playsBackIdentically(window, recording);
        // Saved again from the GUI: the same recording.
        const QString again = dir.filePath(QStringLiteral("again.msrec.json"));
        QVERIFY(window.saveRecording(again));
        QVERIFY(core::loadRecordingFile(again.toStdString()).value() == recording);
        // Branching off at step 2 with the other thread drops the tail and its narration.
        window.controller()->jumpTo(1);
        QVERIFY(window.controller()->step(1));
        QCOMPARE(window.controller()->historySize(), 2);
        QCOMPARE(window.controller()->narration(10), QString());
        QCOMPARE(window.controller()->narration(0), QStringLiteral("Narration of step 1"));
    }

    void cliRecordingOpensAndReplays()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cli.msrec.json"));
        QProcess cli;
        cli.start(QStringLiteral(MSB_CLI_EXECUTABLE),
            {QStringLiteral("run"), QStringLiteral("two-faults"), QStringLiteral("--preset"),
                QStringLiteral("v5.11-patched"), QStringLiteral("--seed"), QStringLiteral("7"),
                QStringLiteral("--record"), path});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY2(QFile::exists(path), cli.readAllStandardError().constData());
        auto loaded = core::loadRecordingFile(path.toStdString());
        QVERIFY(loaded.ok());
        QVERIFY(!loaded.value().steps.empty());

        app::MainWindow window;
        showAndWait(window);
        QVERIFY(window.controller()->openFile(path));
        QVERIFY(window.controller()->settings() == preset("v5.11-patched"));
        QVERIFY(window.settingsPanel()->patchToggle()->isChecked());
        playsBackIdentically(window, loaded.value());
        QCOMPARE(window.controller()->recording(), loaded.value());
    }

    void exportsTheRunAsFrames()
    {
        app::MainWindow window;
        window.controller()->replay(schedule("1111"));
        window.controller()->jumpTo(1); // export covers the whole run, not only up to the position
        QTemporaryDir dir;
        const QString frames = dir.filePath(QStringLiteral("frames"));
        QVERIFY2(window.exportRecording(frames, QStringLiteral("svg")),
            qPrintable(app::errorText(window.exportRecording(frames, QStringLiteral("svg")))));
        QCOMPARE(QDir(frames).entryList({QStringLiteral("*.svg")}, QDir::Files).size(), 5);
        const auto bogus = window.exportRecording(dir.filePath(QStringLiteral("x")), QStringLiteral("bogus"));
        QVERIFY(!bogus);
        QVERIFY(!app::errorText(bogus.error()).isEmpty());
    }

    void savesTheChartOnScreen()
    {
        app::MainWindow window;
        showAndWait(window);
        window.controller()->replay(schedule(kLivelockRound));
        window.showChartsTab();
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY(window.saveCurrentChart(png));
        QVERIFY(window.saveCurrentChart(svg));
        QVERIFY(QImage(png).width() > 100);
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("<svg"));
    }

    void exploreFeedsTheExplorationChart()
    {
        app::MainWindow window;
        showAndWait(window);
        QSignalSpy done(window.explorePanel(), &app::ExplorePanel::explorationFinished);
        window.exploreCurrent();
        QVERIFY(done.wait(120000));
        auto* model = window.chartsPanel()->exploration()->explorationModel();
        QCOMPARE(model->presetCount(), int(core::presets().size()));
        for (int p = 0; p < model->presetCount(); ++p) {
            QVERIFY(!model->verdict(p).isEmpty());
            QVERIFY(model->snapshotCount(p) >= 1);
        }
        const int livelockPreset = model->presetIndex(QStringLiteral("v5.11"));
        QVERIFY(livelockPreset >= 0);
        QVERIFY(model->verdict(livelockPreset).contains(QStringLiteral("livelock")));
    }

    void presenterZoomNeverCropsTheScene()
    {
        app::MainWindow window;
        window.resize(1920, 1080);
        showAndWait(window);
        window.setZoom(1.5);
        QTest::qWait(50);
        scenes::RaceView* view = window.view();
        QVERIFY(!view->horizontalScrollBar()->isVisible());
        QVERIFY(!view->verticalScrollBar()->isVisible());
        const QRect sceneOnScreen = view->mapFromScene(window.scene()->sceneRect()).boundingRect();
        QVERIFY(view->viewport()->rect().adjusted(-1, -1, 1, 1).contains(sceneOnScreen));
        window.setZoom(1.0);
    }

    void tabOptionRaisesAPanel()
    {
        const auto parsed = app::parseCommandLine({QStringLiteral("migration-sandbox"), QStringLiteral("--schedule"),
            QStringLiteral("1,1,1"), QStringLiteral("--tab"), QStringLiteral("charts")});
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        app::MainWindow window;
        QVERIFY(app::applyAppOptions(window, parsed.app));
        QCOMPARE(window.panelTabs()->tabText(window.panelTabs()->currentIndex()), QStringLiteral("Charts"));
        QVERIFY(window.hasCharts());
        QCOMPARE(window.chartsPanel()->timeline()->position(), 3);
        QVERIFY(!app::parseCommandLine({QStringLiteral("x"), QStringLiteral("--tab"), QStringLiteral("nope")})
                     .error.isEmpty());
    }

    void exportCommandLine()
    {
        QTemporaryDir dir;
        const QString recording = dir.filePath(QStringLiteral("r.msrec.json"));
        core::Simulator sim(builtin("two-faults"), preset("v5.11"));
        QVERIFY(sim.replay(schedule("1112")).ok());
        QVERIFY(core::saveRecordingFile(core::recordFromSimulator(sim), recording.toStdString()).ok());
        const QString frames = dir.filePath(QStringLiteral("frames"));
        QProcess app;
        app.start(QStringLiteral(MSB_APP_EXECUTABLE),
            {QStringLiteral("--export"), recording, QStringLiteral("--format"), QStringLiteral("png"),
                QStringLiteral("-o"), frames});
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitCode(), 0);
        QCOMPARE(QDir(frames).entryList({QStringLiteral("*.png")}, QDir::Files).size(), 5);
        app.start(QStringLiteral(MSB_APP_EXECUTABLE),
            {QStringLiteral("--export"), dir.filePath(QStringLiteral("missing.msrec.json")), QStringLiteral("--format"),
                QStringLiteral("pdf"), QStringLiteral("-o"), dir.filePath(QStringLiteral("x.pdf"))});
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitCode(), 2);
    }

    void theSwitchSaysWhatItDoes()
    {
        app::MainWindow window;
        QCheckBox* toggle = window.settingsPanel()->patchToggle();
        const QString label = QStringLiteral("Skip the refcount check for device-private pages (the 2021 patch)");
        QCOMPARE(toggle->text(), label);
        QCOMPARE(toggle->accessibleName(), label);
        bool labelShown = false;
        for (QLabel* l : window.settingsPanel()->findChildren<QLabel*>())
            labelShown = labelShown || l->text() == label;
        QVERIFY(labelShown);
        // It paints a switch (wider than tall), not a check box.
        QVERIFY(toggle->sizeHint().width() >= 2 * toggle->sizeHint().height() - 1);
    }
};

QTEST_MAIN(TestMainWindowIntegration)
#include "tst_main_window_integration.moc"
