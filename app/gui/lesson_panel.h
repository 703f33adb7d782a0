// SPDX-License-Identifier: MIT
// Lesson mode: a lesson's narration page by page, its checkpoint questions with
// feedback, Back/Next, progress saved per user, and a presenter mode for the projector.
//
// The panel drives the SimulationController to each page's state as core::LessonRunner computes
// it: a page opens at run(page).before with the page's own steps as the redo tail, so the window's
// Forward key (and PageDown here) plays them one by one; answering, or Next, brings the controller
// to run(page).after. Progress (page, answers) lives in QSettings under lessons/<id>/.
#pragma once

#include "app/gui/checkpoint_input.h"
#include "app/gui/remote_checkpoint.h"
#include "core/lesson.h"
#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSettings;
class QSpinBox;
class QTextBrowser;

namespace msb::app {

class SessionGate;
class SimulationController;

class LessonPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LessonPanel(SimulationController* controller, QWidget* parent = nullptr);
    /*! The window's gate: the panel's Step goes through it, and a read-only session (a student
        following a teacher) is not moved by a page change. Without one the panel drives the
        controller directly. */
    void setGate(SessionGate* gate) { m_gate = gate; }
    ~LessonPanel() override;

    /*! Progress goes to this INI file instead of the user's settings (tests). */
    void setSettingsFile(const QString& path);

    /*! Opens a lesson at the page where this user left it, with the answers given so far. */
    void openLesson(const core::Lesson& lesson);
    /*! A built-in lesson by name (core::builtinLessonNames()) in lessonLanguage(), or why not. */
    core::Result<void> openBuiltin(const QString& name);
    void closeLesson();
    bool hasLesson() const { return m_runner != nullptr; }
    const core::LessonRunner* runner() const { return m_runner.get(); }
    int page() const;

    /*! The answer as the checkpoint widgets hold it, in the lesson's canonical form. */
    QString answerText() const;
    /*! Fills the checkpoint widgets from a canonical answer ("2", "T1,T2", an option's text). */
    void setAnswerText(const QString& answer);
    /*! Checks the answer in the widgets, shows the feedback and plays the page (not in presenter
        mode, where the teacher plays it step by step). Returns whether it was right. */
    bool submitAnswer();
    /*! One of the page's steps (presenter: PageDown); false when the page has played. */
    bool stepPage();
    /*! Plays the rest of the page: the controller reaches LessonRunner::after(). */
    void finishPage();
    bool goNext();
    bool goBack();

    /*! A question the teacher asked (a student following a hosted lesson), shown with an input
        and graded here: against the model's answer when it comes from a built-in lesson (matched
        by its question), else against answer (the right choice's index; -1: none carried). */
    void showRemoteCheckpoint(const QString& question, const QStringList& choices, int answer);
    void clearRemoteCheckpoint();
    bool hasRemoteCheckpoint() const { return m_remote.has_value(); }

    /*! The position the window's Forward/Play must not pass (the page's unanswered checkpoint), or -1. */
    int checkpointHold() const;

    bool presenterMode() const { return m_presenter; }
    void setPresenterMode(bool on);
    /*! The thread that runs the page's next step, or -1 (the presenter's "laser pointer"). */
    int nextThread() const;

    QTextBrowser* narrationView() const { return m_narration; }
    QLabel* titleLabel() const { return m_title; }
    QLabel* pageLabel() const { return m_pageLabel; }
    QLabel* questionLabel() const { return m_question; }
    QLabel* feedbackLabel() const { return m_feedback; }
    QSpinBox* countInput() const { return m_inputs->countInput(); }
    QComboBox* choiceInput() const { return m_inputs->choiceInput(); }
    QCheckBox* threadInput(int thread) const { return m_inputs->threadInput(thread); }
    QPushButton* submitButton() const { return m_submit; }
    QPushButton* nextButton() const { return m_next; }
    QPushButton* backButton() const { return m_back; }
    QPushButton* stepButton() const { return m_step; }

Q_SIGNALS:
    void lessonOpened(const QString& id);
    void pageShown(int page);
    /*! A checkpoint opened: the question, its choices and the right one's index (-1: open). */
    void checkpointShown(const QString& question, const QStringList& choices, int answer);
    void presenterModeChanged(bool on);
    void highlightChanged(int thread);
    /*! checkpointHold() may have changed. */
    void checkpointHoldChanged(int position);
    /*! A following student answered the teacher's question (the answer's text). */
    void remoteAnswerGiven(const QString& answer);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void showPage();
    std::optional<core::CheckpointKind> checkpointKind() const;
    void refreshButtons();
    void showFeedback(const core::AnswerCheck& check);
    std::unique_ptr<QSettings> settings() const;
    QString key(const QString& leaf) const;
    void saveProgress();
    void applyFonts();

    SimulationController* m_controller;
    SessionGate* m_gate = nullptr;
    std::unique_ptr<core::LessonRunner> m_runner;
    std::vector<std::optional<bool>> m_results; // per page: answered right / wrong
    // The teacher's question on a follower's panel (no lesson of its own open).
    std::optional<RemoteCheckpoint> m_remote;
    QString m_settingsFile;
    bool m_presenter = false;
    QFont m_baseFont;

    QLabel* m_title;
    QLabel* m_pageLabel;
    QTextBrowser* m_narration;
    QWidget* m_checkpointBox;
    QLabel* m_question;
    CheckpointInput* m_inputs;
    QPushButton* m_submit;
    QLabel* m_feedback;
    QPushButton* m_back;
    QPushButton* m_step;
    QPushButton* m_next;
};

} // namespace msb::app
