// SPDX-License-Identifier: MIT
#include "core/json_scan.h"

#include <charconv>
#include <vector>

namespace msb::core::detail {

namespace {

/// A value's place in its parent: an array index or an object key (escapes dropped, which is
/// enough for the plain ASCII keys of our formats).
struct Component
{
    bool isIndex = false;
    std::size_t index = 0;
    std::string_view key;
};

/// Calls visit.value(depth, component, offset, isContainer) where every value starts (depth 0 is
/// the root; returning false stops the walk), then visit.open() after a container's value() and
/// visit.close() at its end. Meant for text the parser accepted; on other text it stays linear
/// and in bounds but its answers are approximate.
template <typename Visitor>
void walkValues(std::string_view text, Visitor& visit)
{
    struct Frame
    {
        bool isArray = false;
        std::size_t next = 0; // array: index of the next element
    };
    std::vector<Frame> stack;
    std::string key; // the key whose value comes next in the innermost object
    bool expectKey = false;
    auto valueStarts = [&](std::size_t offset, bool container) {
        Component component;
        if (!stack.empty()) {
            if (stack.back().isArray) {
                component.isIndex = true;
                component.index = stack.back().next++;
            } else {
                component.key = key;
            }
        }
        return visit.value(static_cast<int>(stack.size()), component, offset, container);
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            const std::size_t start = i;
            const bool isKey = expectKey && !stack.empty() && !stack.back().isArray;
            if (isKey)
                key.clear();
            std::size_t j = i + 1;
            for (; j < text.size() && text[j] != '"'; ++j) {
                if (text[j] == '\\' && j + 1 < text.size())
                    ++j;
                if (isKey)
                    key += text[j];
            }
            i = j;
            if (isKey)
                expectKey = false;
            else if (!valueStarts(start, false))
                return;
            continue;
        }
        switch (c) {
        case '{':
        case '[':
            if (!valueStarts(i, true))
                return;
            stack.push_back(Frame {c == '[', 0});
            expectKey = c == '{';
            visit.open();
            break;
        case '}':
        case ']':
            if (!stack.empty()) {
                stack.pop_back();
                visit.close();
            }
            break;
        case ',':
            expectKey = !stack.empty() && !stack.back().isArray;
            break;
        case ':':
        case ' ':
        case '\t':
        case '\r':
        case '\n':
            break;
        default:
            // The first character of a number, true, false or null; skip the rest of it.
            if (!valueStarts(i, false))
                return;
            while (i + 1 < text.size() && std::string_view(",]} \t\r\n").find(text[i + 1]) == std::string_view::npos)
                ++i;
        }
    }
}

struct PathPart
{
    bool isIndex = false;
    std::size_t index = 0;
    std::string key;

    bool matches(const Component& component) const
    {
        return isIndex == component.isIndex && (isIndex ? index == component.index : key == component.key);
    }
};

/// "pages[3].checkpoint" -> pages, [3], checkpoint. Stops at anything it cannot read.
std::vector<PathPart> splitPath(std::string_view field)
{
    std::vector<PathPart> parts;
    std::size_t i = 0;
    while (i < field.size()) {
        if (field[i] == '[') {
            const std::size_t close = field.find(']', i);
            std::size_t index = 0;
            const char* first = field.data() + i + 1;
            const char* last = field.data() + (close == std::string_view::npos ? field.size() : close);
            const auto [end, ec] = std::from_chars(first, last, index);
            if (close == std::string_view::npos || ec != std::errc() || end != last)
                break;
            parts.push_back(PathPart {true, index, {}});
            i = close + 1;
            continue;
        }
        if (field[i] == '.')
            ++i;
        const std::size_t cut = std::min(field.find_first_of(".[", i), field.size());
        parts.push_back(PathPart {false, 0, std::string(field.substr(i, cut - i))});
        i = cut;
    }
    return parts;
}

struct LocateVisitor
{
    const std::vector<PathPart>& target;
    std::vector<bool> onPath; // per open container: is it the value of target's first components?
    bool pendingOnPath = false;
    std::size_t bestOffset = std::string_view::npos;
    std::size_t bestDepth = 0;

    bool value(int depth, const Component& component, std::size_t offset, bool)
    {
        const auto level = static_cast<std::size_t>(depth);
        const bool matched =
            level == 0 || (onPath.back() && level <= target.size() && target[level - 1].matches(component));
        pendingOnPath = matched;
        if (matched && level > 0 && level >= bestDepth) {
            bestOffset = offset;
            bestDepth = level;
            if (level == target.size())
                return false;
        }
        return true;
    }
    void open() { onPath.push_back(pendingOnPath); }
    void close() { onPath.pop_back(); }
};

struct FieldAtVisitor
{
    std::size_t target;
    std::vector<std::string> path; // the components of the open containers, root excluded
    std::string pending;
    std::string found;

    static std::string part(const Component& component)
    {
        return component.isIndex ? "[" + std::to_string(component.index) + "]" : "." + std::string(component.key);
    }
    bool value(int depth, const Component& component, std::size_t offset, bool)
    {
        pending = depth == 0 ? std::string() : part(component);
        if (offset != target)
            return true;
        for (const auto& p : path)
            found += p;
        found += pending;
        if (!found.empty() && found[0] == '.')
            found.erase(0, 1);
        return false;
    }
    void open() { path.push_back(pending); }
    void close() { path.pop_back(); }
};

} // namespace

TextPosition positionAt(std::string_view text, std::size_t offset)
{
    TextPosition position {1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

std::size_t firstTooDeep(std::string_view text, int limit)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::string_view::npos;
}

TextPosition locateField(std::string_view text, std::string_view field)
{
    const std::vector<PathPart> target = splitPath(field);
    if (target.empty())
        return {};
    LocateVisitor visitor {target, {}};
    walkValues(text, visitor);
    return visitor.bestOffset == std::string_view::npos ? TextPosition {} : positionAt(text, visitor.bestOffset);
}

std::string fieldStartingAt(std::string_view text, std::size_t offset)
{
    FieldAtVisitor visitor {offset, {}, {}, {}};
    walkValues(text, visitor);
    return visitor.found;
}

} // namespace msb::core::detail
