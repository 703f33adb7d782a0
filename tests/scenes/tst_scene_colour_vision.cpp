// SPDX-License-Identifier: MIT
// The reference tokens and the check outcome stay apart for the common colour-vision
// deficiencies: the scene is rendered, the token fills are read back from the pixels, and every
// pair is compared under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009,
// severity 1.0) with CIEDE2000.
//
// Threshold: 10 ΔE00. One ΔE00 is about a just-noticeable difference for large patches side by
// side; Szafir ("Modeling Color Difference for Visualization Design", IEEE VIS 2018) measured
// that small marks such as our token pills need several times that to be told apart reliably,
// and a pair at 10 reads as "different colours", not "the same colour, slightly off". Colour is
// never the only cue (tokens and legend carry the kind's letter or word), so 10 is enough.
#include "colour_difference.h"
#include "core/simulator.h"
#include "scene_test_support.h"
#include "scenes/item_data.h"
#include "scenes/race_scene.h"

#include <QHash>
#include <QImage>
#include <QPainter>
#include <QTest>

#include <map>

using namespace msb;
using scenes::test::Vision;

namespace {

constexpr double kMinDeltaE00 = 10.0;

const std::array<std::pair<Vision, const char*>, 4> kVisions {{{Vision::Normal, "normal"},
    {Vision::Protanopia, "protanopia"}, {Vision::Deuteranopia, "deuteranopia"}, {Vision::Tritanopia, "tritanopia"}}};

struct Worst
{
    double deltaE = 1e9;
    QString pair;
};

Worst worstPair(const std::vector<std::pair<QString, QColor>>& colours, Vision vision)
{
    Worst worst;
    for (size_t i = 0; i < colours.size(); ++i) {
        for (size_t j = i + 1; j < colours.size(); ++j) {
            const double d = scenes::test::perceivedDifference(colours[i].second, colours[j].second, vision);
            if (d < worst.deltaE)
                worst = {d, colours[i].first + QStringLiteral(" / ") + colours[j].first};
        }
    }
    return worst;
}

void requireApart(const std::vector<std::pair<QString, QColor>>& colours, const char* what)
{
    for (const auto& [vision, name] : kVisions) {
        const Worst worst = worstPair(colours, vision);
        qInfo("%s, %s: min ΔE00 %.1f (%s)", what, name, worst.deltaE, qPrintable(worst.pair));
        QVERIFY2(worst.deltaE >= kMinDeltaE00,
            qPrintable(QStringLiteral("%1 under %2: %3 only %4 apart")
                           .arg(QString::fromLatin1(what), QString::fromLatin1(name), worst.pair)
                           .arg(worst.deltaE, 0, 'f', 1)));
    }
}

/// The scene drawn 1:1 in scene coordinates, so an item's sceneBoundingRect is its pixel rect.
QImage renderOneToOne(scenes::RaceScene& scene)
{
    const QRectF rect = scene.sceneRect();
    QImage image(rect.size().toSize(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    scene.render(&painter, QRectF(QPointF(0, 0), rect.size()), rect);
    return image;
}

/// The colour covering most of the rect: a token's fill (its label covers less than the fill).
QColor dominantColour(const QImage& image, const QRect& rect)
{
    QHash<QRgb, int> counts;
    const QRect area = rect.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            ++counts[image.pixel(x, y)];
    }
    QRgb best = 0;
    int bestCount = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount)
            std::tie(best, bestCount) = std::pair(it.key(), it.value());
    }
    return QColor::fromRgb(best);
}

QPalette themePalette(const QString& theme)
{
    return theme == QLatin1String("light") ? scenes::test::lightPalette() : scenes::test::darkPalette();
}

} // namespace

