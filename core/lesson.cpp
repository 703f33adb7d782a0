// SPDX-License-Identifier: MIT
#include "core/lesson.h"

#include "core/builtin_lessons_data.h"
#include "core/json_fields.h"
#include "core/lesson_detail.h"

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
