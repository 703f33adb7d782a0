// SPDX-License-Identifier: MIT
// Layout math of the race scene, without a window (docs/architecture.md §6).
#include "scenes/race_layout.h"

#include <QTest>

#include <vector>

using msb::scenes::computeLayout;
using msb::scenes::RaceLayout;

namespace {

// Rects that merely touch do not overlap; a 0.5 unit tolerance absorbs rounding.
bool overlaps(const QRectF& a, const QRectF& b)
{
    return a.adjusted(0.25, 0.25, -0.25, -0.25).intersects(b.adjusted(0.25, 0.25, -0.25, -0.25));
}

bool inside(const QRectF& inner, const QRectF& outer)
{
    return outer.adjusted(-0.5, -0.5, 0.5, 0.5).contains(inner);
}

QString describe(const char* what, const QRectF& a, const QRectF& b)
{
    return QStringLiteral("%1: (%2,%3 %4x%5) vs (%6,%7 %8x%9)")
        .arg(QString::fromLatin1(what))
        .arg(a.x())
        .arg(a.y())
        .arg(a.width())
        .arg(a.height())
        .arg(b.x())
        .arg(b.y())
        .arg(b.width())
        .arg(b.height());
}

} // namespace

// QVERIFY2 builds its message even when the check passes; 16 x 16 layouts make that the cost of
// the whole test, so the message is only built on failure.
#define VERIFY_OR(condition, message)                                                                                  \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            QFAIL(qPrintable(message));                                                                                \
    } while (false)

class TestRaceLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noOverlaps_data()
    {
        QTest::addColumn<QSizeF>("viewport");
        QTest::newRow("1280x800") << QSizeF(1280, 800);
        QTest::newRow("1920x1080") << QSizeF(1920, 1080);
        QTest::newRow("portrait 800x1200") << QSizeF(800, 1200);
        QTest::newRow("phone 390x844") << QSizeF(390, 844);
    }

    void noOverlaps()
    {
        QFETCH(QSizeF, viewport);
        for (int threads = 1; threads <= msb::core::kMaxThreads; ++threads) {
            for (int pages = 1; pages <= msb::core::kMaxPages; ++pages) {
                const RaceLayout l = computeLayout(threads, pages, viewport);
                const QString where = QStringLiteral("%1 threads x %2 pages: ").arg(threads).arg(pages);
                QCOMPARE(static_cast<int>(l.lanes.size()), threads);
                QCOMPARE(static_cast<int>(l.pages.size()), pages);
                VERIFY_OR(l.columns * l.rows >= pages && (l.rows - 1) * l.columns < pages, where);

                // Everything a page or a lane draws, each with the rects that must stay apart.
                std::vector<std::pair<const char*, QRectF>> blocks;
                for (const auto& lane : l.lanes) {
                    blocks.emplace_back("lane", lane.rect);
                    const QRectF parts[] = {lane.avatar, lane.name, lane.stepChip, lane.reason};
                    for (const QRectF& part : parts)
                        VERIFY_OR(inside(part, lane.rect), where + describe("lane part", part, lane.rect));
                    for (int i = 0; i < 4; ++i) {
                        for (int j = i + 1; j < 4; ++j)
                            VERIFY_OR(
                                !overlaps(parts[i], parts[j]), where + describe("lane parts", parts[i], parts[j]));
                    }
                    VERIFY_OR(lane.reason.height() >= l.fontPx, where + QStringLiteral("reason too short"));
                }
                for (size_t p = 0; p < l.pages.size(); ++p) {
                    const auto& g = l.pages[p];
                    blocks.emplace_back("pte", g.pte);
                    blocks.emplace_back("D card", g.dCard);
                    blocks.emplace_back("S card", g.sCard);
                    const QRectF parts[] = {g.dHeader, g.refcount, g.expected, g.tokens, g.flags, g.waitQueue};
                    for (const QRectF& part : parts)
                        VERIFY_OR(inside(part, g.dCard), where + describe("card part", part, g.dCard));
                    for (int i = 0; i < 6; ++i) {
                        for (int j = i + 1; j < 6; ++j)
                            VERIFY_OR(
                                !overlaps(parts[i], parts[j]), where + describe("card parts", parts[i], parts[j]));
                    }
                    QVERIFY(inside(g.lockBadge, g.flags));
                    // The PTE -> S arrow runs in the gutter, right of D and of S's right edge.
                    QVERIFY(g.arrowGutterX > g.dCard.right() && g.arrowGutterX > g.sCard.right());
                    // Tokens: up to base + mapping + a fault and a collect reference per thread
                    // (the model's bound); base + mapping + collect + every thread waiting +
                    // holder stay at least 1.5 letters wide, the rarest crowds one letter.
                    // Every card has the same geometry: the first and the last stand for all.
                    const bool sample = p == 0 || p + 1 == l.pages.size();
                    for (int count = 1; sample && count <= 2 + 2 * threads; ++count) {
                        QRectF previous;
                        for (int i = 0; i < count; ++i) {
                            const QRectF t = l.tokenRect(static_cast<int>(p), i, count);
                            VERIFY_OR(inside(t, g.tokens), where + describe("token", t, g.tokens));
                            VERIFY_OR(i == 0 || !overlaps(t, previous), where + describe("tokens", t, previous));
                            VERIFY_OR(t.width() >= l.fontPx * (count <= threads + 3 ? 1.5 : 1.0),
                                where + QStringLiteral("%1 tokens %2 wide").arg(count).arg(t.width()));
                            QVERIFY(t.height() >= l.tokenSize.height() * 0.6 - 1e-9);
                            previous = t;
                        }
                    }
                    for (int slot = 0; slot < threads; ++slot) {
                        const QRectF s = l.waitSlot(static_cast<int>(p), slot);
                        VERIFY_OR(inside(s, g.waitQueue), where + describe("wait slot", s, g.waitQueue));
                    }
                }
                blocks.emplace_back("pool", l.pool);
                blocks.emplace_back("legend", l.legend);
                blocks.emplace_back("ptl", l.ptlChip);
                for (size_t i = 0; i < blocks.size(); ++i) {
                    VERIFY_OR(inside(blocks[i].second, l.sceneRect),
                        where + describe(blocks[i].first, blocks[i].second, l.sceneRect));
                    for (size_t j = i + 1; j < blocks.size(); ++j) {
                        VERIFY_OR(!overlaps(blocks[i].second, blocks[j].second),
                            where + describe(blocks[i].first, blocks[i].second, blocks[j].second));
                    }
                }
                // Bands sit side by side, never over each other.
                for (size_t r = 0; r < l.pageBands.size(); ++r) {
                    QVERIFY(!overlaps(l.pageBands[r], l.deviceBands[r]));
                    QVERIFY(!overlaps(l.deviceBands[r], l.systemBands[r]));
                }
                // The pool: right of the first row's cards, or (portrait) in a band of its own.
                QVERIFY(inside(l.pool, l.portrait ? l.deviceBands.back() : l.deviceBands[0]));
                if (l.portrait) {
                    // One column, top to bottom: no band over the next page's or the lanes.
                    std::vector<QRectF> stack;
                    for (size_t r = 0; r < l.pageBands.size(); ++r)
                        stack.insert(stack.end(), {l.pageBands[r], l.deviceBands[r], l.systemBands[r]});
                    stack.push_back(l.deviceBands.back());
                    for (size_t i = 0; i < stack.size(); ++i) {
                        VERIFY_OR(inside(stack[i], l.sceneRect), where + describe("band", stack[i], l.sceneRect));
                        VERIFY_OR(
                            stack[i].top() >= l.lanes.back().rect.bottom(), where + QStringLiteral("band over lanes"));
                        VERIFY_OR(i == 0 || stack[i].top() >= stack[i - 1].bottom() - 0.25,
                            where + describe("bands", stack[i], stack[i - 1]));
                    }
                }
            }
        }
    }

    void portraitOnPhones_data()
    {
        QTest::addColumn<QSizeF>("viewport");
        QTest::newRow("390x844") << QSizeF(390, 844);
        QTest::newRow("360x780") << QSizeF(360, 780);
        QTest::newRow("430x932") << QSizeF(430, 932);
    }

    void portraitOnPhones()
    {
        QFETCH(QSizeF, viewport);
        using namespace msb::scenes;
        for (int threads = 2; threads <= 8; ++threads) {
            for (int pages = 1; pages <= 4; ++pages) {
                const RaceLayout l = computeLayout(threads, pages, viewport);
                const QString where = QStringLiteral("%1 threads x %2 pages: ").arg(threads).arg(pages);
                VERIFY_OR(l.portrait && l.columns == 1, where + QStringLiteral("not portrait"));
                // A 390 CSS px phone shows the frame full width (and scrolls down it), less up to
                // 15 px of page padding on either side.
                const double cssPerUnit = 360.0 / l.sceneRect.width();
                const double pte = l.fontPx * pteTextRelative(l.compact) * cssPerUnit;
                const double count = l.fontPx * refcountRelative(l.compact) * cssPerUnit;
                VERIFY_OR(pte >= 16.0, where + QStringLiteral("PTE text %1 px").arg(pte));
                VERIFY_OR(count >= 16.0, where + QStringLiteral("page_count %1 px").arg(count));
                // Stacked: lanes above the pages, every page's PTE above its D above its S.
                for (int t = 1; t < threads; ++t)
                    QVERIFY(l.lanes[t].rect.top() >= l.lanes[t - 1].rect.bottom());
                for (int p = 0; p < pages; ++p) {
                    const PageGeometry& g = l.pages[p];
                    QVERIFY(g.pte.top() >= l.lanes.back().rect.bottom());
                    QVERIFY(g.pte.bottom() <= g.dCard.top() && g.dCard.bottom() <= g.sCard.top());
                    QVERIFY(p == 0 || g.pte.top() >= l.pages[p - 1].sCard.bottom());
                }
            }
        }
    }

    void landscapeStaysLandscape()
    {
        // Desktop windows, the exports' 1280x720 and a tall but wide window keep the grid layout.
        for (QSizeF size : {QSizeF(1280, 800), QSizeF(1280, 720), QSizeF(800, 1200), QSizeF(640, 480)})
            QVERIFY(!computeLayout(2, 1, size).portrait);
        QVERIFY(msb::scenes::isPortraitViewport(QSizeF(390, 844)));
    }

    void gridFollowsViewport()
    {
        // 16 pages on a wide screen wrap into several columns and fit better than one column.
        const RaceLayout wide = computeLayout(8, 16, QSizeF(1920, 1080));
        QVERIFY(wide.compact);
        QVERIFY(wide.columns > 1);
        QVERIFY(wide.rows > 1);
        const RaceLayout oneCol = computeLayout(8, 1, QSizeF(1920, 1080));
        QVERIFY(oneCol.columns == 1);
        const RaceLayout small = computeLayout(2, 1, QSizeF(1280, 800));
        QVERIFY(!small.compact);
    }

    void legibleOnSmallScenarios_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<QSizeF>("viewport");
        for (int threads : {2, 3}) {
            for (QSizeF size : {QSizeF(1280, 800), QSizeF(1920, 1080)})
                QTest::addRow("%dx1 at %gx%g", threads, size.width(), size.height()) << threads << size;
        }
    }

    void legibleOnSmallScenarios()
    {
        QFETCH(int, threads);
        QFETCH(QSizeF, viewport);
        const RaceLayout l = computeLayout(threads, 1, viewport);
        // The smallest text is 0.66 of the base size; at fit scale it must stay >= 11 px on screen.
        const double smallest = l.fontPx * 0.66 * l.fitScale(viewport);
        QVERIFY2(smallest >= 11.0, qPrintable(QString::number(smallest)));
        // And the scene uses the screen: at least 70% of one dimension.
        const QSizeF shown = l.sceneRect.size() * l.fitScale(viewport);
        QVERIFY(shown.width() >= 0.7 * viewport.width() || shown.height() >= 0.7 * viewport.height());
    }

    void largestScenarioStaysReadable()
    {
        const RaceLayout l = computeLayout(8, 16, QSizeF(1920, 1080));
        const double base = l.fontPx * l.fitScale(QSizeF(1920, 1080));
        QVERIFY2(base >= 7.0, qPrintable(QString::number(base)));
        // 16 threads stand in two lane columns, no taller than 8, at the same scale or better.
        const RaceLayout sixteen = computeLayout(16, 16, QSizeF(1920, 1080));
        QVERIFY(sixteen.lanes[8].rect.left() > sixteen.lanes[7].rect.right());
        QCOMPARE(sixteen.lanes[8].rect.top(), sixteen.lanes[0].rect.top());
        const double sixteenBase = sixteen.fontPx * sixteen.fitScale(QSizeF(1920, 1080));
        QVERIFY2(sixteenBase >= 7.0, qPrintable(QString::number(sixteenBase)));
    }
};

QTEST_GUILESS_MAIN(TestRaceLayout)
#include "tst_race_layout.moc"
