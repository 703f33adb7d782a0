// SPDX-License-Identifier: MIT
// The main window's View menu: zoom, theme, reduced motion, and the tabs under the scene by
// keyboard (Ctrl+1 to Ctrl+4).
#pragma once

namespace msb::app {

class MainWindow;

/*! Adds the View menu to window's menu bar. */
void addViewMenu(MainWindow& window);

} // namespace msb::app
