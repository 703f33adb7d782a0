// SPDX-License-Identifier: MIT
#include "app/gui/classroom_integration.h"

#include "app/classroom/lesson_page_text.h"
#include "app/classroom/lesson_question.h"
#include "app/gui/classroom_bridge.h"
#include "app/gui/classroom_dialog.h"
#include "app/gui/gui_error.h"
#include "app/gui/lesson_language.h"
#include "app/gui/lesson_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/tally_panel.h"
#include "app/gui/translate.h"
#include "core/lesson.h"
#include "scenes/race_scene.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSaveFile>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>
#include <memory>

namespace msb::app {

namespace {

constexpr int kPresenterDockWidth = 480;

/// The window-side state of the integration, shared by the menus' and signals' handlers. The
/// window keeps the parts themselves (MainWindow::classroom()).
class ClassroomIntegration : public QObject
{
    // No Q_OBJECT (no signals of its own), but its own context for lupdate and tr().
    Q_DECLARE_TR_FUNCTIONS(msb::app::ClassroomIntegration)

public:
    explicit ClassroomIntegration(MainWindow& window)
        : QObject(&window)
        , m_window(window)
    {
    }

    MainWindow& m_window;
    ClassroomAndLessons parts;
    QPointer<ClassroomDialog> hostDialog;
    QPointer<ClassroomDialog> joinDialog;

