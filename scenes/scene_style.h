// SPDX-License-Identifier: MIT
// Everything an item needs to draw itself besides its data: colours, the font size the layout
// picked, and whether the layout is compact. The scene owns one; items keep a pointer to it.
#pragma once

#include "scenes/scene_palette.h"

#include <QFont>

namespace msb::scenes {

struct SceneStyle
{
    ScenePalette palette;
    double fontPx = 14;
    bool compact = false;
    QFont font(double relative, bool bold = false) const;
    /*! Corner radius of cards and chips: follows the font so the scene scales as one. */
    double radius() const { return fontPx * 0.45; }
    /*! A pen width: doubled in the high-contrast scheme, whose outlines must read at a glance. */
    double line(double width) const { return palette.outlined ? width * 2 : width; }
};

} // namespace msb::scenes
