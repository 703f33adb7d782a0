// SPDX-License-Identifier: MIT
#include "core/outcome.h"

#include "core/state.h"

namespace msb::core {

std::string_view outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Running:
        return "running";
    case Outcome::Completes:
        return "completes";
    case Outcome::Deadlock:
        return "deadlock";
    case Outcome::Livelock:
        return "livelock";
    case Outcome::Sigbus:
        return "sigbus";
    case Outcome::LostUpdate:
        return "lost_update";
    case Outcome::StalePageUse:
        return "stale_page_use";
    }
    return "?";
}

namespace {

struct FlagWord
{
    std::uint8_t flag;
    Outcome outcome;
};
constexpr FlagWord kFlagWords[] = {
    {FlagLostUpdate, Outcome::LostUpdate},
    {FlagStalePageUse, Outcome::StalePageUse},
    {FlagSigbus, Outcome::Sigbus},
};

} // namespace

std::vector<std::string> flagNames(std::uint8_t flags)
{
    std::vector<std::string> out;
    for (const auto& entry : kFlagWords) {
        if (flags & entry.flag)
            out.emplace_back(outcomeName(entry.outcome));
    }
    return out;
}

std::optional<std::uint8_t> flagFromName(std::string_view name)
{
    for (const auto& entry : kFlagWords) {
        if (outcomeName(entry.outcome) == name)
            return entry.flag;
    }
    return std::nullopt;
}

std::string knownFlagNames()
{
    std::string out;
    for (const auto& entry : kFlagWords)
        out += (out.empty() ? "" : ", ") + std::string(outcomeName(entry.outcome));
    return out;
}

const std::vector<std::string>& outcomeAnswerChoices()
{
    const auto word = [](Outcome status, std::uint8_t flags = 0) {
        std::string text(outcomeName(status));
        for (const auto& flag : flagNames(flags))
            text += "+" + flag;
        return text;
    };
    static const std::vector<std::string> choices {word(Outcome::Running), word(Outcome::Completes),
        word(Outcome::Completes, FlagLostUpdate), word(Outcome::Running, FlagStalePageUse), word(Outcome::Deadlock),
        word(Outcome::Sigbus)};
    return choices;
}

} // namespace msb::core
