// SPDX-License-Identifier: MIT
// Lesson mode: checkpoints gate Next, each page leaves the controller where LessonRunner says,
// presenter keys play a page step by step, and progress comes back from QSettings.
#include "app/gui/classroom_integration.h"
#include "app/gui/controller_sync.h"
#include "app/gui/gui_error.h"
#include "app/gui/lesson_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/simulation_controller.h"
#include "core/lesson.h"
#include "scenes/race_scene.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextDocument>
#include <QtTest>

using namespace msb;

namespace {

core::Lesson builtinLesson(const std::string& name)
{
    auto lesson = core::loadBuiltinLesson(name);
    if (!lesson.ok())
        qFatal("%s", lesson.error().toString().c_str());
    return lesson.value();
}

/// An answer of the right shape that the model says is wrong.
QString wrongAnswer(const core::Checkpoint& checkpoint, const std::string& expected)
{
    switch (checkpoint.kind) {
    case core::CheckpointKind::PageCount:
        return QString::number(std::stoi(expected) + 1);
    case core::CheckpointKind::CanStep:
        return expected == "none" ? QStringLiteral("T1") : QStringLiteral("none");
    case core::CheckpointKind::Outcome:
    case core::CheckpointKind::Choice:
        for (const auto& option : checkpoint.options) {
            if (QString::fromStdString(option).compare(QString::fromStdString(expected), Qt::CaseInsensitive) != 0)
                return QString::fromStdString(option);
        }
        return expected == "sigbus" ? QStringLiteral("deadlock") : QStringLiteral("sigbus");
    }
    return {};
}

/// The controller is exactly where the simulator is: same run, same position, same state.
bool sameAs(const app::SimulationController& controller, const core::Simulator& sim)
{
    const app::SessionPosition mine = app::sessionPosition(controller.simulator());
    const app::SessionPosition theirs = app::sessionPosition(sim);
    return mine.scenario == theirs.scenario && mine.settings == theirs.settings && mine.position == theirs.position
        && controller.model().hash(controller.state()) == sim.model().hash(sim.state());
}

} // namespace

class TestLessonPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshSettingsFile() { return m_dir.filePath(QStringLiteral("progress-%1.ini").arg(++m_files)); }

    /// Moves to the first page that has a checkpoint.
    static void toFirstCheckpoint(app::LessonPanel& panel)
    {
        while (!panel.runner()->page().checkpoint)
            QVERIFY(panel.goNext());
    }

