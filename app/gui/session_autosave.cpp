// SPDX-License-Identifier: MIT
#include "app/gui/session_autosave.h"

#include "app/classroom/answer_tally.h"
#include "app/gui/classroom_bridge.h"
#include "app/gui/gui_error.h"
#include "app/gui/lesson_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/translate.h"
#include "core/lesson.h"
#include "core/recording.h"

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <optional>

namespace msb::app {

namespace {

const QString kFormat = QStringLiteral("migration-sandbox-session");
constexpr int kVersion = 1;
// A session is a recording plus a little: far below this, so a bigger file is not ours.
constexpr qint64 kMaxSessionBytes = 64 * 1024 * 1024;

struct Session
{
    core::Recording recording; // every step, the redo tail included, with narration
    int position = 0;
    QString lesson;                 // a built-in lesson's id, or empty
    classroom::AnswerTally answers; // the room's answers (absent from files before they existed)
};

QByteArray toJson(const Session& session)
{
    QJsonObject object;
    object[QStringLiteral("format")] = kFormat;
    object[QStringLiteral("version")] = kVersion;
    object[QStringLiteral("position")] = session.position;
    if (!session.lesson.isEmpty())
        object[QStringLiteral("lesson")] = session.lesson;
    if (!session.answers.empty())
        object[QStringLiteral("answers")] =
            QJsonDocument::fromJson(QByteArray::fromStdString(session.answers.toJson())).object();
    object[QStringLiteral("recording")] =
        QJsonDocument::fromJson(QByteArray::fromStdString(core::recordingToJson(session.recording))).object();
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

/// The session in the file, or an error naming what is wrong with it.
core::Result<Session> readSession(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxSessionBytes)
        return guiError(tr("%1: cannot read it").arg(path));
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject object = document.object();
    if (parseError.error != QJsonParseError::NoError || object.value(QStringLiteral("format")) != kFormat
        || object.value(QStringLiteral("version")).toInt() != kVersion)
        return guiError(tr("%1: not a version %2 session file").arg(path).arg(kVersion));
    try {
        const QByteArray recordingText =
            QJsonDocument(object.value(QStringLiteral("recording")).toObject()).toJson(QJsonDocument::Compact);
        auto recording = core::parseRecording(recordingText.toStdString(), path.toStdString() + ":recording");
        if (!recording)
            return recording.error();
        Session session;
        session.recording = std::move(recording).value();
        session.position =
            std::clamp(object.value(QStringLiteral("position")).toInt(), 0, int(session.recording.steps.size()));
        session.lesson = object.value(QStringLiteral("lesson")).toString();
        if (object.contains(QStringLiteral("answers"))) {
            const QByteArray answersText =
                QJsonDocument(object.value(QStringLiteral("answers")).toObject()).toJson(QJsonDocument::Compact);
            auto answers = classroom::AnswerTally::fromJson(answersText.toStdString());
            if (!answers)
                return guiError(tr("%1: answers: %2").arg(path, QString::fromStdString(answers.error().toString())));
            session.answers = std::move(answers).value();
        }
        return session;
    } catch (const std::exception& e) {
        return guiError(QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(e.what())));
    }
}

QString summary(
    const QString& scenario, const QString& preset, int position, int steps, int narrated, const QString& lesson)
{
    QString text = tr("%1 under %2, step %3 of %4").arg(scenario, preset).arg(position).arg(steps);
    if (narrated > 0)
        text += tr(", %1 narrated").arg(narrated);
    if (!lesson.isEmpty())
        text += tr(", lesson %1").arg(lesson);
    return text;
}

QString openLessonId(const MainWindow& window)
{
    const LessonPanel* lessons = window.classroom().lessons;
    return lessons && lessons->hasLesson() ? QString::fromStdString(lessons->runner()->lesson().id) : QString();
}

} // namespace

QString sessionSummary(const MainWindow& window)
{
    const SimulationController& c = *window.controller();
    return summary(QString::fromStdString(c.scenario().name),
        QString::fromUtf8(core::presetNameFor(c.settings()).data()), c.position(), c.historySize(),
        int(c.narrations().size()), openLessonId(window));
}

SessionAutosave::SessionAutosave(MainWindow* window, const QString& directory)
    : QObject(window)
    , m_window(window)
    , m_directory(directory)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &SessionAutosave::saveNow);
}

SessionAutosave::~SessionAutosave() = default;

QString SessionAutosave::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString SessionAutosave::path() const
{
    return QDir(m_directory).filePath(QStringLiteral("session.json"));
}

