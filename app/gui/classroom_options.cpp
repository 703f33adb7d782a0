// SPDX-License-Identifier: MIT
#include "app/gui/classroom_options.h"

#include "app/gui/classroom_bridge.h"
#include "app/gui/classroom_dialog.h"
#include "app/gui/classroom_integration.h"
#include "app/gui/lesson_panel.h"
#include "app/gui/main_window.h"
#include "core/lesson.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

namespace msb::app {

ParsedClassroomOptions takeClassroomOptions(QStringList& arguments)
{
    ParsedClassroomOptions out;
    ClassroomOptions& o = out.options;
    QString host;
    QString follow;
    bool hostSet = false;
    QStringList rest;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString arg = arguments[i];
        if (i == 0 || !arg.startsWith(QLatin1String("--"))) {
            rest << arg;
            continue;
        }
        if (arg == QLatin1String("--presenter")) {
            o.presenter = true;
            continue;
        }
        const int eq = arg.indexOf(QLatin1Char('='));
        const QString name = eq < 0 ? arg.mid(2) : arg.mid(2, eq - 2);
        QString* target = name == QLatin1String("lesson") ? &o.lesson
            : name == QLatin1String("host")               ? &host
            : name == QLatin1String("follow")             ? &follow
            : name == QLatin1String("code")               ? &o.code
                                                          : nullptr;
        if (!target) {
            rest << arg;
            continue;
        }
        if (eq >= 0) {
            *target = arg.mid(eq + 1);
        } else if (i + 1 < arguments.size()) {
            *target = arguments[++i];
        } else {
            out.error = QStringLiteral("--%1: missing value").arg(name);
            return out;
        }
        hostSet = hostSet || target == &host;
    }
    arguments = rest;

    if (hostSet) {
        QString address = o.hostAddress;
        QString port = host;
        if (host.contains(QLatin1Char(':'))) {
            address = splitHostPort(host).first;
            port = host.mid(host.lastIndexOf(QLatin1Char(':')) + 1);
        }
        bool ok = false;
        const uint value = port.toUInt(&ok);
        if (!ok || value > 65535 || address.isEmpty()) {
            out.error = QStringLiteral("--host: expected [ADDRESS:]PORT, got \"%1\"").arg(host);
            return out;
        }
        o.hostAddress = address;
        o.hostPort = static_cast<quint16>(value);
    }
    if (!follow.isEmpty()) {
        const auto [h, p] = splitHostPort(follow);
        if (h.isEmpty() || p == 0) {
            out.error = QStringLiteral("--follow: expected HOST:PORT, got \"%1\"").arg(follow);
            return out;
        }
        o.followHost = h;
        o.followPort = p;
        if (o.code.trimmed().isEmpty()) {
            out.error = QStringLiteral("--follow needs --code (the join code on the teacher's screen)");
            return out;
        }
    }
    if (hostSet && !o.followHost.isEmpty())
        out.error = QStringLiteral("--host and --follow exclude each other");
    if (o.presenter && o.lesson.isEmpty())
        out.error = QStringLiteral("--presenter needs --lesson");
    return out;
}

QString applyClassroomOptions(MainWindow& window, const ClassroomOptions& options)
{
    if (options.lesson.isEmpty() && !options.hostPort && options.followHost.isEmpty())
        return {};
    const ClassroomAndLessons parts = installClassroomAndLessons(window);
    if (!options.lesson.isEmpty()) {
        const bool builtin = std::find(core::builtinLessonNames().begin(), core::builtinLessonNames().end(),
                                 options.lesson.toStdString())
            != core::builtinLessonNames().end();
        if (builtin) {
            if (const QString error = parts.lessons->openBuiltin(options.lesson); !error.isEmpty())
                return error;
        } else if (QFileInfo::exists(options.lesson)) {
            auto lesson = core::loadLessonFile(options.lesson.toStdString());
            if (!lesson.ok())
                return QString::fromStdString(lesson.error().toString());
            parts.lessons->openLesson(lesson.value());
        } else {
            QStringList names;
            for (const auto& name : core::builtinLessonNames())
                names << QString::fromStdString(name);
            return QStringLiteral("--lesson: \"%1\" is neither a built-in lesson (%2) nor a file")
                .arg(options.lesson, names.join(QStringLiteral(", ")));
        }
        parts.lessonDock->show();
        if (options.presenter)
            parts.presenterAction->setChecked(true);
    }
    if (options.hostPort) {
        const QString error = parts.bridge->startHosting(options.hostAddress, *options.hostPort, options.code);
        if (!error.isEmpty())
            return QStringLiteral("--host: %1").arg(error);
        std::printf("hosting on %s:%u code %s\n", qPrintable(options.hostAddress), unsigned(parts.bridge->port()),
            qPrintable(parts.bridge->code()));
        std::fflush(stdout);
    }
    if (!options.followHost.isEmpty()) {
        QObject::connect(
            parts.bridge, &ClassroomBridge::connectionFailed, &window, [](const QString& message, bool persistent) {
                if (persistent)
                    std::fprintf(stderr, "migration-sandbox: %s\n", qPrintable(message));
            });
        parts.bridge->join(options.followHost, options.followPort, options.code);
    }
    return {};
}

QString classroomOptionsHelp()
{
    return QStringLiteral("Classroom:\n"
                          "  --lesson <name|file>       Open a lesson (built-in: %1).\n"
                          "  --presenter                Presenter mode for the lesson.\n"
                          "  --host <[address:]port>    Host a class (loopback unless an address is given).\n"
                          "  --follow <host:port>       Join a class; needs --code.\n"
                          "  --code <code>              The join code (hosting: empty for a random one).")
        .arg([] {
            QStringList names;
            for (const auto& name : core::builtinLessonNames())
                names << QString::fromStdString(name);
            return names.join(QStringLiteral(", "));
        }());
}

} // namespace msb::app