private Q_SLOTS:
    void wrongAnswerShowsWrongFeedback()
    {
        app::SimulationController controller;
        app::LessonPanel panel(&controller);
        panel.setSettingsFile(freshSettingsFile());
        panel.openLesson(builtinLesson("livelock"));
        toFirstCheckpoint(panel);
        QVERIFY(!panel.nextButton()->isEnabled());
        const int p = panel.page();
        const auto& checkpoint = *panel.runner()->page().checkpoint;
        const std::string expected = core::computedAnswer(checkpoint, panel.runner()->run(p));
        panel.setAnswerText(wrongAnswer(checkpoint, expected));
        QVERIFY(!panel.submitAnswer());
        QCOMPARE(panel.feedbackLabel()->property("correct").toBool(), false);
        QVERIFY(panel.feedbackLabel()->text().contains(QStringLiteral("Not quite")));
        QVERIFY(panel.feedbackLabel()->text().contains(QString::fromStdString(expected).toHtmlEscaped()));
    }

    void rightAnswerEnablesNextThroughTheWidgets()
    {
        app::SimulationController controller;
        app::LessonPanel panel(&controller);
        panel.setSettingsFile(freshSettingsFile());
        panel.openLesson(builtinLesson("livelock"));
        // Find a page_count question and answer it with the spin box, as a learner would.
        while (!panel.runner()->page().checkpoint
            || panel.runner()->page().checkpoint->kind != core::CheckpointKind::PageCount) {
            if (panel.runner()->page().checkpoint)
                panel.setAnswerText(QString::fromStdString(
                    core::computedAnswer(*panel.runner()->page().checkpoint, panel.runner()->run(panel.page()))));
            if (panel.runner()->page().checkpoint)
                panel.submitAnswer();
            QVERIFY(panel.goNext());
        }
        QVERIFY(!panel.nextButton()->isEnabled());
        QVERIFY(panel.countInput()->isVisible() || !panel.isVisible());
        const int expected =
            std::stoi(core::computedAnswer(*panel.runner()->page().checkpoint, panel.runner()->run(panel.page())));
        panel.countInput()->setValue(expected);
        QTest::mouseClick(panel.submitButton(), Qt::LeftButton);
        QCOMPARE(panel.feedbackLabel()->property("correct").toBool(), true);
        QVERIFY(panel.nextButton()->isEnabled());
    }

    void everyPageLeavesTheRunnersState_data()
    {
        QTest::addColumn<QString>("lesson");
        for (const auto& name : core::builtinLessonNames())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    void everyPageLeavesTheRunnersState()
    {
        QFETCH(QString, lesson);
        app::SimulationController controller;
        app::LessonPanel panel(&controller);
        panel.setSettingsFile(freshSettingsFile());
        QCOMPARE(app::errorText(panel.openBuiltin(lesson)), QString());
        const core::LessonRunner reference(builtinLesson(lesson.toStdString()));
        for (int p = 0; p < reference.pageCount(); ++p) {
            QCOMPARE(panel.page(), p);
            const core::PageRun& run = reference.run(p);
            QVERIFY2(sameAs(controller, run.before), qPrintable(QStringLiteral("page %1 opens").arg(p)));
            if (const auto& checkpoint = reference.lesson().pages[std::size_t(p)].checkpoint) {
                QCOMPARE(panel.nextButton()->isEnabled(), false);
                panel.setAnswerText(QString::fromStdString(core::computedAnswer(*checkpoint, run)));
                QVERIFY2(panel.submitAnswer(), qPrintable(panel.answerText()));
            } else {
                panel.finishPage();
            }
            QVERIFY2(sameAs(controller, run.after), qPrintable(QStringLiteral("page %1 after").arg(p)));
            QCOMPARE(panel.nextButton()->isEnabled(), p + 1 < reference.pageCount());
            if (p + 1 < reference.pageCount())
                QVERIFY(panel.goNext());
        }
        QVERIFY(!panel.goNext());
    }

    void unansweredCheckpointHoldsForwardAndPlay()
    {
        app::MainWindow window;
        const auto parts = app::installClassroomAndLessons(window);
        parts.lessons->setSettingsFile(freshSettingsFile());
        QCOMPARE(app::errorText(parts.lessons->openBuiltin(QStringLiteral("livelock"))), QString());
        parts.presenterAction->setChecked(true); // answering does not play the page: Forward does
        const core::LessonRunner* runner = parts.lessons->runner();
        // A checkpoint page with steps of its own as the redo tail.
        while (!runner->page().checkpoint || runner->after().position() == runner->before().position()) {
            if (runner->page().checkpoint) {
                parts.lessons->setAnswerText(QString::fromStdString(
                    core::computedAnswer(*runner->page().checkpoint, runner->run(runner->position()))));
                parts.lessons->submitAnswer();
            }
            parts.lessons->finishPage();
            QVERIFY(parts.lessons->goNext());
        }
        const int at = runner->before().position();
        app::SimulationController* controller = window.controller();
        QCOMPARE(controller->position(), at);
        QVERIFY(controller->historySize() > at); // the page's steps are there to redo
        QCOMPARE(parts.lessons->checkpointHold(), at);
        QCOMPARE(window.forwardLimit(), at);
        QAction* forward = nullptr;
        QAction* play = nullptr;
        for (auto* action : window.actions()) {
            if (action->text() == QLatin1String("Forward"))
                forward = action;
            if (action->text() == QLatin1String("Play"))
                play = action;
        }
        QVERIFY(forward && play);
        QVERIFY(!forward->isEnabled());
        QVERIFY(!play->isEnabled());
        QVERIFY(forward->toolTip().contains(QStringLiteral("Answer the lesson's question first")));
        forward->trigger(); // a disabled action does nothing
        QCOMPARE(controller->position(), at);
        window.timelineSlider()->setValue(controller->historySize());
        QCOMPARE(controller->position(), at);
        QCOMPARE(window.timelineSlider()->value(), at);
        QVERIFY(!parts.lessons->stepPage());
        QCOMPARE(controller->position(), at);
        // Back, then Play: it stops at the checkpoint's step.
        if (at > 0) {
            controller->jumpTo(at - 1);
            QVERIFY(forward->isEnabled());
            QVERIFY(play->isEnabled());
            controller->setStepsPerSecond(60);
            controller->setPlaying(true);
            QTRY_VERIFY(!controller->isPlaying());
            QCOMPARE(controller->position(), at);
        }

        parts.lessons->setAnswerText(
            QString::fromStdString(core::computedAnswer(*runner->page().checkpoint, runner->run(runner->position()))));
        QVERIFY(parts.lessons->submitAnswer());
        QCOMPARE(controller->position(), at); // presenter: answered, not played
        QCOMPARE(window.forwardLimit(), -1);
        QVERIFY(forward->isEnabled());
        QVERIFY(play->isEnabled());
        QVERIFY(!forward->toolTip().contains(QStringLiteral("Answer")));
        forward->trigger();
        QCOMPARE(controller->position(), at + 1);
    }

    void presenterStepsThePageOneKeyAtATime()
    {
        app::MainWindow window;
        const auto parts = app::installClassroomAndLessons(window);
        parts.lessons->setSettingsFile(freshSettingsFile());
        QCOMPARE(app::errorText(parts.lessons->openBuiltin(QStringLiteral("livelock"))), QString());
        const double normalSize = parts.lessons->narrationView()->document()->defaultFont().pointSizeF();
        parts.presenterAction->setChecked(true);
        QVERIFY(parts.lessons->presenterMode());
        QVERIFY(parts.lessons->narrationView()->document()->defaultFont().pointSizeF() > 1.4 * normalSize);
        // Find a page with at least two steps of its own.
        const core::LessonRunner* runner = parts.lessons->runner();
        while (runner->after().position() - runner->before().position() < 2) {
            if (runner->page().checkpoint) {
                parts.lessons->setAnswerText(QString::fromStdString(
                    core::computedAnswer(*runner->page().checkpoint, runner->run(runner->position()))));
                parts.lessons->submitAnswer();
            }
            QVERIFY(parts.lessons->goNext());
        }
        const core::Simulator& after = runner->after();
        int position = runner->before().position();
        QCOMPARE(window.controller()->position(), position);
        QCOMPARE(window.scene()->highlightedThread(), after.history()[std::size_t(position)].thread);
        QAction* pageDown = nullptr;
        for (auto* action : window.actions()) {
            if (action->shortcut() == QKeySequence(Qt::Key_PageDown))
                pageDown = action;
        }
        QVERIFY(pageDown);
        while (position < after.position()) {
            pageDown->trigger();
            ++position;
            QCOMPARE(window.controller()->position(), position);
            QCOMPARE(window.controller()->lastStep()->thread, after.history()[std::size_t(position - 1)].thread);
        }
        QVERIFY(sameAs(*window.controller(), after));
        QCOMPARE(window.scene()->highlightedThread(), -1);
        QVERIFY(!parts.lessons->stepPage());
        parts.presenterAction->setChecked(false);
        QCOMPARE(parts.lessons->narrationView()->document()->defaultFont().pointSizeF(), normalSize);
    }

    void progressComesBackFromSettings()
    {
        const QString file = freshSettingsFile();
        const core::Lesson lesson = builtinLesson("patch-2021");
        int reached = 0;
        QString lastAnswer;
        {
            app::SimulationController controller;
            app::LessonPanel panel(&controller);
            panel.setSettingsFile(file);
            panel.openLesson(lesson);
            // Answer the first two checkpoints (the second one wrongly) and stay on the second.
            int answered = 0;
            while (true) {
                if (const auto& checkpoint = panel.runner()->page().checkpoint) {
                    const std::string expected = core::computedAnswer(*checkpoint, panel.runner()->run(panel.page()));
                    lastAnswer = answered == 0 ? QString::fromStdString(expected) : wrongAnswer(*checkpoint, expected);
                    panel.setAnswerText(lastAnswer);
                    panel.submitAnswer();
                    if (++answered == 2)
                        break;
                }
                QVERIFY(panel.goNext());
            }
            reached = panel.page();
            QVERIFY(reached > 0);
        }
        app::SimulationController controller;
        app::LessonPanel panel(&controller);
        panel.setSettingsFile(file);
        panel.openLesson(lesson);
        QCOMPARE(panel.page(), reached);
        QCOMPARE(panel.answerText().toLower(), lastAnswer.toLower());
        QVERIFY(panel.feedbackLabel()->text().contains(QStringLiteral("Not quite")));
        QVERIFY(panel.nextButton()->isEnabled());
        QVERIFY(sameAs(controller, panel.runner()->after()));
        // Another lesson's progress is its own.
        panel.openLesson(builtinLesson("livelock"));
        QCOMPARE(panel.page(), 0);
    }

    void menusOpenALessonInTheDock()
    {
        app::MainWindow window;
        const auto parts = app::installClassroomAndLessons(window);
        QCOMPARE(app::installClassroomAndLessons(window).lessons, parts.lessons); // once per window
        QMenu* lessonsMenu = nullptr;
        for (auto* menu : window.findChildren<QMenu*>()) {
            if (menu->title() == QStringLiteral("&Lessons"))
                lessonsMenu = menu;
        }
        QVERIFY(lessonsMenu);
        Q_EMIT lessonsMenu->aboutToShow(); // the built-in lessons are listed when the menu opens
        Q_EMIT lessonsMenu->aboutToShow();
        QAction* livelock = nullptr;
        int listed = 0;
        const auto title = QString::fromStdString(builtinLesson("livelock").title);
        for (auto* menu : window.findChildren<QMenu*>()) {
            for (auto* action : menu->actions()) {
                if (action->text() == title) {
                    livelock = action;
                    ++listed;
                }
            }
        }
        QVERIFY(livelock);
        QCOMPARE(listed, 1);
        parts.lessons->setSettingsFile(freshSettingsFile());
        livelock->trigger();
        QVERIFY(parts.lessonDock->isVisibleTo(&window));
        QVERIFY(parts.lessons->hasLesson());
        QCOMPARE(parts.lessons->titleLabel()->text(), title);
    }
};

QTEST_MAIN(TestLessonPanel)
#include "tst_lesson_panel.moc"
