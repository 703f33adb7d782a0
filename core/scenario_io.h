// SPDX-License-Identifier: MIT
// Scenario files (JSON) and the file helpers shared by every loader in the core.
//
// A scenario file names its format and version so that a file written by a later, incompatible
// version is refused with a clear message instead of being half understood:
//     {"format": "migration-sandbox-scenario", "version": 1, "name": "two-faults", "title": ...,
//      "description": ..., "pages": 1, "threads": [{"name": "T1", "kind": "fault", "pages": [0]}]}
// A parametric scenario carries a generator instead of pages and threads:
//     {"format": ..., "version": 1, "name": "n-faults",
//      "generator": {"kind": "n-faults", "threads": 2, "pages": 2}}
// and is expanded with makeNFaults(); ScenarioParameters override the generator's numbers.
//
// Loading never throws on bad input and never returns a partial scenario: every problem comes
// back as an Error with the file, the field path ("threads[1].kind") and, where the text gives
// it, the line and column.
#pragma once

#include "core/result.h"
#include "core/scenario.h"

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace msb::core {

inline constexpr std::string_view kScenarioFormat = "migration-sandbox-scenario";
/// Bump when a scenario file written by this version would be misread by an older one.
inline constexpr int kScenarioFormatVersion = 1;
/// Input files larger than this are refused before parsing (a scenario is a few hundred bytes).
inline constexpr std::size_t kMaxInputFileBytes = 1024 * 1024;

/// Overrides for a parametric scenario's generator, e.g. {"threads", 3}, {"pages", 2}.
using ScenarioParameters = std::map<std::string, int, std::less<>>;

/// Parses a scenario from JSON text. fileName only labels errors. Parameters are accepted only
/// for parametric scenarios; any other scenario with parameters is an error naming the key.
Result<Scenario> parseScenario(
    std::string_view text, const std::string& fileName, const ScenarioParameters& parameters = {});
/// Reads and parses a scenario file (refused if larger than kMaxInputFileBytes).
Result<Scenario> loadScenarioFile(const std::string& path, const ScenarioParameters& parameters = {});

/// The scenario as a JSON document (always the explicit form, never a generator), with a
/// trailing newline. parseScenario(scenarioToJson(s)) == s for every valid s.
std::string scenarioToJson(const Scenario& scenario);
/// Writes scenarioToJson atomically (see writeFileAtomically).
Result<bool> saveScenarioFile(const Scenario& scenario, const std::string& path);

/// Reads a whole file, refusing files larger than maxBytes ("file too large") before reading.
Result<std::string> readInputFile(const std::string& path, std::size_t maxBytes = kMaxInputFileBytes);
/// Writes to a temporary file in the same directory, then renames it over path, so readers see
/// either the old file or the complete new one, never a torn write.
Result<bool> writeFileAtomically(const std::string& path, std::string_view contents);

} // namespace msb::core