class TestSceneColourVision : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void differenceFormulaMatchesPublishedData()
    {
        // Sharma, Wu & Dalal (2005), test pairs 1, 7, 17 and 25.
        using scenes::test::deltaE2000;
        QVERIFY(std::abs(deltaE2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}) - 2.0425) < 1e-4);
        QVERIFY(std::abs(deltaE2000({50, 0, 0}, {50, -1, 2}) - 2.3669) < 1e-4);
        QVERIFY(std::abs(deltaE2000({50, 2.5, 0}, {73, 25, -18}) - 27.1492) < 1e-4);
        QVERIFY(std::abs(deltaE2000({60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}) - 1.2644) < 1e-4);
    }

    void simulationMergesWhatDichromatsConfuse()
    {
        // Red and green that differ by far for normal vision, nearly merge for a deuteranope;
        // blue and green stay apart for them but merge under tritanopia.
        const QColor red(0xd0, 0x60, 0x30), green(0x80, 0x88, 0x30);
        QVERIFY(scenes::test::perceivedDifference(red, green, Vision::Normal) > 20);
        QVERIFY(scenes::test::perceivedDifference(red, green, Vision::Deuteranopia) < kMinDeltaE00);
        // The palette this scene had before it was checked: mapping blue and waiter purple merge.
        QVERIFY(
            scenes::test::perceivedDifference(QColor(0x1f, 0x6f, 0xd1), QColor(0x8e, 0x44, 0xc4), Vision::Deuteranopia)
            < kMinDeltaE00);
    }

    void referenceKindsApartInEveryTheme_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::newRow("light") << QStringLiteral("light");
        QTest::newRow("dark") << QStringLiteral("dark");
        QTest::newRow("high-contrast") << QStringLiteral("high-contrast");
    }
    void referenceKindsApartInEveryTheme()
    {
        // Every kind drawn by the scene's own token item, read back from the rendered pixels.
        QFETCH(QString, theme);
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        scenes::RaceScene scene;
        scene.setPalette(themePalette(theme));
        scene.setHighContrast(theme == QLatin1String("high-contrast"));
        scene.showState(sim.model(), sim.state(), nullptr, false);
        std::vector<std::pair<QString, QColor>> drawn;
        const QSizeF size(scene.layout().fontPx * 6, scene.layout().fontPx * 1.6);
        for (int k = 0; k <= static_cast<int>(scenes::RefKind::Unknown); ++k) {
            const auto kind = static_cast<scenes::RefKind>(k);
            auto* token = new scenes::TokenItem(
                &scene.style(), {kind, kind == scenes::RefKind::Base ? -1 : 0, 0}, scenes::refKindLetter(kind));
            token->setSize(size);
            token->setPos(scene.sceneRect().left() + 10 + k * (size.width() + 10), scene.sceneRect().top() + 4);
            token->setZValue(100);
            scene.addItem(token);
        }
        const QImage image = renderOneToOne(scene);
        for (QGraphicsItem* item : scene.items()) {
            auto* token = qgraphicsitem_cast<scenes::TokenItem*>(item);
            if (!token || token->zValue() < 100)
                continue;
            const QRect rect = token->sceneBoundingRect().translated(-scene.sceneRect().topLeft()).toRect();
            const QColor fill = dominantColour(image, rect.adjusted(6, 4, -6, -4));
            // The read-back is the palette's colour, so the test measures what the scene draws.
            QCOMPARE(fill.rgb(), scene.scenePalette().refColor(token->token().kind).rgb());
            drawn.emplace_back(scenes::refKindName(token->token().kind), fill);
        }
        QCOMPARE(drawn.size(), size_t(7));
        requireApart(drawn, qPrintable(QStringLiteral("reference kinds, %1").arg(theme)));
    }

    void tokensOfARealStateApart()
    {
        // base, collect, waiter and holder at once, as the scene lays them out.
        core::Simulator sim(scenes::test::twoFaultsAndHolder(), scenes::test::preset("v5.11"));
        QVERIFY(sim.replay({2, 0, 0, 0, 0, 0, 1, 1}).ok());
        scenes::RaceScene scene;
        scene.setPalette(scenes::test::lightPalette());
        scene.showState(sim.model(), sim.state(), &sim.history().back(), false);
        const QImage image = renderOneToOne(scene);
        std::map<scenes::RefKind, QColor> byKind;
        for (QGraphicsItem* item : scene.items()) {
            if (auto* token = qgraphicsitem_cast<scenes::TokenItem*>(item)) {
                const QRect rect = token->sceneBoundingRect().translated(-scene.sceneRect().topLeft()).toRect();
                byKind[token->token().kind] = dominantColour(image, rect.adjusted(6, 4, -6, -4));
            }
        }
        QCOMPARE(byKind.size(), size_t(4));
        std::vector<std::pair<QString, QColor>> drawn;
        for (const auto& [kind, colour] : byKind)
            drawn.emplace_back(scenes::refKindName(kind), colour);
        requireApart(drawn, "tokens of two-faults-holder");
    }

    void outcomesApartInEveryTheme()
    {
        for (const QString& theme :
            {QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("high-contrast")}) {
            scenes::RaceScene scene;
            scene.setPalette(themePalette(theme));
            scene.setHighContrast(theme == QLatin1String("high-contrast"));
            const scenes::ScenePalette& pal = scene.scenePalette();
            requireApart({{QStringLiteral("pass"), pal.pass}, {QStringLiteral("fail"), pal.fail}},
                qPrintable(QStringLiteral("check outcome, %1").arg(theme)));
        }
    }

    void compactTokensCarryTheKindLetter()
    {
        for (const auto kind :
            {scenes::RefKind::Collect, scenes::RefKind::Waiter, scenes::RefKind::Holder, scenes::RefKind::Fault}) {
            const QString label = scenes::tokenLabel({kind, 0, 0}, QStringLiteral("T1"), true);
            QVERIFY2(label.startsWith(scenes::refKindLetter(kind)), qPrintable(label));
            QVERIFY(label.endsWith(QLatin1String("T1")));
        }
        // Two kinds held by the same thread never share a compact label.
        QVERIFY(scenes::tokenLabel({scenes::RefKind::Collect, 0, 0}, QStringLiteral("T1"), true)
            != scenes::tokenLabel({scenes::RefKind::Fault, 0, 0}, QStringLiteral("T1"), true));
    }
};

QTEST_MAIN(TestSceneColourVision)
#include "tst_scene_colour_vision.moc"
