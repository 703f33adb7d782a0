// SPDX-License-Identifier: MIT
#include "app/gui/classroom_options.h"

#include "app/gui/classroom_bridge.h"
#include "app/gui/classroom_dialog.h"
#include "app/gui/classroom_integration.h"
#include "app/gui/gui_error.h"
#include "app/gui/lesson_panel.h"
#include "app/gui/main_window.h"
#include "core/lesson.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

namespace msb::app {

core::Result<void> applyClassroomOptions(MainWindow& window, const ClassroomOptions& options)
{
    if (options.lesson.isEmpty() && !options.hostPort && options.followHost.isEmpty())
        return {};
    const ClassroomAndLessons parts = installClassroomAndLessons(window);
    if (!options.lesson.isEmpty()) {
        const bool builtin = std::find(core::builtinLessonNames().begin(), core::builtinLessonNames().end(),
                                 options.lesson.toStdString())
            != core::builtinLessonNames().end();
        if (builtin) {
            if (auto opened = parts.lessons->openBuiltin(options.lesson); !opened)
                return opened;
        } else if (QFileInfo::exists(options.lesson)) {
            auto lesson = core::loadLessonFile(options.lesson.toStdString());
            if (!lesson.ok())
                return lesson.error();
            parts.lessons->openLesson(lesson.value());
        } else {
            QStringList names;
            for (const auto& name : core::builtinLessonNames())
                names << QString::fromStdString(name);
            return guiError(QStringLiteral("--lesson: \"%1\" is neither a built-in lesson (%2) nor a file")
                                .arg(options.lesson, names.join(QStringLiteral(", "))));
        }
        parts.lessonDock->show();
        if (options.presenter)
            parts.presenterAction->setChecked(true);
    }
    if (options.hostPort) {
        const auto hosting = parts.bridge->startHosting(options.hostAddress, *options.hostPort, options.code);
        if (!hosting)
            return guiError(QStringLiteral("--host: %1").arg(errorText(hosting.error())));
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

} // namespace msb::app
