// SPDX-License-Identifier: MIT
// Walking through a valid lesson page by page, and a lesson as recordings.
#include "core/lesson.h"
#include "core/lesson_detail.h"

#include <algorithm>

namespace msb::core {

namespace {

/// The words before the expected answer in a wrong answer's feedback, in the lesson's language
/// (a translation adds its own here; any other language gets the English words).
std::string_view answerLabel(std::string_view language)
{
    if (language == "de")
        return "Die Antwort: ";
    return "The answer: ";
}

} // namespace

LessonRunner::LessonRunner(Lesson lesson)
    : m_lesson(std::move(lesson))
    , m_runs(playLesson(m_lesson).value())
    , m_answered(m_lesson.pages.size(), 0)
{
    for (std::size_t i = 0; i < m_lesson.pages.size(); ++i)
        m_answered[i] = m_lesson.pages[i].checkpoint ? 0 : 1;
}

AnswerCheck LessonRunner::checkAnswer(int page, std::string_view answer)
{
    AnswerCheck check;
    const auto index = static_cast<std::size_t>(page);
    if (page < 0 || index >= m_lesson.pages.size() || !m_lesson.pages[index].checkpoint)
        return check;
    const Checkpoint& checkpoint = *m_lesson.pages[index].checkpoint;
    check.expected = computedAnswer(checkpoint, m_runs[index]);
    check.correct = detail::sameAnswer(checkpoint, answer, check.expected);
    check.feedback = check.correct
        ? checkpoint.feedbackRight
        : checkpoint.feedbackWrong + " (" + std::string(answerLabel(m_lesson.language)) + check.expected + ".)";
    m_answered[index] = 1;
    return check;
}

bool LessonRunner::next()
{
    if (m_position + 1 >= pageCount() || !answered(m_position))
        return false;
    ++m_position;
    return true;
}

bool LessonRunner::back()
{
    if (m_position == 0)
        return false;
    --m_position;
    return true;
}

void LessonRunner::jumpTo(int page)
{
    m_position = std::clamp(page, 0, pageCount() - 1);
}

int lessonSegmentCount(const Lesson& lesson)
{
    int segments = 1;
    for (std::size_t i = 1; i < lesson.pages.size(); ++i)
        segments += lesson.pages[i].restart ? 1 : 0;
    return segments;
}

Recording lessonRecording(const Lesson& lesson, int segment)
{
    auto played = playLesson(lesson);
    if (!played || played.value().empty())
        return recordFromSimulator(Simulator(lesson.scenario, lesson.settings));
    const auto& runs = played.value();
    std::size_t last = runs.size();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (runs[i].segment == segment)
            last = i;
    }
    if (last == runs.size())
        return recordFromSimulator(Simulator(lesson.scenario, lesson.settings));
    const Simulator& final = runs[last].after;
    std::map<int, std::string> narration;
    for (std::size_t i = 0; i <= last; ++i) {
        if (runs[i].segment != segment || final.position() == 0)
            continue;
        // Narration of a page played under other settings than the segment's last is labelled.
        std::string text = lesson.pages[i].narration;
        if (!(runs[i].before.settings() == final.settings()))
            text = "[" + std::string(presetNameFor(runs[i].before.settings())) + "] " + text;
        const int step = std::min(runs[i].before.position(), final.position() - 1);
        auto& slot = narration[step];
        slot += (slot.empty() ? "" : "\n\n") + text;
    }
    return recordFromSimulator(final, narration);
}

} // namespace msb::core
