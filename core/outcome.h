// SPDX-License-Identifier: MIT
// How a run stands and what the explorer can find: one vocabulary for the model (a state's
// status), random runs (core/odds.h), the explorer's verdicts and every front end. The names are
// the keys of the CLI's JSON contract (docs/architecture.md §4) and of recordings and lessons.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msb::core {

enum class Outcome : std::uint8_t {
    Running,      // some thread can still step: no outcome yet (or a run cut short by a bound)
    Completes,    // every faulting thread's access completed and every holder is done
    Deadlock,     // an unfinished thread exists and no thread can step
    Livelock,     // a fair cycle in which no access completes: a property of paths, never of one state
    Sigbus,       // a fault returned VM_FAULT_SIGBUS: the process died
    LostUpdate,   // safety: a holder's write never reached the page the process maps
    StalePageUse, // safety: a freed device page's driver data was used
};
inline constexpr int kOutcomeCount = 7;

/// "running", "completes", "deadlock", "livelock", "sigbus", "lost_update", "stale_page_use".
std::string_view outcomeName(Outcome outcome);

/// The bad outcomes the explorer reports as reachable, each with a shortest counterexample, in
/// the order every report lists them.
inline constexpr std::array<Outcome, 5> kBadOutcomes = {
    Outcome::Deadlock, Outcome::Livelock, Outcome::Sigbus, Outcome::LostUpdate, Outcome::StalePageUse};

/// The outcomes one state can have (Model::status); the others are about paths or safety flags.
inline constexpr std::array<Outcome, 4> kStateOutcomes = {
    Outcome::Running, Outcome::Completes, Outcome::Deadlock, Outcome::Sigbus};

/// The words of the flags set in a State::flags value, in canonical order: "lost_update",
/// "stale_page_use", "sigbus" (the outcome names of the same events). Recordings, lessons' expects
/// and the CLI's JSON use them.
std::vector<std::string> flagNames(std::uint8_t flags);
/// The State::flags bit a flag word names, if it names one.
std::optional<std::uint8_t> flagFromName(std::string_view name);
/// "lost_update, stale_page_use, sigbus", for messages that list the known words.
std::string knownFlagNames();

/// The choices of a lesson's outcome question, in the words computed answers use (a status, then
/// "+flag" for each safety flag set): "running", "completes", "completes+lost_update", ...
const std::vector<std::string>& outcomeAnswerChoices();

} // namespace msb::core
