// SPDX-License-Identifier: MIT
// Lessons: every built-in loads and agrees with the model, exports as recordings that replay bit
// for bit, grades answers, and a lesson whose text disagrees with the model is refused.
#include "core/builtin_scenarios.h"
#include "core/kernel_notes.h"
#include "core/lesson.h"
#include "core/simulator.h"

#include <gtest/gtest.h>

namespace msb::core {
namespace {

std::string builtinText(const std::string& name)
{
    return std::string(builtinLessonText(name));
}

/// The text with the first occurrence of from replaced (the test fails if it is absent).
std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    return text;
}

TEST(Lessons, AtLeastFourBuiltins)
{
    const auto& names = builtinLessonNames();
    ASSERT_GE(names.size(), 4u);
    EXPECT_EQ(names.front(), "device-private-pages");
}

TEST(Lessons, EveryBuiltinLoadsAndEveryPageCitesFacts)
{
    for (const auto& name : builtinLessonNames()) {
        SCOPED_TRACE(name);
        auto lesson = loadBuiltinLesson(name);
        ASSERT_TRUE(lesson.ok()) << lesson.error().toString();
        EXPECT_EQ(lesson.value().id, name);
        for (const auto& page : lesson.value().pages) {
            EXPECT_FALSE(page.facts.empty());
            EXPECT_FALSE(citedKernelNotes(page.narration).empty());
        }
    }
}

TEST(Lessons, RecordingsReplayIdentically)
{
    for (const auto& name : builtinLessonNames()) {
        const Lesson lesson = loadBuiltinLesson(name).value();
        for (int segment = 0; segment < lessonSegmentCount(lesson); ++segment) {
            SCOPED_TRACE(name + " segment " + std::to_string(segment));
            const Recording recording = lessonRecording(lesson, segment);
            EXPECT_FALSE(recording.steps.empty());
            const ReplayCheck check = verifyRecording(recording);
            EXPECT_TRUE(check.identical) << check.what;
            // Round trip through the file format too.
            auto parsed = parseRecording(recordingToJson(recording), "lesson.msrec.json");
            ASSERT_TRUE(parsed.ok()) << parsed.error().toString();
            EXPECT_EQ(parsed.value(), recording);
            bool narrated = false;
            for (const auto& step : recording.steps)
                narrated = narrated || !step.narration.empty();
            EXPECT_TRUE(narrated);
        }
    }
}

TEST(Lessons, CheckpointAnswersMatchTheModelAndWrongAnswersGetFeedback)
{
    int checkpoints = 0;
    for (const auto& name : builtinLessonNames()) {
        LessonRunner runner(loadBuiltinLesson(name).value());
        for (int i = 0; i < runner.pageCount(); ++i) {
            SCOPED_TRACE(name + " page " + std::to_string(i));
            ASSERT_EQ(runner.position(), i);
            const auto& checkpoint = runner.page().checkpoint;
            if (checkpoint) {
                ++checkpoints;
                EXPECT_FALSE(runner.next()) << "moved on past an unanswered checkpoint";
                const std::string model = computedAnswer(*checkpoint, runner.run(i));
                const AnswerCheck right = runner.checkAnswer(i, model);
                EXPECT_TRUE(right.correct);
                EXPECT_EQ(right.feedback, checkpoint->feedbackRight);
                const AnswerCheck wrong = runner.checkAnswer(i, "definitely not this");
                EXPECT_FALSE(wrong.correct);
                EXPECT_EQ(wrong.feedback.rfind(checkpoint->feedbackWrong, 0), 0u);
                EXPECT_NE(wrong.feedback.find(model), std::string::npos);
            }
            if (i + 1 < runner.pageCount()) {
                EXPECT_TRUE(runner.next());
            }
        }
        EXPECT_FALSE(runner.next());
        EXPECT_TRUE(runner.back());
    }
    EXPECT_GE(checkpoints, 12);
}

TEST(Lessons, SingleFaultPageCountsFollowTheModel)
{
    LessonRunner runner(loadBuiltinLesson("device-private-pages").value());
    // Page 3 asks about the collect's get_page: base + mapping + collect.
    EXPECT_TRUE(runner.checkAnswer(2, " 3 ").correct);
    EXPECT_FALSE(runner.checkAnswer(2, "2").correct);
    const Simulator& end = runner.run(runner.pageCount() - 1).after;
    EXPECT_EQ(end.status(), Outcome::Completes);
    EXPECT_EQ(end.state().pages[0].dRef, 1);
}

TEST(Lessons, AnswerFormsAreForgiving)
{
    LessonRunner livelock(loadBuiltinLesson("livelock").value());
    EXPECT_TRUE(livelock.checkAnswer(4, "t2 and T1").correct); // can_step: T1,T2
    EXPECT_TRUE(livelock.checkAnswer(4, "T1, T2").correct);
    EXPECT_FALSE(livelock.checkAnswer(4, "T1").correct);
    LessonRunner patch(loadBuiltinLesson("patch-2021").value());
    EXPECT_TRUE(patch.checkAnswer(4, "completes + lost_update").correct);
    EXPECT_FALSE(patch.checkAnswer(4, "completes").correct);
    EXPECT_TRUE(patch.checkAnswer(1, "2").correct); // choice by 1-based number
    EXPECT_FALSE(patch.checkAnswer(1, "1").correct);
}

TEST(Lessons, LivelockRoundReturnsToTheStart)
{
    const Lesson lesson = loadBuiltinLesson("livelock").value();
    const auto runs = playLesson(lesson).value();
    const Simulator& round = runs[6].after;
    EXPECT_EQ(round.position(), 18);
    EXPECT_EQ(round.repeatsPosition(), std::optional<int>(0));
    EXPECT_EQ(round.history()[10].id, StepId::M7Fail);
}

// The caveat in patch-2021's last page (K31): plain v5.11 also loses H's write
// when H's reference ends between the copy and the check.
TEST(Lessons, PlainV511LosesAWriteWhoseReferenceEndsBeforeTheCheck)
{
    Simulator sim(loadBuiltinScenario("fault-vs-holder").value(), findPreset("v5.11")->settings);
    const int t1 = 0;
    const int h = 1;
    std::vector<int> schedule = {h, t1, t1, t1, t1, t1, t1, t1, h, h, t1, t1, t1, t1, t1};
    ASSERT_TRUE(sim.replay(schedule).ok());
    EXPECT_EQ(sim.history()[10].id, StepId::M7);
    EXPECT_EQ(sim.status(), Outcome::Completes);
    EXPECT_TRUE(sim.state().flags & FlagLostUpdate);
    // v5.17's check before the copy refuses the same start.
    Simulator v517(loadBuiltinScenario("fault-vs-holder").value(), findPreset("v5.17")->settings);
    ASSERT_TRUE(v517.replay({h, t1, t1, t1, t1, t1, t1}).ok());
    EXPECT_EQ(v517.history()[6].id, StepId::M5Fail);
}

TEST(Lessons, WrongStatedAnswerIsRejectedWithFileAndField)
{
    const std::string text = replaced(builtinText("livelock"), "\"answer\": 3,", "\"answer\": 4,");
    auto lesson = parseLesson(text, "bad-livelock.json");
    ASSERT_FALSE(lesson.ok());
    EXPECT_EQ(lesson.error().file, "bad-livelock.json");
    EXPECT_EQ(lesson.error().field, "pages[2].checkpoint.answer");
    EXPECT_NE(lesson.error().message.find("model gives \"3\""), std::string::npos) << lesson.error().message;
    EXPECT_GT(lesson.error().line, 0);
}

TEST(Lessons, WrongCanStepAndOutcomeAnswersAreRejected)
{
    auto canStep =
        parseLesson(replaced(builtinText("livelock"), "\"answer\": [\"T1\"],", "\"answer\": [\"T2\"],"), "l.json");
    ASSERT_FALSE(canStep.ok());
    EXPECT_EQ(canStep.error().field, "pages[5].checkpoint.answer");
    auto outcome = parseLesson(
        replaced(builtinText("patch-2021"), "\"answer\": \"completes+lost_update\"", "\"answer\": \"completes\""),
        "p.json");
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().field, "pages[4].checkpoint.answer");
    auto expect = parseLesson(replaced(builtinText("livelock"), "\"repeats\": 0", "\"repeats\": 3"), "l.json");
    ASSERT_FALSE(expect.ok());
    EXPECT_EQ(expect.error().field, "pages[6].expect.repeats");
    auto steps = parseLesson(replaced(builtinText("livelock"), "\"M7-fail\"", "\"M7\""), "l.json");
    ASSERT_FALSE(steps.ok());
    EXPECT_EQ(steps.error().field, "pages[3].expect.steps");
}

