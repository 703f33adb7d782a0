// SPDX-License-Identifier: MIT
// Opening any of the user's files by its content: a scenario, a recording or a lesson, told
// apart by the "format" member rather than by the file name. Never throws: every problem,
// including one no loader foresaw, comes back as an Error naming the file (and, where the text
// gives it, line:column and field), so a front end can report it and keep its current session.
#pragma once

#include "core/lesson.h"
#include "core/recording.h"
#include "core/result.h"
#include "core/scenario.h"
#include "core/scenario_io.h"

#include <string>
#include <string_view>
#include <variant>

namespace msb::core {

using Document = std::variant<Scenario, Recording, Lesson>;

/// Parses text as whichever format its "format" member names. fileName only labels errors;
/// parameters apply to a parametric scenario as in parseScenario.
Result<Document> parseDocument(
    std::string_view text, const std::string& fileName, const ScenarioParameters& parameters = {}) noexcept;
/// Reads path (at most kMaxInputFileBytes) and parses it with parseDocument.
Result<Document> loadDocumentFile(const std::string& path, const ScenarioParameters& parameters = {}) noexcept;

} // namespace msb::core