    void refreshClassroom()
    {
        const auto mode = parts.bridge->mode();
        const bool following = mode == ClassroomBridge::Mode::Following;
        const bool attached = following && parts.bridge->isAttached();
        parts.followBar->setVisible(following);
        parts.detachAction->setEnabled(attached);
        parts.reattachAction->setEnabled(following && !attached);
        parts.followLabel->setText(attached
                ? tr("Following teacher at %1").arg(parts.bridge->teacherAddress())
                : tr("Exploring on your own (the teacher at %1 goes on; Re-attach to catch up)")
                      .arg(parts.bridge->teacherAddress()));
        // The banner's idle hint says the same as the bar, not "press a thread's Step button".
        m_window.setReadOnly(attached,
            tr("Following the teacher at %1 — detach to explore on your own").arg(parts.bridge->teacherAddress()));
    }
};

/*! The current lesson page's question, with the model's answer marked (lesson_question.h), to
    the students. */
void publishLessonQuestion(ClassroomBridge& bridge, const core::LessonRunner& runner)
{
    if (bridge.mode() != ClassroomBridge::Mode::Hosting)
        return;
    const auto question = classroom::lessonQuestion(runner, 0); // the bridge asks it at the current position
    if (!question)
        return;
    QStringList choices;
    for (const auto& choice : question->choices)
        choices << QString::fromStdString(choice);
    bridge.publishCheckpoint(QString::fromStdString(question->question), choices, question->answer);
}

} // namespace

ClassroomAndLessons classroomAndLessons(const MainWindow& window)
{
    return window.classroom();
}

bool stepControlsLocked(const MainWindow& window)
{
    return window.classroom().bridge && window.isReadOnly();
}

ClassroomAndLessons installClassroomAndLessons(MainWindow& window)
{
    if (window.classroom().bridge)
        return window.classroom();
    auto* integration = new ClassroomIntegration(window);
    ClassroomAndLessons& parts = integration->parts;
    SimulationController* controller = window.controller();
    MainWindow* w = &window;

    parts.bridge = new ClassroomBridge(window.gate(), &window);
    parts.lessons = new LessonPanel(controller);
    parts.lessons->setGate(window.gate());
    parts.lessonDock = new QDockWidget(tr("Lesson"), &window);
    parts.lessonDock->setObjectName(QStringLiteral("lessonDock"));
    parts.lessonDock->setWidget(parts.lessons);
    window.addDockWidget(Qt::RightDockWidgetArea, parts.lessonDock);
    parts.lessonDock->hide();

    // The student's bar: who we follow, and the way out and back.
    parts.followBar = new QToolBar(tr("Classroom"), &window);
    parts.followBar->setObjectName(QStringLiteral("followBar"));
    parts.followBar->setMovable(false);
    // Tooltip colours set the bar apart in every theme (pale yellow, grey on dark, black with a
    // yellow rule in high contrast); palette() is read when the sheet is polished, so a theme
    // change polishes it again.
    const QString followBarSheet =
        QStringLiteral("QToolBar { background: palette(tooltip-base); border-bottom: 2px solid palette(highlight); }"
                       " QLabel { color: palette(tooltip-text); font-weight: bold; padding: 2px 8px; }");
    parts.followBar->setStyleSheet(followBarSheet);
    QObject::connect(
        window.appearance(), &Appearance::paletteApplied, parts.followBar, [bar = parts.followBar, followBarSheet] {
            bar->setStyleSheet(QString());
            bar->setStyleSheet(followBarSheet);
        });
    parts.followLabel = new QLabel(parts.followBar);
    parts.followBar->addWidget(parts.followLabel);
    window.addToolBar(Qt::TopToolBarArea, parts.followBar);
    parts.followBar->hide();

    // --- Lessons menu ---
    auto* lessonsMenu = window.menuBar()->addMenu(tr("&Lessons"));
    const auto openLesson = [w, integration](const QString& name) {
        if (const auto opened = integration->parts.lessons->openBuiltin(name); !opened) {
            QMessageBox::warning(w, tr("Lesson"), errorText(opened.error()));
            return;
        }
        integration->parts.lessonDock->show();
        integration->parts.lessonDock->raise();
    };
    // The titles need the lessons parsed (and checked against the model): done when the menu first
    // opens, not while the window starts.
    auto listed = std::make_shared<bool>(false);
    QObject::connect(lessonsMenu, &QMenu::aboutToShow, &window, [lessonsMenu, openLesson, listed] {
        if (*listed)
            return;
        *listed = true;
        QAction* before = lessonsMenu->actions().value(0);
        for (const auto& name : core::builtinLessonNames()) {
            const QString qname = QString::fromStdString(name);
            QString title = qname;
            if (auto lesson = core::loadBuiltinLesson(name, lessonLanguage()); lesson.ok())
                title = QString::fromStdString(lesson.value().title);
            auto* action = new QAction(title, lessonsMenu);
            QObject::connect(action, &QAction::triggered, lessonsMenu, [openLesson, qname] { openLesson(qname); });
            lessonsMenu->insertAction(before, action);
        }
    });
    lessonsMenu->addAction(tr("Open lesson &file…"), &window, [w, integration] {
        const QString path = QFileDialog::getOpenFileName(w, tr("Open lesson"), {}, tr("Lessons (*.json)"));
        if (path.isEmpty())
            return;
        auto lesson = core::loadLessonFile(path.toStdString());
        if (!lesson.ok()) {
            QMessageBox::warning(w, tr("Lesson"), QString::fromStdString(lesson.error().toString()));
            return;
        }
        integration->parts.lessons->openLesson(lesson.value());
        integration->parts.lessonDock->show();
    });
    lessonsMenu->addSeparator();
    parts.presenterAction = lessonsMenu->addAction(tr("&Presenter mode"));
    parts.presenterAction->setCheckable(true);
    parts.presenterAction->setShortcut(QKeySequence(Qt::Key_F5));
    QObject::connect(parts.presenterAction, &QAction::toggled, parts.lessons, &LessonPanel::setPresenterMode);
    auto* stepPage = new QAction(tr("Lesson: next step or page"), &window);
    stepPage->setShortcut(QKeySequence(Qt::Key_PageDown));
    auto* backPage = new QAction(tr("Lesson: previous page"), &window);
    backPage->setShortcut(QKeySequence(Qt::Key_PageUp));
    for (auto* action : {stepPage, backPage}) {
        action->setShortcutContext(Qt::WindowShortcut);
        window.addAction(action);
        lessonsMenu->addAction(action);
    }
    QObject::connect(stepPage, &QAction::triggered, parts.lessons, [integration] {
        if (!integration->parts.lessons->stepPage())
            integration->parts.lessons->goNext();
    });
    QObject::connect(
        backPage, &QAction::triggered, parts.lessons, [integration] { integration->parts.lessons->goBack(); });
    lessonsMenu->addAction(tr("&Close lesson"), &window, [integration] {
        integration->parts.lessons->closeLesson();
        integration->parts.lessonDock->hide();
    });

    // Presenter mode: the lesson's text grows but its dock does not take the scene's room, and the
    // thread that steps next is highlighted (the "laser pointer").
    QObject::connect(parts.lessons, &LessonPanel::presenterModeChanged, &window, [w, integration](bool on) {
        integration->parts.lessonDock->setMaximumWidth(on ? kPresenterDockWidth : QWIDGETSIZE_MAX);
        if (!on)
            w->scene()->setHighlightedThread(-1);
        integration->parts.presenterAction->setChecked(on);
    });
    QObject::connect(parts.lessons, &LessonPanel::highlightChanged, &window, [w, integration](int thread) {
        if (integration->parts.lessons->presenterMode())
            w->scene()->setHighlightedThread(thread);
    });
    // A hosted lesson reaches the students: its narration on each page's first step, its questions.
    QObject::connect(parts.lessons, &LessonPanel::pageShown, &window, [integration, controller](int page) {
        auto& p = integration->parts;
        if (p.bridge->mode() != ClassroomBridge::Mode::Hosting || !p.lessons->runner())
            return;
        const auto& run = p.lessons->runner()->run(page);
        p.bridge->publishLessonPage(
            classroom::lessonPageMessage(p.lessons->runner()->lesson(), page, run.before.position()));
        if (run.after.position() > run.before.position())
            controller->setNarration(run.before.position(),
                QString::fromStdString(p.lessons->runner()->lesson().pages[static_cast<std::size_t>(page)].narration));
    });
    // The lesson page's question goes to the students when the page opens, and when a class starts
    // on a page that asks one.
    const auto publishQuestion = [integration] {
        if (const core::LessonRunner* runner = integration->parts.lessons->runner())
            publishLessonQuestion(*integration->parts.bridge, *runner);
    };
    QObject::connect(parts.lessons, &LessonPanel::checkpointShown, parts.bridge, publishQuestion);
    QObject::connect(
        parts.bridge, &ClassroomBridge::modeChanged, &window, [publishQuestion](ClassroomBridge::Mode mode) {
            if (mode == ClassroomBridge::Mode::Hosting)
                publishQuestion();
        });

    // --- Classroom menu ---
    auto* classMenu = window.menuBar()->addMenu(tr("&Classroom"));
    classMenu->addAction(tr("&Host a class…"), &window, [w, integration] {
        if (!integration->hostDialog)
            integration->hostDialog = new ClassroomDialog(integration->parts.bridge, ClassroomDialog::Role::Host, w);
        integration->hostDialog->show();
        integration->hostDialog->raise();
    });
    classMenu->addAction(tr("&Join a class…"), &window, [w, integration] {
        if (!integration->joinDialog)
            integration->joinDialog = new ClassroomDialog(integration->parts.bridge, ClassroomDialog::Role::Join, w);
        integration->joinDialog->show();
        integration->joinDialog->raise();
    });
    classMenu->addSeparator();
    parts.detachAction = classMenu->addAction(tr("&Detach: explore on my own"), parts.bridge, &ClassroomBridge::detach);
    parts.reattachAction =
        classMenu->addAction(tr("&Re-attach to the teacher"), parts.bridge, &ClassroomBridge::reattach);
    auto* leave = classMenu->addAction(tr("&Leave the class"), parts.bridge, &ClassroomBridge::leave);
    auto* stop = classMenu->addAction(tr("&Stop hosting"), parts.bridge, &ClassroomBridge::stopHosting);
    // The room's answers: the latest tally stays in the status bar; Reveal and the CSV act on it.
    auto* reveal =
        classMenu->addAction(tr("Re&veal the answer to the class"), parts.bridge, &ClassroomBridge::revealAnswer);
    auto* exportAnswers = classMenu->addAction(tr("E&xport the room's answers (CSV)…"), &window, [w, integration] {
        const QString path = QFileDialog::getSaveFileName(
            w, tr("Export the room's answers"), QStringLiteral("answers.csv"), tr("CSV (*.csv)"));
        if (path.isEmpty())
            return;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(QByteArray::fromStdString(integration->parts.bridge->answers().csv())) < 0 || !file.commit())
            QMessageBox::warning(
                w, tr("Export the room's answers"), QStringLiteral("%1: %2").arg(path, file.errorString()));
    });
    // Every question's tally at once, in a dock that opens when the class starts.
    auto* tallyDock = new QDockWidget(tr("The room's answers"), &window);
    tallyDock->setObjectName(QStringLiteral("tallyDock"));
    tallyDock->setWidget(new TallyPanel(parts.bridge, tallyDock));
    window.addDockWidget(Qt::RightDockWidgetArea, tallyDock);
    tallyDock->hide();
    QAction* showTally = tallyDock->toggleViewAction();
    showTally->setText(tr("Show the room's &answers"));
    classMenu->addAction(showTally);
    QObject::connect(parts.bridge, &ClassroomBridge::modeChanged, tallyDock, [tallyDock](ClassroomBridge::Mode mode) {
        if (mode == ClassroomBridge::Mode::Hosting)
            tallyDock->show();
    });
    auto* tallyLabel = new QLabel(w);
    tallyLabel->setAccessibleName(tr("The room's answers"));
    tallyLabel->hide();
    w->statusBar()->addPermanentWidget(tallyLabel);
    QObject::connect(parts.bridge, &ClassroomBridge::tallyChanged, tallyLabel, [tallyLabel](const QString& line) {
        if (line.isEmpty())
            return; // answers restored, none arrived
        tallyLabel->setText(line);
        tallyLabel->show();
    });
    parts.followBar->addAction(parts.detachAction);
    parts.followBar->addAction(parts.reattachAction);
    parts.followBar->addAction(leave);

