// SPDX-License-Identifier: MIT
// The scene for people who do not see it: a screen reader finds its state as text through
// QAccessible, and the high-contrast style draws black, white and yellow with thick outlines.
#include "core/simulator.h"
#include "scene_test_support.h"
#include "scenes/race_scene.h"
#include "scenes/scene_export.h"

#include <QAccessible>
#include <QSignalSpy>
#include <QTest>

using namespace msb;

namespace {

QString accessibleDescription(QWidget* widget)
{
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Description) : QString();
}

} // namespace

class TestSceneAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void screenReaderReadsTheState()
    {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        scenes::RaceScene scene;
        scenes::RaceView view(&scene);
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(&view);
        QVERIFY(iface);
        QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Race scene"));

        scene.showState(sim.model(), sim.state(), nullptr, false);
        QString text = accessibleDescription(&view);
        QVERIFY2(text.contains(QLatin1String("T1, touches its page: at Access on page X0; can run: touch X")),
            qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Page X0: PTE DEVPRIV(D0); D0 page_count 2")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("PG_locked free")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("PTL free.")), qPrintable(text));

        // Step 11 of the documented round: T1's check failed, it holds PG_locked, T2 waits.
        QSignalSpy changed(&scene, &scenes::RaceScene::descriptionChanged);
        const auto schedule = scenes::test::documentedSchedule();
        QVERIFY(sim.replay(std::vector<int>(schedule.begin(), schedule.begin() + 12)).ok());
        scene.showState(sim.model(), sim.state(), &sim.history().back(), false);
        QCOMPARE(changed.count(), 1);
        text = accessibleDescription(&view);
        QCOMPARE(text, scene.description());
        QVERIFY2(text.contains(QLatin1String("PTE MIGR(D0)")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("PG_locked held by T1")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("asleep in D0's page-lock wait queue")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("page_count %1").arg(sim.state().pages[0].dRef)), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("waiter T2")), qPrintable(text));

        // The same state again changes nothing a screen reader would announce.
        scene.showState(sim.model(), sim.state(), &sim.history().back(), false);
        QCOMPARE(changed.count(), 1);
    }

    void highContrastIsBlackWhiteAndYellow()
    {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        scenes::RaceScene scene;
        scene.setPalette(scenes::test::lightPalette());
        scene.showState(sim.model(), sim.state(), nullptr, false);
        scene.setHighContrast(true);
        QVERIFY(scene.highContrast());
        const scenes::ScenePalette& pal = scene.scenePalette();
        QCOMPARE(pal.background, QColor(Qt::black));
        QCOMPARE(pal.text, QColor(Qt::white));
        QCOMPARE(pal.border, QColor(Qt::white));
        QCOMPARE(pal.highlight.rgb(), QColor(0xff, 0xeb, 0x00).rgb());
        QCOMPARE(scene.style().line(1.2), 2.4);
        const QImage image = scenes::renderToImage(&scene, QSize(1280, 800));
        QCOMPARE(image.pixelColor(2, 2), QColor(Qt::black));
        // A widget palette change (the system theme) does not undo the user's choice...
        scene.setPalette(scenes::test::darkPalette());
        QCOMPARE(scene.scenePalette().background, QColor(Qt::black));
        QVERIFY(scene.scenePalette().outlined);
        // ...and turning it off returns to the widget palette.
        scene.setHighContrast(false);
        QCOMPARE(scene.scenePalette().background, scenes::test::darkPalette().color(QPalette::Window));
        QVERIFY(!scene.scenePalette().outlined);
        QCOMPARE(scene.style().line(1.2), 1.2);
    }
};

QTEST_MAIN(TestSceneAccessibility)
#include "tst_scene_accessibility.moc"
