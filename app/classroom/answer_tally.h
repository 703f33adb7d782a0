// SPDX-License-Identifier: MIT
// The room's answers to the teacher's checkpoints: one answer per student per question (a change
// replaces it; a student who reconnects with the same id keeps one), graded with the lesson
// checker's rule (core::answerMatches), summed per choice, revealed to the followers, saved with
// the session and exported as CSV. No I/O; the host protocol feeds it and bounds what reaches it.
#pragma once

#include "app/classroom/protocol.h"
#include "core/result.h"

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace msb::classroom {

// Bounds of one answer message; a follower that breaks one is closed (HostProtocol).
inline constexpr std::size_t kMaxAnswerMessageBytes = 512;
inline constexpr std::size_t kMinStudentIdBytes = 8;
inline constexpr std::size_t kMaxStudentIdBytes = 64;
inline constexpr std::size_t kMaxAnswerBytes = 64;
inline constexpr std::size_t kMaxNicknameChars = 32; // code points (UTF-8), at most 4 bytes each
inline constexpr std::size_t kMaxStudentsPerQuestion = 4096;

/// Whether an answer's shape is acceptable (student id of 8..64 [A-Za-z0-9_-], an answer of
/// 1..64 bytes, a nickname of at most 32 characters of valid UTF-8 without control characters),
/// and if not, why.
core::Result<void> checkAnswerShape(const msg::Answer& answer);

/// A token bucket per connection: a burst of `burst` answers, then one per `refill`.
class AnswerRate
{
public:
    using Clock = std::chrono::steady_clock;
    explicit AnswerRate(int burst = 10, std::chrono::milliseconds refill = std::chrono::milliseconds(500));
    /// Takes a token; false when the bucket is empty (the follower answers faster than a person).
    bool take(Clock::time_point now);

private:
    int m_burst;
    std::chrono::milliseconds m_refill;
    double m_tokens;
    Clock::time_point m_last {};
    bool m_started = false;
};

/// One question's tally, as the teacher's window, the CLI and a reveal show it.
struct QuestionTally
{
    std::string question;
    std::vector<std::string> choices;
    int answer = -1;         // the model's choice, -1 when open-ended
    int answered = 0;        // students with an answer
    std::vector<int> counts; // per choice (empty for an open question)
    int correct = 0;         // answers matching the model's (0 when open-ended)
    friend bool operator==(const QuestionTally&, const QuestionTally&) = default;
};

class AnswerTally
{
public:
    enum class Outcome {
        Counted,           // a new student's answer
        Replaced,          // the student changed the answer
        Unchanged,         // the same answer again
        UnknownCheckpoint, // no such checkpoint in the session (a stale answer): ignored
        NotAChoice,        // the question lists choices and the answer is none of them: a bad answer
        Full,              // kMaxStudentsPerQuestion students already answered: ignored
    };

    /// Records a (well-shaped) answer to asked[answer.checkpoint]. Questions are told apart by
    /// their text and choices, so a question asked again (the page revisited) keeps its tally.
    Outcome record(const std::vector<CheckpointEvent>& asked, const msg::Answer& answer);

    /// The tally of a checkpoint (by its index into asked); all zero when nobody answered.
    QuestionTally tally(const CheckpointEvent& checkpoint) const;
    /// Every question that has answers, in the order first answered.
    std::vector<QuestionTally> tallies() const;
    msg::Reveal reveal(const std::vector<CheckpointEvent>& asked, int checkpoint, int followers) const;
    bool empty() const { return m_questions.empty(); }

    /// One line per question: `tally "QUESTION": 3/5 answered; "2" 2 (67%) *; "3" 1 (33%); correct 67%`
    /// (the model's choice starred).
    static std::string line(const QuestionTally& tally, int followers);
    /// question,choice,model_answer,count,share,nicknames: one row per choice (per distinct answer
    /// for an open question), the nicknames that gave it separated by ';'.
    std::string csv() const;

    /// Saved with the session: every student's answer (ids, nicknames) per question.
    std::string toJson() const;
    static core::Result<AnswerTally> fromJson(std::string_view text);

private:
    struct Given
    {
        int choice = -1;  // index into choices, -1 for an open answer
        std::string text; // the answer as given (the open answer's text)
        std::string nickname;
        bool correct = false;
    };
    struct Question
    {
        std::string question;
        std::vector<std::string> choices;
        int answer = -1;
        int order = 0;
        std::map<std::string, Given> students; // by student id
    };
    static std::string key(const std::string& question, const std::vector<std::string>& choices);
    static QuestionTally summarize(const Question& question);

    std::map<std::string, Question> m_questions;
    int m_nextOrder = 0;
};

} // namespace msb::classroom
