// SPDX-License-Identifier: MIT
#include "core/json_input.h"

#include <cstdio>
#include <limits>
#include <vector>

namespace msb::core::detail {

namespace {

std::pair<int, int> lineColumnAt(std::string_view text, std::size_t offset)
{
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

std::string typeName(const nlohmann::json& value)
{
    if (value.is_number_integer())
        return "an integer";
    if (value.is_number())
        return "a number";
    if (value.is_string())
        return "a string";
    if (value.is_boolean())
        return "a boolean";
    if (value.is_array())
        return "an array";
    if (value.is_object())
        return "an object";
    return "null";
}

} // namespace

JsonInput::JsonInput(std::string_view text, std::string fileName)
    : m_fileName(std::move(fileName))
{
    try {
        m_root = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        // e.byte is the 1-based index of the last byte read: the one that broke the syntax.
        const auto [line, column] = lineColumnAt(text, e.byte > 0 ? e.byte - 1 : 0);
        std::string what = e.what();
        // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 5: " prefix.
        if (const auto colon = what.find(": "); colon != std::string::npos && what.rfind("[json.", 0) == 0)
            what = what.substr(colon + 2);
        throw JsonInputFailure {Error {m_fileName, line, column, {}, "invalid JSON: " + what}};
    }
    locateFields(text);
}

// A second, position-aware pass over text that nlohmann already accepted: records where the value
// of every field path starts, so semantic errors ("threads[1].kind") can point at a line.
void JsonInput::locateFields(std::string_view text)
{
    struct Frame
    {
        std::string path;
        bool isArray = false;
        std::size_t next = 0;   // array: index of the next element
        std::string pendingKey; // object: the key whose value comes next
    };
    std::vector<Frame> stack;
    int line = 1;
    int column = 1;
    auto valueStarts = [&]() -> std::string {
        if (stack.empty())
            return {};
        Frame& top = stack.back();
        std::string path = top.isArray ? index(top.path, top.next++) : join(top.path, top.pendingKey);
        m_positions.emplace(path, std::make_pair(line, column));
        return path;
    };
    bool expectKey = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            const int startLine = line;
            const int startColumn = column;
            std::string value;
            std::size_t j = i + 1;
            for (; j < text.size() && text[j] != '"'; ++j) {
                if (text[j] == '\\' && j + 1 < text.size())
                    value += text[++j]; // good enough for keys, which are plain ASCII here
                else
                    value += text[j];
            }
            column += static_cast<int>(j - i + 1);
            i = j;
            if (expectKey && !stack.empty() && !stack.back().isArray) {
                stack.back().pendingKey = value;
                expectKey = false;
            } else {
                const int saveLine = line;
                const int saveColumn = column;
                line = startLine;
                column = startColumn;
                valueStarts();
                line = saveLine;
                column = saveColumn;
            }
            continue;
        }
        if (c == '{' || c == '[') {
            std::string path = valueStarts();
            stack.push_back(Frame {std::move(path), c == '[', 0, {}});
            expectKey = c == '{';
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',') {
            expectKey = !stack.empty() && !stack.back().isArray;
        } else if (c != ':' && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            // The first character of a number, true, false or null; skip the rest of it.
            valueStarts();
            while (i + 1 < text.size() && std::string_view(",]} \t\r\n").find(text[i + 1]) == std::string_view::npos) {
                ++i;
                ++column;
            }
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
}

Error JsonInput::errorAt(const std::string& field, std::string message) const
{
    // The field itself, else the closest enclosing field that has a position.
    std::string probe = field;
    while (!probe.empty()) {
        if (auto it = m_positions.find(probe); it != m_positions.end())
            return Error {m_fileName, it->second.first, it->second.second, field, std::move(message)};
        const auto cut = probe.find_last_of(".[");
        probe = cut == std::string::npos ? std::string() : probe.substr(0, cut);
    }
    return Error {m_fileName, 0, 0, field, std::move(message)};
}

void JsonInput::fail(const std::string& field, std::string message) const
{
    throw JsonInputFailure {errorAt(field, std::move(message))};
}

const JsonInput::Json& JsonInput::object(const Json& value, const std::string& path) const
{
    if (!value.is_object())
        fail(path, "expected an object, got " + typeName(value));
    return value;
}

const JsonInput::Json& JsonInput::array(const Json& value, const std::string& path) const
{
    if (!value.is_array())
        fail(path, "expected an array, got " + typeName(value));
    return value;
}

const JsonInput::Json* JsonInput::member(
    const Json& object, const std::string& path, const char* key, bool required) const
{
    const auto it = object.find(key);
    if (it == object.end()) {
        if (required)
            fail(join(path, key), "missing required field");
        return nullptr;
    }
    return &*it;
}

std::string JsonInput::string(const Json& value, const std::string& path) const
{
    if (!value.is_string())
        fail(path, "expected a string, got " + typeName(value));
    return value.get<std::string>();
}

int JsonInput::integer(const Json& value, const std::string& path) const
{
    if (!value.is_number_integer())
        fail(path, "expected an integer, got " + typeName(value));
    if (value.is_number_unsigned()) {
        if (value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
            fail(path, "integer out of range");
        return static_cast<int>(value.get<std::uint64_t>());
    }
    const auto number = value.get<std::int64_t>();
    if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max())
        fail(path, "integer out of range");
    return static_cast<int>(number);
}

void JsonInput::onlyKnownMembers(
    const Json& object, const std::string& path, std::initializer_list<std::string_view> known) const
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool found = false;
        for (auto k : known)
            found = found || it.key() == k;
        if (!found) {
            std::string list;
            for (auto k : known)
                list += (list.empty() ? "" : ", ") + std::string(k);
            fail(join(path, it.key()), "unknown field (known fields: " + list + ")");
        }
    }
}

std::string hashToHex(std::uint64_t hash)
{
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
    return buffer;
}

bool hexToHash(std::string_view text, std::uint64_t& hash)
{
    if (text.size() != 16)
        return false;
    std::uint64_t value = 0;
    for (char c : text) {
        int digit = 0;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return false;
        value = value << 4 | static_cast<std::uint64_t>(digit);
    }
    hash = value;
    return true;
}

} // namespace msb::core::detail
