// SPDX-License-Identifier: MIT
#include "core/lesson.h"

#include "core/builtin_lessons_data.h"
#include "core/builtin_scenarios.h"
#include "core/json_input.h"
#include "core/kernel_notes.h"
#include "core/scenario_io.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace msb::core {

namespace {

using detail::JsonInput;
using Json = nlohmann::json;

// Lesson texts cite the kernel notes (docs/kernel/notes.md) by ID, "(K12)"; a page's "facts" list
// names the same IDs. A bare number N in "facts" means KN: the notes kept the numbering that
// lessons written before them used.

struct KindName
{
    CheckpointKind kind;
    std::string_view name;
};
constexpr KindName kKindNames[] = {
    {CheckpointKind::PageCount, "page_count"},
    {CheckpointKind::CanStep, "can_step"},
    {CheckpointKind::Outcome, "outcome"},
    {CheckpointKind::Choice, "choice"},
};

std::string lower(std::string_view text)
{
    std::string out;
    for (const char c : text)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return std::string(text);
}

/// Splits on any of the separators, dropping empty pieces, trimmed and lower-cased.
std::vector<std::string> tokens(std::string_view text, std::string_view separators)
{
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        std::string piece = lower(trim(current));
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

std::string threadList(const Scenario& scenario)
{
    std::string known;
    for (const auto& spec : scenario.threads)
        known += (known.empty() ? "" : ", ") + spec.name;
    return known;
}

/// "preset" (a name) then "settings" (knob overrides) of a lesson or a page, on top of base.
std::optional<Settings> readSettings(const JsonInput& input, const Json& object, const std::string& path, Settings base)
{
    bool given = false;
    if (const auto* preset = input.member(object, path, "preset", false)) {
        const std::string at = JsonInput::join(path, "preset");
        const std::string name = input.string(*preset, at);
        const Preset* found = findPreset(name);
        if (!found) {
            std::string known;
            for (const auto& p : presets())
                known += (known.empty() ? "" : ", ") + std::string(p.name);
            input.fail(at, "unknown preset \"" + name + "\" (presets: " + known + ")");
        }
        base = found->settings;
        given = true;
    }
    if (const auto* settings = input.member(object, path, "settings", false)) {
        const std::string at = JsonInput::join(path, "settings");
        input.object(*settings, at);
        for (auto it = settings->begin(); it != settings->end(); ++it) {
            const std::string field = JsonInput::join(at, it.key());
            auto applied = withKnob(base, it.key(), input.string(it.value(), field));
            if (!applied)
                input.fail(field, applied.error().message);
            base = applied.value();
        }
        given = true;
    }
    return given ? std::optional<Settings>(base) : std::nullopt;
}

Scenario readLessonScenario(const JsonInput& input, const Json& value)
{
    auto fromBuiltin = [&](const std::string& name, const ScenarioParameters& parameters, const std::string& at) {
        auto scenario = loadBuiltinScenario(name, parameters);
        if (!scenario)
            input.fail(at, scenario.error().message);
        return scenario.value();
    };
    if (value.is_string())
        return fromBuiltin(input.string(value, "scenario"), {}, "scenario");
    const auto& object = input.object(value, "scenario");
    if (!object.contains("builtin"))
        return detail::readScenarioObject(input, object, "scenario", {});
    input.onlyKnownMembers(object, "scenario", {"builtin", "params"});
    ScenarioParameters parameters;
    if (const auto* params = input.member(object, "scenario", "params", false)) {
        input.object(*params, "scenario.params");
        for (auto it = params->begin(); it != params->end(); ++it)
            parameters[it.key()] = input.integer(it.value(), "scenario.params." + it.key());
    }
    return fromBuiltin(input.string(object["builtin"], "scenario.builtin"), parameters, "scenario.builtin");
}

/// "T1" or "T1*7" (also "T1×7"): a thread name, optionally repeated.
void readScheduleEntry(const JsonInput& input, const Scenario& scenario, const std::string& text, const std::string& at,
    std::vector<int>& out)
{
    std::string name = text;
    int count = 1;
    std::size_t cut = text.find('*');
    std::size_t width = 1;
    if (cut == std::string::npos) {
        cut = text.find("\xC3\x97"); // U+00D7 MULTIPLICATION SIGN
        width = 2;
    }
    if (cut != std::string::npos) {
        name = trim(text.substr(0, cut));
        const std::string number = trim(text.substr(cut + width));
        const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), count);
        if (ec != std::errc() || end != number.data() + number.size() || count < 1 || count > 1000)
            input.fail(at, "bad repeat count in \"" + text + "\" (write e.g. \"T1*7\")");
    }
    const int thread = scenario.threadIndex(name);
    if (thread < 0)
        input.fail(at, "unknown thread \"" + name + "\" (the scenario's threads: " + threadList(scenario) + ")");
    out.insert(out.end(), static_cast<std::size_t>(count), thread);
}

