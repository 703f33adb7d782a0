// SPDX-License-Identifier: MIT
// The one way the GUI runs background work: stale jobs' results never arrive.
#include "app/gui/job_tracker.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QStringList>
#include <QtTest>

#include <memory>

using msb::app::JobTracker;

class TestJobTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postsAndResultArriveOnTheOwnersThread()
    {
        QObject owner;
        JobTracker jobs(&owner);
        QStringList seen;
        bool onOwnerThread = true;
        jobs.start(
            [](const JobTracker::Job& job) {
                job.post([] {});
                return 42;
            },
            [&](int result) {
                seen << QString::number(result);
                onOwnerThread = QThread::currentThread() == owner.thread();
            });
        QVERIFY(jobs.isRunning());
        QTRY_COMPARE(seen, QStringList {QStringLiteral("42")});
        QVERIFY(onOwnerThread);
        QVERIFY(!jobs.isRunning());
    }

    void aSupersededJobsPostsAndResultAreDropped()
    {
        QObject owner;
        JobTracker jobs(&owner);
        QStringList seen;
        auto release = std::make_shared<QSemaphore>();
        auto firstStarted = std::make_shared<QSemaphore>();
        bool firstSawCancel = false;
        jobs.start(
            [&, release, firstStarted](const JobTracker::Job& job) {
                firstStarted->release();
                release->acquire(); // until the second job has superseded this one
                firstSawCancel = job.isCancelled();
                job.post([&] { seen << QStringLiteral("first: progress"); });
                return QStringLiteral("first: result");
            },
            [&](const QString& result) { seen << result; });
        QVERIFY(firstStarted->tryAcquire(1, 5000));
        jobs.start(
            [](const JobTracker::Job& job) {
                job.post([] {});
                return QStringLiteral("second: result");
            },
            [&](const QString& result) { seen << result; });
        release->release();
        QTRY_COMPARE(seen, QStringList {QStringLiteral("second: result")});
        QVERIFY(firstSawCancel);
        QTest::qWait(50); // nothing of the first job trickles in later
        QCOMPARE(seen, QStringList {QStringLiteral("second: result")});
    }

    void cancelDropsWhatTheJobStillPosts()
    {
        QObject owner;
        JobTracker jobs(&owner);
        auto release = std::make_shared<QSemaphore>();
        int delivered = 0;
        jobs.start(
            [release](const JobTracker::Job& job) {
                release->acquire();
                job.post([] {});
                return job.isCancelled();
            },
            [&](bool) { ++delivered; });
        jobs.cancel();
        QVERIFY(!jobs.isRunning());
        release->release();
        QTest::qWait(100);
        QCOMPARE(delivered, 0);
    }

    void destroyingTheOwnerWaitsForTheWorkerAndDropsItsResult()
    {
        int delivered = 0;
        bool finishedWork = false;
        {
            QObject owner;
            JobTracker jobs(&owner);
            jobs.start(
                [&finishedWork](const JobTracker::Job& job) {
                    while (!job.isCancelled())
                        QThread::msleep(1);
                    finishedWork = true;
                    return 0;
                },
                [&](int) { ++delivered; });
        }
        QVERIFY(finishedWork); // the tracker waited: the work never outlives its owner
        QTest::qWait(50);
        QCOMPARE(delivered, 0);
    }
};

QTEST_MAIN(TestJobTracker)
#include "tst_job_tracker.moc"
