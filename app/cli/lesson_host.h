// SPDX-License-Identifier: MIT
// `classroom host --lesson NAME|FILE`: the CLI teaches a lesson to its followers, page by page:
// each page's text, its question (the room answers it; the tally lines print), and its steps.
// The teacher drives it from stdin (next, reveal, back, end) or it advances on its own.
#pragma once

#include "core/lesson.h"
#include "core/result.h"

#include <chrono>
#include <iosfwd>
#include <string>

namespace msb::classroom {
class ClassroomHost;
}

namespace msb::cli {

/// A built-in lesson's name, or a lesson file.
core::Result<core::Lesson> resolveLesson(const std::string& nameOrPath);

/// Prints one line to stdout, whole, from any thread (the host's tally lines come from its io thread).
void printLine(const std::string& line);

struct LessonPacing
{
    std::chrono::milliseconds step {500};  // between a page's steps
    std::chrono::milliseconds advance {0}; // 0: the teacher's commands on stdin; else a page's time
};

/// Teaches the lesson on a started host, then publishes the end. Commands, one per line:
/// `next` (or an empty line) plays the page's steps and opens the next page, `reveal` shows the
/// room the page's answer and tally, `back` reopens the previous page, `end` (or end of input)
/// ends the class.
void teachLesson(
    classroom::ClassroomHost& host, const core::Lesson& lesson, const LessonPacing& pacing, std::istream& commands);

} // namespace msb::cli
