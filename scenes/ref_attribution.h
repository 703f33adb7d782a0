// SPDX-License-Identifier: MIT
// Who holds each reference to a device-private page D<i>, and what role a thread plays: derived
// from a core State alone, so the scene never keeps its own bookkeeping of the race.
#pragma once

#include "core/model.h"
#include "core/state.h"

#include <QString>

#include <vector>

namespace msb::scenes {

enum class RefKind : unsigned char {
    Base,    // ZONE_DEVICE base reference: 1 for every live device page up to v5.17 (K1)
    Mapping, // the PTE's reference, while mapped (mapcount 1), until collect's put_page (M4)
    Collect, // taken by the migrator at M1, dropped at M8s.3 / M8f.3 / M5f.3 / M2-give
    Waiter,  // a migration-entry waiter's get_page (W1 .. W4)
    Holder,  // H's genuine reference (H2, H3)
    Fault,   // do_swap_page's fault reference from v6.1 (F1 .. F3, K14)
    Unknown, // attribution does not add up to page_count(D): drawn as "?"
};

struct RefToken
{
    RefKind kind = RefKind::Base;
    int thread = -1; // -1 for Base, Mapping, Unknown
    int index = 0;   // tells apart several Unknown tokens
    friend bool operator==(const RefToken&, const RefToken&) = default;
};

/*! The references to D<page>, in drawing order. When they do not sum to pages[page].dRef, the
    difference is made up with Unknown tokens (or, if too many were attributed, `balanced` is false). */
struct Attribution
{
    std::vector<RefToken> tokens;
    int attributed = 0; // tokens that are not Unknown
    bool balanced = true;
};
Attribution attributeReferences(const core::Model& model, const core::State& state, int page);

/*! True when the thread, at its pc, holds the collect reference on its current page. */
bool holdsCollectReference(core::Pc pc);

enum class Role : unsigned char { Cpu, Migrator, Waiter, Holder, Done, Sigbus };
Role roleOf(core::Pc pc);
QString roleLetter(Role role); // "CPU", "M", "W", "H", "done", "SIGBUS"
QString roleTitle(Role role);  // "migrator", ...
QString refKindName(RefKind kind);
/*! One letter per kind ("B", "M", "C", "W", "H", "F", "?"): tokens and legend carry it, so
    telling kinds apart never depends on colour vision. */
QString refKindLetter(RefKind kind);
/*! One sentence for a token's tooltip: who took the reference, where, and where it goes, as the
    release of these settings does it. */
QString refKindExplanation(RefKind kind, const core::Settings& settings);

} // namespace msb::scenes
