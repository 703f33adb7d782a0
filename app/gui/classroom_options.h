// SPDX-License-Identifier: MIT
// The classroom's command-line options of migration-sandbox, kept apart from AppOptions:
//   --lesson NAME|FILE        open a lesson (a built-in name or a lesson file)
//   --presenter               presenter mode for the lesson
//   --host [ADDRESS:]PORT     host a class (loopback unless ADDRESS is given, e.g. 0.0.0.0:7331)
//   --follow HOST:PORT --code C   join a class
//   --host-bench N [--bench-pace MS --bench-cli PATH --bench-connect A --bench-followers-via CMD]
//                             the classroom bench against the app's own host
// They are read with the rest of the command line (command_line.h).
#pragma once

#include "app/gui/host_bench.h"
#include "core/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace msb::app {

class MainWindow;

struct ClassroomOptions
{
    QString lesson;
    bool presenter = false;
    QString hostAddress = QStringLiteral("127.0.0.1");
    std::optional<quint16> hostPort; // set: host a class on this port (0: any free port)
    QString followHost;              // non-empty: join the class at followHost:followPort
    quint16 followPort = 0;
    QString code;           // the code to host with (empty: random) or to join with
    HostBenchOptions bench; // --host-bench: followers > 0
};

/*! Installs the lessons and classroom in the window if needed, then opens the lesson, starts
    hosting (printing "hosting on ADDRESS:PORT code CODE" to stdout) or joins; an error for bad
    input (exit code 2). */
core::Result<void> applyClassroomOptions(MainWindow& window, const ClassroomOptions& options);

} // namespace msb::app
