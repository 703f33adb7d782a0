// SPDX-License-Identifier: MIT
// The teacher's tally panel: a question the host asks appears with nobody answered; a student's
// answer (an app follower over loopback) shows in its bars and summary; Reveal reaches the
// student. MSB_TALLY_SCREENSHOT=DIR writes the panel in light and dark palettes.
#include "app/classroom/answer_tally.h"
#include "app/classroom/classroom_follower.h"
#include "app/gui/classroom_bridge.h"
#include "app/gui/gui_error.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/tally_panel.h"

#include <QApplication>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QtTest>

#include <mutex>

using namespace msb;

namespace {

QString summaryOf(const app::TallyPanel& panel, int question)
{
    const auto* box = panel.findChild<QGroupBox*>(QStringLiteral("question%1").arg(question));
    const auto* label = box ? box->findChild<QLabel*>(QStringLiteral("summary")) : nullptr;
    return label ? label->text() : QString();
}

QStringList barsOf(const app::TallyPanel& panel, int question)
{
    QStringList out;
    if (const auto* box = panel.findChild<QGroupBox*>(QStringLiteral("question%1").arg(question))) {
        for (const auto* bar : box->findChildren<QProgressBar*>())
            out << QStringLiteral("%1=%2/%3").arg(bar->format()).arg(bar->value()).arg(bar->maximum());
    }
    return out;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::Button, QColor(0x3c, 0x3c, 0x3c));
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

} // namespace

class TstTallyPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aStudentsAnswerAppearsInThePanel()
    {
        app::SimulationController teacher;
        app::SimulationController student;
        app::ClassroomBridge host(&teacher);
        app::ClassroomBridge follower(&student);
        app::TallyPanel panel(&host);
        panel.resize(360, 420);
        QCOMPARE(panel.questionCount(), 0);
        QCOMPARE(
            app::errorText(host.startHosting(QStringLiteral("127.0.0.1"), 0, QStringLiteral("TALLY2"))), QString());
        QSignalSpy asked(&follower, &app::ClassroomBridge::checkpointReceived);
        follower.join(QStringLiteral("127.0.0.1"), host.port(), QStringLiteral("TALLY2"));
        // A second student who only watches, and records the reveals it gets.
        classroom::ClassroomFollower watcher;
        std::mutex mutex;
        std::vector<classroom::msg::Reveal> reveals;
        watcher.callbacks.message = [&](const classroom::Message& message) {
            if (const auto* r = std::get_if<classroom::msg::Reveal>(&message)) {
                std::lock_guard lock(mutex);
                reveals.push_back(*r);
            }
        };
        watcher.connect("127.0.0.1", host.port(), "TALLY2");
        QTRY_COMPARE(host.followerCount(), 2);

        host.publishCheckpoint(QStringLiteral("What is page_count(D0) now?"), {"1", "2", "3"}, 1);
        QCOMPARE(panel.questionCount(), 1);
        QCOMPARE(summaryOf(panel, 0), QStringLiteral("0 of 2 answered · 0% agree with the model"));
        QTRY_COMPARE(asked.count(), 1);
        follower.sendAnswer(QStringLiteral("2"));
        QTRY_COMPARE(summaryOf(panel, 0), QStringLiteral("1 of 2 answered · 100% agree with the model"));
        QCOMPARE(barsOf(panel, 0),
            (QStringList {QStringLiteral("1: 0 (0%)=0/1"), QStringLiteral("2 \u2605 model: 1 (100%)=1/1"),
                QStringLiteral("3: 0 (0%)=0/1")}));

        // A second question: both stay, each with its own Reveal.
        host.publishCheckpoint(QStringLiteral("Which thread can step?"), {"T1", "T2"}, 0);
        QCOMPARE(panel.questionCount(), 2);
        QTRY_COMPARE(asked.count(), 2);
        follower.sendAnswer(QStringLiteral("T2"));
        QTRY_COMPARE(summaryOf(panel, 1), QStringLiteral("1 of 2 answered · 0% agree with the model"));
        QCOMPARE(summaryOf(panel, 0), QStringLiteral("1 of 2 answered · 100% agree with the model"));

        if (const QString dir = qEnvironmentVariable("MSB_TALLY_SCREENSHOT"); !dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(panel.grab().save(dir + QStringLiteral("/tally-light.png")));
            panel.setPalette(darkPalette());
            panel.refresh();
            QVERIFY(panel.grab().save(dir + QStringLiteral("/tally-dark.png")));
        }

        // Reveal on the first question reaches the students with its tally.
        const auto* box = panel.findChild<QGroupBox*>(QStringLiteral("question0"));
        QVERIFY(box);
        auto* reveal = box->findChild<QPushButton*>();
        QVERIFY(reveal && reveal->isEnabled());
        reveal->click();
        const auto revealed = [&] {
            std::lock_guard lock(mutex);
            return reveals.size();
        };
        QTRY_COMPARE(revealed(), std::size_t {1});
        {
            std::lock_guard lock(mutex);
            QCOMPARE(reveals[0].question, std::string("What is page_count(D0) now?"));
            QCOMPARE(reveals[0].counts, (std::vector<int> {0, 1, 0}));
            QCOMPARE(reveals[0].answered, 1);
        }
        watcher.disconnect();
        host.stopHosting();
        QVERIFY(!panel.findChild<QGroupBox*>(QStringLiteral("question0"))->findChild<QPushButton*>()->isEnabled());
    }

    // A restored session brings back its answers before any question is asked again: the panel
    // shows them (Reveal off, saying why) until the same question is asked, which takes it over.
    void aRestoredSessionsQuestionsShowUntilAskedAgain()
    {
        const std::vector<classroom::CheckpointEvent> earlier {
            {3, "What is page_count(D0) now?", {"1", "2", "3"}, 1}, {7, "Who holds the page lock?", {"T1", "T2"}, 0}};
        classroom::AnswerTally saved;
        QCOMPARE(saved.record(earlier, {"student-aaaa", 0, "2", ""}), classroom::AnswerTally::Outcome::Counted);
        QCOMPARE(saved.record(earlier, {"student-bbbb", 0, "3", "Ada"}), classroom::AnswerTally::Outcome::Counted);
        QCOMPARE(saved.record(earlier, {"student-aaaa", 1, "T2", ""}), classroom::AnswerTally::Outcome::Counted);

        app::SimulationController teacher;
        app::ClassroomBridge host(&teacher);
        app::TallyPanel panel(&host);
        host.restoreAnswers(saved);
        QCOMPARE(panel.questionCount(), 2);
        QCOMPARE(panel.restoredCount(), 2);
        const auto* first = panel.findChild<QGroupBox*>(QStringLiteral("question0"));
        QVERIFY(first);
        QCOMPARE(first->title(), QStringLiteral("What is page_count(D0) now? (restored)"));
        QCOMPARE(summaryOf(panel, 0), QStringLiteral("2 of 2 answered · 50% agree with the model"));
        QCOMPARE(barsOf(panel, 0),
            (QStringList {QStringLiteral("1: 0 (0%)=0/2"), QStringLiteral("2 \u2605 model: 1 (50%)=1/2"),
                QStringLiteral("3: 1 (50%)=1/2")}));
        const auto* reveal = first->findChild<QPushButton*>();
        QVERIFY(reveal && !reveal->isEnabled() && !reveal->toolTip().isEmpty());

        // Asked again while hosting: the live box carries the restored answers and can reveal.
        QCOMPARE(
            app::errorText(host.startHosting(QStringLiteral("127.0.0.1"), 0, QStringLiteral("TALLY3"))), QString());
        host.publishCheckpoint(QStringLiteral("What is page_count(D0) now?"), {"1", "2", "3"}, 1);
        QCOMPARE(panel.questionCount(), 2);
        QCOMPARE(panel.restoredCount(), 1);
        QCOMPARE(panel.findChild<QGroupBox*>(QStringLiteral("question0"))->title(),
            QStringLiteral("What is page_count(D0) now?"));
        QCOMPARE(summaryOf(panel, 0), QStringLiteral("2 of 2 answered · 50% agree with the model"));
        QVERIFY(panel.findChild<QGroupBox*>(QStringLiteral("question0"))->findChild<QPushButton*>()->isEnabled());
        QCOMPARE(panel.findChild<QGroupBox*>(QStringLiteral("question1"))->title(),
            QStringLiteral("Who holds the page lock? (restored)"));
        host.stopHosting();
    }
};

QTEST_MAIN(TstTallyPanel)
#include "tst_tally_panel.moc"
