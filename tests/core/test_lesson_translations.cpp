// SPDX-License-Identifier: MIT
// Translated lessons (assets/lessons/<language>/): each one is the English lesson with only its
// prose translated. Everything a check compares (scenario, settings, schedules, expects, facts,
// answers, the number of options) is identical, every prose field is translated (an English
// sentence left in a translation fails), and a translated answer grades as the English one.
#include "core/lesson.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace msb::core {
namespace {

using Json = nlohmann::json;

struct Translation
{
    std::string name;
    std::string language;
};

/// Every (lesson, language) pair the build embeds a translation for.
std::vector<Translation> translations()
{
    std::vector<Translation> out;
    for (const auto& language : builtinLessonLanguages()) {
        if (language == "en")
            continue;
        for (const auto& name : builtinLessonNames()) {
            if (hasBuiltinLessonTranslation(name, language))
                out.push_back({name, language});
        }
    }
    return out;
}

/// The file with its prose taken out: what must be the same in every language. A choice's answer
/// becomes its option's number (a translation may give it as text or number) and its options
/// their count; can_step options are words ("T1 and T2", "none") and are compared by grading.
Json withoutProse(const Json& lesson)
{
    Json out = lesson;
    for (const char* key : {"title", "audience", "summary", "language"})
        out.erase(key);
    for (auto& page : out["pages"]) {
        page.erase("narration");
        if (!page.contains("checkpoint"))
            continue;
        Json& checkpoint = page["checkpoint"];
        for (const char* key : {"question", "feedback_right", "feedback_wrong"})
            checkpoint.erase(key);
        if (checkpoint["kind"] == "choice") {
            const Json& options = checkpoint["options"];
            if (checkpoint["answer"].is_string()) {
                for (std::size_t i = 0; i < options.size(); ++i) {
                    if (options[i] == checkpoint["answer"])
                        checkpoint["answer"] = static_cast<int>(i + 1);
                }
            }
            checkpoint["options"] = options.size();
        } else if (checkpoint["kind"] == "can_step" && checkpoint.contains("options")) {
            checkpoint["options"] = checkpoint["options"].size();
        }
    }
    return out;
}

void expectTranslated(const std::string& english, const std::string& translated, const std::string& field)
{
    EXPECT_FALSE(translated.empty()) << field;
    EXPECT_NE(translated, english) << field << " is not translated";
}

TEST(LessonTranslations, GermanTranslatesEveryBuiltinLesson)
{
    const auto& languages = builtinLessonLanguages();
    ASSERT_GE(languages.size(), 2u);
    EXPECT_EQ(languages.front(), "en");
    EXPECT_NE(std::find(languages.begin(), languages.end(), "de"), languages.end());
    for (const auto& name : builtinLessonNames()) {
        EXPECT_TRUE(hasBuiltinLessonTranslation(name, "de")) << name;
        EXPECT_NE(builtinLessonText(name, "de"), builtinLessonText(name)) << name;
    }
}

TEST(LessonTranslations, AnUnknownLanguageFallsBackToEnglish)
{
    for (const auto& name : builtinLessonNames()) {
        EXPECT_FALSE(hasBuiltinLessonTranslation(name, "xx"));
        EXPECT_EQ(builtinLessonText(name, "xx"), builtinLessonText(name));
        EXPECT_EQ(builtinLessonText(name, "en"), builtinLessonText(name));
        auto lesson = loadBuiltinLesson(name, "xx");
        ASSERT_TRUE(lesson.ok()) << lesson.error().toString();
        EXPECT_EQ(lesson.value().language, "en");
    }
    EXPECT_FALSE(loadBuiltinLesson("nope", "de").ok());
}

TEST(LessonTranslations, OnlyTheProseDiffers)
{
    const auto all = translations();
    ASSERT_FALSE(all.empty());
    for (const auto& [name, language] : all) {
        SCOPED_TRACE(language + "/" + name);
        const Json english = Json::parse(builtinLessonText(name));
        const Json translated = Json::parse(builtinLessonText(name, language));
        EXPECT_EQ(translated.value("language", ""), language);
        EXPECT_EQ(withoutProse(translated), withoutProse(english));
    }
}

TEST(LessonTranslations, ParseAndAgreeWithTheEnglishLesson)
{
    for (const auto& [name, language] : translations()) {
        SCOPED_TRACE(language + "/" + name);
        auto loadedEnglish = loadBuiltinLesson(name);
        auto loaded = loadBuiltinLesson(name, language);
        ASSERT_TRUE(loadedEnglish.ok()) << loadedEnglish.error().toString();
        ASSERT_TRUE(loaded.ok()) << loaded.error().toString(); // checked against the model, like English
        const Lesson& en = loadedEnglish.value();
        const Lesson& tr = loaded.value();
        EXPECT_EQ(tr.language, language);
        EXPECT_EQ(en.language, "en");
        EXPECT_EQ(tr.id, en.id);
        EXPECT_TRUE(tr.scenario == en.scenario);
        EXPECT_TRUE(tr.settings == en.settings);
        expectTranslated(en.title, tr.title, "title");
        expectTranslated(en.audience, tr.audience, "audience");
        expectTranslated(en.summary, tr.summary, "summary");
        ASSERT_EQ(tr.pages.size(), en.pages.size());
        for (std::size_t p = 0; p < en.pages.size(); ++p) {
            SCOPED_TRACE("page " + std::to_string(p + 1));
            const LessonPage& a = en.pages[p];
            const LessonPage& b = tr.pages[p];
            expectTranslated(a.narration, b.narration, "narration");
            EXPECT_EQ(b.facts, a.facts);
            EXPECT_EQ(b.restart, a.restart);
            EXPECT_EQ(b.settings.has_value(), a.settings.has_value());
            if (a.settings && b.settings) {
                EXPECT_TRUE(*b.settings == *a.settings);
            }
            EXPECT_EQ(b.schedule, a.schedule);
            EXPECT_EQ(b.expect.status, a.expect.status);
            EXPECT_EQ(b.expect.flags, a.expect.flags);
            EXPECT_EQ(b.expect.repeats, a.expect.repeats);
            EXPECT_EQ(b.expect.pageCounts, a.expect.pageCounts);
            EXPECT_EQ(b.expect.canStep, a.expect.canStep);
            EXPECT_EQ(b.expect.steps, a.expect.steps);
            EXPECT_EQ(b.expect.stepAt, a.expect.stepAt);
            ASSERT_EQ(b.checkpoint.has_value(), a.checkpoint.has_value());
            if (!a.checkpoint)
                continue;
            const Checkpoint& x = *a.checkpoint;
            const Checkpoint& y = *b.checkpoint;
            EXPECT_EQ(y.kind, x.kind);
            EXPECT_EQ(y.page, x.page);
            EXPECT_EQ(y.answerOption, x.answerOption);
            ASSERT_EQ(y.options.size(), x.options.size());
            if (x.kind == CheckpointKind::Choice) {
                EXPECT_GT(y.answerOption, 0);
                for (std::size_t k = 0; k < x.options.size(); ++k)
                    expectTranslated(x.options[k], y.options[k], "options[" + std::to_string(k) + "]");
            } else {
                EXPECT_EQ(y.answer, x.answer);
                if (x.kind != CheckpointKind::CanStep) {
                    EXPECT_EQ(y.options, x.options); // page_count numbers, outcome names
                }
            }
            expectTranslated(x.question, y.question, "question");
            expectTranslated(x.feedbackRight, y.feedbackRight, "feedback_right");
            expectTranslated(x.feedbackWrong, y.feedbackWrong, "feedback_wrong");
        }
    }
}

/// Grading is language-independent: the model's answer, each option by its text and by its number,
/// and a wrong answer come out the same in the translation as in English.
TEST(LessonTranslations, ATranslatedAnswerGradesAsTheEnglishOne)
{
    int graded = 0;
    for (const auto& [name, language] : translations()) {
        LessonRunner en(loadBuiltinLesson(name).value());
        LessonRunner tr(loadBuiltinLesson(name, language).value());
        for (int p = 0; p < en.pageCount(); ++p) {
            SCOPED_TRACE(language + "/" + name + " page " + std::to_string(p + 1));
            const auto& checkpoint = en.lesson().pages[static_cast<std::size_t>(p)].checkpoint;
            if (!checkpoint)
                continue;
            const Checkpoint& translated = *tr.lesson().pages[static_cast<std::size_t>(p)].checkpoint;
            const std::string model = computedAnswer(translated, tr.run(p));
            const AnswerCheck right = tr.checkAnswer(p, model);
            EXPECT_TRUE(right.correct);
            EXPECT_EQ(right.feedback, translated.feedbackRight);
            EXPECT_TRUE(en.checkAnswer(p, computedAnswer(*checkpoint, en.run(p))).correct);
            for (std::size_t k = 0; k < checkpoint->options.size(); ++k) {
                SCOPED_TRACE("option " + std::to_string(k + 1));
                const bool english = en.checkAnswer(p, checkpoint->options[k]).correct;
                EXPECT_EQ(tr.checkAnswer(p, translated.options[k]).correct, english);
                const std::string number = std::to_string(k + 1);
                EXPECT_EQ(tr.checkAnswer(p, number).correct, english);
                EXPECT_EQ(en.checkAnswer(p, number).correct, english);
                ++graded;
            }
            const AnswerCheck wrong = tr.checkAnswer(p, "definitely not this");
            EXPECT_FALSE(wrong.correct);
            EXPECT_EQ(wrong.feedback.rfind(translated.feedbackWrong, 0), 0u);
            EXPECT_NE(wrong.feedback.find(model), std::string::npos);
            EXPECT_EQ(en.checkAnswer(p, "definitely not this").correct, false);
        }
    }
    EXPECT_GE(graded, 40);
}

TEST(LessonTranslations, GermanAnswersInWords)
{
    LessonRunner livelock(loadBuiltinLesson("livelock", "de").value());
    EXPECT_TRUE(livelock.checkAnswer(4, "T2 und T1").correct); // can_step: T1,T2
    EXPECT_TRUE(livelock.checkAnswer(4, "3").correct);         // the option "T1 und T2"
    EXPECT_FALSE(livelock.checkAnswer(4, "keiner").correct);
    EXPECT_TRUE(livelock.checkAnswer(5, "t1").correct);
    const AnswerCheck wrong = livelock.checkAnswer(5, "keiner");
    EXPECT_FALSE(wrong.correct);
    EXPECT_NE(wrong.feedback.find("(Die Antwort: T1.)"), std::string::npos) << wrong.feedback;
    LessonRunner patch(loadBuiltinLesson("patch-2021", "de").value());
    EXPECT_EQ(patch.lesson().pages[1].checkpoint->answerOption, 2);
    EXPECT_TRUE(patch.checkAnswer(1, "2").correct);
    EXPECT_TRUE(patch.checkAnswer(1, " Hat die Migration vollzogen, ohne den Zähler zu testen ").correct);
    EXPECT_FALSE(patch.checkAnswer(1, "committed without testing the count").correct); // English text, German lesson
}

TEST(LessonTranslations, TheReaderChecksTheNewFields)
{
    std::string text(builtinLessonText("patch-2021", "de"));
    const std::string answer = "\"answer\": 2,";
    ASSERT_NE(text.find(answer), std::string::npos);
    auto outOfRange = parseLesson(std::string(text).replace(text.find(answer), answer.size(), "\"answer\": 4,"), "x");
    ASSERT_FALSE(outOfRange.ok());
    EXPECT_NE(outOfRange.error().toString().find("pages[1].checkpoint.answer"), std::string::npos)
        << outOfRange.error().toString();
    const std::string language = "\"language\": \"de\"";
    ASSERT_NE(text.find(language), std::string::npos);
    auto badLanguage =
        parseLesson(std::string(text).replace(text.find(language), language.size(), "\"language\": \"Deutsch\""), "x");
    ASSERT_FALSE(badLanguage.ok());
    EXPECT_NE(badLanguage.error().toString().find("language"), std::string::npos);
}

} // namespace
} // namespace msb::core