/// Each listed note must be cited in the narration and each cited note listed, and every one must
/// be a kernel note (docs/kernel/); the ID itself is the citation: "(K12)".
void checkCitations(const JsonInput& input, const LessonPage& page, const std::string& at)
{
    if (page.facts.empty())
        input.fail(at + ".facts", "every page cites at least one kernel note (docs/kernel/notes.md)");
    const auto cited = citedKernelNotes(page.narration);
    for (std::size_t i = 0; i < page.facts.size(); ++i) {
        if (std::find(cited.begin(), cited.end(), page.facts[i]) == cited.end())
            input.fail(JsonInput::index(at + ".facts", i),
                page.facts[i] + " is listed but the narration never cites it as \"(" + page.facts[i] + ")\"");
    }
    for (const auto& id : cited) {
        if (!findKernelNote(id))
            input.fail(at + ".narration", "cites " + id + ", which is not a note in docs/kernel/");
        if (std::find(page.facts.begin(), page.facts.end(), id) == page.facts.end())
            input.fail(at + ".narration", "cites " + id + ", which is missing from \"facts\"");
    }
}

Checkpoint readCheckpoint(const JsonInput& input, const Json& value, const std::string& at, const Scenario& scenario)
{
    const auto& object = input.object(value, at);
    input.onlyKnownMembers(
        object, at, {"kind", "question", "page", "options", "answer", "feedback_right", "feedback_wrong"});
    Checkpoint checkpoint;
    const std::string kind = input.string(*input.member(object, at, "kind", true), at + ".kind");
    const auto found = std::find_if(
        std::begin(kKindNames), std::end(kKindNames), [&](const KindName& entry) { return entry.name == kind; });
    if (found == std::end(kKindNames))
        input.fail(
            at + ".kind", "unknown checkpoint kind \"" + kind + "\" (known: page_count, can_step, outcome, choice)");
    checkpoint.kind = found->kind;
    checkpoint.question = input.string(*input.member(object, at, "question", true), at + ".question");
    if (const auto* page = input.member(object, at, "page", false)) {
        checkpoint.page = input.integer(*page, at + ".page");
        if (checkpoint.page < 0 || checkpoint.page >= scenario.pages)
            input.fail(at + ".page", "no page X" + std::to_string(checkpoint.page) + " in the scenario");
    }
    if (const auto* options = input.member(object, at, "options", checkpoint.kind == CheckpointKind::Choice)) {
        input.array(*options, at + ".options");
        for (std::size_t i = 0; i < options->size(); ++i) {
            const auto& option = (*options)[i];
            checkpoint.options.push_back(option.is_number_integer()
                    ? std::to_string(option.get<int>())
                    : input.string(option, JsonInput::index(at + ".options", i)));
        }
    }
    const Json& answer = *input.member(object, at, "answer", true);
    if (answer.is_number_integer()) {
        checkpoint.answer = std::to_string(answer.get<int>());
    } else if (answer.is_array()) {
        for (std::size_t i = 0; i < answer.size(); ++i)
            checkpoint.answer += (i ? "," : "") + input.string(answer[i], JsonInput::index(at + ".answer", i));
    } else {
        checkpoint.answer = input.string(answer, at + ".answer");
    }
    checkpoint.feedbackRight = input.string(*input.member(object, at, "feedback_right", true), at + ".feedback_right");
    checkpoint.feedbackWrong = input.string(*input.member(object, at, "feedback_wrong", true), at + ".feedback_wrong");
    return checkpoint;
}

