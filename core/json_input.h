// SPDX-License-Identifier: MIT
// The one reader of untrusted JSON: scenario, recording and lesson files (core/scenario_io.cpp,
// recording.cpp, lesson_reader.cpp) and the classroom's network messages
// (app/classroom/message_json.cpp). It includes nlohmann/json: never include it from a public
// header.
//
// JsonInput checks the nesting (json_scan.h) before parsing, parses once, then reads typed fields
// by path. Every problem throws a private JsonInputFailure carrying a complete Error (file,
// line:column, field path, message). readJsonDocument is the boundary: it turns that, and any
// other exception a reader may raise, into an Error, so no exception leaves a loader.
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <exception>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
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

    /// Refuses text nested deeper than kMaxJsonNesting, then parses it; a syntax error or a
    /// number too large for a double throws with the line and column of the offending token.
    /// text must outlive this object (errors are located in it lazily).
    JsonInput(std::string_view text, std::string fileName);

    const Json& root() const { return m_root; }
    const std::string& fileName() const { return m_fileName; }

    /// Throws an Error for this field, with the line/column where the field's value starts
    /// (or, if the field is absent, of its closest enclosing field).
    [[noreturn]] void fail(const std::string& field, std::string message) const;
    /// The Error fail() would throw, for errors found outside this class (validateScenario).
    /// Cost: one linear scan of the text, paid only when there is an error to report.
    Error errorAt(const std::string& field, std::string message) const;

    const Json& object(const Json& value, const std::string& path) const;
    const Json& array(const Json& value, const std::string& path) const;
    /// A member that must exist; nullptr for an absent optional member.
    const Json* member(const Json& object, const std::string& path, const char* key, bool required) const;
    std::string string(const Json& value, const std::string& path) const;
    bool boolean(const Json& value, const std::string& path) const;
    /// An integer in [min, max], checked before any conversion (4294967299 never becomes 3).
    int integer(const Json& value, const std::string& path, int min = std::numeric_limits<int>::min(),
        int max = std::numeric_limits<int>::max()) const;
    /// Rejects members not in the list (catches typos such as "thread" for "threads").
    void onlyKnownMembers(
        const Json& object, const std::string& path, std::initializer_list<std::string_view> known) const;

    static std::string join(const std::string& path, std::string_view key)
    {
        return path.empty() ? std::string(key) : path + "." + std::string(key);
    }
    static std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

private:
    std::string_view m_text;
    Json m_root;
    std::string m_fileName;
};

/// One object of a document with its path and its allowed members, for reading members by name
/// (the classroom's messages, whose objects are small and flat).
class JsonObject
{
public:
    /// Fails unless value is an object whose members are all in known.
    JsonObject(const JsonInput& input, const nlohmann::json& value, std::string path,
        std::initializer_list<std::string_view> known);

    const JsonInput& input() const { return m_input; }
    std::string field(std::string_view name) const { return JsonInput::join(m_path, name); }
    /// A member that must be there.
    const nlohmann::json& member(std::string_view name) const;
    std::string string(std::string_view name) const { return m_input.string(member(name), field(name)); }
    bool boolean(std::string_view name) const { return m_input.boolean(member(name), field(name)); }
    int integer(std::string_view name, int min, int max) const
    {
        return m_input.integer(member(name), field(name), min, max);
    }

private:
    const JsonInput& m_input;
    const nlohmann::json& m_value;
    std::string m_path;
};

/// The Error for an exception that escaped a reader (a bug or resource exhaustion rather than a
/// located input problem): still bad input for the caller, never a crash.
Error unexpectedReadError(const std::string& fileName, const std::exception& exception);

/// The boundary of every loader: parses text and runs read(const JsonInput&) -> T; whatever it
/// throws comes back as an Error. read's result converts to Result<T>.
template <typename T, typename Read>
Result<T> readJsonDocument(std::string_view text, const std::string& fileName, Read&& read)
{
    try {
        const JsonInput input(text, fileName);
        return Result<T>(read(input));
    } catch (const JsonInputFailure& failure) {
        return failure.error;
    } catch (const std::exception& exception) {
        return unexpectedReadError(fileName, exception);
    }
}

} // namespace msb::core::detail
