// SPDX-License-Identifier: MIT
// `lesson FILE|NAME`: walks a lesson page by page, printing its narration, the steps each page
// plays and its checkpoints. --answers auto answers every checkpoint with the model's answer (a
// smoke test of the whole lesson); interactive reads each answer from stdin. --lang picks a
// built-in lesson's translation (assets/lessons/<lang>/), English where there is none.
// Exit 0 when the lesson ran to its end, 2 when it cannot be loaded.
#include "app/cli/commands.h"
#include "app/cli/lesson_host.h"
#include "app/cli/scenario_options.h"
#include "core/lesson.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace msb::cli {

namespace {

struct LessonOptions
{
    std::string lesson;
    std::string answers = "auto";
    std::string language = "en";
    bool json = false;
};

/// The few words the text output puts around the lesson's own prose, in the lesson's language.
struct OutputWords
{
    std::string_view scenario, preset, page, kernelNotes, startAgain, replay, under, correct, notQuite, end;
};

constexpr OutputWords kEnglishWords {"scenario", "preset", "page", "kernel notes", "[start again",
    "[replay the schedule so far", "under", "correct: ", "not quite: ", "end of lesson"};
constexpr OutputWords kGermanWords {"Szenario", "Preset", "Seite", "Kernel-Notizen", "[Neustart",
    "[bisheriger Ablauf erneut", "unter", "richtig: ", "nicht ganz: ", "Ende der Lektion"};

const OutputWords& outputWords(std::string_view language)
{
    return language == "de" ? kGermanWords : kEnglishWords;
}

core::Result<core::Lesson> resolveLessonIn(const std::string& nameOrPath, const std::string& language)
{
    if (!core::builtinLessonText(nameOrPath).empty())
        return core::loadBuiltinLesson(nameOrPath, language);
    if (std::filesystem::exists(nameOrPath))
        return core::loadLessonFile(nameOrPath); // a file is in the language it was written in
    return core::loadBuiltinLesson(nameOrPath);  // the error lists the built-ins
}

std::string factsText(const core::LessonPage& page)
{
    std::string out;
    for (const auto& fact : page.facts)
        out += (out.empty() ? "" : ", ") + fact;
    return out;
}

int runLesson(const LessonOptions& options)
{
    auto loaded = resolveLessonIn(options.lesson, options.language);
    if (!loaded)
        return reportBadInput(loaded.error());
    core::LessonRunner runner(std::move(loaded).value());
    const core::Lesson& lesson = runner.lesson();
    const bool interactive = options.answers == "interactive";
    const OutputWords& words = outputWords(lesson.language);

    using Json = nlohmann::ordered_json;
    Json doc;
    auto pages = Json::array();
    if (!options.json) {
        std::cout << lesson.title << "\n"
                  << lesson.audience << "\n"
                  << lesson.summary << "\n"
                  << words.scenario << " " << lesson.scenario.name << ", " << words.preset << " "
                  << core::presetNameFor(lesson.settings) << "\n";
    }
    for (int i = 0; i < runner.pageCount(); ++i) {
        const core::LessonPage& page = runner.page();
        const core::Simulator& before = runner.before();
        const core::Simulator& after = runner.after();
        Json entry;
        entry["page"] = i + 1;
        entry["narration"] = page.narration;
        entry["facts"] = page.facts;
        if (!options.json) {
            std::cout << "\n--- " << words.page << " " << i + 1 << "/" << runner.pageCount() << " ("
                      << words.kernelNotes << " " << factsText(page) << ")\n";
            if (page.restart || page.settings)
                std::cout << (page.restart ? words.startAgain : words.replay) << " " << words.under << " "
                          << core::presetNameFor(before.settings()) << "]\n";
            std::cout << page.narration << "\n";
        }
        if (page.checkpoint) {
            const core::Checkpoint& checkpoint = *page.checkpoint;
            std::string given;
            if (!options.json) {
                std::cout << "? " << checkpoint.question << "\n";
                for (std::size_t k = 0; k < checkpoint.options.size(); ++k)
                    std::cout << "  " << k + 1 << ") " << checkpoint.options[k] << "\n";
            }
            if (interactive) {
                std::cout << "> " << std::flush;
                if (!std::getline(std::cin, given))
                    given.clear();
            } else {
                given = core::computedAnswer(checkpoint, runner.run(i));
            }
            const core::AnswerCheck check = runner.checkAnswer(i, given);
            if (!options.json) {
                if (!interactive)
                    std::cout << "> " << given << "\n";
                std::cout << (check.correct ? words.correct : words.notQuite) << check.feedback << "\n";
            }
            entry["checkpoint"] = Json {{"kind", core::checkpointKindName(checkpoint.kind)},
                {"question", checkpoint.question}, {"answer", check.expected}, {"given", given},
                {"correct", check.correct}, {"feedback", check.feedback}};
        }
        auto steps = Json::array();
        for (int s = before.position(); s < after.position(); ++s) {
            const core::StepRecord& record = after.history()[static_cast<std::size_t>(s)];
            const auto& info = core::stepInfo(record.id);
            const std::string& thread = lesson.scenario.threads[static_cast<std::size_t>(record.thread)].name;
            if (!options.json) {
                std::cout << "  " << s + 1 << "  " << thread << "  " << info.id << "  " << info.text
                          << "  [page_count(D" << record.page << ")=" << record.refAfter << "]\n";
            }
            steps.push_back(Json {{"index", s + 1}, {"thread", thread}, {"step", info.id},
                {"ref_after", record.refAfter}, {"note", record.note}});
        }
        entry["steps"] = std::move(steps);
        entry["status"] = core::outcomeName(after.status());
        entry["flags"] = core::flagNames(after.state().flags);
        pages.push_back(std::move(entry));
        runner.next();
    }
    if (options.json) {
        doc["id"] = lesson.id;
        doc["language"] = lesson.language;
        doc["title"] = lesson.title;
        doc["scenario"] = lesson.scenario.name;
        doc["pages"] = std::move(pages);
        std::cout << doc.dump(2) << '\n';
    } else {
        std::cout << "\n" << words.end << " " << lesson.id << "\n";
    }
    return ExitOk;
}

} // namespace

core::Result<core::Lesson> resolveLesson(const std::string& nameOrPath)
{
    return resolveLessonIn(nameOrPath, "en");
}

void addLessonCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<LessonOptions>();
    auto* command = app.add_subcommand("lesson", "Walk through a guided lesson, page by page, with its checkpoints");
    command->add_option("LESSON", options->lesson, "built-in lesson name or a lesson file (*.json)")->required();
    command->add_option("--answers", options->answers, "auto: answer with the model's answer; interactive: read stdin")
        ->check(CLI::IsMember({"auto", "interactive"}))
        ->capture_default_str();
    command->add_option("--lang", options->language, "the built-in lesson's language (English where not translated)")
        ->check(CLI::IsMember(core::builtinLessonLanguages()))
        ->capture_default_str();
    command->add_flag("--json", options->json, "print one JSON object instead of text");
    std::string names;
    for (const auto& name : core::builtinLessonNames())
        names += (names.empty() ? "" : ", ") + name;
    command->footer("Built-in lessons: " + names);
    command->callback([options, &exitCode] { exitCode = runLesson(*options); });
}

} // namespace msb::cli
