// SPDX-FileCopyrightText: Migration Sandbox authors
// SPDX-License-Identifier: MIT
#include "app/gui/main_window.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Migration Sandbox"));
    QApplication::setApplicationVersion(QStringLiteral(MSB_VERSION));

    msb::app::MainWindow window;
    window.show();
    return QApplication::exec();
}
