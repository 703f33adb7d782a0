// SPDX-License-Identifier: MIT
// Lessons (assets/lessons/*.json): a guided walk through one scenario, page by page. Each page
// narrates, cites kernel notes, plays some steps and may stop on a checkpoint question.
//
// A lesson is checked against the model when it is loaded: every page's steps must be runnable,
// and for the checkpoint kinds page_count, can_step and outcome (and for a page's "expect") the
// answer is computed by running the model, so a lesson whose text disagrees with the model is an
// Error naming the page and field, never a wrong lesson shown to a learner. The format is
// described in assets/lessons/README.md.
#pragma once

#include "core/recording.h"
#include "core/result.h"
#include "core/scenario.h"
#include "core/settings.h"
#include "core/simulator.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msb::core {

inline constexpr std::string_view kLessonFormat = "migration-sandbox-lesson";
inline constexpr int kLessonFormatVersion = 1;

enum class CheckpointKind : unsigned char {
    PageCount, // page_count(D<page>) after the page's first step (computed)
    CanStep,   // the threads that can step when the question is asked (computed)
    Outcome,   // status and safety flags after the page's steps, e.g. "completes+lost_update" (computed)
    Choice,    // one of the options; the file's answer is authoritative
};

std::string_view checkpointKindName(CheckpointKind kind);

/// A question asked when a page opens (after its settings change, before its steps play).
struct Checkpoint
{
    CheckpointKind kind = CheckpointKind::Choice;
    std::string question;
    int page = 0;                     // the virtual page X<page> a page_count question is about
    std::vector<std::string> options; // required for choice; optional elsewhere (must contain the answer)
    std::string answer;               // canonical form: "2", "T1", "T1,T2", "completes+lost_update", option text
    int answerOption = 0;             // choice: the 1-based number of the right option (0 elsewhere)
    std::string feedbackRight;
    std::string feedbackWrong;
};

/// Facts the page's narration relies on, checked against the model after the page's steps.
struct PageExpect
{
    std::optional<std::string> status;               // outcomeName: "running", "completes", ...
    std::optional<std::vector<std::string>> flags;   // exactly these safety flags
    std::optional<int> repeats;                      // Simulator::repeatsPosition(), -1 for "none"
    std::vector<std::pair<int, int>> pageCounts;     // (page, page_count(D<page>))
    std::optional<std::vector<std::string>> canStep; // thread names that can step afterwards
    std::optional<std::vector<std::string>> steps;   // labels of the page's own steps ("M7-fail")
    std::vector<std::pair<int, std::string>> stepAt; // (1-based step of the run, label), e.g. after a replay
};

struct LessonPage
{
    std::string narration;
    std::vector<std::string> facts;   // "12", or a section such as "K35"
    bool restart = false;             // start again from the initial state (a new recording segment)
    std::optional<Settings> settings; // replay the schedule so far under these (Simulator::changeSettings)
    std::vector<int> schedule;        // thread indices, played after the checkpoint
    std::optional<Checkpoint> checkpoint;
    PageExpect expect;
};

struct Lesson
{
    std::string id;
    std::string language = "en"; // ISO 639-1 code of the prose ("language" in the file)
    std::string title;
    std::string audience;
    std::string summary;
    Scenario scenario;
    Settings settings;
    std::vector<LessonPage> pages;
};

/// Parses and validates a lesson against the model. fileName only labels errors.
Result<Lesson> parseLesson(std::string_view text, const std::string& fileName);
Result<Lesson> loadLessonFile(const std::string& path);

/// The built-in lessons (assets/lessons/*.json, embedded at build time), in teaching order.
const std::vector<std::string>& builtinLessonNames();
std::string_view builtinLessonText(std::string_view name);
Result<Lesson> loadBuiltinLesson(std::string_view name);

/// The languages the built-in lessons come in: "en" first, then each translation
/// (assets/lessons/<language>/<name>.json, embedded like the English files).
const std::vector<std::string>& builtinLessonLanguages();
/// The lesson's text in language ("de"; a plain ISO 639-1 code, as QLocale().name().left(2)
/// gives). Falls back to the English text when that language has no translation of the lesson.
std::string_view builtinLessonText(std::string_view name, std::string_view language);
/// Whether language has its own translation of the lesson (no fallback); "en" always has.
bool hasBuiltinLessonTranslation(std::string_view name, std::string_view language);
Result<Lesson> loadBuiltinLesson(std::string_view name, std::string_view language);

/// The model's state around one page.
struct PageRun
{
    Simulator before; // when the page opens: after its restart/settings, before its steps
    Simulator after;  // after its steps
    int segment = 0;  // recording segment (a restart starts a new one)
};

/// Plays the lesson page by page. Errors name the page and field ("pages[3].schedule[2]").
Result<std::vector<PageRun>> playLesson(const Lesson& lesson);

/// The model's answer to a checkpoint, in canonical form, for the page's run.
std::string computedAnswer(const Checkpoint& checkpoint, const PageRun& run);

/// Whether a learner's answer matches the expected one for this kind of checkpoint: the rule the
/// lesson checker and LessonRunner::checkAnswer use (case- and space-insensitive; an answer to a
/// choice, can_step or outcome question with options may be given by its 1-based number, which is
/// the same in every translation). The classroom tally grades the room's answers with it too.
bool answerMatches(const Checkpoint& checkpoint, std::string_view given, const std::string& expected);

struct AnswerCheck
{
    bool correct = false;
    std::string feedback; // feedback_right or feedback_wrong (the latter followed by the answer)
    std::string expected; // the canonical answer
};

/// Steps through a (valid) lesson: a page is shown, its checkpoint answered, then next().
class LessonRunner
{
public:
    /// Precondition: lesson came from parseLesson (so playLesson succeeds).
    explicit LessonRunner(Lesson lesson);

    const Lesson& lesson() const { return m_lesson; }
    int pageCount() const { return static_cast<int>(m_lesson.pages.size()); }
    int position() const { return m_position; }
    const LessonPage& page() const { return m_lesson.pages[static_cast<std::size_t>(m_position)]; }
    const PageRun& run(int page) const { return m_runs[static_cast<std::size_t>(page)]; }
    /// The simulator when the current page opens and after its steps.
    const Simulator& before() const { return run(m_position).before; }
    const Simulator& after() const { return run(m_position).after; }

    /// Case- and space-insensitive; a choice may be answered by its text or its 1-based number.
    AnswerCheck checkAnswer(int page, std::string_view answer);
    /// True when the page has no checkpoint or it was answered (rightly or wrongly).
    bool answered(int page) const { return m_answered[static_cast<std::size_t>(page)] != 0; }
    /// Moves on; refused (false) at the last page or while the current checkpoint is unanswered.
    bool next();
    bool back();
    void jumpTo(int page);

private:
    Lesson m_lesson;
    std::vector<PageRun> m_runs;
    std::vector<std::uint8_t> m_answered;
    int m_position = 0;
};

/// The number of recording segments (1 + the pages that restart).
int lessonSegmentCount(const Lesson& lesson);
/// One segment as a recording: the segment's final run (its whole schedule under the segment's
/// last settings) with each page's narration on the page's first step.
Recording lessonRecording(const Lesson& lesson, int segment = 0);

} // namespace msb::core