    const auto refresh = [integration, leave, stop, reveal, exportAnswers, tallyLabel] {
        integration->refreshClassroom();
        const bool hosting = integration->parts.bridge->mode() == ClassroomBridge::Mode::Hosting;
        leave->setEnabled(integration->parts.bridge->mode() == ClassroomBridge::Mode::Following);
        stop->setEnabled(hosting);
        reveal->setEnabled(hosting);
        exportAnswers->setEnabled(hosting);
        if (!hosting)
            tallyLabel->hide();
    };
    QObject::connect(parts.bridge, &ClassroomBridge::modeChanged, &window, refresh);
    QObject::connect(parts.bridge, &ClassroomBridge::attachedChanged, &window, refresh);
    QObject::connect(parts.bridge, &ClassroomBridge::sessionEnded, &window,
        [w] { w->statusBar()->showMessage(tr("The teacher ended the class."), 10000); });
    // The teacher's questions reach the student's lesson panel, answered and graded there.
    QObject::connect(parts.bridge, &ClassroomBridge::checkpointReceived, &window,
        [w, integration](const QString& question, const QStringList& choices, int answer) {
            w->statusBar()->showMessage(tr("Teacher asks: %1").arg(question), 30000);
            auto& p = integration->parts;
            if (p.lessons->hasLesson())
                return;
            p.lessons->showRemoteCheckpoint(question, choices, answer);
            p.lessonDock->show();
            p.lessonDock->raise();
        });
    QObject::connect(parts.lessons, &LessonPanel::remoteAnswerGiven, parts.bridge, &ClassroomBridge::sendAnswer);
    QObject::connect(parts.bridge, &ClassroomBridge::modeChanged, &window, [integration] {
        if (integration->parts.bridge->mode() != ClassroomBridge::Mode::Following)
            integration->parts.lessons->clearRemoteCheckpoint();
    });
    // A lesson page's unanswered checkpoint holds Forward and Play at its step.
    QObject::connect(parts.lessons, &LessonPanel::checkpointHoldChanged, &window,
        [w](int position) { w->setForwardLimit(position, tr("Answer the lesson's question first (Lesson panel)")); });
    refresh();
    window.setClassroom(parts);
    return parts;
}

} // namespace msb::app
