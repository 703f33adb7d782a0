// SPDX-License-Identifier: MIT
#include "core/lesson.h"

#include "core/builtin_lesson_translations_data.h"
#include "core/builtin_lessons_data.h"
#include "core/json_fields.h"
#include "core/lesson_detail.h"

#include <algorithm>

namespace msb::core {

Result<Lesson> parseLesson(std::string_view text, const std::string& fileName)
{
    return detail::readJsonDocument<Lesson>(text, fileName, [](const detail::JsonInput& input) {
        Lesson lesson = detail::readLesson(input);
        detail::checkLessonAgainstModel(input, lesson);
        return lesson;
    });
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

namespace {

// A translation is embedded under "<language>/<name>" (core/CMakeLists.txt), so adding a language
// needs no code here.
std::string_view translationText(std::string_view name, std::string_view language)
{
    for (const auto& entry : detail::kBuiltinLessonTranslationFiles) {
        const std::string_view key = entry.name;
        if (key.size() == language.size() + 1 + name.size() && key.starts_with(language) && key[language.size()] == '/'
            && key.ends_with(name))
            return entry.text;
    }
    return {};
}

} // namespace

const std::vector<std::string>& builtinLessonLanguages()
{
    static const std::vector<std::string> languages = [] {
        std::vector<std::string> out {"en"};
        for (const auto& entry : detail::kBuiltinLessonTranslationFiles) {
            std::string language(entry.name.substr(0, entry.name.find('/')));
            if (std::find(out.begin(), out.end(), language) == out.end())
                out.push_back(std::move(language));
        }
        return out;
    }();
    return languages;
}

bool hasBuiltinLessonTranslation(std::string_view name, std::string_view language)
{
    if (builtinLessonText(name).empty())
        return false;
    return language == "en" || !translationText(name, language).empty();
}

std::string_view builtinLessonText(std::string_view name, std::string_view language)
{
    const std::string_view translated = language == "en" ? std::string_view() : translationText(name, language);
    return translated.empty() ? builtinLessonText(name) : translated;
}

Result<Lesson> loadBuiltinLesson(std::string_view name, std::string_view language)
{
    if (!hasBuiltinLessonTranslation(name, language) || language == "en")
        return loadBuiltinLesson(name);
    return parseLesson(builtinLessonText(name, language),
        "assets/lessons/" + std::string(language) + "/" + std::string(name) + ".json");
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

} // namespace msb::core
