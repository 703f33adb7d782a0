// SPDX-License-Identifier: MIT
// The app never loses the user's work: the session is autosaved and restored (in process and
// after a real kill -9 of the executable), and a file that fails to open leaves it untouched.
#include "app/classroom/answer_tally.h"
#include "app/gui/classroom_bridge.h"
#include "app/gui/gui_error.h"
#include "app/gui/lesson_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/session_autosave.h"
#include "app/gui/simulation_controller.h"
#include "support/fixtures.h"

#include <QDockWidget>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace msb;
using namespace msb::testing;

class TestSessionAutosave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restoresScenarioSettingsStepsNarrationAndLesson()
    {
        QTemporaryDir dir;
        app::MainWindow before;
        before.classroom().lessons->setSettingsFile(dir.filePath(QStringLiteral("progress.ini")));
        QCOMPARE(app::errorText(before.classroom().lessons->openBuiltin(QStringLiteral("livelock"))), QString());
        auto* controller = before.controller();
        controller->setSettings(preset("v5.11-patched"));
        QVERIFY(controller->replay(schedule("1111111 222")));
        controller->setNarration(2, QStringLiteral("T1 takes the page lock"));
        controller->jumpTo(6); // steps 7 to 10 stay as the redo tail

        app::SessionAutosave autosave(&before, dir.path());
        QVERIFY(autosave.lock());
        QVERIFY(!autosave.hasLeftover());
        autosave.start();
        // A change is written a few seconds later, atomically.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(autosave.path()), app::SessionAutosave::kDelayMs + 3000);
        autosave.release(); // as a kill would: the file stays, the lock goes

        app::MainWindow after;
        after.classroom().lessons->setSettingsFile(dir.filePath(QStringLiteral("progress.ini")));
        app::SessionAutosave next(&after, dir.path());
        QVERIFY(next.lock());
        QVERIFY(next.hasLeftover());
        QVERIFY2(next.leftoverSummary().contains(QStringLiteral("step 6 of 10")), qPrintable(next.leftoverSummary()));
        QCOMPARE(app::errorText(next.restore()), QString());
        const auto* restored = after.controller();
        QVERIFY(restored->settings() == preset("v5.11-patched"));
        QCOMPARE(restored->position(), 6);
        QCOMPARE(restored->historySize(), 10);
        QVERIFY(restored->simulator().schedule() == controller->simulator().schedule());
        QVERIFY(restored->state() == controller->state());
        QCOMPARE(restored->narration(2), QStringLiteral("T1 takes the page lock"));
        QVERIFY(after.classroom().lessons->hasLesson());
        QCOMPARE(after.classroom().lessons->runner()->lesson().id, std::string("livelock"));
        QVERIFY(after.hasUnsavedNarration()); // it lives only in the autosave: closing asks

        next.finish(); // a clean exit ends the session
        QVERIFY(!QFile::exists(next.path()));
    }

    // The room's answers go with the session and come back with it; a file from before answers
    // (no "answers" member: the test above) still loads, and a broken one names the member.
    void theRoomsAnswersAreSavedAndRestored()
    {
        QTemporaryDir dir;
        app::MainWindow before;
        const std::vector<classroom::CheckpointEvent> asked {{0, "What is page_count(D0)?", {"1", "2", "3"}, 1}};
        classroom::AnswerTally answers;
        QCOMPARE(answers.record(asked, {"student-aaaa", 0, "2", "Ana"}), classroom::AnswerTally::Outcome::Counted);
        QCOMPARE(answers.record(asked, {"student-bbbb", 0, "3", ""}), classroom::AnswerTally::Outcome::Counted);
        before.classroom().bridge->restoreAnswers(answers);
        QVERIFY(before.controller()->replay(schedule("11")));
        app::SessionAutosave autosave(&before, dir.path());
        QVERIFY(autosave.lock());
        QVERIFY(autosave.saveNow());
        autosave.release();

        app::MainWindow after;
        app::SessionAutosave next(&after, dir.path());
        QVERIFY(next.lock());
        QCOMPARE(app::errorText(next.restore()), QString());
        QCOMPARE(after.classroom().bridge->answers().csv(), answers.csv());
        // A class hosted after the restore goes on counting them.
        QCOMPARE(app::errorText(after.classroom().bridge->startHosting()), QString());
        QCOMPARE(after.classroom().bridge->answers().tallies(), answers.tallies());
        after.classroom().bridge->stopHosting();
        QCOMPARE(after.classroom().bridge->answers().csv(), answers.csv());

        QFile file(next.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        QVERIFY(text.contains("\"answers\""));
        text.replace("\"answer\": 1", "\"answer\": 7");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
        file.close();
        next.release();
        app::MainWindow broken;
        app::SessionAutosave third(&broken, dir.path());
        QVERIFY(third.lock());
        const QString error = app::errorText(third.restore());
        QVERIFY2(error.contains(QStringLiteral("answers")) && error.contains(QStringLiteral("questions[0].answer")),
            qPrintable(error));
        third.finish();
    }

    void secondInstanceDoesNotWriteOverTheFirst()
    {
        QTemporaryDir dir;
        app::MainWindow first;
        app::MainWindow second;
        app::SessionAutosave a(&first, dir.path());
        app::SessionAutosave b(&second, dir.path());
        QVERIFY(a.lock());
        QVERIFY(!b.lock());
        QVERIFY(!b.saveNow());
        QVERIFY(a.saveNow());
    }

    void brokenSessionFileIsReportedNotFatal()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("session.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format":"migration-sandbox-session","version":1,"position":1e400,"recording":[[[]]]})");
        file.close();
        app::MainWindow window;
        QVERIFY(window.controller()->replay(schedule("11")));
        app::SessionAutosave autosave(&window, dir.path());
        QVERIFY(autosave.lock());
        QVERIFY(autosave.hasLeftover());
        QVERIFY(!autosave.restore());
        QCOMPARE(window.controller()->position(), 2); // untouched
    }

    void aFileThatFailsLeavesTheSessionUntouched()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("huge.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format":"migration-sandbox-scenario","version":1,"pages":1e400})");
        file.close();
        app::MainWindow window;
        auto* controller = window.controller();
        QVERIFY(controller->replay(schedule(kLivelockRound)));
        controller->setNarration(0, QStringLiteral("mine"));
        const auto history = controller->simulator().schedule();
        QSignalSpy failed(controller, &app::SimulationController::loadFailed);
        QVERIFY(!controller->openFile(bad));
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("huge.json")),
            qPrintable(failed.at(0).at(0).toString()));
        QVERIFY(controller->simulator().schedule() == history);
        QCOMPARE(controller->narration(0), QStringLiteral("mine"));
        // A recording whose steps no longer apply is refused whole, too.
        core::Recording recording = controller->recording();
        recording.steps.resize(3);
        recording.steps[2].thread = 5;
        QVERIFY(!controller->loadRecording(recording));
        QVERIFY(controller->simulator().schedule() == history);
    }

    void theExecutableRestoresASessionAfterKill9()
    {
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const QString session = home.filePath(QStringLiteral("migration-sandbox/session.json"));

        QProcess first;
        first.setProcessEnvironment(env);
        first.start(QStringLiteral(MSB_APP_EXECUTABLE),
            {QStringLiteral("--preset"), QStringLiteral("v5.11-patched"), QStringLiteral("--schedule"),
                QStringLiteral("1,1,1,2"), QStringLiteral("--position"), QStringLiteral("3")});
        QVERIFY(first.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(session), 20000);
        first.kill(); // SIGKILL: no chance to clean up
        QVERIFY(first.waitForFinished());
        QVERIFY(QFile::exists(session));

        QProcess second;
        second.setProcessEnvironment(env);
        const QString shot = home.filePath(QStringLiteral("restored.png"));
        second.start(QStringLiteral(MSB_APP_EXECUTABLE),
            {QStringLiteral("--restore-session"), QStringLiteral("--screenshot"), shot});
        QVERIFY(second.waitForFinished(60000));
        const QString err = QString::fromUtf8(second.readAllStandardError());
        QCOMPARE(second.exitCode(), 0);
        QVERIFY2(err.contains(QStringLiteral("restored the session: two-faults under v5.11-patched, step 3 of 4")),
            qPrintable(err));
        QVERIFY(QFile::exists(shot));
        QVERIFY(!QFile::exists(session)); // a clean exit ends the session
    }
};

QTEST_MAIN(TestSessionAutosave)
#include "tst_session_autosave.moc"
