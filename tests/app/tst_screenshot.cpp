// SPDX-License-Identifier: MIT
// The window's picture shows the run and the theme: in process, the scene's part of the grab
// changes with a step and the rest of the window does not turn into one colour; through the
// headless hooks of the executable, the PNG has the asked size, the light and dark themes come out
// light and dark, and the dark shot's scene differs from the light one (docs/architecture.md §4).
#include "app/gui/main_window.h"
#include "app/gui/simulation_controller.h"
#include "scenes/race_view.h"
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

/// Mean luminance 0..1, every fourth pixel.
double meanLuminance(const QImage& image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    double sum = 0;
    int n = 0;
    for (int y = 0; y < rgb.height(); y += 4) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); x += 4, ++n)
            sum += (0.2126 * qRed(line[x]) + 0.7152 * qGreen(line[x]) + 0.0722 * qBlue(line[x])) / 255.0;
    }
    return n > 0 ? sum / n : 0;
}

/// The share of pixels (every second one) that differ between two images of one size.
double changedShare(const QImage& a, const QImage& b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    int changed = 0;
    int n = 0;
    for (int row = 0; row < x.height(); row += 2) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
        for (int col = 0; col < x.width(); col += 2, ++n)
            changed += p[col] != q[col] ? 1 : 0;
    }
    return n > 0 ? double(changed) / n : 0;
}

QImage headlessShot(const QStringList& arguments)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("shot.png"));
    QProcess process;
    process.start(QStringLiteral(MSB_APP_EXECUTABLE),
        arguments
            + QStringList {QStringLiteral("--screenshot"), out, QStringLiteral("--size"), QStringLiteral("1024x700")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QImage(out);
}

} // namespace

class TestScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowGrabShowsTheRun()
    {
        app::MainWindow window;
        window.resize(1280, 800);
        window.setReduceMotion(true); // the grab shows the state, not a frame of an animation
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect scene(window.view()->mapTo(&window, QPoint(0, 0)), window.view()->size());
        const qreal dpr = window.devicePixelRatio();
        const QRect scenePixels(scene.topLeft() * dpr, scene.size() * dpr);
        const QImage before = window.grab().toImage();
        QCOMPARE(before.size(), QSize(1280, 800) * dpr);
        QVERIFY(window.controller()->replay(schedule("1111111 222")));
        QCoreApplication::sendPostedEvents();
        const QImage after = window.grab().toImage();
        QVERIFY2(distinctColours(after) > 20, qPrintable(QString::number(distinctColours(after))));
        QVERIFY2(distinctColours(after.copy(scenePixels)) > 20, "the scene's part of the window is nearly uniform");
        // Ten steps move threads, tokens and the PTE: a good part of the scene is repainted.
        const double changed = changedShare(before.copy(scenePixels), after.copy(scenePixels));
        QVERIFY2(changed > 0.01, qPrintable(QStringLiteral("%1 of the scene changed").arg(changed)));
    }

    void headlessScreenshotHook_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << QStringList {QStringLiteral("--theme"), QStringLiteral("light")} << false;
        QTest::newRow("dark, patched, explored") << QStringList {QStringLiteral("--theme"), QStringLiteral("dark"),
            QStringLiteral("--preset"), QStringLiteral("v5.11-patched"), QStringLiteral("--schedule"),
            QStringLiteral("1,1,1,1,1,1,1,2,2,2"), QStringLiteral("--explore")}
                                                 << true;
    }

    void headlessScreenshotHook()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, dark);
        const QImage image = headlessShot(arguments);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1024, 700));
        QVERIFY(distinctColours(image) > 20);
        const double luminance = meanLuminance(image);
        if (dark)
            QVERIFY2(
                luminance < 0.35, qPrintable(QStringLiteral("the dark shot's mean luminance is %1").arg(luminance)));
        else
            QVERIFY2(
                luminance > 0.6, qPrintable(QStringLiteral("the light shot's mean luminance is %1").arg(luminance)));
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
