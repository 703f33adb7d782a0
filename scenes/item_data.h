// SPDX-License-Identifier: MIT
// From a core snapshot to the plain data each scene item draws. Pure functions of the model and
// the state: the scene keeps only item lifetimes and animation, and these can be read (and
// tested) without a scene.
#pragma once

#include "core/model.h"
#include "core/simulator.h"
#include "core/state.h"
#include "scenes/backdrop_item.h"
#include "scenes/lane_item.h"
#include "scenes/page_card_item.h"
#include "scenes/race_layout.h"
#include "scenes/ref_attribution.h"
#include "scenes/system_page_item.h"

#include <QString>

#include <string_view>

namespace msb::scenes {

QString qs(std::string_view text);
QString threadName(const core::Model& model, int thread);
/*! A token's label: its kind, and the holder's name when a thread holds it. */
QString tokenLabel(const RefToken& token, const QString& holderName, bool compact);

BackdropItem::Data backdropData(const core::Model& model, const core::State& state, const RaceLayout& layout);
/*! Everything but lastActor and highlighted, which the scene knows. */
LaneItem::Data laneData(
    const core::Model& model, const core::State& state, int thread, const LaneGeometry& geometry, bool compact);
PageCardItem::Data pageCardData(const core::Model& model, const core::State& state, int page,
    const PageGeometry& geometry, const Attribution& attribution, const core::StepRecord* last);
SystemPageItem::Data systemPageData(const core::State& state, int page, const PageGeometry& geometry, bool onPage);

} // namespace msb::scenes
