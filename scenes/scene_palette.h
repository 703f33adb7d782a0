// SPDX-License-Identifier: MIT
// The scene's colours. Neutrals derive from the widget QPalette so the scene sits in the window's
// theme; accents are one fixed set, so a reference kind keeps its colour across themes.
#pragma once

#include "core/state.h"
#include "scenes/ref_attribution.h"

#include <QColor>
#include <QPalette>

#include <array>

namespace msb::scenes {

/*! Colours: neutrals derive from the QPalette, accents are one fixed set (lightened on dark). */
struct ScenePalette
{
    bool dark = false;
    bool outlined = false; // every chip gets a border (the high-contrast scheme)
    QColor background, surface, surfaceRaised, text, mutedText, border, highlight, highlightText;
    QColor pageBand, deviceBand, systemBand;
    QColor pass, fail, warning;
    std::array<QColor, 7> refColors; // indexed by RefKind
    QColor devPriv, migr, present;

    static ScenePalette fromPalette(const QPalette& palette);
    /*! Black, white and yellow, independent of the widget palette. */
    static ScenePalette highContrast();
    /*! The reference kinds' accents as drawn on a light background, indexed by RefKind. */
    static std::array<QColor, 7> referenceAccents();
    QColor refColor(RefKind kind) const { return refColors[static_cast<int>(kind)]; }
    QColor roleColor(Role role) const;
    QColor pteColor(core::Pte pte) const;
    /*! Black or white, whichever reads better on `fill`. */
    static QColor onColor(const QColor& fill);
};

} // namespace msb::scenes
