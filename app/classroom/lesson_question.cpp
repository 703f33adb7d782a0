// SPDX-License-Identifier: MIT
#include "app/classroom/lesson_question.h"

#include "core/outcome.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace msb::classroom {

namespace {

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

/// The threads a "which thread can step" answer names: "T1,T2", "T1 and T2", "none" -> sorted.
std::vector<std::string> threadSet(const std::string& answer)
{
    std::string spaced;
    for (char c : lowered(answer))
        spaced += c == ',' ? ' ' : c;
    std::istringstream words(spaced);
    std::vector<std::string> names;
    for (std::string word; words >> word;) {
        if (word != "and" && word != "none")
            names.push_back(word);
    }
    std::sort(names.begin(), names.end());
    return names;
}

int indexOf(const std::vector<std::string>& choices, const std::string& text)
{
    const auto at = std::find(choices.begin(), choices.end(), text);
    return at == choices.end() ? -1 : static_cast<int>(at - choices.begin());
}

/// Marks the model's answer among listed choices or, for an open question, makes the choices.
void markAnswer(const core::LessonRunner& runner, const core::Checkpoint& checkpoint, const std::string& expected,
    std::vector<std::string>& choices, int& answer)
{
    if (answer >= 0)
        return;
    if (!choices.empty()) {
        if (checkpoint.kind == core::CheckpointKind::CanStep) {
            for (std::size_t i = 0; i < choices.size() && answer < 0; ++i) {
                if (threadSet(choices[i]) == threadSet(expected))
                    answer = static_cast<int>(i);
            }
        }
        return;
    }
    if (checkpoint.kind == core::CheckpointKind::PageCount) {
        int count = 0;
        try {
            count = std::stoi(expected);
        } catch (...) {
            return;
        }
        for (int n = 0; n <= std::max(4, count + 1); ++n)
            choices.push_back(std::to_string(n));
    } else if (checkpoint.kind == core::CheckpointKind::CanStep) {
        // Every set of threads, written as the model writes its answer ("T1,T2", or "none").
        const auto& threads = runner.lesson().scenario.threads;
        const int n = static_cast<int>(threads.size());
        if (n > 4)
            return; // 2^n choices would be no help
        for (int set = 1; set < (1 << n); ++set) {
            std::string names;
            for (int t = 0; t < n; ++t) {
                if (set & (1 << t))
                    names += (names.empty() ? "" : ",") + threads[static_cast<std::size_t>(t)].name;
            }
            choices.push_back(names);
        }
        choices.emplace_back("none");
    } else {
        return;
    }
    answer = indexOf(choices, expected);
    if (answer < 0) {
        choices.push_back(expected);
        answer = static_cast<int>(choices.size()) - 1;
    }
}

} // namespace

const std::vector<std::string>& outcomeChoices()
{
    return core::outcomeAnswerChoices();
}

std::optional<CheckpointEvent> lessonQuestion(const core::LessonRunner& runner, int position)
{
    if (!runner.page().checkpoint)
        return std::nullopt;
    const core::Checkpoint& checkpoint = *runner.page().checkpoint;
    CheckpointEvent event;
    event.index = position;
    event.question = checkpoint.question;
    event.choices = checkpoint.options;
    if (event.choices.empty() && checkpoint.kind == core::CheckpointKind::Outcome)
        event.choices = outcomeChoices();
    const std::string expected = core::computedAnswer(checkpoint, runner.run(runner.position()));
    for (std::size_t i = 0; i < event.choices.size() && event.answer < 0; ++i) {
        if (lowered(event.choices[i]) == lowered(expected))
            event.answer = static_cast<int>(i);
    }
    markAnswer(runner, checkpoint, expected, event.choices, event.answer);
    return event;
}

} // namespace msb::classroom
