// SPDX-License-Identifier: MIT
// Internal to the core's file-format unit (scenario_io.cpp, recording.cpp): the one header that
// includes nlohmann/json. Never include it from a public header.
//
// JsonInput parses a document once and then reads typed fields by path. Any problem throws a
// private JsonInputFailure carrying a complete Error (file, line/column, field path, message);
// the public loaders catch it at their boundary, so no exception ever leaves the core.
#pragma once

#include "core/result.h"
#include "core/scenario.h"
#include "core/scenario_io.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace msb::core::detail {

struct JsonInputFailure
{
    Error error;
};

class JsonInput
{
public:
    using Json = nlohmann::json;

    /// Parses text; a syntax error throws with the line and column of the offending byte.
    JsonInput(std::string_view text, std::string fileName);

    const Json& root() const { return m_root; }
    const std::string& fileName() const { return m_fileName; }

    /// Throws an Error for this field, with the line/column where the field's value starts
    /// (or, if the field is absent, of its closest enclosing field).
    [[noreturn]] void fail(const std::string& field, std::string message) const;
    /// The Error fail() would throw, for errors found outside this class (validateScenario).
    Error errorAt(const std::string& field, std::string message) const;

    const Json& object(const Json& value, const std::string& path) const;
    const Json& array(const Json& value, const std::string& path) const;
    /// A member that must exist; nullptr for an absent optional member.
    const Json* member(const Json& object, const std::string& path, const char* key, bool required) const;
    std::string string(const Json& value, const std::string& path) const;
    int integer(const Json& value, const std::string& path) const;
    /// Rejects members not in the list (catches typos such as "thread" for "threads").
    void onlyKnownMembers(
        const Json& object, const std::string& path, std::initializer_list<std::string_view> known) const;

    static std::string join(const std::string& path, std::string_view key)
    {
        return path.empty() ? std::string(key) : path + "." + std::string(key);
    }
    static std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

private:
    void locateFields(std::string_view text);

    Json m_root;
    std::string m_fileName;
    std::map<std::string, std::pair<int, int>, std::less<>> m_positions; // field path -> line, column
};

/// Reads a scenario object found at path (the root, or "scenario" inside a recording), expands a
/// generator with the parameters, and runs validateScenario with its errors located in the text.
Scenario readScenarioObject(
    const JsonInput& input, const nlohmann::json& value, const std::string& path, const ScenarioParameters& parameters);
/// Checks the "format" and "version" members of a document's root.
void checkFormat(const JsonInput& input, std::string_view format, int version);

/// "0123456789abcdef" (16 digits) <-> 64-bit value.
std::string hashToHex(std::uint64_t hash);
bool hexToHash(std::string_view text, std::uint64_t& hash);

} // namespace msb::core::detail
