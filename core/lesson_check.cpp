// SPDX-License-Identifier: MIT
// Checking a lesson against the model: every page's steps run, and every answer the file states
// for a computed checkpoint or an "expect" is compared with what the model gives.
#include "core/lesson_detail.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace msb::core {

namespace detail {

std::string lowerCase(std::string_view text)
{
    std::string out;
    for (const char c : text)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trimmed(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return std::string(text);
}

} // namespace detail

namespace {

using detail::JsonInput;
using detail::lowerCase;
using detail::sameAnswer;
using detail::trimmed;

/// Splits on any of the separators, dropping empty pieces, trimmed and lower-cased.
std::vector<std::string> tokens(std::string_view text, std::string_view separators)
{
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        std::string piece = lowerCase(trimmed(current));
        if (!piece.empty())
            out.push_back(std::move(piece));
        current.clear();
    };
    for (const char c : text) {
        if (separators.find(c) != std::string_view::npos)
            flush();
        else
            current += c;
    }
    flush();
    return out;
}

// A can_step answer in words: the joining word and the word for "no thread" of each lesson
// language (a translation adds its own, assets/lessons/README.md), so "T1 und T2" and "keiner"
// grade as "T1,T2" and "none".
constexpr std::string_view kJoinWords[] = {"and", "und"};
constexpr std::string_view kNoThreadWords[] = {"none", "keiner", "keine"};

/// An answer given as the 1-based number of one of the options stands for that option: the same in
/// every language. Not for page_count, whose answers are numbers themselves.
std::string resolvedOption(const Checkpoint& checkpoint, std::string_view given)
{
    std::string answer = trimmed(given);
    if (checkpoint.kind == CheckpointKind::PageCount || checkpoint.options.empty())
        return answer;
    int number = 0;
    const auto [end, ec] = std::from_chars(answer.data(), answer.data() + answer.size(), number);
    if (ec == std::errc() && end == answer.data() + answer.size() && number >= 1
        && number <= static_cast<int>(checkpoint.options.size()))
        return checkpoint.options[static_cast<std::size_t>(number - 1)];
    return answer;
}

std::string canStepText(const Simulator& simulator)
{
    std::string out;
    for (int t = 0; t < simulator.model().threadCount(); ++t) {
        if (simulator.canStep(t))
            out += (out.empty() ? "" : ",") + simulator.scenario().threads[static_cast<std::size_t>(t)].name;
    }
    return out.empty() ? "none" : out;
}

std::string outcomeText(const Simulator& simulator)
{
    std::string out(outcomeName(simulator.status()));
    for (const auto& flag : flagNames(simulator.state().flags))
        out += "+" + flag;
    return out;
}

/// The model-checked parts of a page: its checkpoint's stated answer and its "expect".
void checkAgainstModel(const JsonInput& input, const LessonPage& page, const PageRun& run, const std::string& at)
{
    if (page.checkpoint) {
        const Checkpoint& checkpoint = *page.checkpoint;
        const std::string cp = at + ".checkpoint";
        if (checkpoint.kind == CheckpointKind::Choice) {
            if (std::find(checkpoint.options.begin(), checkpoint.options.end(), checkpoint.answer)
                == checkpoint.options.end())
                input.fail(cp + ".answer", "\"" + checkpoint.answer + "\" is not one of the options");
        } else {
            if (checkpoint.kind == CheckpointKind::PageCount && page.schedule.empty())
                input.fail(cp + ".kind", "a page_count question needs a step on the page to ask about");
            const std::string model = computedAnswer(checkpoint, run);
            if (!sameAnswer(checkpoint, checkpoint.answer, model))
                input.fail(cp + ".answer",
                    "the lesson says \"" + checkpoint.answer + "\" but the model gives \"" + model + "\"");
            if (!checkpoint.options.empty()) {
                const bool listed = std::any_of(checkpoint.options.begin(), checkpoint.options.end(),
                    [&](const std::string& option) { return sameAnswer(checkpoint, option, model); });
                if (!listed)
                    input.fail(cp + ".options", "the model's answer \"" + model + "\" is not among the options");
            }
        }
    }
    const Simulator& after = run.after;
    const PageExpect& expect = page.expect;
    if (expect.status && *expect.status != outcomeName(after.status()))
        input.fail(at + ".expect.status",
            "the lesson says \"" + *expect.status + "\" but the model ends \""
                + std::string(outcomeName(after.status())) + "\"");
    if (expect.flags && *expect.flags != flagNames(after.state().flags))
        input.fail(at + ".expect.flags", "the model ends with \"" + outcomeText(after) + "\"");
    if (expect.repeats) {
        const int got = after.repeatsPosition().value_or(-1);
        if (got != *expect.repeats)
            input.fail(at + ".expect.repeats",
                "the lesson says " + std::to_string(*expect.repeats) + " but the model gives "
                    + (got < 0 ? std::string("null (no earlier state repeats)") : std::to_string(got)));
    }
    for (const auto& [index, count] : expect.pageCounts) {
        const int got = after.model().kernelPageCount(after.state().pages[static_cast<std::size_t>(index)].dRef);
        if (got != count)
            input.fail(at + ".expect.page_count.D" + std::to_string(index),
                "the lesson says " + std::to_string(count) + " but the model gives " + std::to_string(got));
    }
    if (expect.steps) {
        std::vector<std::string> got;
        for (int i = run.before.position(); i < after.position(); ++i)
            got.emplace_back(stepInfo(after.history()[static_cast<std::size_t>(i)].id).id);
        if (got != *expect.steps) {
            std::string text;
            for (const auto& label : got)
                text += (text.empty() ? "" : ", ") + label;
            input.fail(at + ".expect.steps", "the model's steps on this page are [" + text + "]");
        }
    }
    for (const auto& [number, label] : expect.stepAt) {
        const std::string field = at + ".expect.step_at." + std::to_string(number);
        if (number > after.position())
            input.fail(field, "the run has only " + std::to_string(after.position()) + " steps here");
        const std::string_view got = stepInfo(after.history()[static_cast<std::size_t>(number - 1)].id).id;
        if (got != label)
            input.fail(field, "the lesson says " + label + " but the model ran " + std::string(got));
    }
    if (expect.canStep) {
        std::string text;
        for (const auto& name : *expect.canStep)
            text += (text.empty() ? "" : ",") + name;
        Checkpoint probe;
        probe.kind = CheckpointKind::CanStep;
        const std::string model = canStepText(after);
        if (!sameAnswer(probe, text.empty() ? "none" : text, model))
            input.fail(at + ".expect.can_step", "the model gives \"" + model + "\"");
    }
}

} // namespace

