// SPDX-License-Identifier: MIT
#include "app/gui/code_panel.h"
#include "app/gui/command_line.h"
#include "app/gui/gui_error.h"
#include "app/gui/history_model.h"
#include "app/gui/main_window.h"
#include "app/gui/outcome_banner.h"
#include "app/gui/scenario_editor_dialog.h"
#include "app/gui/settings_panel.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/thread_buttons_widget.h"
#include "core/recording.h"
#include "core/scenario_io.h"
#include "scenes/race_scene.h"
#include "support/fixtures.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTreeWidget>
#include <QtTest>

using namespace msb;
using namespace msb::testing;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static void showAndActivate(app::MainWindow& window)
    {
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
    }

private Q_SLOTS:
    void opensTwoFaultsOnV511()
    {
        app::MainWindow window;
        QCOMPARE(window.controller()->scenario().name, std::string("two-faults"));
        QVERIFY(window.controller()->settings() == preset("v5.11"));
        QCOMPARE(window.threadButtons()->threadCount(), 2);
        QVERIFY(!window.settingsPanel()->patchToggle()->isChecked());
        QCOMPARE(window.banner()->outcome(), core::Outcome::Running);
        QVERIFY(window.banner()->text().contains(QStringLiteral("1111111 222 1 22 111 22")));
    }

    void stepButtonsDriveTheCore()
    {
        app::MainWindow window;
        showAndActivate(window);
        core::Simulator reference(builtin("two-faults"), preset("v5.11"));
        for (int t : schedule(kLivelockRound)) {
            QPushButton* button = window.threadButtons()->button(t);
            QVERIFY(button->isEnabled());
            QTest::mouseClick(button, Qt::LeftButton);
            QVERIFY(reference.step(t).ok());
            QVERIFY(window.controller()->state() == reference.state());
            // Every button says what the thread does next or why it cannot step, visibly and as a tooltip.
            for (int u = 0; u < 2; ++u) {
                QPushButton* b = window.threadButtons()->button(u);
                QLabel* reason = window.threadButtons()->reasonLabel(u);
                QCOMPARE(b->isEnabled(), reference.canStep(u));
                const QString shown = reason->text().remove(QChar(0x200B)); // break points after '_'
                QCOMPARE(b->toolTip(), shown);
                if (!reference.canStep(u))
                    QCOMPARE(
                        shown, QStringLiteral("cannot step: ") + QString::fromStdString(reference.blockedReason(u)));
            }
        }
        QCOMPARE(window.controller()->historySize(), int(reference.historySize()));
    }

    void numberKeysStepThreads()
    {
        app::MainWindow window;
        showAndActivate(window);
        core::Simulator reference(builtin("two-faults"), preset("v5.11"));
        for (int t : schedule(kLivelockRound)) {
            QTest::keyClick(&window, char('1' + t));
            QVERIFY(reference.step(t).ok());
            QVERIFY(window.controller()->state() == reference.state());
        }
        // A key for a blocked thread does nothing.
        const int before = window.controller()->position();
        for (int t = 0; t < 2; ++t) {
            if (!reference.canStep(t))
                QTest::keyClick(&window, char('1' + t));
        }
        QTest::keyClick(&window, '9'); // no thread 9
        QCOMPARE(window.controller()->position(), before);
    }

    void arrowKeysUndoAndRedo()
    {
        app::MainWindow window;
        showAndActivate(window);
        for (char key : {'1', '1', '1', '2'})
            QTest::keyClick(&window, key);
        QCOMPARE(window.controller()->position(), 4);
        QTest::keyClick(&window, Qt::Key_Left);
        QTest::keyClick(&window, Qt::Key_Left);
        QCOMPARE(window.controller()->position(), 2);
        QCOMPARE(window.historyModel()->rowCount(), 4);
        QVERIFY(window.historyModel()->index(2).data(app::HistoryModel::IsRedoRole).toBool());
        QVERIFY(!window.historyModel()->index(1).data(app::HistoryModel::IsRedoRole).toBool());
        QTest::keyClick(&window, Qt::Key_Right);
        QCOMPARE(window.controller()->position(), 3);
        QTest::keyClick(&window, Qt::Key_R);
        QCOMPARE(window.controller()->position(), 0);
        QCOMPARE(window.controller()->historySize(), 0);
        QTest::keyClick(&window, Qt::Key_Space);
        QVERIFY(window.controller()->isPlaying());
        QTest::keyClick(&window, Qt::Key_Space);
        QVERIFY(!window.controller()->isPlaying());
    }

    void clickingHistoryJumps()
    {
        app::MainWindow window;
        showAndActivate(window);
        window.controller()->replay(schedule(kLivelockRound));
        QListView* view = window.historyView();
        const QModelIndex row = window.historyModel()->index(4);
        view->scrollTo(row);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(row).center());
        QCOMPARE(window.controller()->position(), 5);
        QCOMPARE(window.controller()->historySize(), 18);
    }

    void toggleTurnsTheLivelockRoundIntoAMigration()
    {
        app::MainWindow window;
        showAndActivate(window);
        for (int t : schedule(kLivelockRound))
            QTest::keyClick(&window, char('1' + t));
        QCOMPARE(window.banner()->outcome(), core::Outcome::Livelock);
        QVERIFY(window.banner()->text().contains(QStringLiteral("The state after step 18 is the initial state")));
        // The responsible steps (the failed check among them) are highlighted in the history.
        bool failedCheckHighlighted = false;
        for (int r = 0; r < window.historyModel()->rowCount(); ++r) {
            const QModelIndex i = window.historyModel()->index(r);
            if (i.data(app::HistoryModel::LabelRole).toString()
                == QString::fromUtf8(core::stepInfo(core::StepId::M7Fail).id))
                failedCheckHighlighted = i.data(app::HistoryModel::IsHighlightedRole).toBool();
        }
        QVERIFY(failedCheckHighlighted);

        QCheckBox* toggle = window.settingsPanel()->patchToggle();
        QVERIFY(!toggle->isChecked());
        toggle->click();
        QVERIFY(toggle->isChecked());
        QCOMPARE(window.controller()->settings().check, core::CheckPolicy::SkipDevicePrivate);
        QCOMPARE(window.settingsPanel()->presetCombo()->currentText(), QStringLiteral("v5.11-patched"));
        QVERIFY(window.banner()->outcome() != core::Outcome::Livelock);
        // Same interleaving, diverged: step on (round robin) until the run ends.
        for (int i = 0; i < 200 && window.controller()->simulator().status() == core::Outcome::Running; ++i)
            QVERIFY(window.controller()->stepScheduled());
        QCOMPARE(window.controller()->simulator().status(), core::Outcome::Completes);
        QCOMPARE(window.banner()->outcome(), core::Outcome::Completes);
        QVERIFY(window.banner()->title().startsWith(QStringLiteral("Completed")));
        QVERIFY(window.banner()->text().contains(QStringLiteral("count not checked")));

        toggle->click();
        QCOMPARE(window.controller()->settings().check, core::CheckPolicy::Strict);
    }

    void presetsAndKnobs()
    {
        app::MainWindow window;
        showAndActivate(window);
        QComboBox* presetCombo = window.settingsPanel()->presetCombo();
        const int v517 = presetCombo->findText(QStringLiteral("v5.17"));
        QVERIFY(v517 >= 0);
        presetCombo->setCurrentIndex(v517);
        Q_EMIT presetCombo->activated(v517);
        QVERIFY(window.controller()->settings() == preset("v5.17"));
        // The on_not_migrated knob (index 3) to sigbus: now a custom combination.
        QComboBox* knob = window.settingsPanel()->knobCombo(3);
        const int sigbus = knob->findText(QStringLiteral("sigbus"));
        knob->setCurrentIndex(sigbus);
        Q_EMIT knob->activated(sigbus);
        QCOMPARE(window.controller()->settings().onNotMigrated, core::OnNotMigrated::Sigbus);
        QCOMPARE(presetCombo->currentText(), QStringLiteral("custom"));
    }

    void codePanelFollowsTheThreads()
    {
        app::MainWindow window;
        // Both threads are about to read a device-private entry: M0.
        QCOMPARE(window.codePanel()->threadsAt(core::StepId::M0), QStringLiteral("T1 T2"));
        QVERIFY(window.controller()->step(0));
        const core::Pc pc = window.controller()->state().threads[0].pc;
        QVERIFY(window.codePanel()->threadsAt(core::nominalStep(pc)).contains(QStringLiteral("T1")));
        // A thread whose branch differs from the nominal line is shown on the line it will take:
        // under the patch, after the documented round T1 finds the PTE present (A0, not M0).
        window.controller()->setSettings(preset("v5.11-patched"));
        window.controller()->replay(schedule(kLivelockRound));
        QCOMPARE(window.codePanel()->threadsAt(core::StepId::A0), QStringLiteral("T1 T2"));
        QVERIFY(window.threadButtons()->reasonLabel(0)->text().startsWith(QStringLiteral("next A0")));
        window.controller()->replay(schedule("1111"));
        for (int i = 0; i < 3; ++i)
            QVERIFY(window.controller()->step(0));
        const auto* last = window.controller()->lastStep();
        QVERIFY(last);
        const int delta = last->refAfter - last->refBefore;
        QVERIFY(window.codePanel()->lastStepText().contains(
            QStringLiteral("%1 → %2").arg(last->refBefore).arg(last->refAfter)));
        QVERIFY(window.codePanel()->lastStepText().contains(QString::number(delta)));
        // Selecting a line shows its kernel function and kernel note IDs.
        auto* tree = window.codePanel()->tree();
        QTreeWidgetItem* m7 = nullptr;
        for (int g = 0; g < tree->topLevelItemCount(); ++g) {
            for (int c = 0; c < tree->topLevelItem(g)->childCount(); ++c) {
                if (tree->topLevelItem(g)->child(c)->text(0) == QString::fromUtf8(core::stepInfo(core::StepId::M7).id))
                    m7 = tree->topLevelItem(g)->child(c);
            }
        }
        QVERIFY(m7);
        tree->setCurrentItem(m7);
        const auto& info = core::stepInfo(core::StepId::M7);
        QVERIFY(
            window.codePanel()->detailText().contains(QString::fromUtf8(info.function.data(), info.function.size())));
        QVERIFY(window.codePanel()->detailText().contains(QString::fromUtf8(info.fact.data(), info.fact.size())));
        // ... and links the function's file at the preset's release in a public source browser.
        QVERIFY(window.codePanel()->detailText().contains(
            QStringLiteral("https://elixir.bootlin.com/linux/v5.11/source/mm/migrate.c")));
    }

    void zoomScalesFontAndScene()
    {
        app::MainWindow window;
        const qreal base = QApplication::font().pointSizeF();
        window.setZoom(1.5);
        QCOMPARE(QApplication::font().pointSizeF(), base * 1.5);
        window.setZoom(1.0);
        QCOMPARE(QApplication::font().pointSizeF(), base);
    }

    void darkThemeChangesThePalette()
    {
        app::MainWindow window;
        window.setTheme(app::Theme::Dark);
        // Widgets pick up an application palette through events.
        QTRY_VERIFY(window.palette().color(QPalette::Window).lightness() < 80);
        QCOMPARE(
            window.banner()->palette().color(QPalette::Window), QApplication::palette().color(QPalette::AlternateBase));
        window.setTheme(app::Theme::System);
        QTRY_VERIFY(window.palette().color(QPalette::Window).lightness() > 80);
    }

    void highContrastThemeReachesTheScene()
    {
        app::MainWindow window;
        window.setTheme(app::Theme::HighContrast);
        QVERIFY(window.scene()->highContrast());
        const QPalette p = QApplication::palette();
        QCOMPARE(p.color(QPalette::Window), QColor(Qt::black));
        QCOMPARE(p.color(QPalette::WindowText), QColor(Qt::white));
        // Disabled text stays readable on the black ground (lightness well above the ground's).
        QVERIFY(p.color(QPalette::Disabled, QPalette::Text).lightness() > 150);
        // The student's bar follows the theme: dark in high contrast, light in the light theme.
        auto* followBar = window.findChild<QToolBar*>(QStringLiteral("followBar"));
        QVERIFY(followBar);
        followBar->show();
        followBar->resize(400, 30);
        const auto barGround = [followBar] { return followBar->grab().toImage().pixelColor(4, 4).lightness(); };
        QVERIFY2(barGround() < 60, qPrintable(QString::number(barGround())));
        // Slider grooves get a white outline on the black ground.
        QSlider slider(Qt::Horizontal);
        slider.resize(200, 30);
        slider.setValue(50);
        const QImage drawn = slider.grab().toImage();
        int bright = 0;
        for (int y = 0; y < drawn.height(); ++y) {
            for (int x = 0; x < drawn.width(); ++x)
                bright += drawn.pixelColor(x, y).lightness() > 200 ? 1 : 0;
        }
        QVERIFY2(bright > 300, qPrintable(QString::number(bright))); // two outline rows and the handle
        window.setTheme(app::Theme::Light);
        QVERIFY(!window.scene()->highContrast());
        QVERIFY2(barGround() > 200, qPrintable(QString::number(barGround())));
        QVERIFY(qApp->styleSheet().isEmpty());
        QCOMPARE(app::themeFromName(QStringLiteral("high-contrast")), std::optional(app::Theme::HighContrast));
        QVERIFY(!app::themeFromName(QStringLiteral("sepia")));
        window.setTheme(app::Theme::System);
    }

    void textFollowsTheSystemFontSize()
    {
        app::MainWindow window;
        window.setZoom(1.5);
        QFont bigger = window.appearance()->baseFont();
        bigger.setPointSizeF(bigger.pointSizeF() * 2);
        window.appearance()->followSystemFont(bigger);                          // the desktop's text size doubled
        QCOMPARE(QApplication::font().pointSizeF(), bigger.pointSizeF() * 1.5); // the zoom stays on top
        window.setZoom(1.0);
        QCOMPARE(QApplication::font().pointSizeF(), bigger.pointSizeF());
        QFont normal = bigger;
        normal.setPointSizeF(bigger.pointSizeF() / 2);
        window.appearance()->followSystemFont(normal);
    }

    void scenarioEditorValidates()
    {
        app::ScenarioEditorDialog dialog(builtin("two-faults"));
        QVERIFY(dialog.validationMessage().isEmpty());
        dialog.threadsBox()->setValue(core::kMaxThreads);
        dialog.holderBox()->setChecked(true); // 16 faults + H: one thread too many
        QVERIFY(!dialog.validationMessage().isEmpty());
        QVERIFY(dialog.validationMessage().contains(QStringLiteral("at most 16 threads")));
        dialog.threadsBox()->setValue(core::kMaxThreads - 1); // 15 faults + H: the largest
        QVERIFY(dialog.validationMessage().isEmpty());
        dialog.threadsBox()->setValue(3);
        QVERIFY(dialog.validationMessage().isEmpty());
        dialog.pagesBox()->setValue(0);
        QVERIFY(!dialog.validationMessage().isEmpty());
        dialog.pagesBox()->setValue(2);
        const core::Scenario s = dialog.scenario();
        QCOMPARE(s.threads.size(), size_t(4));
        QCOMPARE(s.pages, 2);
        app::MainWindow window;
        window.controller()->loadScenario(s, window.controller()->settings());
        QCOMPARE(window.threadButtons()->threadCount(), 4);
    }

    void opensScenarioFilesAndRecordings()
    {
        QTemporaryDir dir;
        app::MainWindow window;
        const QString scenarioPath = dir.filePath(QStringLiteral("holder.json"));
        QVERIFY(core::saveScenarioFile(builtin("fault-vs-holder"), scenarioPath.toStdString()).ok());
        QVERIFY(window.controller()->openFile(scenarioPath));
        QCOMPARE(window.controller()->scenario().name, std::string("fault-vs-holder"));

        core::Simulator sim(builtin("two-faults"), preset("v5.11-patched"));
        QVERIFY(sim.replay(schedule(kLivelockRound)).ok());
        const QString recordingPath = dir.filePath(QStringLiteral("round.msrec.json"));
        QVERIFY(core::saveRecordingFile(core::recordFromSimulator(sim), recordingPath.toStdString()).ok());
        QVERIFY(window.controller()->openFile(recordingPath));
        QVERIFY(window.controller()->settings() == preset("v5.11-patched"));
        // A recording opens at its start with every step ready to redo (scrub, play, branch off).
        QCOMPARE(window.controller()->position(), 0);
        QCOMPARE(window.controller()->historySize(), 18);
        window.controller()->jumpTo(18);
        QCOMPARE(window.controller()->simulator().schedule(), schedule(kLivelockRound));
        QVERIFY(window.controller()->state() == sim.state());
        QVERIFY(window.settingsPanel()->patchToggle()->isChecked());

        QSignalSpy failed(window.controller(), &app::SimulationController::loadFailed);
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"migration-sandbox-scenario\", \"version\": 99}");
        file.close();
        QVERIFY(!window.controller()->openFile(bad));
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("bad.json")));
        QCOMPARE(window.controller()->simulator().schedule(), schedule(kLivelockRound)); // untouched
    }

    void commandLineSetsUpTheWindow()
    {
        const auto parsed = app::parseCommandLine({QStringLiteral("migration-sandbox"), QStringLiteral("n-faults"),
            QStringLiteral("--param"), QStringLiteral("threads=3"), QStringLiteral("--param"),
            QStringLiteral("pages=2"), QStringLiteral("--preset"), QStringLiteral("v5.17"),
            QStringLiteral("--schedule"), QStringLiteral("T1,2,3"), QStringLiteral("--position"), QStringLiteral("1"),
            QStringLiteral("--size"), QStringLiteral("1920x1080")});
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.app.size, QSize(1920, 1080));
        app::MainWindow window;
        const QString error = app::errorText(app::applyAppOptions(window, parsed.app));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(window.controller()->threadCount(), 3);
        QCOMPARE(window.controller()->scenario().pages, 2);
        QVERIFY(window.controller()->settings() == preset("v5.17"));
        QCOMPARE(window.controller()->historySize(), 3);
        QCOMPARE(window.controller()->position(), 1);

        QVERIFY(!app::parseCommandLine({QStringLiteral("x"), QStringLiteral("--size"), QStringLiteral("10x10")})
                     .error.isEmpty());
        QVERIFY(!app::parseCommandLine({QStringLiteral("x"), QStringLiteral("--bogus")}).error.isEmpty());
        auto past = app::parseCommandLine({QStringLiteral("x"), QStringLiteral("--position"), QStringLiteral("5")});
        QVERIFY(past.error.isEmpty());
        app::MainWindow other;
        QVERIFY(app::errorText(app::applyAppOptions(other, past.app)).contains(QStringLiteral("past the last step")));
    }

    // --set takes scenario parameters and knobs as the CLI's does, with the CLI's words for a bad
    // one; --param is the same option under its older name.
    void setTakesParametersAndKnobsLikeTheCli()
    {
        const auto parsed = app::parseCommandLine({QStringLiteral("migration-sandbox"), QStringLiteral("n-faults"),
            QStringLiteral("--set"), QStringLiteral("threads=4"), QStringLiteral("--param"), QStringLiteral("pages=2"),
            QStringLiteral("--set"), QStringLiteral("check=skip-device-private")});
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        app::MainWindow window;
        const QString error = app::errorText(app::applyAppOptions(window, parsed.app));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(window.controller()->threadCount(), 4);
        QCOMPARE(window.controller()->scenario().pages, 2);
        QCOMPARE(window.controller()->settings().check, core::CheckPolicy::SkipDevicePrivate);

        const auto bad = app::parseCommandLine({QStringLiteral("migration-sandbox"), QStringLiteral("n-faults"),
            QStringLiteral("--set"), QStringLiteral("threads=many")});
        app::MainWindow other;
        QCOMPARE(app::errorText(app::applyAppOptions(other, bad.app)),
            QStringLiteral("--set threads: expected a whole number, got 'many'"));
    }

    void builtinsLoad()
    {
        app::MainWindow window;
        window.controller()->loadBuiltin(QStringLiteral("fault-vs-holder"));
        QCOMPARE(window.controller()->scenario().name, std::string("fault-vs-holder"));
        QCOMPARE(window.threadButtons()->threadCount(), 2);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