TEST(Lessons, UnknownThreadIsRejected)
{
    auto lesson = parseLesson(replaced(builtinText("livelock"), "\"T2*2\"", "\"T9*2\""), "t.json");
    ASSERT_FALSE(lesson.ok());
    EXPECT_EQ(lesson.error().file, "t.json");
    EXPECT_EQ(lesson.error().field.rfind("pages[", 0), 0u) << lesson.error().field;
    EXPECT_NE(lesson.error().field.find(".schedule["), std::string::npos);
    EXPECT_NE(lesson.error().message.find("T9"), std::string::npos);
}

TEST(Lessons, UnrunnableScheduleIsRejected)
{
    // single-fault has 12 steps: a 13th (T1 has finished) is refused.
    auto lesson =
        parseLesson(replaced(builtinText("device-private-pages"),
                        "\"schedule\": [\"T1\"],\n      \"checkpoint\": {\n        \"kind\": \"outcome\"",
                        "\"schedule\": [\"T1\", \"T1\"],\n      \"checkpoint\": {\n        \"kind\": \"outcome\""),
            "u.json");
    ASSERT_FALSE(lesson.ok());
    EXPECT_EQ(lesson.error().field, "pages[8].schedule");
    EXPECT_NE(lesson.error().message.find("cannot step"), std::string::npos);
}

