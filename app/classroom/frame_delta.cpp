// SPDX-License-Identifier: MIT
#include "app/classroom/frame_delta.h"

#include <algorithm>
#include <unordered_map>

namespace msb::classroom {

namespace {

// A copy op costs about "[123,45]," in the JSON: shorter runs go as text.
constexpr std::size_t kMinCopyBytes = 12;
// Lines such as "</g>" occur hundreds of times: only the occurrences nearest to where the last
// copy ended are tried as the start of a run, so a delta is O(lines).
constexpr std::ptrdiff_t kCandidatesEachSide = 8;

} // namespace

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        lines.push_back(text.substr(start, next - start));
        start = next;
    }
    return lines;
}

nlohmann::json makeLineDelta(std::string_view base, std::string_view target)
{
    const auto b = splitLines(base);
    const auto t = splitLines(target);
    std::unordered_map<std::string_view, std::vector<std::size_t>> where;
    for (std::size_t i = 0; i < b.size(); ++i)
        where[b[i]].push_back(i);

    const auto run = [&](std::size_t from, std::size_t j) {
        std::size_t n = 0;
        while (from + n < b.size() && j + n < t.size() && b[from + n] == t[j + n])
            ++n;
        return n;
    };
    nlohmann::json ops = nlohmann::json::array();
    std::string literal;
    const auto flush = [&] {
        if (!literal.empty())
            ops.push_back(literal);
        literal.clear();
    };
    std::size_t expected = 0; // where the base continues after the last copy
    for (std::size_t j = 0; j < t.size();) {
        std::size_t bestStart = 0;
        std::size_t bestLength = 0;
        if (expected < b.size() && b[expected] == t[j]) {
            bestStart = expected;
            bestLength = run(expected, j);
        } else if (const auto it = where.find(t[j]); it != where.end()) {
            const auto& at = it->second;
            const auto near = std::lower_bound(at.begin(), at.end(), expected) - at.begin();
            const auto first = std::max<std::ptrdiff_t>(0, near - kCandidatesEachSide);
            const auto last =
                std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(at.size()), near + kCandidatesEachSide);
            for (auto k = first; k < last; ++k) {
                const std::size_t length = run(at[static_cast<std::size_t>(k)], j);
                if (length > bestLength) {
                    bestStart = at[static_cast<std::size_t>(k)];
                    bestLength = length;
                }
            }
        }
        std::size_t bytes = 0;
        for (std::size_t n = 0; n < bestLength; ++n)
            bytes += t[j + n].size();
        if (bestLength > 0 && bytes >= kMinCopyBytes) {
            flush();
            ops.push_back(nlohmann::json::array({bestStart, bestLength}));
            j += bestLength;
            expected = bestStart + bestLength;
        } else {
            literal += t[j];
            ++j;
            ++expected; // a changed line usually replaces the base's line at the same place
        }
    }
    flush();
    return ops;
}

std::optional<std::string> applyLineDelta(std::string_view base, const nlohmann::json& delta)
{
    if (!delta.is_array())
        return std::nullopt;
    const auto b = splitLines(base);
    std::string out;
    out.reserve(base.size() + 1024);
    for (const auto& op : delta) {
        if (op.is_string()) {
            out += op.get_ref<const std::string&>();
            continue;
        }
        if (!op.is_array() || op.size() != 2 || !op[0].is_number_unsigned() || !op[1].is_number_unsigned())
            return std::nullopt;
        const auto start = op[0].get<std::uint64_t>();
        const auto count = op[1].get<std::uint64_t>();
        if (start > b.size() || count > b.size() - start)
            return std::nullopt;
        for (std::uint64_t i = start; i < start + count; ++i)
            out += b[i];
    }
    return out;
}

} // namespace msb::classroom
