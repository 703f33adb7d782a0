// SPDX-License-Identifier: MIT
// The whole command line of migration-sandbox, read by one QCommandLineParser: the window's
// options (app_options.h), the classroom's (classroom_options.h), the headless export
// (export/export_command.h) and the session restore choice.
//
// It needs no QCoreApplication, so --help and --version answer before the GUI platform is
// opened (no display needed).
#pragma once

#include "app/gui/app_options.h"
#include "app/gui/classroom_options.h"
#include "app/gui/export/export_command.h"

#include <QString>
#include <QStringList>

namespace msb::app {

struct CommandLine
{
    enum class Mode {
        Window,  // open the main window
        Export,  // --export: write the recording, no window
        Help,    // print text and exit 0
        Version, // print text and exit 0
    };
    Mode mode = Mode::Window;
    AppOptions app;
    ClassroomOptions classroom;
    ExportOptions exportOptions;
    QString text;  // Help and Version: what to print
    QString error; // non-empty: bad input, exit code 2
};

/*! arguments[0] is the program. Qt's own options (-platform, -style) must have been removed
    (QApplication does it) unless the result is only used for Help and Version. */
CommandLine parseCommandLine(const QStringList& arguments);

/*! Whether arguments (after the program) hold an option in Qt's single-dash form (-platform,
    -style): QApplication removes those, so a mistake on such a line is only certain after it. */
bool hasSingleDashOption(const QStringList& arguments);

} // namespace msb::app
