// SPDX-License-Identifier: MIT
// Runs the built migration-sandbox-cli (MSB_CLI_PATH, set by the test's CMakeLists) through the
// shell and collects its exit code and output, for the end-to-end CLI tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace msb::testing {

struct CliResult
{
    int exitCode = -1;
    std::string out;
    std::string err; // with CliStderr::Capture only
};

enum class CliStderr {
    Capture, // into CliResult::err
    Merge,   // into CliResult::out, interleaved as the program wrote it
    Discard,
};

inline std::string readWholeFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A per-test scratch path in the temporary directory (named after the running test).
inline std::filesystem::path cliScratch(const std::string& name)
{
    return std::filesystem::temp_directory_path()
        / ("msb-cli-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" + name);
}

/// arguments go to the shell as they are (quote what needs quoting).
inline CliResult runCli(const std::string& arguments, CliStderr mode = CliStderr::Capture)
{
    const std::filesystem::path errPath = cliScratch("stderr");
    std::string command = std::string("'") + MSB_CLI_PATH + "' " + arguments;
    switch (mode) {
    case CliStderr::Capture:
        command += " 2>'" + errPath.string() + "'";
        break;
    case CliStderr::Merge:
        command += " 2>&1";
        break;
    case CliStderr::Discard:
        command += " 2>/dev/null";
        break;
    }
    CliResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return result;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        result.out.append(buffer, n);
    const int status = ::pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (mode == CliStderr::Capture) {
        result.err = readWholeFile(errPath);
        std::filesystem::remove(errPath);
    }
    return result;
}

} // namespace msb::testing
