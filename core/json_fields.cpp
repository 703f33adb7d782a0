// SPDX-License-Identifier: MIT
#include "core/json_fields.h"

namespace msb::core::detail {

void checkFormat(const JsonInput& input, std::string_view format, int version)
{
    const auto& root = input.object(input.root(), {});
    const std::string found = input.string(*input.member(root, {}, "format", true), "format");
    if (found != format)
        input.fail("format", "expected \"" + std::string(format) + "\", got \"" + found + "\"");
    const int foundVersion = input.integer(*input.member(root, {}, "version", true), "version");
    if (foundVersion != version)
        input.fail("version",
            "unsupported version " + std::to_string(foundVersion) + " (this build reads version "
                + std::to_string(version) + ")");
}

Settings readSettings(const JsonInput& input, const nlohmann::json& value, const std::string& path, Settings base)
{
    input.object(value, path);
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string field = JsonInput::join(path, it.key());
        auto applied = withKnob(base, it.key(), input.string(it.value(), field));
        if (!applied)
            input.fail(field, applied.error().message);
        base = applied.value();
    }
    return base;
}

nlohmann::ordered_json settingsToJson(const Settings& settings)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& knob : knobs()) {
        if (knobListed(settings, knob))
            out[std::string(knob.key)] = std::string(knobValue(settings, knob.key));
    }
    return out;
}

std::string hashToHex(std::uint64_t hash)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (std::size_t i = 16; i-- > 0;) {
        out[i] = digits[hash & 0xf];
        hash >>= 4;
    }
    return out;
}

bool hexToHash(std::string_view text, std::uint64_t& hash)
{
    if (text.size() != 16)
        return false;
    std::uint64_t value = 0;
    for (const char c : text) {
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

std::uint64_t readHash(const JsonInput& input, const nlohmann::json& value, const std::string& path)
{
    std::uint64_t hash = 0;
    if (!hexToHash(input.string(value, path), hash))
        input.fail(path, "expected 16 hexadecimal digits");
    return hash;
}

} // namespace msb::core::detail
