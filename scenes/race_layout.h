// SPDX-License-Identifier: MIT
// Where everything in the race scene goes: pure functions of (threads, pages, viewport), no items,
// no painting, so they are tested without a window (tests/scenes/tst_race_layout.cpp).
//
// Scene units are pixels at zoom 1 of a 1280x800-ish fit; the view scales the whole scene, so
// font sizes here are relative to `fontPx`, which presenter zoom multiplies with everything else.
//
//   [legend / PTL]
//   [lane T1]   | page    [X0 PTE]   [X1 PTE]  ...
//   [lane T2]   | table
//   ...         | device  [D0 card]  [D1 card] ... [driver pool]
//               | system  [S0 card]  [S1 card] ...
//
// Pages wrap into a grid whose column count is chosen so the scene best fills the viewport.
//
// A narrow, tall viewport (a phone; isPortraitViewport) gets the portrait layout instead: one
// column, [legend] [PTL] [lanes T1..Tn] then per page [X PTE] [D card] [S card], then the driver
// pool; narrow enough that shown 360 px wide (a 390 px phone, page padding aside) the PTE text and
// page_count(D) are >= 16 px.
#pragma once

#include "core/scenario.h"

#include <QRectF>
#include <QSizeF>

#include <vector>

namespace msb::scenes {

struct LaneGeometry
{
    QRectF rect;     // the whole lane
    QRectF avatar;   // the thread's avatar when it is not queued
    QRectF name;     // "T1" and its role
    QRectF stepChip; // the clickable "next step" chip
    QRectF reason;   // blocked reason / what it does next (wraps)
    QRectF trail;    // the thread's past steps, newest last (one line at the bottom)
};

struct PageGeometry
{
    QRectF unit;             // everything of one page (PTE + D + S)
    QRectF pte;              // the page table entry X<i>
    QRectF dCard;            // struct page D<i>
    QRectF dHeader;          // "struct page D0" + data version
    QRectF refcount;         // the large page_count(D)
    QRectF expected;         // expected count at the check, under the refcount
    QRectF tokens;           // where the reference tokens go
    QRectF flags;            // mapcount, PG_locked, PG_waiters
    QRectF lockBadge;        // PG_locked owner badge (inside flags, right)
    QRectF waitQueue;        // the page-lock wait queue row (avatars go in slots)
    QRectF sCard;            // system page S<i>
    double arrowGutterX = 0; // x of the PTE -> S arrow's vertical run (right of D)
};

struct RaceLayout
{
    bool portrait = false; // one column for a phone (isPortraitViewport)
    bool compact = false;
    int columns = 1; // page grid
    int rows = 1;
    double fontPx = 14; // base font size in scene units; every other size derives from it
    QSizeF tokenSize;
    QSizeF avatarSize;
    QRectF sceneRect;
    QRectF legend;
    int legendRows = 1; // portrait: the legend wraps onto rows of equal height
    QRectF ptlChip;
    std::vector<LaneGeometry> lanes;
    std::vector<PageGeometry> pages;
    QRectF pool;                     // driver pool (free D pages), in the first device band
    std::vector<QRectF> pageBands;   // per grid row: page table band
    std::vector<QRectF> deviceBands; // per grid row
    std::vector<QRectF> systemBands; // per grid row

    /*! Scale at which the scene fits the viewport (what the view applies at zoom 1). */
    double fitScale(QSizeF viewport) const;
    /*! Top-left of wait-queue slot `slot` of a page, for an avatar of avatarSize. */
    QRectF waitSlot(int page, int slot) const;
    /*! Token `index` of `count` in a page's token area (wraps; flatter, then narrower, when
        crowded). */
    QRectF tokenRect(int page, int index, int count) const;
};

/*! Viewports at most this wide (and 1.4 times as tall) get the portrait layout. */
constexpr double kPortraitMaxWidth = 600;
/*! A phone: at most kPortraitMaxWidth wide and at least 1.4 times as tall as wide (390x844). */
bool isPortraitViewport(QSizeF viewport);

/*! Relative font sizes (of fontPx) the PTE tag text and the large page_count(D) are drawn at. */
constexpr double pteTextRelative(bool compact)
{
    return compact ? 0.85 : 0.95;
}
constexpr double refcountRelative(bool compact)
{
    return compact ? 2.6 : 3.0;
}

/*! Precondition: 1 <= threads <= core::kMaxThreads, 1 <= pages <= core::kMaxPages, viewport
    non-empty. */
RaceLayout computeLayout(int threads, int pages, QSizeF viewport);

} // namespace msb::scenes