bool detail::sameAnswer(const Checkpoint& checkpoint, std::string_view given, const std::string& expected)
{
    const std::string answer = resolvedOption(checkpoint, given);
    switch (checkpoint.kind) {
    case CheckpointKind::PageCount:
        return lowerCase(answer) == expected;
    case CheckpointKind::CanStep: {
        auto a = tokens(answer, ", ;/&");
        std::erase_if(a, [](const std::string& word) {
            return std::find(std::begin(kJoinWords), std::end(kJoinWords), word) != std::end(kJoinWords);
        });
        for (auto& word : a) {
            if (std::find(std::begin(kNoThreadWords), std::end(kNoThreadWords), word) != std::end(kNoThreadWords))
                word = "none";
        }
        auto b = tokens(expected, ",");
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        return a == b;
    }
    case CheckpointKind::Outcome: {
        auto a = tokens(answer, "+,");
        auto b = tokens(expected, "+");
        if (a.empty() || b.empty() || a.front() != b.front())
            return false;
        std::sort(a.begin() + 1, a.end());
        std::sort(b.begin() + 1, b.end());
        return a == b;
    }
    case CheckpointKind::Choice:
        return lowerCase(answer) == lowerCase(expected);
    }
    return false;
}

bool answerMatches(const Checkpoint& checkpoint, std::string_view given, const std::string& expected)
{
    return detail::sameAnswer(checkpoint, given, expected);
}

Result<std::vector<PageRun>> playLesson(const Lesson& lesson)
{
    std::vector<PageRun> runs;
    Simulator simulator(lesson.scenario, lesson.settings);
    int segment = 0;
    for (std::size_t i = 0; i < lesson.pages.size(); ++i) {
        const LessonPage& page = lesson.pages[i];
        const std::string at = JsonInput::index("pages", i);
        if (page.restart && i > 0) {
            simulator = Simulator(lesson.scenario, page.settings.value_or(simulator.settings()));
            ++segment;
        } else if (page.settings) {
            simulator.changeSettings(*page.settings);
        }
        Simulator before = simulator;
        for (std::size_t k = 0; k < page.schedule.size(); ++k) {
            const int thread = page.schedule[k];
            auto stepped = simulator.step(thread);
            if (!stepped)
                return Error {{}, 0, 0, at + ".schedule",
                    "step " + std::to_string(k + 1)
                        + " of the page: " + lesson.scenario.threads[static_cast<std::size_t>(thread)].name
                        + " cannot step: " + stepped.error().message};
        }
        runs.push_back(PageRun {std::move(before), simulator, segment});
    }
    return runs;
}

std::string computedAnswer(const Checkpoint& checkpoint, const PageRun& run)
{
    switch (checkpoint.kind) {
    case CheckpointKind::PageCount: {
        const int position = run.before.position() + 1;
        if (position > run.after.position())
            return "?";
        return std::to_string(run.after.model().kernelPageCount(
            run.after.stateAt(position).pages[static_cast<std::size_t>(checkpoint.page)].dRef));
    }
    case CheckpointKind::CanStep:
        return canStepText(run.before);
    case CheckpointKind::Outcome:
        return outcomeText(run.after);
    case CheckpointKind::Choice:
        return checkpoint.answer;
    }
    return {};
}

void detail::checkLessonAgainstModel(const JsonInput& input, const Lesson& lesson)
{
    auto runs = playLesson(lesson);
    if (!runs)
        input.fail(runs.error().field, runs.error().message);
    for (std::size_t i = 0; i < lesson.pages.size(); ++i)
        checkAgainstModel(input, lesson.pages[i], runs.value()[i], JsonInput::index("pages", i));
}

} // namespace msb::core
