// SPDX-License-Identifier: MIT
#include "core/json_input.h"

#include "core/json_scan.h"

#include <new>
#include <vector>

namespace msb::core::detail {

namespace {

using Json = nlohmann::json;

std::string typeName(const Json& value)
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

/// nlohmann's messages without their "[json.exception.parse_error.101] parse error at line 1,
/// column 5: " prefix: we say where ourselves.
std::string plainMessage(std::string what)
{
    if (what.rfind("[json.", 0) == 0) {
        if (const auto bracket = what.find("] "); bracket != std::string::npos)
            what.erase(0, bracket + 2);
        if (what.rfind("parse error", 0) == 0) {
            if (const auto colon = what.find(": "); colon != std::string::npos)
                what.erase(0, colon + 2);
        }
    }
    return what;
}

/// Builds the document from nlohmann's SAX events. Unlike json::parse, a parse error reaches us
/// with its byte offset whatever its kind, so a number overflow ("1e400", out_of_range.406) is
/// located like a syntax error instead of escaping as an exception.
class DocumentBuilder
{
public:
    Json root;
    bool failed = false;
    std::size_t errorOffset = 0;
    std::string errorToken;
    int errorId = 0;
    std::string errorWhat;

    bool null() { return place(Json(nullptr)); }
    bool boolean(bool value) { return place(Json(value)); }
    bool number_integer(Json::number_integer_t value) { return place(Json(value)); }
    bool number_unsigned(Json::number_unsigned_t value) { return place(Json(value)); }
    bool number_float(Json::number_float_t value, const Json::string_t&) { return place(Json(value)); }
    bool string(Json::string_t& value) { return place(Json(std::move(value))); }
    bool binary(Json::binary_t& value) { return place(Json(std::move(value))); }
    bool start_object(std::size_t) { return open(Json::object()); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(Json::string_t& name)
    {
        // Like json::parse, a repeated key keeps its last value.
        m_slot = &(*m_open.back())[name];
        return true;
    }
    bool parse_error(std::size_t position, const std::string& lastToken, const Json::exception& error)
    {
        failed = true;
        errorOffset = position;
        errorToken = lastToken;
        errorId = error.id;
        errorWhat = error.what();
        return false;
    }

private:
    Json* place(Json value)
    {
        if (m_open.empty()) {
            root = std::move(value);
            return &root;
        }
        Json& parent = *m_open.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        *m_slot = std::move(value);
        return m_slot;
    }
    bool open(Json container)
    {
        // A container's address is stable until it is closed: its parent grows only afterwards.
        m_open.push_back(place(std::move(container)));
        return true;
    }
    bool close()
    {
        m_open.pop_back();
        return true;
    }

    std::vector<Json*> m_open;
    Json* m_slot = nullptr;
};

} // namespace

JsonInput::JsonInput(std::string_view text, std::string fileName)
    : m_text(text)
    , m_fileName(std::move(fileName))
{
    // Before parsing: a bracket bomb costs the parser (and every later walk) depth-sized memory.
    if (const std::size_t deep = firstTooDeep(text); deep != std::string_view::npos) {
        const auto [line, column] = positionAt(text, deep);
        throw JsonInputFailure {Error {
            m_fileName, line, column, {}, "nested more than " + std::to_string(kMaxJsonNesting) + " levels deep"}};
    }
    DocumentBuilder builder;
    if (Json::sax_parse(text.begin(), text.end(), &builder) && !builder.failed) {
        m_root = std::move(builder.root);
        return;
    }
    if (builder.errorId == 406) {
        // A number outside a double's range: point at the number and name its field.
        const std::size_t start =
            builder.errorOffset >= builder.errorToken.size() ? builder.errorOffset - builder.errorToken.size() : 0;
        const auto [line, column] = positionAt(text, start);
        throw JsonInputFailure {Error {
            m_fileName, line, column, fieldStartingAt(text, start), "number out of range: " + builder.errorToken}};
    }
    // The offset counts the bytes read, the last of which broke the syntax.
    const auto [line, column] = positionAt(text, builder.errorOffset > 0 ? builder.errorOffset - 1 : 0);
    throw JsonInputFailure {Error {m_fileName, line, column, {}, "invalid JSON: " + plainMessage(builder.errorWhat)}};
}

Error JsonInput::errorAt(const std::string& field, std::string message) const
{
    const auto [line, column] = locateField(m_text, field);
    return Error {m_fileName, line, column, field, std::move(message)};
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

bool JsonInput::boolean(const Json& value, const std::string& path) const
{
    if (!value.is_boolean())
        fail(path, "expected true or false, got " + typeName(value));
    return value.get<bool>();
}

int JsonInput::integer(const Json& value, const std::string& path, int min, int max) const
{
    if (!value.is_number_integer())
        fail(path, "expected an integer, got " + typeName(value));
    const auto range = [&] {
        return min == std::numeric_limits<int>::min() && max == std::numeric_limits<int>::max()
            ? std::string("integer out of range")
            : "out of range [" + std::to_string(min) + ", " + std::to_string(max) + "]";
    };
    // Compare in the type nlohmann holds; convert only a number known to fit.
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
            || static_cast<std::int64_t>(number) > max || static_cast<std::int64_t>(number) < min)
            fail(path, range());
        return static_cast<int>(number);
    }
    const auto number = value.get<std::int64_t>();
    if (number < min || number > max)
        fail(path, range());
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

JsonObject::JsonObject(const JsonInput& input, const nlohmann::json& value, std::string path,
    std::initializer_list<std::string_view> known)
    : m_input(input)
    , m_value(input.object(value, path))
    , m_path(std::move(path))
{
    input.onlyKnownMembers(value, m_path, known);
}

const nlohmann::json& JsonObject::member(std::string_view name) const
{
    return *m_input.member(m_value, m_path, std::string(name).c_str(), true);
}

Error unexpectedReadError(const std::string& fileName, const std::exception& exception)
{
    if (dynamic_cast<const std::bad_alloc*>(&exception))
        return Error {fileName, 0, 0, {}, "not enough memory to read it"};
    return Error {fileName, 0, 0, {}, "cannot read it: " + plainMessage(exception.what())};
}

} // namespace msb::core::detail
