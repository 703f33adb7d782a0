// SPDX-License-Identifier: MIT
// The race scene as a user meets it: it renders something real in light and dark, clicks come
// back as intent signals, threads slide into the wait queue, reduce motion jumps to the end.
#include "core/check_expectation.h"
#include "core/simulator.h"
#include "scene_test_support.h"
#include "scenes/race_scene.h"
#include "scenes/scene_description.h"
#include "scenes/scene_export.h"

#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace msb;

namespace {

int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(line[x]);
    }
    return static_cast<int>(colours.size());
}

void replay(core::Simulator& sim, int steps)
{
    const auto schedule = scenes::test::documentedSchedule();
    sim.reset();
    QVERIFY(sim.replay(std::vector<int>(schedule.begin(), schedule.begin() + steps)).ok());
}

const core::StepRecord* lastStep(const core::Simulator& sim)
{
    return sim.position() > 0 ? &sim.history()[sim.position() - 1] : nullptr;
}

} // namespace

class TestRaceScene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersInBothPalettes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void rendersInBothPalettes()
    {
        QFETCH(bool, dark);
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        replay(sim, 10);
        scenes::RaceScene scene;
        scene.setPalette(dark ? scenes::test::darkPalette() : scenes::test::lightPalette());
        scene.showState(sim.model(), sim.state(), lastStep(sim), false);
        const QImage image = scenes::renderToImage(&scene, QSize(1280, 800));
        QVERIFY2(distinctColours(image) > 20, qPrintable(QString::number(distinctColours(image))));
        const double corner = image.pixelColor(2, 2).lightnessF();
        QVERIFY2(dark ? corner < 0.3 : corner > 0.8, qPrintable(QString::number(corner)));
        QCOMPARE(scene.scenePalette().dark, dark);
        // Text and surfaces contrast with the background in both themes.
        const auto& pal = scene.scenePalette();
        QVERIFY(std::abs(pal.text.lightnessF() - pal.background.lightnessF()) > 0.6);
    }

    void stepChipClickActivatesThread()
    {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        scenes::RaceScene scene;
        scenes::RaceView view(&scene);
        view.resize(1280, 800);
        view.show();
        scene.showState(sim.model(), sim.state(), nullptr, false);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy activated(&scene, &scenes::RaceScene::threadActivated);
        QSignalSpy pages(&scene, &scenes::RaceScene::pageClicked);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(scene.stepChipCenter(1)));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toInt(), 1);
        QTest::mouseClick(
            view.viewport(), Qt::LeftButton, {}, view.mapFromScene(scene.layout().pages[0].refcount.center()));
        QCOMPARE(pages.count(), 1);
        QCOMPARE(pages.at(0).at(0).toInt(), 0);
        QCOMPARE(activated.count(), 1);
    }

    void sleeperSlidesIntoWaitQueue()
    {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        scenes::RaceScene scene;
        replay(sim, 11);
        scene.showState(sim.model(), sim.state(), lastStep(sim), false);
        const QPointF inLane = scene.layout().lanes[1].avatar.topLeft();
        QCOMPARE(scene.avatarPos(1), inLane);
        replay(sim, 12); // T2: W3 with PG_locked held by T1 -> queued
        QVERIFY(sim.state().threads[1].queued);
        scene.showState(sim.model(), sim.state(), lastStep(sim), true);
        QVERIFY(scene.animations()->isRunning());
        const QPointF slot = scene.layout().waitSlot(0, 0).topLeft();
        QVERIFY(scene.avatarPos(1) != slot); // still on its way
        QTRY_VERIFY_WITH_TIMEOUT(!scene.animations()->isRunning(), 3000);
        QCOMPARE(scene.avatarPos(1), slot);
    }

    void reduceMotionJumpsToTheEnd()
    {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        scenes::RaceScene scene;
        replay(sim, 11);
        scene.showState(sim.model(), sim.state(), lastStep(sim), false);
        scene.setReduceMotion(true);
        replay(sim, 12);
        scene.showState(sim.model(), sim.state(), lastStep(sim), true);
        QVERIFY(!scene.animations()->isRunning());
        QCOMPARE(scene.avatarPos(1), scene.layout().waitSlot(0, 0).topLeft());
    }

    void pausedAnimationsHoldStill()
    {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        scenes::RaceScene scene;
        replay(sim, 11);
        scene.showState(sim.model(), sim.state(), lastStep(sim), false);
        scene.animations()->setPaused(true);
        replay(sim, 12);
        scene.showState(sim.model(), sim.state(), lastStep(sim), true);
        const QPointF start = scene.avatarPos(1);
        QTest::qWait(450); // longer than a transition
        QCOMPARE(scene.avatarPos(1), start);
        scene.animations()->setPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(scene.avatarPos(1), scene.layout().waitSlot(0, 0).topLeft(), 3000);
    }

    void newSnapshotFinishesRunningAnimation()
    {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        scenes::RaceScene scene;
        scene.showState(sim.model(), sim.state(), nullptr, false);
        for (int steps = 1; steps <= 18; ++steps) {
            replay(sim, steps);
            scene.showState(sim.model(), sim.state(), lastStep(sim), true);
            QCOMPARE(scene.attribution(0).attributed, int(sim.state().pages[0].dRef));
        }
        scene.animations()->finish();
        // The livelock round ends where it began: T2 back in its lane, 2 tokens (base + mapping).
        QCOMPARE(scene.avatarPos(1), scene.layout().lanes[1].avatar.topLeft());
        QCOMPARE(static_cast<int>(scene.attribution(0).tokens.size()), 2);
    }

    void highlightAndPaletteRepaint()
    {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        scenes::RaceScene scene;
        scene.setPalette(scenes::test::lightPalette());
        scene.showState(sim.model(), sim.state(), nullptr, false);
        const QImage plain = scenes::renderToImage(&scene, QSize(1280, 800));
        scene.setHighlightedThread(1);
        QCOMPARE(scene.highlightedThread(), 1);
        const QImage highlighted = scenes::renderToImage(&scene, QSize(1280, 800));
        QVERIFY(plain != highlighted);
        scene.setHighlightedThread(-1);
        QCOMPARE(scenes::renderToImage(&scene, QSize(1280, 800)), plain);

        // Switching to dark repaints cached items too: the lane surface turns dark. Rendered at
        // scale 1 so scene and image coordinates agree.
        const QSize natural = scene.sceneRect().size().toSize();
        const QRectF lane = scene.layout().lanes[0].rect;
        const QPoint probe = QPointF(lane.right() - 12, lane.bottom() - 12).toPoint();
        const QImage light = scenes::renderToImage(&scene, natural);
        QVERIFY2(light.pixelColor(probe).lightnessF() > 0.8, qPrintable(light.pixelColor(probe).name()));
        scene.setPalette(scenes::test::darkPalette());
        const QImage dark = scenes::renderToImage(&scene, natural);
        QVERIFY2(dark.pixelColor(probe).lightnessF() < 0.3, qPrintable(dark.pixelColor(probe).name()));
    }

    void presenterZoomAndRelayout()
    {
        core::Simulator sim(core::makeNFaults(8, 16), scenes::test::preset("v5.11"));
        scenes::RaceScene scene;
        scenes::RaceView view(&scene);
        view.resize(1920, 1080);
        view.show();
        scene.showState(sim.model(), sim.state(), nullptr, false);
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int wideColumns = scene.layout().columns;
        const double fit = view.transform().m11();
        // Presenter zoom never crops the scene: it still fits, with no scroll bars.
        view.setZoom(2.0);
        QCOMPARE(view.transform().m11(), fit);
        QVERIFY(view.viewport()->rect().contains(view.mapFromScene(scene.sceneRect()).boundingRect()));
        QVERIFY(!view.horizontalScrollBar()->isVisible());
        view.setZoom(1.0);
        QCOMPARE(view.transform().m11(), fit);
        // A portrait window gets a narrower page grid; the snapshot is redrawn on the new layout.
        view.resize(700, 1200);
        QTRY_VERIFY(scene.layout().columns < wideColumns);
        for (int p = 0; p < 16; ++p)
            QCOMPARE(scene.attribution(p).attributed, int(sim.state().pages[p].dRef));
    }

    void unexplainedReferenceIsDrawn()
    {
        // A state the model never produces: page_count one higher than its holders explain.
        core::Model model(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        core::State state = model.initialState();
        state.pages[0].dRef = 3;
        scenes::RaceScene scene;
        scene.showState(model, state, nullptr, false);
        QVERIFY(!scene.attribution(0).balanced);
        int unknown = 0;
        for (QGraphicsItem* item : scene.items()) {
            if (auto* token = qgraphicsitem_cast<scenes::TokenItem*>(item))
                unknown += token->token().kind == scenes::RefKind::Unknown;
        }
        QCOMPARE(unknown, 1);
    }

    // The page card and token tooltips and the screen-reader text say what the final check expects
    // under the release shown: every count they state is that release's, for every preset and
    // every check policy (the old tooltip said "2, any other holder fails it" everywhere).
    void noTextStatesAnotherReleasesCount()
    {
        const QRegularExpression stated(QStringLiteral("(?:expects|expected|drops to)[^.\\d]*(\\d+)"));
        const std::vector<core::CheckPolicy> checks {core::CheckPolicy::Strict, core::CheckPolicy::SkipDevicePrivate,
            core::CheckPolicy::CountWaiters, core::CheckPolicy::DrainRefs};
        int texts = 0;
        for (const core::Preset& preset : core::presets()) {
            for (core::CheckPolicy check : checks) {
                core::Settings settings = preset.settings;
                settings.check = check;
                core::Simulator sim(scenes::test::twoFaults(), settings);
                const int expected = core::expectedKernelCountAtCheck(settings);
                scenes::RaceScene scene;
                core::RandomScheduler random(7);
                for (int i = 0; i < 14 && sim.status() == core::Outcome::Running; ++i) {
                    scene.showState(sim.model(), sim.state(), lastStep(sim), false);
                    QStringList shown {scenes::describeState(sim.model(), sim.state())};
                    for (QGraphicsItem* item : scene.items())
                        shown << item->toolTip();
                    for (const QString& text : shown) {
                        auto it = stated.globalMatch(text);
                        while (it.hasNext()) {
                            const auto match = it.next();
                            ++texts;
                            const int waiters = sim.model().expectedCountAtCheck(sim.state(), 0)
                                - core::expectedStoredCountAtCheck(settings);
                            const int count = match.captured(1).toInt();
                            QVERIFY2(count == expected || count == expected + waiters,
                                qPrintable(QStringLiteral("%1, check %2: \"%3\" states %4, the release expects %5")
                                               .arg(QString::fromUtf8(preset.name.data(), preset.name.size()))
                                               .arg(int(check))
                                               .arg(text)
                                               .arg(count)
                                               .arg(expected)));
                        }
                    }
                    (void)sim.step(random.pick(sim.model().enabledMask(sim.state())));
                }
                const QString card = scenes::pageCardToolTip(settings, 0);
                if (check != core::CheckPolicy::SkipDevicePrivate)
                    QVERIFY2(card.contains(QString::number(expected)), qPrintable(card));
            }
        }
        QVERIFY(texts > 100);
    }

    void tokensDoNotLeak()
    {
        // Random animated runs: once settled, the scene holds exactly the attributed tokens.
        core::Simulator sim(core::makeNFaults(3, 2), scenes::test::preset("v5.11"));
        core::RandomScheduler random(99);
        scenes::RaceScene scene;
        scene.showState(sim.model(), sim.state(), nullptr, false);
        for (int i = 0; i < 200 && sim.status() == core::Outcome::Running; ++i) {
            (void)sim.step(random.pick(sim.model().enabledMask(sim.state())));
            scene.showState(sim.model(), sim.state(), &sim.history().back(), true);
        }
        scene.showState(sim.model(), sim.state(), nullptr, false);
        int tokens = 0;
        for (QGraphicsItem* item : scene.items())
            tokens += qgraphicsitem_cast<scenes::TokenItem*>(item) != nullptr;
        int expected = 0;
        for (int p = 0; p < 2; ++p)
            expected += int(sim.state().pages[p].dRef);
        QCOMPARE(tokens, expected);
    }

    void sixteenThreadsOnSixteenPagesDoNotOverlap()
    {
        // The largest scenario, in a crowded state: T15 holds a fault reference, T16 fails the
        // final check and restores D0 still locked, and every other thread takes a fault and a
        // collect reference (v6.1 with collect_busy=keep-and-retry): page_count(D0) = 34.
        core::Settings settings = scenes::test::preset("v6.1");
        settings.collectBusy = core::CollectBusy::KeepAndRetry;
        core::Simulator sim(core::makeNFaults(16, 16), settings);
        std::vector<int> schedule = {14, 14, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 14, 14};
        for (int t = 0; t < 14; ++t)
            schedule.insert(schedule.end(), {t, t, t, t});
        QVERIFY(sim.replay(schedule).ok());
        QCOMPARE(int(sim.state().pages[0].dRef), 34);
        scenes::RaceScene scene;
        scene.setViewportSize(QSizeF(1920, 1080));
        scene.showState(sim.model(), sim.state(), lastStep(sim), false);

        QList<QRectF> blocks; // lanes, PTEs, D cards, S cards: each stands apart from the others
        QList<QRectF> cards;
        QList<QRectF> tokens;
        for (QGraphicsItem* item : scene.items()) {
            switch (item->type()) {
            case scenes::LaneItem::Type:
            case scenes::PteItem::Type:
            case scenes::SystemPageItem::Type:
                blocks.append(item->sceneBoundingRect());
                break;
            case scenes::PageCardItem::Type:
                blocks.append(item->sceneBoundingRect());
                cards.append(item->sceneBoundingRect());
                break;
            case scenes::TokenItem::Type:
                tokens.append(item->sceneBoundingRect());
                break;
            default:
                break;
            }
        }
        QCOMPARE(blocks.size(), 16 + 3 * 16);
        // v6.1 counts from zero (no ZONE_DEVICE base token): D0's 33, each other page's mapping.
        QCOMPARE(int(scene.attribution(0).tokens.size()), 33);
        QCOMPARE(tokens.size(), 33 + 15);
        const auto apart = [](const QRectF& a, const QRectF& b) {
            return !a.adjusted(0.5, 0.5, -0.5, -0.5).intersects(b.adjusted(0.5, 0.5, -0.5, -0.5));
        };
        for (int i = 0; i < blocks.size(); ++i) {
            QVERIFY(scene.sceneRect().contains(blocks[i]));
            for (int j = i + 1; j < blocks.size(); ++j)
                QVERIFY2(apart(blocks[i], blocks[j]), qPrintable(QStringLiteral("blocks %1 and %2").arg(i).arg(j)));
        }
        for (int i = 0; i < tokens.size(); ++i) {
            QVERIFY(std::any_of(cards.begin(), cards.end(),
                [&](const QRectF& card) { return card.adjusted(-0.5, -0.5, 0.5, 0.5).contains(tokens[i]); }));
            for (int j = i + 1; j < tokens.size(); ++j)
                QVERIFY2(apart(tokens[i], tokens[j]), qPrintable(QStringLiteral("tokens %1 and %2").arg(i).arg(j)));
        }
        const QImage image = scenes::renderToImage(&scene, QSize(1920, 1080));
        QVERIFY(distinctColours(image) > 20);
    }

    void exportsSvg()
    {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11-patched"));
        QVERIFY(sim.replay(scenes::test::documentedSchedule()).ok());
        scenes::RaceScene scene;
        scene.showState(sim.model(), sim.state(), lastStep(sim), false);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scene.svg"));
        QVERIFY(scenes::saveSvg(&scene, path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.size() > 5000);
        // Vectors and text even after the screen has filled the item caches.
        QVERIFY(!svg.contains("<image"));
        QVERIFY(svg.contains(">struct page D0<"));
    }

    void exportsDrawVectorsAndTheScreenKeepsItsCaches()
    {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        replay(sim, 11);
        scenes::RaceScene scene;
        scenes::RaceView view(&scene);
        view.resize(1280, 800);
        scene.showState(sim.model(), sim.state(), lastStep(sim), false);
        QImage screen(QSize(1280, 800), QImage::Format_ARGB32_Premultiplied);
        static_cast<QWidget&>(view).render(&screen); // fills the caches
        auto cachedItems = [&] {
            return std::count_if(scene.items().cbegin(), scene.items().cend(),
                [](const QGraphicsItem* item) { return item->cacheMode() == QGraphicsItem::DeviceCoordinateCache; });
        };
        const auto cached = cachedItems();
        QVERIFY(cached > 5);
        const QByteArray svg = scenes::svgDocument(&scene);
        QVERIFY(!svg.contains("<image"));
        QVERIFY(svg.contains(">page_count<"));
        QCOMPARE(cachedItems(), cached);
    }

    void phoneViewportLaysOutInPortrait()
    {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        replay(sim, 11);
        scenes::RaceScene scene;
        scene.setViewportSize(QSizeF(390, 844));
        scene.showState(sim.model(), sim.state(), lastStep(sim), false);
        QVERIFY(scene.layout().portrait);
        QVERIFY(scene.sceneRect().height() > 2 * scene.sceneRect().width());
        // Every item inside the (narrow) scene.
        for (const QGraphicsItem* item : scene.items())
            QVERIFY(scene.sceneRect().adjusted(-1, -1, 1, 1).contains(item->sceneBoundingRect()));
        const QByteArray svg = scenes::svgDocument(&scene);
        QVERIFY(!svg.contains("<image"));
        QVERIFY(svg.contains(">MIGR(D0)<"));
        // Back to a desktop size: the landscape grid again.
        scene.setViewportSize(QSizeF(1280, 720));
        QVERIFY(!scene.layout().portrait);
        QVERIFY(scene.sceneRect().width() > scene.sceneRect().height());
    }
};

QTEST_MAIN(TestRaceScene)
#include "tst_race_scene.moc"
