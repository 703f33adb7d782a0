// SPDX-License-Identifier: MIT
// A question the teacher asked, as a following student's lesson panel grades it. The protocol
// carries the question, its choices and the right choice's index; when the question comes from a
// built-in lesson, the model's own answer for that page is better (it also grades open questions
// and page_count/thread answers), so the page is looked up here.
#pragma once

#include "core/lesson.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace msb::core {
class Simulator;
}

namespace msb::app {

class RemoteCheckpoint
{
public:
    /*! Matches question against the built-in lessons of the student's scenario; where lessons
        share a question ("Which thread can step now?"), the page whose opening state is the
        student's (mirrored) state wins. answer indexes choices, -1 when none was carried. */
    RemoteCheckpoint(const QString& question, const QStringList& choices, int answer, const core::Simulator& here);
    ~RemoteCheckpoint();
    RemoteCheckpoint(RemoteCheckpoint&&) noexcept;
    RemoteCheckpoint& operator=(RemoteCheckpoint&&) noexcept;

    /*! The lesson page's kind when the question was found, else nothing (a list of choices). */
    std::optional<core::CheckpointKind> kind() const { return m_kind; }
    /*! The graded answer, or nothing when neither a lesson page nor a right choice is known. */
    std::optional<core::AnswerCheck> grade(const QString& answer) const;

private:
    QStringList m_choices;
    int m_answer = -1;
    std::unique_ptr<core::LessonRunner> m_runner; // the built-in lesson the question is from
    int m_page = -1;
    std::optional<core::CheckpointKind> m_kind;
};

} // namespace msb::app
