// SPDX-License-Identifier: MIT
// The main window's File menu: open a scenario or recording, save the recording, export it as a
// handout, video or frames, save the chart on screen, quit. Each action asks for a path and
// reports a failure in a message box; the work itself is the controller's or the exporter's.
#pragma once

#include "core/result.h"

#include <QString>

class QWidget;

namespace msb::core {
struct Recording;
}

namespace msb::app {

class MainWindow;

/*! Adds the File menu to window's menu bar. */
void addFileMenu(MainWindow& window);

/*! Asks for a path and saves the recording there; false if cancelled or failed (reported). */
bool saveRecordingInteractively(MainWindow& window);

/*! Writes recording in format (pdf, mp4, gif, svg or png) to path; while it runs, a progress
    dialog over progressParent if that is visible. */
core::Result<void> exportRecordingTo(
    const core::Recording& recording, const QString& path, const QString& format, QWidget* progressParent);

} // namespace msb::app
