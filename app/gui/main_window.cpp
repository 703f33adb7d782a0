// SPDX-FileCopyrightText: Migration Sandbox authors
// SPDX-License-Identifier: MIT
#include "app/gui/main_window.h"

#include "scenes/race_scene.h"

#include <QLabel>

namespace msb::app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("Migration Sandbox"));
    auto* label = new QLabel(QStringLiteral("Migration Sandbox"), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    // Owned by the window; the real GUI will show it in a view.
    new scenes::RaceScene(this);
    resize(1024, 640);
}

} // namespace msb::app
