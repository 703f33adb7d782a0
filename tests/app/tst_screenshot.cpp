// SPDX-License-Identifier: MIT
// The window renders something real (not empty, not uniform), in process and through the
// headless hooks of the executable (docs/architecture.md §4).
#include "app/gui/main_window.h"
#include "app/gui/simulation_controller.h"
#include "support/fixtures.h"

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace msb;
using namespace msb::testing;

namespace {

int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); y += 2) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); x += 2)
            colours.insert(line[x]);
    }
    return int(colours.size());
}

} // namespace

class TestScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowGrabIsNotUniform()
    {
        app::MainWindow window;
        window.resize(1280, 800);
        window.controller()->replay(schedule("1111111 222"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QImage image = window.grab().toImage();
        QCOMPARE(image.size(), QSize(1280, 800) * window.devicePixelRatio());
        QVERIFY2(distinctColours(image) > 20, qPrintable(QString::number(distinctColours(image))));
    }

    void headlessScreenshotHook_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("default") << QStringList {};
        QTest::newRow("dark, patched, explored") << QStringList {QStringLiteral("--theme"), QStringLiteral("dark"),
            QStringLiteral("--preset"), QStringLiteral("v5.11-patched"), QStringLiteral("--schedule"),
            QStringLiteral("1,1,1,1,1,1,1,2,2,2"), QStringLiteral("--explore")};
    }

    void headlessScreenshotHook()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("shot.png"));
        QProcess process;
        process.start(QStringLiteral(MSB_APP_EXECUTABLE),
            arguments
                + QStringList {
                    QStringLiteral("--screenshot"), out, QStringLiteral("--size"), QStringLiteral("1024x700")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QImage image(out);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1024, 700));
        QVERIFY(distinctColours(image) > 20);
    }

    void badInputExitsWithTwo()
    {
        for (const QStringList& arguments : {QStringList {QStringLiteral("--preset"), QStringLiteral("v9.99")},
                 QStringList {QStringLiteral("/nonexistent/x.json")},
                 QStringList {QStringLiteral("--schedule"), QStringLiteral("1,7")},
                 QStringList {QStringLiteral("--size"), QStringLiteral("big")}}) {
            QProcess process;
            process.start(QStringLiteral(MSB_APP_EXECUTABLE),
                arguments + QStringList {QStringLiteral("--quit-after-first-frame")});
            QVERIFY(process.waitForFinished(60000));
            QCOMPARE(process.exitCode(), 2);
            QVERIFY(!process.readAllStandardError().isEmpty());
        }
    }

    void quitAfterFirstFramePrintsMilliseconds()
    {
        QProcess process;
        process.start(QStringLiteral(MSB_APP_EXECUTABLE), {QStringLiteral("--quit-after-first-frame")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        bool ok = false;
        const int ms = QString::fromUtf8(process.readAllStandardOutput()).trimmed().toInt(&ok);
        QVERIFY(ok);
        QVERIFY(ms > 0);
    }
};

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
