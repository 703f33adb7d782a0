// SPDX-License-Identifier: MIT
// Reading the lesson format (assets/lessons/README.md): fields, types, threads, pages, citations.
#include "core/builtin_scenarios.h"
#include "core/json_fields.h"
#include "core/kernel_notes.h"
#include "core/lesson_detail.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace msb::core {

namespace {

using detail::JsonInput;
using detail::trimmed;
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

std::string threadList(const Scenario& scenario)
{
    std::string known;
    for (const auto& spec : scenario.threads)
        known += (known.empty() ? "" : ", ") + spec.name;
    return known;
}

/// "preset" (a name) then "settings" (knob overrides) of a lesson or a page, on top of base: a
/// knob the lesson does not name keeps its value from the preset (detail::readSettings' rule).
std::optional<Settings> readLessonSettings(
    const JsonInput& input, const Json& object, const std::string& path, Settings base)
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
        base = detail::readSettings(input, *settings, JsonInput::join(path, "settings"), base);
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
        name = trimmed(text.substr(0, cut));
        const std::string number = trimmed(text.substr(cut + width));
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
            const std::string field = JsonInput::index(at + ".options", i);
            checkpoint.options.push_back(option.is_number_integer() ? std::to_string(input.integer(option, field))
                                                                    : input.string(option, field));
        }
    }
    const Json& answer = *input.member(object, at, "answer", true);
    if (checkpoint.kind == CheckpointKind::Choice && answer.is_number_integer()) {
        // A choice's answer by its option's number: what a translation keeps unchanged.
        const int number = input.integer(answer, at + ".answer");
        if (number < 1 || number > static_cast<int>(checkpoint.options.size()))
            input.fail(at + ".answer",
                "option " + std::to_string(number) + " does not exist (the choice has "
                    + std::to_string(checkpoint.options.size()) + " options)");
        checkpoint.answer = checkpoint.options[static_cast<std::size_t>(number - 1)];
    } else if (answer.is_number_integer()) {
        checkpoint.answer = std::to_string(input.integer(answer, at + ".answer"));
    } else if (answer.is_array()) {
        for (std::size_t i = 0; i < answer.size(); ++i)
            checkpoint.answer += (i ? "," : "") + input.string(answer[i], JsonInput::index(at + ".answer", i));
    } else {
        checkpoint.answer = input.string(answer, at + ".answer");
    }
    if (checkpoint.kind == CheckpointKind::Choice) {
        const auto right = std::find(checkpoint.options.begin(), checkpoint.options.end(), checkpoint.answer);
        if (right != checkpoint.options.end())
            checkpoint.answerOption = static_cast<int>(right - checkpoint.options.begin()) + 1;
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

LessonPage readPage(const JsonInput& input, const Json& value, const std::string& at, const Lesson& lesson)
{
    const auto& object = input.object(value, at);
    input.onlyKnownMembers(
        object, at, {"narration", "facts", "restart", "preset", "settings", "schedule", "checkpoint", "expect"});
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
    if (const auto* restart = input.member(object, at, "restart", false))
        page.restart = input.boolean(*restart, at + ".restart");
    // A page's settings are relative to the lesson's (not to the previous page's) so that each
    // page reads on its own.
    page.settings = readLessonSettings(input, object, at, lesson.settings);
    if (const auto* schedule = input.member(object, at, "schedule", false)) {
        input.array(*schedule, at + ".schedule");
        for (std::size_t k = 0; k < schedule->size(); ++k) {
            const std::string field = JsonInput::index(at + ".schedule", k);
            readScheduleEntry(input, lesson.scenario, input.string((*schedule)[k], field), field, page.schedule);
        }
    }
    if (const auto* checkpoint = input.member(object, at, "checkpoint", false))
        page.checkpoint = readCheckpoint(input, *checkpoint, at + ".checkpoint", lesson.scenario);
    if (const auto* expect = input.member(object, at, "expect", false))
        page.expect = readExpect(input, *expect, at + ".expect", lesson.scenario);
    return page;
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

namespace detail {

Lesson readLesson(const JsonInput& input)
{
    checkFormat(input, kLessonFormat, kLessonFormatVersion);
    const auto& root = input.root();
    input.onlyKnownMembers(root, {},
        {"format", "version", "id", "language", "title", "audience", "summary", "scenario", "preset", "settings",
            "pages"});
    Lesson lesson;
    lesson.id = input.string(*input.member(root, {}, "id", true), "id");
    if (const auto* language = input.member(root, {}, "language", false)) {
        lesson.language = input.string(*language, "language");
        const bool code = lesson.language.size() == 2
            && std::all_of(lesson.language.begin(), lesson.language.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        if (!code)
            input.fail("language", "expected a two-letter ISO 639-1 code such as \"de\"");
    }
    lesson.title = input.string(*input.member(root, {}, "title", true), "title");
    lesson.audience = input.string(*input.member(root, {}, "audience", true), "audience");
    lesson.summary = input.string(*input.member(root, {}, "summary", true), "summary");
    lesson.scenario = readLessonScenario(input, *input.member(root, {}, "scenario", true));
    lesson.settings = readLessonSettings(input, root, {}, findPreset("v5.11")->settings).value_or(lesson.settings);
    const auto& pages = input.array(*input.member(root, {}, "pages", true), "pages");
    if (pages.empty())
        input.fail("pages", "a lesson needs at least one page");
    for (std::size_t i = 0; i < pages.size(); ++i)
        lesson.pages.push_back(readPage(input, pages[i], JsonInput::index("pages", i), lesson));
    return lesson;
}

} // namespace detail

} // namespace msb::core
