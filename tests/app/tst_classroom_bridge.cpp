// SPDX-License-Identifier: MIT
// Live follow-along through the Qt bridge, on 127.0.0.1 with an ephemeral port: a teacher's
// controller and a student's controller in one process, as two app instances would be.
#include "app/gui/classroom_bridge.h"
#include "app/gui/classroom_dialog.h"
#include "app/gui/classroom_integration.h"
#include "app/gui/command_line.h"
#include "app/gui/gui_error.h"
#include "app/gui/lesson_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/outcome_banner.h"
#include "app/gui/session_gate.h"
#include "app/gui/settings_panel.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/thread_buttons_widget.h"
#include "core/lesson.h"
#include "support/fixtures.h"
#include "web_follower_client.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest>

#include <algorithm>
#include <cstdio>

using namespace msb;
using namespace msb::testing;

namespace {

std::uint64_t stateHash(const app::SimulationController& controller)
{
    return controller.model().hash(controller.state());
}

/// Whether a web follower mirrors the teacher: the same position, the same state hash after every
/// step up to it (so the same schedule), and an SVG frame of every position up to it. Says what
/// differs, for QTRY_VERIFY2.
QString webFollowerLag(const testing::WebFollowerClient& web, const app::SimulationController& teacher)
{
    const auto view = web.view();
    const auto& steps = view.mirror.steps;
    if (view.mirror.position != teacher.position())
        return QStringLiteral("web position %1, teacher %2").arg(view.mirror.position).arg(teacher.position());
    if (static_cast<int>(steps.size()) < teacher.position())
        return QStringLiteral("web has %1 steps").arg(steps.size());
    const auto& history = teacher.simulator().history();
    for (int i = 0; i < teacher.position(); ++i) {
        if (steps[static_cast<std::size_t>(i)].hash != history[static_cast<std::size_t>(i)].hash)
            return QStringLiteral("state hash after step %1 differs").arg(i);
    }
    for (int p = 0; p <= teacher.position(); ++p) {
        const auto frame = view.frames.find(p);
        if (frame == view.frames.end() || !frame->second.starts_with("svg:<svg"))
            return QStringLiteral("no SVG frame of position %1").arg(p);
    }
    if (view.ignored != 0)
        return QStringLiteral("%1 events did not fit the web mirror").arg(view.ignored);
    return {};
}

} // namespace

