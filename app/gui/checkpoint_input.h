// SPDX-License-Identifier: MIT
// The answer input of a checkpoint question: a page_count spin box, a list of choices, or one
// check box per thread, whichever the question's kind asks for. Reads and writes the answer in
// the lesson's canonical text form ("2", "T1,T2", an option's text), so the lesson panel grades
// and stores answers without knowing which widget holds them.
#pragma once

#include "core/lesson.h"

#include <QStackedWidget>
#include <QStringList>

#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace msb::app {

class CheckpointInput : public QStackedWidget
{
    Q_OBJECT

public:
    explicit CheckpointInput(QWidget* parent = nullptr);

    /*! Outcome questions without options of their own offer these. */
    static QStringList outcomeChoices();

    /*! Shows the input for kind, empty: choices (or outcomeChoices() for an outcome question
        without any), or one unchecked box per thread name. */
    void prepare(core::CheckpointKind kind, const QStringList& choices, const std::vector<std::string>& threads);
    /*! An open question: the student types an answer of their own into the choice box. */
    void setOpenEnded(bool open);
    /*! Read by screen readers after each input's own name. */
    void setQuestion(const QString& question);

    QString answerText(core::CheckpointKind kind) const;
    void setAnswerText(core::CheckpointKind kind, const QString& answer);

    QSpinBox* countInput() const { return m_count; }
    QComboBox* choiceInput() const { return m_choice; }
    QCheckBox* threadInput(int thread) const;

private:
    QSpinBox* m_count;
    QComboBox* m_choice;
    QWidget* m_threadsBox;
    std::vector<QCheckBox*> m_threads;
};

} // namespace msb::app