TEST(Lessons, BadJsonAndBadCitationsAreRejected)
{
    auto bad = parseLesson("{\"format\": \"migration-sandbox-lesson\", \"version\": 1,", "broken.json");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().file, "broken.json");
    EXPECT_GT(bad.error().line, 0);

    auto format = parseLesson(
        replaced(builtinText("livelock"), "migration-sandbox-lesson", "migration-sandbox-scenario"), "f.json");
    ASSERT_FALSE(format.ok());
    EXPECT_EQ(format.error().field, "format");

    auto uncited = parseLesson(
        replaced(builtinText("livelock"), "\"facts\": [\"K11\"],", "\"facts\": [\"K11\", \"K14\"],"), "c.json");
    ASSERT_FALSE(uncited.ok());
    EXPECT_EQ(uncited.error().field, "pages[1].facts[1]");

    auto unlisted = parseLesson(replaced(builtinText("livelock"), "\"facts\": [\"K11\"],", "\"facts\": [],"), "c.json");
    ASSERT_FALSE(unlisted.ok());
    EXPECT_EQ(unlisted.error().field, "pages[1].facts");

    // Built, not written out, so that the repository-wide citation check does not flag it.
    const std::string unknownNote = "K" + std::to_string(99);
    auto outOfRange = parseLesson(
        replaced(builtinText("livelock"), "\"facts\": [\"K11\"],", "\"facts\": [\"K11\", \"" + unknownNote + "\"],"),
        "c.json");
    ASSERT_FALSE(outOfRange.ok());
    EXPECT_EQ(outOfRange.error().field, "pages[1].facts[1]");

    // Lessons written before the notes moved into the repository numbered them: 11 means K11.
    auto legacy = parseLesson(replaced(builtinText("livelock"), "\"facts\": [\"K11\"],", "\"facts\": [11],"), "l.json");
    EXPECT_TRUE(legacy.ok()) << (legacy.ok() ? std::string() : legacy.error().toString());
}

TEST(Lessons, UnknownBuiltinListsTheKnownOnes)
{
    auto lesson = loadBuiltinLesson("nope");
    ASSERT_FALSE(lesson.ok());
    EXPECT_NE(lesson.error().message.find("livelock"), std::string::npos);
}

} // namespace
} // namespace msb::core
