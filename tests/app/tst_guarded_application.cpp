// SPDX-License-Identifier: MIT
// An exception thrown in an event handler or a slot is caught where Qt delivers the event and
// reported; the window stays. (A QTest main of its own: the application is the guarded one.)
#include "app/gui/guarded_application.h"

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
};

int main(int argc, char** argv)
{
    msb::app::GuardedApplication app(argc, argv);
    TestGuardedApplication test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_guarded_application.moc"
