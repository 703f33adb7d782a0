// SPDX-License-Identifier: MIT
// Internal to the lesson loader (lesson.cpp, lesson_reader.cpp, lesson_check.cpp,
// lesson_runner.cpp): the steps of parseLesson and the answer comparison the runner shares.
#pragma once

#include "core/json_input.h"
#include "core/lesson.h"

#include <string>
#include <string_view>

namespace msb::core::detail {

/// The lesson as the file states it: every field read and checked against the format and the
/// scenario (threads, pages, citations), nothing run yet.
Lesson readLesson(const JsonInput& input);
/// Plays the lesson and fails at the first page whose checkpoint answer or "expect" disagrees
/// with the model. Cost: one run of every page's steps.
void checkLessonAgainstModel(const JsonInput& input, const Lesson& lesson);

/// Compares a learner's (or the file's) answer with the canonical one for this kind.
bool sameAnswer(const Checkpoint& checkpoint, std::string_view given, const std::string& expected);

std::string lowerCase(std::string_view text);
std::string trimmed(std::string_view text);

} // namespace msb::core::detail
