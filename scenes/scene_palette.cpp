// SPDX-License-Identifier: MIT
#include "scenes/scene_palette.h"

#include "scenes/scene_painting.h"

namespace msb::scenes {

std::array<QColor, 7> ScenePalette::referenceAccents()
{
    return {
        QColor(0x5c, 0x59, 0x6a), // Base: slate
        QColor(0x17, 0x4e, 0xaa), // Mapping: blue
        QColor(0xfa, 0xb4, 0x1b), // Collect: amber
        QColor(0xa6, 0x8f, 0xa2), // Waiter: mauve
        QColor(0x00, 0x87, 0x56), // Holder: green
        QColor(0x45, 0xc3, 0xff), // Fault: sky blue
        QColor(0xd5, 0x25, 0x05), // Unknown: vermilion
    };
}

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
    // they are lifted so they keep their contrast against the surface. The set starts from
    // Okabe & Ito's colour-universal palette and was tuned so every pair stays apart under
    // simulated protanopia, deuteranopia and tritanopia (tst_scene_colour_vision checks it).
    s.refColors = referenceAccents();
    if (s.dark) {
        for (QColor& c : s.refColors)
            c = c.lighter(118);
    }
    // Pass is a bluish green, not a yellowish one, so that it stays apart from the red under
    // red-green deficiencies; the check chip says ✓ or ✗ as well.
    s.pass = s.dark ? QColor(0x2b, 0xb5, 0xa0) : QColor(0x00, 0x80, 0x6b);
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

ScenePalette ScenePalette::highContrast()
{
    // Black ground, white text and outlines, yellow for focus and emphasis: the classic
    // high-contrast scheme. Accents keep their hues (lifted as on dark) so the legend still
    // applies; every chip gets a white outline (drawChip), so no shape relies on its fill.
    ScenePalette s;
    s.dark = true;
    s.outlined = true;
    s.background = Qt::black;
    s.surface = Qt::black;
    s.surfaceRaised = QColor(0x1a, 0x1a, 0x1a);
    s.text = Qt::white;
    s.mutedText = QColor(0xe0, 0xe0, 0xe0);
    s.border = Qt::white;
    s.highlight = QColor(0xff, 0xeb, 0x00);
    s.highlightText = Qt::black;
    s.pageBand = QColor(0x14, 0x14, 0x14);
    s.deviceBand = QColor(0x00, 0x1c, 0x3d);
    s.systemBand = QColor(0x00, 0x2b, 0x16);
    s.refColors = referenceAccents();
    for (QColor& c : s.refColors)
        c = c.lighter(118);
    s.pass = QColor(0x2b, 0xb5, 0xa0);
    s.fail = QColor(0xff, 0x5c, 0x5c);
    s.warning = QColor(0xff, 0xeb, 0x00);
    s.devPriv = s.refColors[static_cast<int>(RefKind::Mapping)];
    s.migr = QColor(0xff, 0xa5, 0x1f);
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
