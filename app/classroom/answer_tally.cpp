// SPDX-License-Identifier: MIT
#include "app/classroom/answer_tally.h"

#include "core/json_input.h"
#include "core/lesson.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace msb::classroom {

namespace {

using nlohmann::json;

/// Code points of valid UTF-8 without control characters, or -1.
long utf8Characters(std::string_view text)
{
    long count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size())
            return -1;
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2)
                return -1;
        }
        if (length == 1 && (c < 0x20 || c == 0x7F))
            return -1;
        i += length;
        ++count;
    }
    return count;
}

/// A checkpoint as the lesson checker sees a list of choices: the rule of core::answerMatches.
core::Checkpoint asChoice(const std::vector<std::string>& choices)
{
    core::Checkpoint checkpoint;
    checkpoint.kind = core::CheckpointKind::Choice;
    checkpoint.options = choices;
    return checkpoint;
}

std::string percent(int part, int whole)
{
    return whole > 0 ? std::to_string(static_cast<int>(std::lround(100.0 * part / whole))) + "%" : "0%";
}

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\n\r") == std::string::npos && (text.empty() || text.front() != ' '))
        return text;
    std::string out = "\"";
    for (const char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string normalizedOpen(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        if (c == ' ' && (out.empty() || out.back() == ' '))
            continue;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

} // namespace

core::Result<void> checkAnswerShape(const msg::Answer& answer)
{
    const auto& id = answer.student;
    if (id.size() < kMinStudentIdBytes || id.size() > kMaxStudentIdBytes)
        return core::errorMessage("student id of " + std::to_string(id.size()) + " bytes (expected "
            + std::to_string(kMinStudentIdBytes) + ".." + std::to_string(kMaxStudentIdBytes) + ")");
    const bool idOk = std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!idOk)
        return core::errorMessage("student id has characters other than A-Z a-z 0-9 - _");
    if (answer.answer.empty() || answer.answer.size() > kMaxAnswerBytes)
        return core::errorMessage("answer of " + std::to_string(answer.answer.size()) + " bytes (expected 1.."
            + std::to_string(kMaxAnswerBytes) + ")");
    if (utf8Characters(answer.answer) < 0)
        return core::errorMessage("answer is not UTF-8 text");
    const long nickname = utf8Characters(answer.nickname);
    if (nickname < 0)
        return core::errorMessage("nickname is not UTF-8 text");
    if (nickname > static_cast<long>(kMaxNicknameChars))
        return core::errorMessage("nickname of " + std::to_string(nickname) + " characters (at most "
            + std::to_string(kMaxNicknameChars) + ")");
    return {};
}

AnswerRate::AnswerRate(int burst, std::chrono::milliseconds refill)
    : m_burst(burst)
    , m_refill(refill)
    , m_tokens(burst)
{
}

