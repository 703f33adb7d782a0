// SPDX-License-Identifier: MIT
#include "core/document_io.h"

#include "core/json_input.h"

#include <exception>

namespace msb::core {

namespace {

template <typename T>
Result<Document> asDocument(Result<T> result)
{
    if (!result)
        return result.error();
    return Document(std::move(result).value());
}

Result<Document> parseByFormat(std::string_view text, const std::string& fileName, const ScenarioParameters& parameters)
{
    auto format = detail::readJsonDocument<std::string>(text, fileName, [](const detail::JsonInput& input) {
        const auto& root = input.object(input.root(), {});
        return input.string(*input.member(root, {}, "format", true), "format");
    });
    if (!format)
        return format.error();
    const std::string& name = format.value();
    if (name == kScenarioFormat)
        return asDocument(parseScenario(text, fileName, parameters));
    if (name == kRecordingFormat)
        return asDocument(parseRecording(text, fileName));
    if (name == kLessonFormat)
        return asDocument(parseLesson(text, fileName));
    return detail::readJsonDocument<Document>(text, fileName, [&](const detail::JsonInput& input) -> Document {
        input.fail("format",
            "unknown format \"" + name + "\" (known: " + std::string(kScenarioFormat) + ", "
                + std::string(kRecordingFormat) + ", " + std::string(kLessonFormat) + ")");
    });
}

} // namespace

Result<Document> parseDocument(
    std::string_view text, const std::string& fileName, const ScenarioParameters& parameters) noexcept
{
    try {
        return parseByFormat(text, fileName, parameters);
    } catch (const std::exception& exception) {
        return detail::unexpectedReadError(fileName, exception);
    } catch (...) {
        return Error {fileName, 0, 0, {}, "cannot read it"};
    }
}

Result<Document> loadDocumentFile(const std::string& path, const ScenarioParameters& parameters) noexcept
{
    try {
        auto text = readInputFile(path);
        if (!text)
            return text.error();
        return parseDocument(text.value(), path, parameters);
    } catch (const std::exception& exception) {
        return detail::unexpectedReadError(path, exception);
    } catch (...) {
        return Error {path, 0, 0, {}, "cannot read it"};
    }
}

} // namespace msb::core
