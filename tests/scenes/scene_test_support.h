// SPDX-License-Identifier: MIT
// Palettes shared by the scene tests, the screenshot tool and the benchmark, and the shared
// fixtures under the names they use.
#pragma once

#include "support/fixtures.h"

#include <QColor>
#include <QPalette>

namespace msb::scenes::test {

// The scenarios and presets every test directory uses (tests/support).
using msb::testing::faultVsHolder;
using msb::testing::preset;
using msb::testing::twoFaults;
using msb::testing::twoFaultsAndHolder;

/// The documented livelock round on two-faults (0-based threads).
inline std::vector<int> documentedSchedule()
{
    return msb::testing::schedule(msb::testing::kLivelockRound);
}

inline QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::WindowText, QColor(0x1d, 0x20, 0x24));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Text, QColor(0x1d, 0x20, 0x24));
    p.setColor(QPalette::Highlight, QColor(0x1a, 0x5f, 0xb4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

inline QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x1e, 0x20, 0x24));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Base, QColor(0x2a, 0x2d, 0x32));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Highlight, QColor(0x4a, 0x90, 0xe2));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

} // namespace msb::scenes::test
