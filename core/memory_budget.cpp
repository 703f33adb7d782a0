// SPDX-License-Identifier: MIT
#include "core/memory_budget.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <string>
#include <unistd.h>

namespace msb::core {

namespace {

/// The value of one "Key:   123 kB" line of /proc/meminfo, in bytes.
std::optional<std::uint64_t> meminfoBytes(std::string_view key)
{
    std::ifstream in("/proc/meminfo");
    std::string name;
    std::uint64_t kib = 0;
    std::string unit;
    while (in >> name >> kib >> unit) {
        if (name.size() == key.size() + 1 && name.compare(0, key.size(), key) == 0 && name.back() == ':')
            return kib * 1024;
    }
    return std::nullopt;
}

/// One number from a cgroup v2 file ("max" and anything unreadable: nothing).
std::optional<std::uint64_t> cgroupNumber(const char* path)
{
    std::ifstream in(path);
    std::string text;
    if (!(in >> text))
        return std::nullopt;
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace

std::uint64_t availableMemoryBytes()
{
    std::uint64_t available = 0;
    if (const auto bytes = meminfoBytes("MemAvailable")) {
        available = *bytes;
    } else {
        const long pages = sysconf(_SC_AVPHYS_PAGES);
        const long pageSize = sysconf(_SC_PAGESIZE);
        if (pages > 0 && pageSize > 0)
            available = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(pageSize);
    }
    // In a container the cgroup limit, not the machine, decides when the OOM killer comes.
    const auto limit = cgroupNumber("/sys/fs/cgroup/memory.max");
    const auto used = cgroupNumber("/sys/fs/cgroup/memory.current");
    if (limit && used)
        available = std::min(available, *limit > *used ? *limit - *used : 0);
    return available;
}

std::uint64_t defaultMemoryBudget()
{
    return availableMemoryBytes() / 4 * 3;
}

std::optional<std::uint64_t> parseByteSize(std::string_view text)
{
    auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    std::size_t digits = 0;
    while (digits < text.size() && (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == '.'))
        ++digits;
    if (digits == 0)
        return std::nullopt;
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + digits, number);
    if (error != std::errc() || end != text.data() + digits || !std::isfinite(number))
        return std::nullopt;
    std::string unit;
    for (char c : text.substr(digits))
        unit += lower(c);
    double scale = 1;
    if (!unit.empty() && unit != "b") {
        const std::string_view prefixes = "kmgt";
        const std::size_t power = prefixes.find(unit[0]);
        const std::string_view rest = std::string_view(unit).substr(1);
        if (power == std::string_view::npos || !(rest.empty() || rest == "b" || rest == "ib"))
            return std::nullopt;
        scale = std::ldexp(1.0, 10 * static_cast<int>(power + 1));
    }
    const double bytes = std::floor(number * scale);
    if (bytes < 1 || bytes >= 18446744073709551616.0) // 2^64
        return std::nullopt;
    return static_cast<std::uint64_t>(bytes);
}

std::string formatBytes(std::uint64_t bytes)
{
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    double value = static_cast<double>(bytes);
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    char text[32];
    if (unit == 0)
        std::snprintf(text, sizeof text, "%llu B", static_cast<unsigned long long>(bytes));
    else
        std::snprintf(text, sizeof text, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    return text;
}

} // namespace msb::core
