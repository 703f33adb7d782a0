// SPDX-License-Identifier: MIT
#include "app/gui/remote_checkpoint.h"

#include "core/simulator.h"

#include <string>
#include <utility>
#include <vector>

namespace msb::app {

RemoteCheckpoint::RemoteCheckpoint(
    const QString& question, const QStringList& choices, int answer, const core::Simulator& here)
    : m_choices(choices)
    , m_answer(answer < choices.size() ? answer : -1)
{
    const std::string wanted = question.toStdString();
    bool exact = false;
    // The teacher's lesson may be in any of the languages the lessons come in (followers see the
    // teacher's words): the question is looked for in each.
    std::vector<std::pair<std::string, std::string>> lessons; // name, language
    for (const auto& name : core::builtinLessonNames()) {
        lessons.emplace_back(name, "en");
        for (const auto& language : core::builtinLessonLanguages()) {
            if (language != "en" && core::hasBuiltinLessonTranslation(name, language))
                lessons.emplace_back(name, language);
        }
    }
    for (const auto& [name, language] : lessons) {
        auto lesson = core::loadBuiltinLesson(name, language);
        if (exact || !lesson.ok() || lesson.value().scenario.name != here.scenario().name)
            continue;
        const auto& pages = lesson.value().pages;
        std::unique_ptr<core::LessonRunner> runner;
        for (std::size_t p = 0; p < pages.size() && !exact; ++p) {
            if (!pages[p].checkpoint || pages[p].checkpoint->question != wanted)
                continue;
            if (!runner)
                runner = std::make_unique<core::LessonRunner>(lesson.value());
            const core::Simulator& before = runner->run(static_cast<int>(p)).before;
            exact = before.position() == here.position() && before.settings() == here.settings()
                && before.model().hash(before.state()) == here.model().hash(here.state());
            if (exact || !m_runner) {
                m_kind = pages[p].checkpoint->kind;
                m_page = static_cast<int>(p);
                m_runner = std::make_unique<core::LessonRunner>(lesson.value());
            }
        }
    }
}

RemoteCheckpoint::~RemoteCheckpoint() = default;
RemoteCheckpoint::RemoteCheckpoint(RemoteCheckpoint&&) noexcept = default;
RemoteCheckpoint& RemoteCheckpoint::operator=(RemoteCheckpoint&&) noexcept = default;

std::optional<core::AnswerCheck> RemoteCheckpoint::grade(const QString& answer) const
{
    if (m_runner)
        return m_runner->checkAnswer(m_page, answer.toStdString());
    if (m_answer < 0)
        return std::nullopt;
    core::AnswerCheck check;
    const QString& expected = m_choices[m_answer];
    check.correct = QString::compare(answer.trimmed(), expected, Qt::CaseInsensitive) == 0;
    check.expected = expected.toStdString();
    if (!check.correct)
        check.feedback = "(The answer: " + check.expected + ".)";
    return check;
}

} // namespace msb::app