PageExpect readExpect(const JsonInput& input, const Json& value, const std::string& at, const Scenario& scenario)
{
    const auto& object = input.object(value, at);
    input.onlyKnownMembers(object, at, {"status", "flags", "repeats", "page_count", "can_step", "steps", "step_at"});
    PageExpect expect;
    if (const auto* status = input.member(object, at, "status", false))
        expect.status = input.string(*status, at + ".status");
    auto strings = [&](const Json& list, const std::string& path) {
        input.array(list, path);
        std::vector<std::string> out;
        for (std::size_t i = 0; i < list.size(); ++i)
            out.push_back(input.string(list[i], JsonInput::index(path, i)));
        return out;
    };
    if (const auto* flags = input.member(object, at, "flags", false))
        expect.flags = strings(*flags, at + ".flags");
    if (const auto* repeats = input.member(object, at, "repeats", false))
        expect.repeats = repeats->is_null() ? -1 : input.integer(*repeats, at + ".repeats");
    if (const auto* counts = input.member(object, at, "page_count", false)) {
        input.object(*counts, at + ".page_count");
        for (auto it = counts->begin(); it != counts->end(); ++it) {
            const std::string field = at + ".page_count." + it.key();
            int page = -1;
            if (it.key().size() > 1 && it.key()[0] == 'D') {
                const char* end = it.key().data() + it.key().size();
                if (std::from_chars(it.key().data() + 1, end, page).ptr != end)
                    page = -1; // "D1x" is not a page
            }
            if (page < 0 || page >= scenario.pages)
                input.fail(field, "expected a device page of the scenario (\"D0\"...)");
            expect.pageCounts.emplace_back(page, input.integer(it.value(), field));
        }
    }
    if (const auto* canStep = input.member(object, at, "can_step", false))
        expect.canStep = strings(*canStep, at + ".can_step");
    if (const auto* steps = input.member(object, at, "steps", false))
        expect.steps = strings(*steps, at + ".steps");
    if (const auto* stepAt = input.member(object, at, "step_at", false)) {
        input.object(*stepAt, at + ".step_at");
        for (auto it = stepAt->begin(); it != stepAt->end(); ++it) {
            const std::string field = at + ".step_at." + it.key();
            int number = 0;
            const auto [end, ec] = std::from_chars(it.key().data(), it.key().data() + it.key().size(), number);
            if (ec != std::errc() || end != it.key().data() + it.key().size() || number < 1)
                input.fail(field, "expected a 1-based step number as the key");
            expect.stepAt.emplace_back(number, input.string(it.value(), field));
        }
    }
    return expect;
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
    std::string out(statusName(simulator.status()));
    for (const auto& flag : flagNames(simulator.state().flags))
        out += "+" + flag;
    return out;
}

