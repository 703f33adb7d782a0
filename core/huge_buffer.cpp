// SPDX-License-Identifier: MIT
#include "core/huge_buffer.h"

#include <cstdint>
#include <new>
#include <sys/mman.h>
#include <utility>

namespace msb::core {

namespace {
constexpr std::size_t kHuge = std::size_t {2} << 20;
}

HugeBuffer::HugeBuffer(std::size_t bytes)
{
    const std::size_t length = (bytes + kHuge - 1) / kHuge * kHuge;
    void* raw = mmap(nullptr, length + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        throw std::bad_alloc();
    // Trim to a 2 MiB aligned window so that every 2 MiB of it can be one huge page.
    const auto start = reinterpret_cast<std::uintptr_t>(raw);
    const std::uintptr_t aligned = (start + kHuge - 1) / kHuge * kHuge;
    if (aligned > start)
        munmap(raw, aligned - start);
    const std::uintptr_t end = start + length + kHuge;
    if (end > aligned + length)
        munmap(reinterpret_cast<void*>(aligned + length), end - (aligned + length));
    m_data = reinterpret_cast<void*>(aligned);
    m_length = length;
#ifdef MADV_HUGEPAGE
    madvise(m_data, m_length, MADV_HUGEPAGE);
#endif
}

HugeBuffer::HugeBuffer(HugeBuffer&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_length(std::exchange(other.m_length, 0))
{
}

HugeBuffer& HugeBuffer::operator=(HugeBuffer&& other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_length = std::exchange(other.m_length, 0);
    }
    return *this;
}

HugeBuffer::~HugeBuffer()
{
    release();
}

void HugeBuffer::release()
{
    if (m_data)
        munmap(m_data, m_length);
    m_data = nullptr;
}

} // namespace msb::core
