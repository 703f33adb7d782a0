// SPDX-License-Identifier: MIT
// Zero-filled anonymous memory, 2 MiB aligned and marked for transparent huge pages: the backing
// of the explorer's state store. The store's table and records are read at random, so with 4 KiB
// pages nearly every lookup also missed the TLB; huge pages took most of that stall away
// (measured on n-faults 4x2).
#pragma once

#include <cstddef>

namespace msb::core {

class HugeBuffer
{
public:
    HugeBuffer() = default;
    /// Maps at least `bytes` bytes (rounded up to whole 2 MiB pages). Costs one mmap and up to two
    /// munmap calls; no page is touched, so memory is only committed where it is written.
    /// Throws std::bad_alloc when the mapping fails.
    explicit HugeBuffer(std::size_t bytes);
    HugeBuffer(const HugeBuffer&) = delete;
    HugeBuffer& operator=(const HugeBuffer&) = delete;
    HugeBuffer(HugeBuffer&& other) noexcept;
    HugeBuffer& operator=(HugeBuffer&& other) noexcept;
    ~HugeBuffer();

    template <typename T>
    T* as() const
    {
        return static_cast<T*>(m_data);
    }

private:
    void release();

    void* m_data = nullptr;
    std::size_t m_length = 0;
};

} // namespace msb::core
