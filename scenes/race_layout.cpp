// SPDX-License-Identifier: MIT
#include "scenes/race_layout.h"

#include <algorithm>
#include <cmath>

namespace msb::scenes {

namespace {

// Every size below is in units of the base font size, so the two modes are one design at two
// densities (normal: up to 4 threads x 4 pages, compact: the rest, up to 16 x 16).
constexpr int kLanesPerColumn = 8;

struct Metrics
{
    double font;
    double margin, legendH, laneW, laneH, laneGap, avatar, chipW, chipH;
    double cardW, gutter, colGap, pteH, pteGap, headerH, bodyH, refW, flagsH, queueH, queueLabelW, sGap, sH, rowGap;
    double strip, poolW;
    QSizeF token;
};

Metrics metricsFor(bool compact)
{
    if (!compact)
        return {14, 20, 30, 340, 112, 12, 44, 112, 30, 380, 22, 24, 50, 44, 30, 92, 100, 28, 52, 92, 40, 74, 28, 30,
            136, QSizeF(80, 26)};
    return {11, 14, 24, 250, 70, 8, 30, 74, 24, 214, 16, 14, 34, 32, 22, 64, 62, 20, 36, 0, 30, 50, 20, 24, 110,
        QSizeF(44, 19)};
}

double cardHeight(const Metrics& m)
{
    const double pad = m.font * 0.5;
    return pad + m.headerH + m.bodyH + pad / 2 + m.flagsH + pad / 2 + m.queueH + pad;
}

LaneGeometry laneAt(const Metrics& m, double x, double y)
{
    LaneGeometry lane;
    lane.rect = QRectF(x, y, m.laneW, m.laneH);
    const double pad = m.font * 0.6;
    lane.avatar = QRectF(lane.rect.left() + pad, y + pad, m.avatar, m.avatar);
    const double textX = lane.avatar.right() + pad;
    lane.stepChip = QRectF(lane.rect.right() - pad - m.chipW, y + pad, m.chipW, m.chipH);
    lane.name = QRectF(textX, y + pad, lane.stepChip.left() - pad - textX, m.chipH);
    const double reasonTop = std::max(lane.name.bottom(), lane.avatar.bottom() - m.font) + pad * 0.5;
    // The trail's line takes the bottom of the lane, under the avatar too: it is the widest row.
    const double trailH = m.font * 1.35;
    lane.trail = QRectF(lane.avatar.left(), lane.rect.bottom() - pad * 0.5 - trailH,
        lane.rect.right() - pad - lane.avatar.left(), trailH);
    lane.reason = QRectF(textX, reasonTop, lane.rect.right() - pad - textX, lane.trail.top() - reasonTop);
    return lane;
}

/// One page's PTE, D card and S card with (x, y) the PTE's top-left; rowH includes m.rowGap.
PageGeometry pageAt(const Metrics& m, double x, double y, double rowH, double badgeShare)
{
    const double dH = cardHeight(m);
    const double pad = m.font * 0.5;
    PageGeometry g;
    g.unit = QRectF(x, y, m.cardW + m.gutter, rowH - m.rowGap);
    g.pte = QRectF(x, y, m.cardW, m.pteH);
    g.dCard = QRectF(x, g.pte.bottom() + m.pteGap, m.cardW, dH);
    g.dHeader = QRectF(x + pad, g.dCard.top() + pad, m.cardW - 2 * pad, m.headerH);
    g.refcount = QRectF(x + pad, g.dHeader.bottom(), m.refW, m.bodyH * 0.68);
    g.expected = QRectF(x + pad, g.refcount.bottom(), m.refW, m.bodyH * 0.32);
    g.tokens = QRectF(g.refcount.right() + pad, g.dHeader.bottom() + pad * 0.3,
        g.dCard.right() - pad - g.refcount.right() - pad, m.bodyH - pad * 0.6);
    g.flags = QRectF(x + pad, g.expected.bottom() + pad / 2, m.cardW - 2 * pad, m.flagsH);
    const double badgeW = m.cardW * badgeShare;
    g.lockBadge = QRectF(g.flags.right() - badgeW, g.flags.top() + 1, badgeW, m.flagsH - 2);
    g.waitQueue = QRectF(x + pad, g.flags.bottom() + pad / 2, m.cardW - 2 * pad, m.queueH);
    g.sCard = QRectF(x, g.dCard.bottom() + m.sGap, m.cardW, m.sH);
    g.arrowGutterX = x + m.cardW + m.gutter * 0.55;
    return g;
}

RaceLayout build(int threads, int pages, int columns, bool compact)
{
    const Metrics m = metricsFor(compact);
    RaceLayout layout;
    layout.compact = compact;
    layout.columns = columns;
    layout.rows = (pages + columns - 1) / columns;
    layout.fontPx = m.font;
    layout.tokenSize = m.token;
    layout.avatarSize = QSizeF(m.avatar, m.avatar);

    const double top = m.margin + m.legendH + m.margin * 0.8;
    layout.legend = QRectF(m.margin, m.margin, 0, m.legendH); // width set below

    // Lanes: one column on the left, two from kLanesPerColumn + 1 threads (T1.. down the first,
    // the rest down the second), so 16 threads stand as tall as 8 and the scene keeps its scale.
    const int laneColumns = threads > kLanesPerColumn ? 2 : 1;
    const int lanesPerColumn = (threads + laneColumns - 1) / laneColumns;
    for (int t = 0; t < threads; ++t) {
        const double x = m.margin + (t / lanesPerColumn) * (m.laneW + m.laneGap);
        const double y = top + (t % lanesPerColumn) * (m.laneH + m.laneGap);
        layout.lanes.push_back(laneAt(m, x, y));
    }
    double lanesBottom = top;
    for (const LaneGeometry& lane : layout.lanes)
        lanesBottom = std::max(lanesBottom, lane.rect.bottom());

    // Pages: a grid right of the lanes; a label strip on the left of each band names it.
    const double x0 = m.margin + laneColumns * m.laneW + (laneColumns - 1) * m.laneGap + m.margin * 1.2;
    const double cardsX = x0 + m.strip + m.font * 0.6;
    const double unitW = m.cardW + m.gutter + m.colGap;
    const double dH = cardHeight(m);
    const double rowH = m.pteH + m.pteGap + dH + m.sGap + m.sH + m.rowGap;
    const double gridRight = cardsX + columns * unitW - m.colGap;
    const double bandRight = gridRight + m.colGap + m.poolW + m.font * 0.6;
    const double pad = m.font * 0.5;
    for (int p = 0; p < pages; ++p) {
        const int row = p / columns;
        const int col = p % columns;
        const double x = cardsX + col * unitW;
        const double y = top + row * rowH;
        const PageGeometry g = pageAt(m, x, y, rowH, compact ? 0.36 : 0.34);
        layout.pages.push_back(g);
        if (col == 0) {
            layout.pageBands.emplace_back(x0, y - pad, bandRight - x0, m.pteH + 2 * pad);
            layout.deviceBands.emplace_back(x0, g.dCard.top() - pad * 1.4, bandRight - x0, dH + 2.8 * pad);
            layout.systemBands.emplace_back(x0, g.sCard.top() - pad * 1.4, bandRight - x0, m.sH + 2.8 * pad);
        }
    }
    const PageGeometry& first = layout.pages.front();
    layout.pool = QRectF(gridRight + m.colGap, first.dCard.top(), m.poolW, dH);

    const double right = bandRight + m.margin;
    const double bottom = std::max(lanesBottom, layout.systemBands.back().bottom()) + m.margin;
    layout.legend.setWidth(right - 2 * m.margin - m.font * 9);
    layout.ptlChip = QRectF(right - m.margin - m.font * 8.5, m.margin, m.font * 8.5, m.legendH);
    layout.sceneRect = QRectF(0, 0, right, bottom);
    return layout;
}

// Portrait (a phone): one column, lanes on top, then each page's PTE, D and S, then the driver
// pool. Sizes are the landscape design's with narrower cards, so that the scene (~299 units
// normal, ~210 compact) shown 360 px wide (a 390 px phone less up to 15 px of page padding per
// side) draws the PTE text and page_count(D) at >= 16 px.

Metrics portraitMetricsFor(bool compact)
{
    // laneW and poolW follow from the card width (set in buildPortrait); colGap is unused.
    if (!compact)
        return {14, 6, 30, 0, 112, 10, 44, 100, 30, 252, 10, 0, 50, 44, 30, 92, 71, 28, 52, 92, 40, 74, 24, 14 * 1.8, 0,
            QSizeF(74, 26)};
    return {11, 6, 24, 0, 76, 6, 30, 70, 24, 168, 10, 0, 34, 32, 22, 84, 50, 20, 36, 0, 30, 50, 18, 11 * 1.8, 0,
        QSizeF(44, 19)};
}

RaceLayout buildPortrait(int threads, int pages, bool compact)
{
    Metrics m = portraitMetricsFor(compact);
    const double x0 = m.margin; // bands' left edge; their label strip, then the cards
    const double cardsX = x0 + m.strip;
    const double width = cardsX + m.cardW + m.gutter + m.margin;
    const double inner = width - 2 * m.margin;
    m.laneW = inner;
    m.poolW = m.cardW;

    RaceLayout layout;
    layout.portrait = true;
    layout.compact = compact;
    layout.columns = 1;
    layout.rows = pages;
    layout.fontPx = m.font;
    layout.tokenSize = m.token;
    layout.avatarSize = QSizeF(m.avatar, m.avatar);

    // The legend wraps over the whole width; the PTL chip (and alerts) get the row under it.
    layout.legendRows = 3;
    layout.legend = QRectF(m.margin, m.margin, inner, m.legendH * layout.legendRows);
    const double ptlW = m.font * 8.5;
    layout.ptlChip = QRectF(width - m.margin - ptlW, layout.legend.bottom() + m.margin * 0.5, ptlW, m.legendH);
    double y = layout.ptlChip.bottom() + m.margin;
    for (int t = 0; t < threads; ++t) {
        layout.lanes.push_back(laneAt(m, m.margin, y));
        y += m.laneH + m.laneGap;
    }
    y += m.margin;

    const double dH = cardHeight(m);
    const double rowH = m.pteH + m.pteGap + dH + m.sGap + m.sH + m.rowGap;
    const double pad = m.font * 0.5;
    for (int p = 0; p < pages; ++p) {
        const double top = y + pad + p * rowH;
        // The narrow card gives the PG_locked badge a larger share, so "PG_locked T1" fits.
        const PageGeometry g = pageAt(m, cardsX, top, rowH, 0.5);
        layout.pages.push_back(g);
        layout.pageBands.emplace_back(x0, top - pad, inner, m.pteH + 2 * pad);
        layout.deviceBands.emplace_back(x0, g.dCard.top() - pad * 1.4, inner, dH + 2.8 * pad);
        layout.systemBands.emplace_back(x0, g.sCard.top() - pad * 1.4, inner, m.sH + 2.8 * pad);
    }
    // The driver pool in a device band of its own, under the last page.
    const double poolTop = layout.systemBands.back().bottom() + m.rowGap;
    const double poolH = m.font * 7.5;
    layout.deviceBands.emplace_back(x0, poolTop, inner, poolH + 2.8 * pad);
    layout.pool = QRectF(cardsX, poolTop + pad * 1.4, m.poolW, poolH);
    layout.sceneRect = QRectF(0, 0, width, layout.deviceBands.back().bottom() + m.margin);
    return layout;
}

} // namespace

bool isPortraitViewport(QSizeF viewport)
{
    return viewport.width() <= kPortraitMaxWidth && viewport.height() >= 1.4 * viewport.width();
}

double RaceLayout::fitScale(QSizeF viewport) const
{
    if (sceneRect.isEmpty() || viewport.isEmpty())
        return 1.0;
    return std::min(viewport.width() / sceneRect.width(), viewport.height() / sceneRect.height());
}

QRectF RaceLayout::waitSlot(int page, int slot) const
{
    const QRectF& q = pages[page].waitQueue;
    const double labelW = compact ? 0 : fontPx * 6.4;
    const double gap = avatarSize.width() * 0.15;
    const double step = avatarSize.width() + gap;
    const double available = q.width() - labelW;
    const int fit = std::max(1, static_cast<int>((available + gap) / step));
    // Crowded queues overlap their avatars rather than leave the card.
    const double dx = slot < fit ? step : (available - avatarSize.width()) / std::max(1, slot);
    const double x = q.left() + labelW + std::min(slot * step, slot * dx);
    return QRectF(x, q.center().y() - avatarSize.height() / 2, avatarSize.width(), avatarSize.height());
}

QRectF RaceLayout::tokenRect(int page, int index, int count) const
{
    const QRectF& area = pages[page].tokens;
    const double gap = fontPx * 0.35;
    double w = tokenSize.width();
    double h = tokenSize.height();
    int rows = std::max(1, static_cast<int>((area.height() + gap) / (h + gap)));
    int cols = std::max(1, static_cast<int>((area.width() + gap) / (w + gap)));
    if (count > rows * cols) {
        // Crowded (16 threads can hold 34 references to one page): more rows of flatter tokens
        // first, down to 60% of the height, then narrower ones, so the letters stay readable.
        const int maxRows = std::max(rows, static_cast<int>((area.height() + gap) / (h * 0.6 + gap)));
        rows = std::min(maxRows, (count + cols - 1) / cols);
        h = std::min(h, (area.height() - (rows - 1) * gap) / rows);
        if (count > rows * cols) {
            cols = (count + rows - 1) / rows;
            w = (area.width() - (cols - 1) * gap) / cols;
        }
    }
    const int r = index / cols;
    const int c = index % cols;
    return QRectF(area.left() + c * (w + gap), area.top() + r * (h + gap), w, h);
}

RaceLayout computeLayout(int threads, int pages, QSizeF viewport)
{
    threads = std::clamp(threads, 1, core::kMaxThreads);
    pages = std::clamp(pages, 1, core::kMaxPages);
    const bool compact = threads > 4 || pages > 4;
    if (isPortraitViewport(viewport))
        return buildPortrait(threads, pages, compact);
    RaceLayout best;
    double bestScale = -1;
    for (int columns = 1; columns <= pages; ++columns) {
        const int rows = (pages + columns - 1) / columns;
        if (columns > 1 && (pages + columns - 2) / (columns - 1) == rows)
            continue; // same rows with fewer columns: keep the narrower grid
        RaceLayout candidate = build(threads, pages, columns, compact);
        const double scale = candidate.fitScale(viewport);
        if (scale > bestScale + 1e-9) {
            bestScale = scale;
            best = std::move(candidate);
        }
    }
    return best;
}

} // namespace msb::scenes
