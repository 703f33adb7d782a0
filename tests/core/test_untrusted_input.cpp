// SPDX-License-Identifier: MIT
// The loaders' one boundary for untrusted input (core/json_input.h): a malformed scenario,
// recording or lesson is one clear Error (file, line:column, field, problem), never an
// exception, a hang or a number read as another number.
#include "core/builtin_scenarios.h"
#include "core/document_io.h"
#include "core/json_scan.h"
#include "core/lesson.h"
#include "core/recording.h"
#include "core/scenario_io.h"
#include "core/simulator.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace msb::core {
namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    return text;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

std::string sampleRecording()
{
    Simulator sim(loadBuiltinScenario("two-faults").value(), findPreset("v5.11")->settings);
    EXPECT_TRUE(sim.replay({0, 0, 1}).ok());
    return recordingToJson(recordFromSimulator(sim));
}

std::string lessonText()
{
    return std::string(builtinLessonText("device-private-pages"));
}

int columnOf(const std::string& text, const std::string& part)
{
    const auto at = text.find(part);
    return static_cast<int>(at - text.rfind('\n', at)); // 1-based: the newline sits at column 0
}

// The reported file: 60 bytes whose number overflows a double made every loader throw.
TEST(UntrustedInput, NumberBeyondADoubleIsAnErrorAtItsField)
{
    const std::string scenario = R"({"format":"migration-sandbox-scenario","version":1,"pages":1e400})";
    auto result = parseScenario(scenario, "huge.json");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().file, "huge.json");
    EXPECT_EQ(result.error().line, 1);
    EXPECT_EQ(result.error().column, static_cast<int>(scenario.find("1e400")) + 1);
    EXPECT_EQ(result.error().field, "pages");
    EXPECT_TRUE(contains(result.error().message, "1e400")) << result.error().toString();

    const std::string recording = replaced(sampleRecording(), "\"version\": 2", "\"version\": 1e400");
    auto badRecording = parseRecording(recording, "huge.msrec.json");
    ASSERT_FALSE(badRecording.ok());
    EXPECT_EQ(badRecording.error().field, "version");
    EXPECT_EQ(badRecording.error().line, 3);

    const std::string lesson = replaced(lessonText(), "\"answer\": 3", "\"answer\": -1e999");
    auto badLesson = parseLesson(lesson, "huge.lesson.json");
    ASSERT_FALSE(badLesson.ok());
    EXPECT_TRUE(contains(badLesson.error().field, ".checkpoint.answer")) << badLesson.error().toString();
    EXPECT_EQ(badLesson.error().column, columnOf(lesson, "-1e999"));
}

// The reported file: 200 KB of brackets took minutes (quadratic field location) in every loader.
TEST(UntrustedInput, BracketBombIsRefusedBeforeParsing)
{
    const std::string bomb = std::string(100000, '[') + std::string(100000, ']');
    const auto start = std::chrono::steady_clock::now();
    const auto scenario = parseScenario(bomb, "bomb.json");
    const auto recording = parseRecording(bomb, "bomb.msrec.json");
    const auto lesson = parseLesson(bomb, "bomb.lesson.json");
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 0.5);
    for (const Error* error : {&scenario.error(), &recording.error(), &lesson.error()}) {
        EXPECT_EQ(error->line, 1);
        EXPECT_EQ(error->column, detail::kMaxJsonNesting + 1); // the first bracket too many
        EXPECT_TRUE(contains(error->message, "nested more than 64 levels")) << error->toString();
    }
}

TEST(UntrustedInput, NestingUpToTheLimitIsParsed)
{
    const int limit = detail::kMaxJsonNesting;
    const std::string deepest = std::string(limit, '[') + std::string(limit, ']');
    auto atLimit = parseScenario(deepest, "deep.json");
    ASSERT_FALSE(atLimit.ok());
    EXPECT_TRUE(contains(atLimit.error().message, "expected an object")) << atLimit.error().toString();
    auto beyond = parseScenario("[" + deepest + "]", "deep.json");
    ASSERT_FALSE(beyond.ok());
    EXPECT_TRUE(contains(beyond.error().message, "nested")) << beyond.error().toString();
    // Brackets inside strings are text, not nesting.
    EXPECT_EQ(detail::firstTooDeep("[\"" + std::string(200, '[') + "\"]"), std::string::npos);
}

// The reported file: a lesson answer of 4294967299 was accepted as 3 (get<int>() wrapped).
TEST(UntrustedInput, NumberThatDoesNotFitIsNeverReadAsAnother)
{
    const std::string text = lessonText();
    ASSERT_TRUE(parseLesson(text, "l.json").ok()) << parseLesson(text, "l.json").error().toString();
    const std::string wrapped = replaced(text, "\"answer\": 3", "\"answer\": 4294967299");
    auto lesson = parseLesson(wrapped, "wrapped.json");
    ASSERT_FALSE(lesson.ok()) << "4294967299 was read as an int";
    EXPECT_TRUE(contains(lesson.error().field, ".checkpoint.answer")) << lesson.error().toString();
    EXPECT_EQ(lesson.error().column, columnOf(wrapped, "4294967299"));
    EXPECT_TRUE(contains(lesson.error().message, "out of range")) << lesson.error().toString();

    auto negative = parseScenario(
        replaced(std::string(builtinScenarioText("two-faults")), "\"pages\": 1", "\"pages\": -9223372036854775809"),
        "s.json");
    ASSERT_FALSE(negative.ok());
    EXPECT_EQ(negative.error().field, "pages") << negative.error().toString();
}

