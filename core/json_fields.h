// SPDX-License-Identifier: MIT
// Readers for the values several JSON formats share (files and classroom messages): the
// format/version header, settings, state hashes and an embedded scenario. Like json_input.h,
// never include it from a public header.
#pragma once

#include "core/json_input.h"
#include "core/scenario.h"
#include "core/scenario_io.h"
#include "core/settings.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace msb::core::detail {

/// Checks the "format" and "version" members of a document's root. A wrong version is refused
/// with both numbers: the one found and the one this build reads.
void checkFormat(const JsonInput& input, std::string_view format, int version);

/// Reads a settings object {"check": "strict", ...}: every member must be a knob with one of its
/// values. The one rule for a missing knob: it keeps its value in base. Recordings and messages
/// pass Settings{}, each knob's default, which is the behaviour the model had before that knob
/// existed; a lesson passes the preset its settings refine.
Settings readSettings(const JsonInput& input, const nlohmann::json& value, const std::string& path, Settings base = {});
/// The settings as {"check": "strict", ...}, every knob, in knobs() order.
nlohmann::ordered_json settingsToJson(const Settings& settings);

/// Reads a scenario object found at path (the root, or "scenario" inside a recording), expands a
/// generator with the parameters, and runs validateScenario with its errors located in the text.
Scenario readScenarioObject(
    const JsonInput& input, const nlohmann::json& value, const std::string& path, const ScenarioParameters& parameters);

/// "0123456789abcdef" (16 lower-case digits) <-> 64-bit value; hexToHash also takes upper case.
std::string hashToHex(std::uint64_t hash);
bool hexToHash(std::string_view text, std::uint64_t& hash);
/// A 16-digit hash at path, or fail().
std::uint64_t readHash(const JsonInput& input, const nlohmann::json& value, const std::string& path);

} // namespace msb::core::detail
