// SPDX-License-Identifier: MIT
#include "app/cli/lesson_host.h"

#include "app/classroom/answer_tally.h"
#include "app/classroom/classroom_host.h"
#include "app/classroom/lesson_page_text.h"
#include "app/classroom/lesson_question.h"

#include <iostream>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace msb::cli {

void printLine(const std::string& line)
{
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::cout << line << std::endl;
}

namespace {

class LessonClass
{
public:
    LessonClass(classroom::ClassroomHost& host, const core::Lesson& lesson, const LessonPacing& pacing)
        : m_host(host)
        , m_runner(lesson)
        , m_pacing(pacing)
    {
    }

    int pageCount() const { return m_runner.pageCount(); }

    /// Opens a page: the session brought to where it starts, its text, its question; a page
    /// without a question plays its steps at once.
    void open(int page)
    {
        m_runner.jumpTo(page);
        m_played = false;
        const core::PageRun& run = m_runner.run(page);
        syncTo(run.before);
        const core::Lesson& lesson = m_runner.lesson();
        const classroom::msg::Page text = classroom::lessonPageMessage(lesson, page, run.before.position());
        m_host.publishPage(text);
        if (run.after.position() > run.before.position())
            m_host.publishNarration({run.before.position(), lesson.pages[static_cast<std::size_t>(page)].narration});
        printLine("page: " + text.title);
        m_question = classroom::lessonQuestion(m_runner, run.before.position());
        if (m_question) {
            m_host.publishCheckpoint(*m_question);
            std::string choices;
            for (std::size_t i = 0; i < m_question->choices.size(); ++i)
                choices += (i ? " | " : "") + std::to_string(i + 1) + ") " + m_question->choices[i];
            printLine("asks: " + m_question->question + (choices.empty() ? "" : " [" + choices + "]"));
        } else {
            play();
        }
    }

    /// The page's steps, paced (once).
    void play()
    {
        if (m_played)
            return;
        m_played = true;
        const core::PageRun& run = m_runner.run(m_runner.position());
        for (int s = run.before.position(); s < run.after.position(); ++s) {
            publishStep(run.after.history()[static_cast<std::size_t>(s)], s);
            std::this_thread::sleep_for(m_pacing.step);
        }
    }

    void reveal()
    {
        if (!m_question) {
            printLine("this page asks nothing to reveal");
            return;
        }
        m_host.revealAnswer();
        printLine(
            classroom::AnswerTally::line(m_host.answers().tally(*m_question), m_host.followerCount()) + " (revealed)");
    }

    int position() const { return m_runner.position(); }

private:
    /// Brings the followers' session to sim's schedule: a fresh session when the scenario or the
    /// settings changed or the schedule so far differs (a restart, a replay under other settings),
    /// a jump back when the teacher went back.
    void syncTo(const core::Simulator& sim)
    {
        const auto& history = sim.history();
        const auto wanted = static_cast<std::size_t>(sim.position());
        bool same = m_started && m_settings == sim.settings() && m_published.size() >= wanted;
        for (std::size_t i = 0; same && i < wanted; ++i)
            same = m_published[i].hash == history[i].hash && m_published[i].thread == history[i].thread;
        if (!same) {
            m_host.publishSession(sim.scenario(), sim.settings());
            m_started = true;
            m_settings = sim.settings();
            m_published.clear();
        }
        for (std::size_t i = m_published.size(); i < wanted; ++i)
            publishStep(history[i], static_cast<int>(i));
        if (m_published.size() > wanted) {
            m_host.publishJump(static_cast<int>(wanted));
            m_published.resize(wanted); // the next step replaces the tail
        }
    }

    void publishStep(const core::StepRecord& record, int index)
    {
        m_published.resize(static_cast<std::size_t>(index));
        m_published.push_back(record);
        m_host.publishStep({index, record.thread, record.id, record.hash});
    }

    classroom::ClassroomHost& m_host;
    core::LessonRunner m_runner;
    LessonPacing m_pacing;
    bool m_started = false;
    core::Settings m_settings;
    std::vector<core::StepRecord> m_published;
    std::optional<classroom::CheckpointEvent> m_question;
    bool m_played = false;
};

} // namespace

void teachLesson(
    classroom::ClassroomHost& host, const core::Lesson& lesson, const LessonPacing& pacing, std::istream& commands)
{
    LessonClass lessonClass(host, lesson, pacing);
    lessonClass.open(0);
    for (;;) {
        std::string command;
        if (pacing.advance.count() > 0) {
            std::this_thread::sleep_for(pacing.advance);
            command = "next";
        } else if (!std::getline(commands, command)) {
            command = "end";
        }
        if (command.empty() || command == "next" || command == "n") {
            lessonClass.play();
            if (lessonClass.position() + 1 >= lessonClass.pageCount())
                break;
            lessonClass.open(lessonClass.position() + 1);
        } else if (command == "reveal" || command == "r") {
            lessonClass.reveal();
        } else if (command == "back" || command == "b") {
            lessonClass.open(std::max(0, lessonClass.position() - 1));
        } else if (command == "end" || command == "q") {
            break;
        } else {
            printLine("commands: next (or an empty line), reveal, back, end");
        }
    }
    printLine("end of lesson " + lesson.id);
}

} // namespace msb::cli
