// SPDX-License-Identifier: MIT
#include "core/state_store.h"

namespace msb::core {

StateStore::StateStore(int words)
    : m_words(words)
    , m_stride(2 * words + 1)
{
    rehash(1024);
}

void StateStore::compact()
{
    const auto target = static_cast<std::uint64_t>(static_cast<double>(m_size) / kMaxLoad) + 64;
    if (target < m_capacity)
        rehash(target);
}

std::uint64_t StateStore::bytes() const
{
    return m_size * m_stride * sizeof(std::uint32_t) + m_capacity * sizeof(std::uint32_t);
}

std::uint64_t StateStore::bytesAt(std::uint64_t states) const
{
    states = std::max(states, m_size);
    std::uint64_t capacity = m_capacity;
    while (static_cast<double>(states) > kMaxLoad * static_cast<double>(capacity))
        capacity *= 2;
    return states * m_stride * sizeof(std::uint32_t) + capacity * sizeof(std::uint32_t);
}

void StateStore::rehash(std::uint64_t capacity)
{
    m_slotBuffer = HugeBuffer(); // give the old table back before taking the new one
    m_capacity = capacity;
    m_slotBuffer = HugeBuffer(capacity * sizeof(std::uint32_t));
    m_slots = m_slotBuffer.as<std::uint32_t>();
    // Records are read in order; the slot writes are random, so hash a batch and prefetch
    // its slots before writing any (rehashing was a tenth of a run before).
    constexpr std::uint32_t kBatch = 16;
    std::array<std::uint64_t, PackedState::kWords> words;
    std::array<std::uint64_t, kBatch> hashes;
    const auto size = static_cast<std::uint32_t>(m_size);
    for (std::uint32_t base = 0; base < size; base += kBatch) {
        const std::uint32_t count = std::min(kBatch, size - base);
        for (std::uint32_t k = 0; k < count; ++k) {
            load(base + k, words.data());
            hashes[k] = storeHash(words.data(), m_words);
            prefetch(hashes[k]);
        }
        for (std::uint32_t k = 0; k < count; ++k) {
            std::uint64_t i = slotOf(hashes[k]);
            while (m_slots[i] != 0)
                i = i + 1 == m_capacity ? 0 : i + 1;
            m_slots[i] = tagOf(hashes[k]) | (base + k + 1);
        }
    }
}

} // namespace msb::core