/// Compares the learner's answer with the canonical one for this kind.
bool sameAnswer(const Checkpoint& checkpoint, std::string_view given, const std::string& expected)
{
    switch (checkpoint.kind) {
    case CheckpointKind::PageCount:
        return lower(trim(given)) == expected;
    case CheckpointKind::CanStep: {
        auto a = tokens(given, ", ;/&");
        std::erase(a, "and");
        auto b = tokens(expected, ",");
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        return a == b;
    }
    case CheckpointKind::Outcome: {
        auto a = tokens(given, "+,");
        auto b = tokens(expected, "+");
        if (a.empty() || b.empty() || a.front() != b.front())
            return false;
        std::sort(a.begin() + 1, a.end());
        std::sort(b.begin() + 1, b.end());
        return a == b;
    }
    case CheckpointKind::Choice: {
        const std::string answer = lower(trim(given));
        if (answer == lower(expected))
            return true;
        int number = 0;
        const auto [end, ec] = std::from_chars(answer.data(), answer.data() + answer.size(), number);
        return ec == std::errc() && end == answer.data() + answer.size() && number >= 1
            && number <= static_cast<int>(checkpoint.options.size())
            && lower(checkpoint.options[static_cast<std::size_t>(number - 1)]) == lower(expected);
    }
    }
    return false;
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
    if (expect.status && *expect.status != statusName(after.status()))
        input.fail(at + ".expect.status",
            "the lesson says \"" + *expect.status + "\" but the model ends \"" + std::string(statusName(after.status()))
                + "\"");
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

std::string_view checkpointKindName(CheckpointKind kind)
{
    for (const auto& entry : kKindNames) {
        if (entry.kind == kind)
            return entry.name;
    }
    return "?";
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

Result<Lesson> parseLesson(std::string_view text, const std::string& fileName)
{
    try {
        JsonInput input(text, fileName);
        detail::checkFormat(input, kLessonFormat, kLessonFormatVersion);
        const auto& root = input.root();
        input.onlyKnownMembers(root, {},
            {"format", "version", "id", "title", "audience", "summary", "scenario", "preset", "settings", "pages"});
        Lesson lesson;
        lesson.id = input.string(*input.member(root, {}, "id", true), "id");
        lesson.title = input.string(*input.member(root, {}, "title", true), "title");
        lesson.audience = input.string(*input.member(root, {}, "audience", true), "audience");
        lesson.summary = input.string(*input.member(root, {}, "summary", true), "summary");
        lesson.scenario = readLessonScenario(input, *input.member(root, {}, "scenario", true));
        lesson.settings = readSettings(input, root, {}, findPreset("v5.11")->settings).value_or(lesson.settings);

        const auto& pages = input.array(*input.member(root, {}, "pages", true), "pages");
        if (pages.empty())
            input.fail("pages", "a lesson needs at least one page");
        for (std::size_t i = 0; i < pages.size(); ++i) {
            const std::string at = JsonInput::index("pages", i);
            const auto& object = input.object(pages[i], at);
            input.onlyKnownMembers(object, at,
                {"narration", "facts", "restart", "preset", "settings", "schedule", "checkpoint", "expect"});
            LessonPage page;
            page.narration = input.string(*input.member(object, at, "narration", true), at + ".narration");
            const auto& facts = input.array(*input.member(object, at, "facts", true), at + ".facts");
            for (std::size_t k = 0; k < facts.size(); ++k) {
                const std::string field = JsonInput::index(at + ".facts", k);
                std::string id;
                if (facts[k].is_number_integer())
                    id = "K" + std::to_string(input.integer(facts[k], field));
                else
                    id = input.string(facts[k], field);
                if (!findKernelNote(id))
                    input.fail(field, "\"" + id + "\" is not a note in docs/kernel/ (IDs such as \"K12\" or \"N3\")");
                page.facts.push_back(id);
            }
            checkCitations(input, page, at);
            if (const auto* restart = input.member(object, at, "restart", false)) {
                if (!restart->is_boolean())
                    input.fail(at + ".restart", "expected true or false");
                page.restart = restart->get<bool>();
            }
            page.settings = readSettings(input, object, at, lesson.settings);
            if (const auto* schedule = input.member(object, at, "schedule", false)) {
                input.array(*schedule, at + ".schedule");
                for (std::size_t k = 0; k < schedule->size(); ++k) {
                    const std::string field = JsonInput::index(at + ".schedule", k);
                    readScheduleEntry(
                        input, lesson.scenario, input.string((*schedule)[k], field), field, page.schedule);
                }
            }
            if (const auto* checkpoint = input.member(object, at, "checkpoint", false))
                page.checkpoint = readCheckpoint(input, *checkpoint, at + ".checkpoint", lesson.scenario);
            if (const auto* expect = input.member(object, at, "expect", false))
                page.expect = readExpect(input, *expect, at + ".expect", lesson.scenario);
            lesson.pages.push_back(std::move(page));
        }
        // A page's settings are relative to the lesson's (not to the previous page's) so that each
        // page reads on its own.
        auto runs = playLesson(lesson);
        if (!runs)
            input.fail(runs.error().field, runs.error().message);
        for (std::size_t i = 0; i < lesson.pages.size(); ++i)
            checkAgainstModel(input, lesson.pages[i], runs.value()[i], JsonInput::index("pages", i));
        return lesson;
    } catch (const detail::JsonInputFailure& failure) {
        return failure.error;
    }
}

Result<Lesson> loadLessonFile(const std::string& path)
{
    auto text = readInputFile(path);
    if (!text)
        return text.error();
    return parseLesson(text.value(), path);
}

const std::vector<std::string>& builtinLessonNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& entry : detail::kBuiltinLessonFiles)
            out.emplace_back(entry.name);
        return out;
    }();
    return names;
}

std::string_view builtinLessonText(std::string_view name)
{
    for (const auto& entry : detail::kBuiltinLessonFiles) {
        if (entry.name == name)
            return entry.text;
    }
    return {};
}

Result<Lesson> loadBuiltinLesson(std::string_view name)
{
    const std::string_view text = builtinLessonText(name);
    if (text.empty()) {
        std::string known;
        for (const auto& n : builtinLessonNames())
            known += (known.empty() ? "" : ", ") + n;
        return Error {std::string(name), 0, 0, {}, "no such built-in lesson (built-ins: " + known + ")"};
    }
    return parseLesson(text, "assets/lessons/" + std::string(name) + ".json");
}

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
    check.correct = sameAnswer(checkpoint, answer, check.expected);
    check.feedback =
        check.correct ? checkpoint.feedbackRight : checkpoint.feedbackWrong + " (The answer: " + check.expected + ".)";
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
