// SPDX-License-Identifier: MIT
// Lesson mode and the classroom in a MainWindow with one call: the Lessons and Classroom menus,
// the lesson dock, the "Following teacher at HOST:PORT" bar and the read-only lock of the step
// controls while a student is attached.
#pragma once

#include <QString>

class QAction;
class QDockWidget;
class QLabel;
class QToolBar;

namespace msb::app {

class ClassroomBridge;
class LessonPanel;
class MainWindow;

struct ClassroomAndLessons
{
    ClassroomBridge* bridge = nullptr;
    LessonPanel* lessons = nullptr;
    QDockWidget* lessonDock = nullptr;
    QToolBar* followBar = nullptr;
    QLabel* followLabel = nullptr;
    QAction* presenterAction = nullptr;
    QAction* detachAction = nullptr;
    QAction* reattachAction = nullptr;
};

/*! Installs everything once per window (children of it) and hands the parts to the window
    (MainWindow::setClassroom); a second call returns the same parts. */
ClassroomAndLessons installClassroomAndLessons(MainWindow& window);

/*! The parts installed in window (MainWindow::classroom()), or all null. */
ClassroomAndLessons classroomAndLessons(const MainWindow& window);

/*! Whether the window's step controls are locked (a student attached to a teacher). */
bool stepControlsLocked(const MainWindow& window);

} // namespace msb::app
