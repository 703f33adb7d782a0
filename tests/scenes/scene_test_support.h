// SPDX-License-Identifier: MIT
// Scenarios and palettes shared by the scene tests, the screenshot tool and the benchmark.
#pragma once

#include "core/scenario.h"
#include "core/settings.h"

#include <QColor>
#include <QPalette>

namespace msb::scenes::test {

/// two-faults as DESIGN.md §2 defines it: T1 and T2 fault on one page.
inline core::Scenario twoFaults()
{
    core::Scenario scenario = core::makeNFaults(2, 1);
    scenario.name = "two-faults";
    return scenario;
}

/// fault-vs-holder: T1 faults while H holds a genuine reference to the same page.
inline core::Scenario faultVsHolder()
{
    core::Scenario scenario;
    scenario.name = "fault-vs-holder";
    scenario.pages = 1;
    scenario.threads = {{"T1", core::ThreadKind::Fault, {0}}, {"H", core::ThreadKind::Holder, {0}}};
    return scenario;
}

/// Two faults and a holder on one page: every reference kind can appear at once.
inline core::Scenario twoFaultsAndHolder()
{
    core::Scenario scenario = twoFaults();
    scenario.name = "two-faults-holder";
    scenario.threads.push_back({"H", core::ThreadKind::Holder, {0}});
    return scenario;
}

/// The documented livelock round on two-faults (0-based threads).
inline std::vector<int> documentedSchedule()
{
    return {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1};
}

inline core::Settings preset(const char* name)
{
    return core::findPreset(name)->settings;
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
