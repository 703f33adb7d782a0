// SPDX-License-Identifier: MIT
// How much memory an exploration may take, so that a large run stops with an incomplete verdict
// instead of being ended by the kernel's OOM killer (which would lose everything found so far).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace msb::core {

/// Memory this process can still take without pushing the machine into the OOM killer: the
/// kernel's MemAvailable estimate (/proc/meminfo), capped by the room left under this process's
/// cgroup v2 memory limit when there is one. Falls back to free physical memory (sysconf) when
/// /proc is not readable. Reads two small files; never throws.
std::uint64_t availableMemoryBytes();

/// The budget an exploration gets when none is asked for: three quarters of
/// availableMemoryBytes(), leaving the rest to the application and everything else running.
std::uint64_t defaultMemoryBudget();

/// "2G", "512M", "64k", "1.5G" or a plain number of bytes (binary units, case-insensitive, an
/// optional trailing "B" or "iB"). Nothing on overflow, a zero size or any other text.
std::optional<std::uint64_t> parseByteSize(std::string_view text);

/// "1.5 GiB", "512 MiB", "100 KiB" or "312 B": for messages.
std::string formatBytes(std::uint64_t bytes);

} // namespace msb::core
