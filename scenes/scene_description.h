// SPDX-License-Identifier: MIT
// The scene's essential state in words, for people who cannot see it: a screen reader reads it
// from the view's accessible description. One line per thread and per page.
#pragma once

#include "core/model.h"
#include "core/state.h"

#include <QString>

#include <vector>

namespace msb::scenes {

struct Attribution;

/*! Where each thread is and what it can do next; per page its PTE, page_count(D), the count the
    check expects, the PG_locked owner, waiters and S; then the PTL owner and the safety flags. */
QString describeState(const core::Model& model, const core::State& state);
/*! The same with each page's references already attributed (attributions[p] for page p), so a
    scene that drew them does not attribute them again. */
QString describeState(const core::Model& model, const core::State& state, const std::vector<Attribution>& attributions);

/*! The page card's tooltip: what struct page D<page> is and what the final check does with its
    count under these settings (core::finalCheckText), never a count that holds for some releases only. */
QString pageCardToolTip(const core::Settings& settings, int page);

} // namespace msb::scenes
