// SPDX-License-Identifier: MIT
#include "scenes/scene_palette.h"

#include "scenes/scene_painting.h"

namespace msb::scenes {

ScenePalette ScenePalette::fromPalette(const QPalette& palette)
{
    ScenePalette s;
    s.background = palette.color(QPalette::Window);
    s.dark = s.background.lightnessF() < 0.45;
    s.text = palette.color(QPalette::WindowText);
    s.surface = palette.color(QPalette::Base);
    s.surfaceRaised = mix(s.surface, s.text, s.dark ? 0.06 : 0.025);
    s.mutedText = mix(s.text, s.background, 0.38);
    s.border = mix(s.text, s.background, 0.62);
    s.highlight = palette.color(QPalette::Highlight);
    s.highlightText = palette.color(QPalette::HighlightedText);
    // Fixed accents: one hue per reference kind, the same in every theme; on dark backgrounds
    // they are lifted so they keep their contrast against the surface.
    const std::array<QColor, 7> accents {QColor(0x60, 0x70, 0x86), QColor(0x1f, 0x6f, 0xd1), QColor(0xc8, 0x5a, 0x00),
        QColor(0x8e, 0x44, 0xc4), QColor(0x1e, 0x8a, 0x4c), QColor(0x00, 0x83, 0x8f), QColor(0xd0, 0x1f, 0x32)};
    for (size_t i = 0; i < accents.size(); ++i)
        s.refColors[i] = s.dark ? accents[i].lighter(118) : accents[i];
    s.pass = s.dark ? QColor(0x3c, 0xb3, 0x6e) : QColor(0x1e, 0x8a, 0x4c);
    s.fail = s.dark ? QColor(0xf0, 0x55, 0x5f) : QColor(0xc6, 0x1a, 0x2b);
    s.warning = s.dark ? QColor(0xf2, 0xb1, 0x3d) : QColor(0x9a, 0x5b, 0x00);
    s.pageBand = mix(s.background, QColor(0x80, 0x80, 0x80), s.dark ? 0.10 : 0.07);
    s.deviceBand = mix(s.background, QColor(0x3a, 0x7b, 0xd5), s.dark ? 0.16 : 0.09);
    s.systemBand = mix(s.background, QColor(0x2e, 0x9e, 0x5b), s.dark ? 0.14 : 0.08);
    s.devPriv = s.refColors[static_cast<int>(RefKind::Mapping)];
    s.migr = s.dark ? QColor(0xe8, 0x9a, 0x2c) : QColor(0xb0, 0x62, 0x00);
    s.present = s.pass;
    return s;
}

QColor ScenePalette::roleColor(Role role) const
{
    switch (role) {
    case Role::Migrator:
        return refColor(RefKind::Collect);
    case Role::Waiter:
        return refColor(RefKind::Waiter);
    case Role::Holder:
        return refColor(RefKind::Holder);
    case Role::Sigbus:
        return fail;
    case Role::Cpu:
        return refColor(RefKind::Base);
    case Role::Done:
        return border;
    }
    return border;
}

QColor ScenePalette::pteColor(core::Pte pte) const
{
    switch (pte) {
    case core::Pte::DevPriv:
        return devPriv;
    case core::Pte::Migr:
        return migr;
    case core::Pte::Present:
        return present;
    }
    return border;
}

QColor ScenePalette::onColor(const QColor& fill)
{
    // Relative luminance threshold: white text on the saturated accents, black on light fills.
    const double l = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return l > 0.55 ? QColor(0x11, 0x11, 0x11) : QColor(Qt::white);
}

} // namespace msb::scenes
