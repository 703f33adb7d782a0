// SPDX-License-Identifier: MIT
// The window's command-line options (docs/architecture.md §4; read by command_line.h) and how they set up
// a main window.
#pragma once

#include "core/result.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace msb::app {

class MainWindow;

struct AppOptions
{
    QString file;            // scenario file, recording (*.msrec.json) or built-in name; empty: two-faults
    QString preset;          // empty: the scenario's or recording's settings (v5.11 by default)
    QStringList assignments; // --set (alias --param) key=value: knobs and scenario parameters
    QString screenshot;
    bool quitAfterFirstFrame = false;
    QSize size {1280, 800};
    std::optional<QString> schedule; // "1,1,2" (1-based thread numbers) or "T1,T1,T2"
    int position = -1;               // -1: the end of the schedule
    bool explore = false;
    QString find;            // --find EXPR: find a state where it holds and load it (the Explore tab's Find)
    int frameStatsSteps = 0; // --frame-stats N: play N steps animated, print frame times, exit
    QString theme;           // "", "light", "dark", "high-contrast"
    QString language;        // --lang de: the UI language; empty: the system locale
    double zoom = 1.0;
    QString tab;         // --tab code|history|explore|charts: the panel tab raised under the scene
    QStringList compare; // --compare A,B: open "Compare two kernels" on presets A and B and run it
    QStringList watches; // --watch EXPR: History watch expressions
    // What to do with the session a crashed or killed run left behind (ask: a dialog).
    enum class Restore { Ask, Restore, Discard } restore = Restore::Ask;
};

/*! Loads the file, applies preset/settings, replays the schedule and moves to the position.
    An error for bad input (the caller exits with code 2). */
core::Result<void> applyAppOptions(MainWindow& window, const AppOptions& options);

} // namespace msb::app