bool AnswerRate::take(Clock::time_point now)
{
    if (m_started && now > m_last) {
        const double refilled = std::chrono::duration<double>(now - m_last) / m_refill;
        m_tokens = std::min<double>(m_burst, m_tokens + refilled);
    }
    m_started = true;
    m_last = std::max(m_last, now);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

std::string AnswerTally::key(const std::string& question, const std::vector<std::string>& choices)
{
    std::string out = question;
    for (const auto& choice : choices)
        out += '\x1f' + choice;
    return out;
}

AnswerTally::Outcome AnswerTally::record(const std::vector<CheckpointEvent>& asked, const msg::Answer& answer)
{
    if (answer.checkpoint < 0 || answer.checkpoint >= static_cast<int>(asked.size()))
        return Outcome::UnknownCheckpoint;
    const CheckpointEvent& checkpoint = asked[static_cast<std::size_t>(answer.checkpoint)];
    Given given;
    given.text = answer.answer;
    given.nickname = answer.nickname;
    if (!checkpoint.choices.empty()) {
        const core::Checkpoint rule = asChoice(checkpoint.choices);
        // A choice's text first, its 1-based number only when no text matches: with the choices
        // "0".."4" (a page count), "3" is the choice "3", not the third choice.
        const core::Checkpoint byText = asChoice({});
        for (std::size_t i = 0; i < checkpoint.choices.size() && given.choice < 0; ++i) {
            if (core::answerMatches(byText, answer.answer, checkpoint.choices[i]))
                given.choice = static_cast<int>(i);
        }
        for (std::size_t i = 0; i < checkpoint.choices.size() && given.choice < 0; ++i) {
            if (core::answerMatches(rule, answer.answer, checkpoint.choices[i]))
                given.choice = static_cast<int>(i);
        }
        if (given.choice < 0)
            return Outcome::NotAChoice;
        given.text = checkpoint.choices[static_cast<std::size_t>(given.choice)];
        given.correct = given.choice == checkpoint.answer;
    }
    const std::string k = key(checkpoint.question, checkpoint.choices);
    auto [it, added] = m_questions.try_emplace(k);
    Question& question = it->second;
    if (added) {
        question.question = checkpoint.question;
        question.choices = checkpoint.choices;
        question.order = m_nextOrder++;
    }
    question.answer = checkpoint.answer; // the latest publication's model answer
    const auto student = question.students.find(answer.student);
    if (student == question.students.end()) {
        if (question.students.size() >= kMaxStudentsPerQuestion) {
            if (added)
                m_questions.erase(it);
            return Outcome::Full;
        }
        question.students.emplace(answer.student, std::move(given));
        return Outcome::Counted;
    }
    Given& before = student->second;
    const bool same = before.choice == given.choice && before.text == given.text && before.nickname == given.nickname;
    before = std::move(given);
    return same ? Outcome::Unchanged : Outcome::Replaced;
}

QuestionTally AnswerTally::summarize(const Question& question)
{
    QuestionTally out;
    out.question = question.question;
    out.choices = question.choices;
    out.answer = question.answer;
    out.counts.assign(question.choices.size(), 0);
    for (const auto& [id, given] : question.students) {
        ++out.answered;
        if (given.choice >= 0 && given.choice < static_cast<int>(out.counts.size()))
            ++out.counts[static_cast<std::size_t>(given.choice)];
        if (given.correct)
            ++out.correct;
    }
    return out;
}

QuestionTally AnswerTally::tally(const CheckpointEvent& checkpoint) const
{
    const auto it = m_questions.find(key(checkpoint.question, checkpoint.choices));
    if (it != m_questions.end())
        return summarize(it->second);
    QuestionTally empty;
    empty.question = checkpoint.question;
    empty.choices = checkpoint.choices;
    empty.answer = checkpoint.answer;
    empty.counts.assign(checkpoint.choices.size(), 0);
    return empty;
}

std::vector<QuestionTally> AnswerTally::tallies() const
{
    std::vector<const Question*> ordered;
    for (const auto& [k, question] : m_questions)
        ordered.push_back(&question);
    std::sort(ordered.begin(), ordered.end(), [](const Question* a, const Question* b) { return a->order < b->order; });
    std::vector<QuestionTally> out;
    for (const Question* question : ordered)
        out.push_back(summarize(*question));
    return out;
}

msg::Reveal AnswerTally::reveal(const std::vector<CheckpointEvent>& asked, int checkpoint, int followers) const
{
    const CheckpointEvent& event = asked.at(static_cast<std::size_t>(checkpoint));
    QuestionTally t = tally(event);
    msg::Reveal reveal;
    reveal.checkpoint = checkpoint;
    reveal.question = event.question;
    reveal.choices = event.choices;
    reveal.answer = event.answer;
    reveal.followers = followers;
    reveal.answered = t.answered;
    reveal.counts = std::move(t.counts);
    reveal.correct = t.correct;
    return reveal;
}

std::string AnswerTally::line(const QuestionTally& tally, int followers)
{
    std::string out = "tally \"" + tally.question + "\": " + std::to_string(tally.answered) + "/"
        + std::to_string(std::max(followers, tally.answered)) + " answered";
    for (std::size_t i = 0; i < tally.choices.size(); ++i) {
        out += "; \"" + tally.choices[i] + "\" " + std::to_string(tally.counts[i]) + " ("
            + percent(tally.counts[i], tally.answered) + ")";
        if (static_cast<int>(i) == tally.answer)
            out += " *";
    }
    if (tally.answer >= 0)
        out += "; correct " + percent(tally.correct, tally.answered);
    return out;
}

std::string AnswerTally::csv() const
{
    std::vector<const Question*> ordered;
    for (const auto& [k, question] : m_questions)
        ordered.push_back(&question);
    std::sort(ordered.begin(), ordered.end(), [](const Question* a, const Question* b) { return a->order < b->order; });
    std::string out = "question,choice,model_answer,count,share,nicknames\n";
    for (const Question* question : ordered) {
        // Rows: the choices in order, or an open question's distinct answers in order first given.
        std::vector<std::string> rows = question->choices;
        std::vector<std::string> rowKeys = rows;
        if (rows.empty()) {
            for (const auto& [id, given] : question->students) {
                const std::string k = normalizedOpen(given.text);
                if (std::find(rowKeys.begin(), rowKeys.end(), k) == rowKeys.end()) {
                    rows.push_back(given.text);
                    rowKeys.push_back(k);
                }
            }
        }
        const int answered = static_cast<int>(question->students.size());
        for (std::size_t r = 0; r < rows.size(); ++r) {
            int count = 0;
            std::string nicknames;
            for (const auto& [id, given] : question->students) {
                const bool here = question->choices.empty() ? normalizedOpen(given.text) == rowKeys[r]
                                                            : given.choice == static_cast<int>(r);
                if (!here)
                    continue;
                ++count;
                if (!given.nickname.empty())
                    nicknames += (nicknames.empty() ? "" : ";") + given.nickname;
            }
            char share[16];
            std::snprintf(share, sizeof share, "%.2f", answered ? static_cast<double>(count) / answered : 0.0);
            out += csvField(question->question) + "," + csvField(rows[r]) + ","
                + (static_cast<int>(r) == question->answer && !question->choices.empty() ? "yes" : "no") + ","
                + std::to_string(count) + "," + share + "," + csvField(nicknames) + "\n";
        }
    }
    return out;
}

std::string AnswerTally::toJson() const
{
    json questions = json::array();
    for (const auto& tallyQuestion : tallies()) {
        const Question& question = m_questions.at(key(tallyQuestion.question, tallyQuestion.choices));
        json students = json::array();
        for (const auto& [id, given] : question.students)
            students.push_back(json {{"student", id}, {"choice", given.choice}, {"text", given.text},
                {"nickname", given.nickname}, {"correct", given.correct}});
        questions.push_back(json {{"question", question.question}, {"choices", question.choices},
            {"answer", question.answer}, {"students", std::move(students)}});
    }
    return json {{"format", "migration-sandbox-answers"}, {"version", 1}, {"questions", std::move(questions)}}.dump(
        -1, ' ', false, json::error_handler_t::replace);
}

core::Result<AnswerTally> AnswerTally::fromJson(std::string_view text)
{
    using core::detail::JsonInput;
    using core::detail::JsonObject;
    return core::detail::readJsonDocument<AnswerTally>(text, "answers", [](const JsonInput& input) {
        const JsonObject root(input, input.root(), {}, {"format", "version", "questions"});
        if (root.string("format") != "migration-sandbox-answers")
            input.fail("format", "expected \"migration-sandbox-answers\"");
        root.integer("version", 1, 1);
        AnswerTally tally;
        const json& questions = input.array(root.member("questions"), "questions");
        for (std::size_t q = 0; q < questions.size(); ++q) {
            const std::string at = JsonInput::index("questions", q);
            const JsonObject r(input, questions[q], at, {"question", "choices", "answer", "students"});
            Question question;
            question.question = r.string("question");
            const json& choices = input.array(r.member("choices"), r.field("choices"));
            for (std::size_t i = 0; i < choices.size(); ++i)
                question.choices.push_back(input.string(choices[i], JsonInput::index(r.field("choices"), i)));
            const int choiceCount = static_cast<int>(question.choices.size());
            question.answer = r.integer("answer", -1, choiceCount - 1);
            question.order = tally.m_nextOrder++;
            const json& students = input.array(r.member("students"), r.field("students"));
            if (students.size() > kMaxStudentsPerQuestion)
                input.fail(r.field("students"), "more than " + std::to_string(kMaxStudentsPerQuestion) + " students");
            for (std::size_t s = 0; s < students.size(); ++s) {
                const JsonObject g(input, students[s], JsonInput::index(r.field("students"), s),
                    {"student", "choice", "text", "nickname", "correct"});
                Given given {g.integer("choice", choiceCount ? 0 : -1, choiceCount - 1), g.string("text"),
                    g.string("nickname"), g.boolean("correct")};
                msg::Answer shape {g.string("student"), 0, given.text, given.nickname};
                if (const auto checked = checkAnswerShape(shape); !checked)
                    input.fail(g.field("student"), checked.error().message);
                question.students.insert_or_assign(shape.student, std::move(given));
            }
            const std::string k = key(question.question, question.choices);
            if (tally.m_questions.count(k))
                input.fail(at, "the same question twice");
            tally.m_questions.emplace(k, std::move(question));
        }
        return tally;
    });
}

} // namespace msb::classroom