class TestClassroomBridge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void studentMirrorsDetachesAndReattaches()
    {
        app::SimulationController teacher;
        app::SimulationController student;
        app::ClassroomBridge host(&teacher);
        app::ClassroomBridge follower(&student);
        QCOMPARE(
            app::errorText(host.startHosting(QStringLiteral("127.0.0.1"), 0, QStringLiteral("K7XQ2M"))), QString());
        QVERIFY(host.port() != 0);
        QCOMPARE(host.code(), QStringLiteral("K7XQ2M"));
        QSignalSpy joined(&follower, &app::ClassroomBridge::joined);
        follower.join(QStringLiteral("127.0.0.1"), host.port(), QStringLiteral("k7xq2m")); // typed in lower case
        QTRY_COMPARE(joined.count(), 1);
        QTRY_COMPARE(host.followerCount(), 1);

        // The livelock round, stepped on the teacher's controller.
        const std::vector<int> round = schedule(kLivelockRound);
        for (std::size_t i = 0; i < 7; ++i)
            QVERIFY(teacher.step(round[i]));
        QTRY_COMPARE(student.position(), 7);
        QCOMPARE(stateHash(student), stateHash(teacher));
        for (std::size_t i = 7; i < round.size(); ++i)
            QVERIFY(teacher.step(round[i]));
        QTRY_COMPARE(student.position(), teacher.position());
        QCOMPARE(stateHash(student), stateHash(teacher));
        QCOMPARE(student.simulator().repeatsPosition(), std::optional<int>(0));

        // Undo, jump and settings follow too.
        teacher.jumpTo(10);
        QTRY_COMPARE(student.position(), 10);
        QCOMPARE(student.historySize(), teacher.historySize());
        teacher.setSettings(preset("v5.11-patched"));
        QTRY_VERIFY(student.settings() == preset("v5.11-patched"));
        QTRY_COMPARE(stateHash(student), stateHash(teacher));
        teacher.setNarration(3, QStringLiteral("T1 holds the page lock here"));
        QTRY_COMPARE(student.narration(3), QStringLiteral("T1 holds the page lock here"));

        // Read-only while attached is the gate's (the window locks it, tst_session_gate): a step of
        // the student's own is refused before it moves anything, so there is nothing to undo.
        const std::uint64_t mirrored = stateHash(student);
        const int mirroredPosition = student.position();
        app::SessionGate studentGate(&student);
        studentGate.setReadOnly(true, QStringLiteral("Following the teacher"));
        QSignalSpy moved(&student, &app::SimulationController::stateChanged);
        for (int t = 0; t < student.threadCount(); ++t) {
            if (student.simulator().canStep(t)) {
                QVERIFY(!studentGate.step(t));
                break;
            }
        }
        QTest::qWait(20);
        QCOMPARE(moved.count(), 0);
        QCOMPARE(student.position(), mirroredPosition);
        QCOMPARE(stateHash(student), mirrored);

        // Detached: the teacher goes on, the student explores; the mirror keeps up.
        QSignalSpy attached(&follower, &app::ClassroomBridge::attachedChanged);
        follower.detach();
        QCOMPARE(attached.count(), 1);
        QVERIFY(!follower.isAttached());
        teacher.reset();
        QVERIFY(teacher.replay({0, 0, 0}));
        QTRY_COMPARE(follower.mirror().position, 3);
        QTest::qWait(100);
        QCOMPARE(student.position(), mirroredPosition);
        QCOMPARE(stateHash(student), mirrored);
        student.jumpTo(0);
        QVERIFY(student.step(1));
        QTest::qWait(100);
        QCOMPARE(student.position(), 1); // the student's own step stays

        // Re-attached: back to the teacher's current position.
        follower.reattach();
        QVERIFY(follower.isAttached());
        QTRY_COMPARE(student.position(), 3);
        QCOMPARE(stateHash(student), stateHash(teacher));
        QVERIFY(teacher.step(1));
        QTRY_COMPARE(student.position(), 4);
        QCOMPARE(stateHash(student), stateHash(teacher));

        // A new scenario reaches the student as a new session.
        teacher.loadScenario(builtin("fault-vs-holder"), preset("v5.11"));
        QTRY_COMPARE(student.scenario().name, std::string("fault-vs-holder"));
        QCOMPARE(student.position(), 0);

        QSignalSpy ended(&follower, &app::ClassroomBridge::sessionEnded);
        host.stopHosting();
        QTRY_COMPARE(ended.count(), 1);
    }

    /// Step on the teacher's controller to the student's controller at the same position, both
    /// event loops in this process (so it includes the queued hops on both sides).
    void stepLatency()
    {
        app::SimulationController teacher;
        app::SimulationController student;
        app::ClassroomBridge host(&teacher);
        app::ClassroomBridge follower(&student);
        QCOMPARE(app::errorText(host.startHosting()), QString());
        follower.join(QStringLiteral("127.0.0.1"), host.port(), host.code());
        QTRY_VERIFY(follower.isJoined());
        std::vector<double> ms;
        QElapsedTimer clock;
        const std::vector<int> round = schedule(kLivelockRound);
        for (int lap = 0; lap < 3; ++lap) {
            teacher.reset();
            QTRY_COMPARE(student.historySize(), 0);
            for (int t : round) {
                // Not QTRY: its 50 ms polling would be the figure. Stop on the student's own signal.
                QEventLoop loop;
                const auto reached = connect(&student, &app::SimulationController::stateChanged, &loop, [&] {
                    if (student.position() == teacher.position())
                        loop.quit();
                });
                QTimer::singleShot(2000, &loop, &QEventLoop::quit);
                clock.start();
                QVERIFY(teacher.step(t));
                loop.exec();
                disconnect(reached);
                QCOMPARE(student.position(), teacher.position());
                ms.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
            }
        }
        std::sort(ms.begin(), ms.end());
        const double median = ms[ms.size() / 2];
        qInfo("step-to-student latency over %zu steps: median %.2f ms, max %.2f ms", ms.size(), median, ms.back());
        QVERIFY2(median < 20.0, "the student lags the teacher by more than 20 ms");
    }

    void phonesGetThePortraitFramesOthersTheLandscapeOnes()
    {
        app::SimulationController teacher;
        app::ClassroomBridge host(&teacher);
        QCOMPARE(app::errorText(host.startHosting()), QString());
        const std::string code = host.code().toStdString();
        testing::WebFollowerClient phone("127.0.0.1", host.port(), code, "portrait");
        testing::WebFollowerClient laptop("127.0.0.1", host.port(), code);
        QTRY_COMPARE(host.followerCounts().web, 2);
        const std::vector<int> round = schedule(kLivelockRound);
        for (int i = 0; i < 3; ++i)
            QVERIFY(teacher.step(round[static_cast<std::size_t>(i)]));
        const auto framed = [&](const testing::WebFollowerClient& web) {
            const auto view = web.view();
            for (int p = 0; p <= teacher.position(); ++p) {
                if (!view.frames.count(p) || !view.frames.at(p).starts_with("svg:<svg"))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY(framed(phone));
        QTRY_VERIFY(framed(laptop));
        const auto phoneView = phone.view();
        const auto laptopView = laptop.view();
        for (int p = 0; p <= teacher.position(); ++p) {
            QCOMPARE(phoneView.frameLayouts.at(p), std::string("portrait"));
            QCOMPARE(laptopView.frameLayouts.at(p), std::string());
            const std::string& svg = phoneView.frames.at(p);
            QVERIFY2(svg.find("page_count") != std::string::npos, "the portrait frame has no page_count text");
            // One column, taller than wide, and at most 390 wide: shown across a 390 px phone, its
            // 16 px text is drawn at least 16 CSS px.
            double x = 0, y = 0, w = 0, h = 0;
            const auto box = svg.find("viewBox=\"");
            QVERIFY(box != std::string::npos);
            QCOMPARE(std::sscanf(svg.c_str() + box + 9, "%lf %lf %lf %lf", &x, &y, &w, &h), 4);
            QVERIFY2(w <= 390.0 && h > 1.4 * w, svg.substr(0, 200).c_str());
            QVERIFY(svg != laptopView.frames.at(p));
            QVERIFY(laptopView.frames.at(p).find("page_count") != std::string::npos);
        }
        QCOMPARE(host.framesPublished(), teacher.position() + 1); // a position counts once, both layouts
    }

    void wrongCodeIsRefused()
    {
        app::SimulationController teacher;
        app::SimulationController student;
        app::ClassroomBridge host(&teacher);
        app::ClassroomBridge follower(&student);
        QCOMPARE(
            app::errorText(host.startHosting(QStringLiteral("127.0.0.1"), 0, QStringLiteral("ABC234"))), QString());
        app::ClassroomDialog dialog(&follower, app::ClassroomDialog::Role::Join);
        dialog.hostInput()->setText(QStringLiteral("127.0.0.1:%1").arg(host.port()));
        dialog.findChildren<QLineEdit*>().last()->setText(QStringLiteral("WRONG9"));
        QSignalSpy failed(&follower, &app::ClassroomBridge::connectionFailed);
        dialog.joinClass();
        QTRY_VERIFY(!failed.isEmpty());
        QCOMPARE(failed.last().at(1).toBool(), true); // persistent: retrying cannot help
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("Could not join")));
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("code")));
        QVERIFY(!follower.isJoined());
        QCOMPARE(host.followerCount(), 0);
        QCOMPARE(student.position(), 0);
    }

    void studentStaysInStepThroughAWholeLesson()
    {
        app::MainWindow teacherWindow;
        app::MainWindow studentWindow;
        const auto teacher = app::installClassroomAndLessons(teacherWindow);
        const auto student = app::installClassroomAndLessons(studentWindow);
        QTemporaryDir dir;
        teacher.lessons->setSettingsFile(dir.filePath(QStringLiteral("teacher.ini")));
        QCOMPARE(app::errorText(teacher.bridge->startHosting()), QString());
        student.bridge->join(QStringLiteral("127.0.0.1"), teacher.bridge->port(), teacher.bridge->code());
        // A browser follows too, on the same port (the follow page's WebSocket).
        testing::WebFollowerClient web("127.0.0.1", teacher.bridge->port(), teacher.bridge->code().toStdString());
        QTRY_VERIFY(student.bridge->isJoined());
        QTRY_VERIFY(web.view().welcomed);
        QTRY_COMPARE(teacher.bridge->followerCounts().native, 1);
        QTRY_COMPARE(teacher.bridge->followerCounts().web, 1);
        QSignalSpy questions(student.bridge, &app::ClassroomBridge::checkpointReceived);

        QCOMPARE(app::errorText(teacher.lessons->openBuiltin(QStringLiteral("livelock"))), QString());
        const core::LessonRunner* runner = teacher.lessons->runner();
        int asked = 0;
        app::SimulationController* mine = studentWindow.controller();
        app::SimulationController* theirs = teacherWindow.controller();
        const auto inStep = [&] {
            QTRY_COMPARE(mine->position(), theirs->position());
            QCOMPARE(stateHash(*mine), stateHash(*theirs));
            QTRY_VERIFY2(webFollowerLag(web, *theirs).isEmpty(), qPrintable(webFollowerLag(web, *theirs)));
        };
        for (int p = 0; p < runner->pageCount(); ++p) {
            inStep();
            if (QTest::currentTestFailed())
                return;
            if (const auto& checkpoint = runner->page().checkpoint) {
                ++asked;
                QTRY_COMPARE(questions.count(), asked);
                QCOMPARE(questions.last().at(0).toString(), QString::fromStdString(checkpoint->question));
                // The student sees it in the lesson panel and is graded there, against the model.
                const std::string expected = core::computedAnswer(*checkpoint, runner->run(runner->position()));
                // The browser gets the same question with the model's answer among its choices
                // (open questions too), so the page grades it.
                QTRY_COMPARE(static_cast<int>(web.view().mirror.checkpoints.size()), asked);
                const classroom::CheckpointEvent inBrowser = web.view().mirror.checkpoints.back();
                QCOMPARE(inBrowser.question, checkpoint->question);
                QVERIFY2(inBrowser.answer >= 0, checkpoint->question.c_str());
                // "T1 and T2" names the threads the model writes "T1,T2".
                const auto spelled = [](const std::string& text) {
                    return QString::fromStdString(text)
                        .toLower()
                        .replace(QStringLiteral(" and "), QStringLiteral(","))
                        .remove(QLatin1Char(' '));
                };
                QCOMPARE(spelled(inBrowser.choices[static_cast<std::size_t>(inBrowser.answer)]), spelled(expected));
                QVERIFY(student.lessons->hasRemoteCheckpoint());
                QVERIFY(!student.lessons->hasLesson());
                QVERIFY(student.lessonDock->isVisibleTo(&studentWindow));
                QCOMPARE(student.lessons->questionLabel()->text(), QString::fromStdString(checkpoint->question));
                QVERIFY(student.lessons->submitButton()->isEnabled());
                if (checkpoint->kind == core::CheckpointKind::PageCount) {
                    student.lessons->setAnswerText(QString::number(std::stoi(expected) + 1));
                    QVERIFY(!student.lessons->submitAnswer());
                    QVERIFY(student.lessons->feedbackLabel()->text().contains(QStringLiteral("Not quite")));
                }
                student.lessons->setAnswerText(QString::fromStdString(expected));
                QVERIFY2(student.lessons->submitAnswer(), checkpoint->question.c_str());
                QCOMPARE(student.lessons->feedbackLabel()->property("correct").toBool(), true);
                teacher.lessons->setAnswerText(
                    QString::fromStdString(core::computedAnswer(*checkpoint, runner->run(runner->position()))));
                QVERIFY(teacher.lessons->submitAnswer());
            } else {
                teacher.lessons->finishPage();
            }
            inStep();
            if (QTest::currentTestFailed())
                return;
            QVERIFY(mine->settings() == theirs->settings());
            QCOMPARE(web.view().mirror.settings, theirs->settings());
            if (p + 1 < runner->pageCount())
                QVERIFY(teacher.lessons->goNext());
        }
        // The page's narration went along with its first step.
        const auto& first = runner->run(0);
        if (first.after.position() > first.before.position())
            QTRY_COMPARE(mine->narration(first.before.position()), theirs->narration(first.before.position()));
        // The browser got every question the app's student got.
        QCOMPARE(static_cast<int>(web.view().mirror.checkpoints.size()), asked);
        QVERIFY(teacher.bridge->framesPublished() > 0);
    }

    // A class started on a lesson page that asks a question: a browser joining later gets the
    // question, with the model's answer among the choices (an open page_count question here).
    void aStudentsAnswerReachesTheTeachersTally()
    {
        QTemporaryDir dir;
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path()); // the student id's home
        app::SimulationController teacher;
        app::SimulationController student;
        app::ClassroomBridge host(&teacher);
        app::ClassroomBridge follower(&student);
        QCOMPARE(
            app::errorText(host.startHosting(QStringLiteral("127.0.0.1"), 0, QStringLiteral("K7XQ2M"))), QString());
        QSignalSpy asked(&follower, &app::ClassroomBridge::checkpointReceived);
        QSignalSpy tallies(&host, &app::ClassroomBridge::tallyChanged);
        follower.join(QStringLiteral("127.0.0.1"), host.port(), QStringLiteral("K7XQ2M"));
        QTRY_COMPARE(host.followerCount(), 1);
        host.publishCheckpoint(QStringLiteral("page_count?"), {QStringLiteral("1"), QStringLiteral("2")}, 1);
        QTRY_COMPARE(asked.count(), 1);
        const classroom::CheckpointEvent question {0, "page_count?", {"1", "2"}, 1};
        follower.sendAnswer(QStringLiteral("Three")); // none of the choices: kept at the student's
        follower.sendAnswer(QStringLiteral("1"));
        QTRY_COMPARE(host.answers().tally(question).answered, 1);
        follower.sendAnswer(QStringLiteral("2")); // a change replaces the answer
        QTRY_COMPARE(host.answers().tally(question).correct, 1);
        QCOMPARE(host.answers().tally(question).counts, (std::vector<int> {0, 1}));
        QCOMPARE(host.followerCount(), 1); // the student is still following
        // The teacher's window shows the host's tally line; the CSV counts the one answer.
        QTRY_VERIFY(!tallies.isEmpty() && tallies.last().at(0).toString().contains(QStringLiteral("1/1 answered")));
        const std::string csv = host.answers().csv();
        QVERIFY2(csv.find("page_count?") != std::string::npos, csv.c_str());
    }

    void hostingOnALessonQuestionPublishesIt()
    {
        app::MainWindow teacherWindow;
        const auto teacher = app::installClassroomAndLessons(teacherWindow);
        QTemporaryDir dir;
        const QString settings = dir.filePath(QStringLiteral("teacher.ini"));
        {
            QSettings seeded(settings, QSettings::IniFormat);
            seeded.setValue(QStringLiteral("lessons/livelock/page"), 2);
            seeded.setValue(QStringLiteral("lessons/livelock/answers/0"), QString());
        }
        teacher.lessons->setSettingsFile(settings);
        QCOMPARE(app::errorText(teacher.lessons->openBuiltin(QStringLiteral("livelock"))), QString());
        const core::LessonRunner* runner = teacher.lessons->runner();
        QCOMPARE(runner->position(), 2);
        QVERIFY(runner->page().checkpoint.has_value());
        QCOMPARE(app::errorText(teacher.bridge->startHosting()), QString());
        testing::WebFollowerClient web("127.0.0.1", teacher.bridge->port(), teacher.bridge->code().toStdString());
        QTRY_VERIFY(web.view().welcomed);
        const auto checkpoints = web.view().mirror.checkpoints;
        QCOMPARE(static_cast<int>(checkpoints.size()), 1);
        QCOMPARE(checkpoints[0].question, runner->page().checkpoint->question);
        QVERIFY(checkpoints[0].answer >= 0);
        QCOMPARE(checkpoints[0].choices[static_cast<std::size_t>(checkpoints[0].answer)],
            core::computedAnswer(*runner->page().checkpoint, runner->run(2)));
    }

    void commandLineOptions()
    {
        const QStringList args {QStringLiteral("migration-sandbox"), QStringLiteral("two-faults"),
            QStringLiteral("--lesson"), QStringLiteral("livelock"), QStringLiteral("--host=0"),
            QStringLiteral("--code"), QStringLiteral("ABC234"), QStringLiteral("--preset"), QStringLiteral("v5.11")};
        const auto parsed = app::parseCommandLine(args);
        QCOMPARE(parsed.error, QString());
        QCOMPARE(parsed.app.file, QStringLiteral("two-faults"));
        QCOMPARE(parsed.app.preset, QStringLiteral("v5.11"));
        QCOMPARE(parsed.classroom.lesson, QStringLiteral("livelock"));
        QCOMPARE(parsed.classroom.hostPort, std::optional<quint16>(0));
        QCOMPARE(parsed.classroom.hostAddress, QStringLiteral("127.0.0.1"));

        const auto error = [](QStringList a) {
            a.prepend(QStringLiteral("migration-sandbox"));
            return app::parseCommandLine(a).error;
        };
        QVERIFY(
            error({QStringLiteral("--follow"), QStringLiteral("127.0.0.1:7331")}).contains(QStringLiteral("--code")));
        QVERIFY(!error({QStringLiteral("--follow"), QStringLiteral("nowhere")}).isEmpty());
        QVERIFY(!error({QStringLiteral("--host"), QStringLiteral("70000")}).isEmpty());
        QVERIFY(!error({QStringLiteral("--host")}).isEmpty());
        QVERIFY(!error({QStringLiteral("--host"), QStringLiteral("1"), QStringLiteral("--follow"),
                           QStringLiteral("a:1"), QStringLiteral("--code"), QStringLiteral("X")})
                     .isEmpty());
        const QStringList lan {QStringLiteral("m"), QStringLiteral("--host"), QStringLiteral("0.0.0.0:7331")};
        const auto open = app::parseCommandLine(lan);
        QCOMPARE(open.classroom.hostAddress, QStringLiteral("0.0.0.0"));
        QCOMPARE(open.classroom.hostPort, std::optional<quint16>(7331));

        // Two windows set up from their command lines stay in step.
        app::MainWindow teacherWindow;
        app::MainWindow studentWindow;
        app::ClassroomOptions bad;
        bad.lesson = QStringLiteral("no-such-lesson");
        QVERIFY(app::errorText(app::applyClassroomOptions(teacherWindow, bad)).contains(QStringLiteral("livelock")));
        QCOMPARE(app::errorText(app::applyClassroomOptions(teacherWindow, parsed.classroom)), QString());
        const auto teacher = app::classroomAndLessons(teacherWindow);
        QCOMPARE(teacher.bridge->mode(), app::ClassroomBridge::Mode::Hosting);
        QVERIFY(teacher.lessons->hasLesson());
        const QStringList studentArgs {QStringLiteral("m"), QStringLiteral("--follow"),
            QStringLiteral("127.0.0.1:%1").arg(teacher.bridge->port()), QStringLiteral("--code=abc234")};
        const auto student = app::parseCommandLine(studentArgs);
        QCOMPARE(student.error, QString());
        QCOMPARE(app::errorText(app::applyClassroomOptions(studentWindow, student.classroom)), QString());
        QTRY_VERIFY(app::classroomAndLessons(studentWindow).bridge->isJoined());
        QTRY_COMPARE(studentWindow.controller()->position(), teacherWindow.controller()->position());
        QCOMPARE(stateHash(*studentWindow.controller()), stateHash(*teacherWindow.controller()));
    }

    void windowsLockTheStepControlsWhileAttached()
    {
        app::MainWindow teacherWindow;
        app::MainWindow studentWindow;
        const auto teacher = app::installClassroomAndLessons(teacherWindow);
        const auto student = app::installClassroomAndLessons(studentWindow);
        app::ClassroomDialog hostDialog(teacher.bridge, app::ClassroomDialog::Role::Host);
        hostDialog.portInput()->setValue(0);
        QCOMPARE(hostDialog.interfaceInput()->currentData().toString(), QStringLiteral("127.0.0.1"));
        hostDialog.toggleHosting();
        QCOMPARE(teacher.bridge->mode(), app::ClassroomBridge::Mode::Hosting);
        QCOMPARE(hostDialog.codeLabel()->text(), teacher.bridge->code());
        QVERIFY(hostDialog.addressLabel()->text().endsWith(QString::number(teacher.bridge->port())));

        student.bridge->join(QStringLiteral("127.0.0.1"), teacher.bridge->port(), teacher.bridge->code());
        QTRY_VERIFY(student.bridge->isJoined());
        QTRY_COMPARE(hostDialog.followersLabel()->text(), QStringLiteral("1 student follows: 1 app, 0 browser"));
        QCOMPARE(hostDialog.followPageLabel()->text(),
            QStringLiteral("In a browser: <a href=\"http://127.0.0.1:%1/\">http://127.0.0.1:%1/</a>")
                .arg(teacher.bridge->port()));
        QVERIFY(student.followBar->isVisibleTo(&studentWindow));
        QCOMPARE(student.followLabel->text(),
            QStringLiteral("Following teacher at 127.0.0.1:%1").arg(teacher.bridge->port()));
        // The integration locks the window through MainWindow::setReadOnly.
        const QString guidance = QStringLiteral("Following the teacher at 127.0.0.1:%1 — detach to explore on your own")
                                     .arg(teacher.bridge->port());
        QVERIFY(studentWindow.isReadOnly());
        QCOMPARE(studentWindow.readOnlyReason(), guidance);
        QVERIFY(app::stepControlsLocked(studentWindow));
        QVERIFY(!studentWindow.threadButtons()->isEnabled());
        QVERIFY(!studentWindow.settingsPanel()->isEnabled());
        QVERIFY(studentWindow.narrationEdit()->isReadOnly());
        // The banner's idle hint agrees with the follow bar.
        QCOMPARE(studentWindow.banner()->text(), guidance);
        QVERIFY(!studentWindow.banner()->text().contains(QStringLiteral("Step button")));

        QVERIFY(teacherWindow.controller()->step(0));
        QTRY_COMPARE(studentWindow.controller()->position(), 1);
        const auto lockable = [&studentWindow] {
            QList<QAction*> out;
            for (auto* action : studentWindow.actions()) {
                const QString text = action->text();
                if (text.startsWith(QLatin1String("Step thread")) || text == QLatin1String("Reset")
                    || text == QLatin1String("Back") || text == QLatin1String("Play")
                    || text == QLatin1String("Auto step"))
                    out << action;
            }
            return out;
        };
        QCOMPARE(lockable().size(), 13);
        for (auto* action : lockable())
            QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
        teacherWindow.controller()->undo(); // a redo tail on both sides: Forward stays locked
        QTRY_COMPARE(studentWindow.controller()->position(), 0);
        QCOMPARE(studentWindow.controller()->historySize(), 1);
        QAction* forward = nullptr;
        for (auto* action : studentWindow.actions()) {
            if (action->text() == QLatin1String("Forward"))
                forward = action;
        }
        QVERIFY(forward);
        QVERIFY(!forward->isEnabled());
        teacherWindow.controller()->redo();
        QTRY_COMPARE(studentWindow.controller()->position(), 1);

        student.detachAction->trigger();
        QVERIFY(!studentWindow.isReadOnly());
        QVERIFY(!app::stepControlsLocked(studentWindow));
        QVERIFY(studentWindow.threadButtons()->isEnabled());
        QVERIFY(studentWindow.settingsPanel()->isEnabled());
        QVERIFY(!studentWindow.banner()->text().contains(QStringLiteral("Following")));
        for (auto* action : lockable()) {
            if (action->text() == QLatin1String("Reset") || action->text() == QLatin1String("Back"))
                QVERIFY2(action->isEnabled(), qPrintable(action->text()));
        }
        QVERIFY(student.followLabel->text().contains(QStringLiteral("on your own")));
        QVERIFY(student.reattachAction->isEnabled());
        student.reattachAction->trigger();
        QVERIFY(app::stepControlsLocked(studentWindow));

        // The host dialog screenshot for the docs.
        const QString dir = qEnvironmentVariable("MSB_SHOT_DIR");
        if (!dir.isEmpty()) {
            hostDialog.resize(560, 420);
            hostDialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&hostDialog));
            QVERIFY(hostDialog.grab().save(QDir(dir).filePath(QStringLiteral("classroom-host.png"))));
            studentWindow.resize(1280, 800);
            studentWindow.show();
            QVERIFY(QTest::qWaitForWindowExposed(&studentWindow));
            QTest::qWait(400);
            QVERIFY(studentWindow.grab().save(QDir(dir).filePath(QStringLiteral("classroom-student.png"))));
        }
    }
};

QTEST_MAIN(TestClassroomBridge)
#include "tst_classroom_bridge.moc"
