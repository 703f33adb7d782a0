// SPDX-License-Identifier: MIT
// End-to-end: the files that once crashed, hung or were misread are bad input for every command
// that loads them: exit 2 and one line naming file, line:column, field and problem.
#include "support/cli_runner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

using msb::testing::CliResult;
using msb::testing::runCli;

fs::path writeScratch(const std::string& name, const std::string& text)
{
    const fs::path path = msb::testing::cliScratch(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

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

std::string recordingText()
{
    const fs::path path = msb::testing::cliScratch("good.msrec.json");
    const CliResult r = runCli("run two-faults --schedule T1,T1,T2 --record '" + path.string() + "'");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    const std::string text = msb::testing::readWholeFile(path);
    fs::remove(path);
    return text;
}

std::string lessonText()
{
    return msb::testing::readWholeFile(fs::path(MSB_SOURCE_DIR) / "assets/lessons/device-private-pages.json");
}

// run FILE, replay FILE, lesson FILE: the command that loads each kind of file.
struct Loader
{
    std::string command;
    std::string fileName;
};
const Loader kScenario {"run", "bad.json"};
const Loader kRecording {"replay", "bad.msrec.json"};
const Loader kLesson {"lesson", "bad.lesson.json"};

CliResult load(const Loader& loader, const std::string& text, fs::path& path)
{
    path = writeScratch(loader.fileName, text);
    return runCli(loader.command + " '" + path.string() + "'");
}

TEST(CliBadInput, NumberBeyondADoubleIsExitTwoAtItsField)
{
    fs::path path;
    const std::string scenario = R"({"format":"migration-sandbox-scenario","version":1,"pages":1e400})";
    CliResult r = load(kScenario, scenario, path);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(contains(r.err, path.string() + ":1:60: pages: number out of range: 1e400")) << r.err;
    EXPECT_FALSE(contains(r.err, "internal error")) << r.err;

    r = load(kRecording, replaced(recordingText(), "\"version\": 2", "\"version\": 1e400"), path);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(contains(r.err, path.string() + ":3:14: version: number out of range")) << r.err;

    r = load(kLesson, replaced(lessonText(), "\"answer\": 3", "\"answer\": 1e400"), path);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(contains(r.err, ".checkpoint.answer: number out of range: 1e400")) << r.err;
    fs::remove(path);
}

TEST(CliBadInput, BracketBombIsExitTwoQuickly)
{
    const std::string bomb = std::string(100000, '[') + std::string(100000, ']');
    for (const Loader& loader : {kScenario, kRecording, kLesson}) {
        SCOPED_TRACE(loader.command);
        fs::path path;
        const auto start = std::chrono::steady_clock::now();
        const CliResult r = load(loader, bomb, path);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        EXPECT_EQ(r.exitCode, 2) << r.err;
        EXPECT_TRUE(contains(r.err, path.string() + ":1:65: nested more than 64 levels deep")) << r.err;
        EXPECT_LT(seconds, 2.0); // one process start and a linear scan
        fs::remove(path);
    }
}

TEST(CliBadInput, LessonAnswerThatDoesNotFitAnIntIsExitTwo)
{
    fs::path path;
    const std::string text = replaced(lessonText(), "\"answer\": 3", "\"answer\": 4294967299");
    const auto at = text.find("4294967299");
    const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
    const CliResult r = load(kLesson, text, path);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(contains(r.err, ".checkpoint.answer: integer out of range")) << r.err;
    EXPECT_TRUE(contains(r.err, path.string() + ":" + std::to_string(line) + ":")) << r.err;
    fs::remove(path);
}

} // namespace
