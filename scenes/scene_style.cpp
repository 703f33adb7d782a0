// SPDX-License-Identifier: MIT
#include "scenes/scene_style.h"

#include <algorithm>
#include <cmath>

namespace msb::scenes {

QFont SceneStyle::font(double relative, bool bold) const
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(fontPx * relative))));
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting); // scaled by the view: keep glyph shapes
    return f;
}

} // namespace msb::scenes