bool SessionAutosave::lock()
{
    if (!QDir().mkpath(m_directory))
        return false;
    m_lock = std::make_unique<QLockFile>(QDir(m_directory).filePath(QStringLiteral("session.lock")));
    // A lock left by a killed run names a process that is gone: QLockFile takes it over.
    m_locked = m_lock->tryLock(0);
    return m_locked;
}

bool SessionAutosave::hasLeftover() const
{
    return m_locked && QFile::exists(path());
}

QString SessionAutosave::leftoverSummary() const
{
    const auto session = readSession(path());
    if (!session)
        return errorText(session.error());
    const auto& r = session->recording;
    const auto narrated = std::count_if(
        r.steps.begin(), r.steps.end(), [](const core::RecordedStep& step) { return !step.narration.empty(); });
    return summary(QString::fromStdString(r.scenario.name), QString::fromUtf8(core::presetNameFor(r.settings).data()),
        session->position, int(r.steps.size()), int(narrated), session->lesson);
}

core::Result<void> SessionAutosave::restore()
{
    const auto session = readSession(path());
    if (!session)
        return session.error();
    // The lesson first: opening it moves the run to its page, the recording then brings back
    // the user's own run.
    const auto& lessons = core::builtinLessonNames();
    if (m_window->classroom().lessons
        && std::find(lessons.begin(), lessons.end(), session->lesson.toStdString()) != lessons.end()) {
        if (auto opened = m_window->classroom().lessons->openBuiltin(session->lesson); !opened)
            return opened;
        m_window->classroom().lessonDock->show();
    }
    SimulationController* controller = m_window->controller();
    QString loadError;
    QObject guard;
    connect(controller, &SimulationController::loadFailed, &guard, [&loadError](const QString& m) { loadError = m; });
    if (!controller->loadRecording(session->recording))
        return guiError(loadError);
    controller->jumpTo(session->position);
    if (ClassroomBridge* bridge = m_window->classroom().bridge; bridge && !session->answers.empty())
        bridge->restoreAnswers(session->answers);
    // Restored narration exists only in the autosave: closing asks about it again.
    m_window->markNarrationUnsaved();
    return {};
}

void SessionAutosave::discard()
{
    QFile::remove(path());
}

void SessionAutosave::start()
{
    if (!m_locked)
        return;
    SimulationController* controller = m_window->controller();
    connect(controller, &SimulationController::stateChanged, this, &SessionAutosave::schedule);
    connect(controller, &SimulationController::settingsChanged, this, &SessionAutosave::schedule);
    connect(controller, &SimulationController::scenarioChanged, this, &SessionAutosave::schedule);
    connect(controller, &SimulationController::narrationChanged, this, &SessionAutosave::schedule);
    if (ClassroomBridge* bridge = m_window->classroom().bridge)
        connect(bridge, &ClassroomBridge::tallyChanged, this, &SessionAutosave::schedule);
    if (LessonPanel* lessons = m_window->classroom().lessons) {
        connect(lessons, &LessonPanel::lessonOpened, this, &SessionAutosave::schedule);
        connect(lessons, &LessonPanel::pageShown, this, &SessionAutosave::schedule);
    }
    // Set up from the command line (a file, a schedule, a lesson): worth keeping already.
    const bool fresh = controller->historySize() == 0 && openLessonId(*m_window).isEmpty()
        && controller->scenario().name == twoFaultsScenario().name
        && controller->settings() == core::presets().front().settings;
    if (!fresh)
        schedule();
}

void SessionAutosave::schedule()
{
    if (m_locked)
        m_timer.start();
}

bool SessionAutosave::saveNow()
{
    if (!m_locked)
        return false;
    const SimulationController& controller = *m_window->controller();
    const ClassroomBridge* bridge = m_window->classroom().bridge;
    const Session session {controller.recording(), controller.position(), openLessonId(*m_window),
        bridge ? bridge->answers() : classroom::AnswerTally()};
    // QSaveFile writes aside and renames: a kill mid-write leaves the previous session whole.
    QSaveFile file(path());
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson(session)) < 0 || !file.commit()) {
        std::fprintf(stderr, "migration-sandbox: cannot autosave the session to %s: %s\n", qPrintable(path()),
            qPrintable(file.errorString()));
        return false;
    }
    return true;
}

void SessionAutosave::finish()
{
    if (m_locked)
        discard();
    release();
}

void SessionAutosave::release()
{
    m_timer.stop();
    if (!m_locked)
        return;
    m_lock->unlock();
    m_locked = false;
}

} // namespace msb::app
