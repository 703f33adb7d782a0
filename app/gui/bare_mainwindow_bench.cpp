// SPDX-License-Identifier: MIT
// The yardstick for --quit-after-first-frame: an empty QMainWindow, built with the same flags and
// the same probe as migration-sandbox, so the two numbers compare (docs/architecture.md §5).
#include "app/gui/first_frame_probe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

#include <cstdio>

int main(int argc, char** argv)
{
    QElapsedTimer started;
    started.start();
    QApplication app(argc, argv);
    const bool quit = QCoreApplication::arguments().contains(QStringLiteral("--quit-after-first-frame"));
    QMainWindow window;
    window.resize(1280, 800);
    // --with-text: one label, so the font database and text shaping (which the bare window never
    // touches) are paid too; separates "a window with text" from "our window".
    if (QCoreApplication::arguments().contains(QStringLiteral("--with-text")))
        window.setCentralWidget(new QLabel(QStringLiteral("Migration Sandbox"), &window));
    msb::app::FirstFramePrinter probe(&window, started);
    QObject::connect(&probe, &msb::app::FirstFramePrinter::firstFramePainted, &app, [quit](qint64 ms) {
        std::printf("%lld\n", static_cast<long long>(ms));
        std::fflush(stdout);
        if (quit)
            QCoreApplication::quit();
    });
    window.show();
    return QApplication::exec();
}
