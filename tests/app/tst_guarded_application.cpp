// SPDX-License-Identifier: MIT
// The last lines of defence for the user's work in a running app: an exception thrown in an event
// handler or a slot is caught where Qt delivers the event and reported, the window stays; and
// closing a window with unsaved narration asks first. (A QTest main of its own: the application
// is the guarded one.)
#include "app/gui/guarded_application.h"
#include "app/gui/main_window.h"
#include "app/gui/simulation_controller.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QtTest>

#include <stdexcept>

namespace {

class Throwing : public QObject
{
public:
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::User)
            throw std::runtime_error("number overflow");
        return QObject::event(event);
    }
};

} // namespace

class TestGuardedApplication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exceptionsAreReportedAndTheWindowStays()
    {
        auto* app = qobject_cast<msb::app::GuardedApplication*>(qApp);
        QVERIFY(app);
        QStringList reports;
        app->setReporter([&reports](const QString& message) { reports << message; });
        QWidget window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        Throwing target;
        QEvent event(QEvent::User);
        QCoreApplication::sendEvent(&target, &event);
        QCOMPARE(reports, QStringList {QStringLiteral("number overflow")});

        // From the event loop: a slot that throws.
        QTimer::singleShot(0, &window, [] { throw 42; });
        QTRY_COMPARE(reports.size(), 2);
        QCOMPARE(reports.last(), QStringLiteral("an unknown exception"));
        QCOMPARE(app->caughtCount(), 2);
        QVERIFY(window.isVisible());
    }

    void unsavedNarrationAsksBeforeClosing()
    {
        msb::app::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.close()); // nothing typed: closes without asking
        window.show();
        QVERIFY(window.controller()->step(0));
        window.controller()->setNarration(0, QStringLiteral("T1 faults first"));
        QVERIFY(window.hasUnsavedNarration());

        // Answers the question when it comes up; records what it asked.
        QString asked;
        const auto answer = [&asked](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, [&asked, button] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                QVERIFY(box);
                asked = box->text();
                box->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        QVERIFY(!window.close());
        QVERIFY(asked.contains(QStringLiteral("narration")));
        QVERIFY(window.isVisible());
        asked.clear();
        answer(QMessageBox::Discard);
        QVERIFY(window.close());
        QVERIFY(!asked.isEmpty());
    }
};

int main(int argc, char** argv)
{
    msb::app::GuardedApplication app(argc, argv);
    TestGuardedApplication test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_guarded_application.moc"
