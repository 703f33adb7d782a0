// SPDX-FileCopyrightText: Migration Sandbox authors
// SPDX-License-Identifier: MIT
// Placeholder main window: proves the GUI build (msb_core + msb_scenes + Qt Widgets) links.
#pragma once

#include <QMainWindow>

namespace msb::app {

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace msb::app