TEST(UntrustedInput, FieldsAreLocatedInTheText)
{
    const std::string text = "{\n  \"a\": [1, {\"b\": {\"c\": true}}],\n  \"d\": \"x\"\n}";
    const auto c = detail::locateField(text, "a[1].b.c");
    EXPECT_EQ(c.line, 2);
    EXPECT_EQ(c.column, columnOf(text, "true"));
    const auto absent = detail::locateField(text, "a[1].b.zz"); // the closest enclosing field
    EXPECT_EQ(absent.line, 2);
    EXPECT_EQ(absent.column, columnOf(text, "{\"c\""));
    EXPECT_EQ(detail::locateField(text, "d").line, 3);
    EXPECT_EQ(detail::locateField(text, "nowhere").line, 0);
    EXPECT_EQ(detail::fieldStartingAt(text, text.find("true")), "a[1].b.c");
}

// One rule for a missing knob (core/settings.h): it takes its default, the behaviour the model
// had before that knob existed; an unknown knob is an error naming it.
TEST(UntrustedInput, MissingKnobTakesItsDefaultUnknownKnobIsAnError)
{
    const std::string text = sampleRecording();
    const std::string withoutFaultRef = replaced(text, ",\n    \"fault_ref\": \"none\"", "");
    auto loaded = parseRecording(withoutFaultRef, "r.msrec.json");
    ASSERT_TRUE(loaded.ok()) << loaded.error().toString();
    EXPECT_EQ(loaded.value().settings.faultRef, Settings {}.faultRef);
    EXPECT_EQ(loaded.value(), parseRecording(text, "r.msrec.json").value());

    auto unknown = parseRecording(replaced(text, "\"check\": \"strict\"", "\"colour\": \"red\""), "r.msrec.json");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().field, "settings.colour");
    EXPECT_GT(unknown.error().line, 0);
}

// What the app calls to open a file: the kind comes from "format", and nothing throws.
TEST(UntrustedInput, DocumentsAreToldApartByTheirFormat)
{
    auto scenario = parseDocument(builtinScenarioText("two-faults"), "s.json");
    ASSERT_TRUE(scenario.ok()) << scenario.error().toString();
    EXPECT_TRUE(std::holds_alternative<Scenario>(scenario.value()));
    auto recording = parseDocument(sampleRecording(), "r.json");
    ASSERT_TRUE(recording.ok()) << recording.error().toString();
    EXPECT_TRUE(std::holds_alternative<Recording>(recording.value()));
    auto lesson = parseDocument(lessonText(), "l.json");
    ASSERT_TRUE(lesson.ok()) << lesson.error().toString();
    EXPECT_TRUE(std::holds_alternative<Lesson>(lesson.value()));

    auto unknown = parseDocument(R"({"format": "spreadsheet"})", "u.json");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().field, "format");
    EXPECT_EQ(unknown.error().column, 12);
    auto huge = parseDocument(R"({"format":"migration-sandbox-scenario","version":1,"pages":1e400})", "h.json");
    ASSERT_FALSE(huge.ok());
    EXPECT_EQ(huge.error().field, "pages");
    auto missing = loadDocumentFile("/nonexistent/file.json");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().file, "/nonexistent/file.json");
}

TEST(RecordingFormat, AnOlderVersionIsRefusedNamingBoth)
{
    auto old = parseRecording(replaced(sampleRecording(), "\"version\": 2", "\"version\": 1"), "old.msrec.json");
    ASSERT_FALSE(old.ok());
    EXPECT_EQ(old.error().field, "version");
    EXPECT_TRUE(contains(old.error().message, "unsupported version 1")) << old.error().toString();
    EXPECT_TRUE(contains(old.error().message, "reads version 2")) << old.error().toString();
}

// rr's TRACE_VERSION discipline: recordings store state hashes, so a change of the hash must come
// with a new kRecordingFormatVersion. This pins the hash of one known state to the version.
TEST(RecordingFormat, TheStateHashIsPinnedToTheVersion)
{
    Simulator sim(loadBuiltinScenario("two-faults").value(), findPreset("v5.11")->settings);
    ASSERT_TRUE(sim.step(0).ok());
    EXPECT_EQ(kRecordingFormatVersion, 2);
    EXPECT_EQ(sim.history().back().hash, 0xea5b57859cb89a64ULL)
        << "the state hash changed: bump kRecordingFormatVersion in core/recording.h, add a line "
           "saying what changed, then update the version and hash in this test";
}

} // namespace
} // namespace msb::core
