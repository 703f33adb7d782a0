// SPDX-License-Identifier: MIT
#include "core/state.h"

#include "core/invariant.h"

namespace msb::core {

namespace {

class BitWriter
{
public:
    explicit BitWriter(PackedState& out)
        : m_out(out)
    {
    }
    void put(std::uint64_t value, int bits)
    {
        MSB_INVARIANT(value < (std::uint64_t {1} << bits)) << "value " << value << " does not fit " << bits << " bits";
        const int word = m_pos / 64;
        const int offset = m_pos % 64;
        MSB_INVARIANT(word < PackedState::kWords) << "state too large to pack";
        m_out.words[word] |= value << offset;
        if (offset + bits > 64) {
            MSB_INVARIANT(word + 1 < PackedState::kWords) << "state too large to pack";
            m_out.words[word + 1] |= value >> (64 - offset);
        }
        m_pos += bits;
        m_out.used = static_cast<std::uint8_t>((m_pos + 63) / 64);
    }

private:
    PackedState& m_out;
    int m_pos = 0;
};

class BitReader
{
public:
    explicit BitReader(const PackedState& in)
        : m_in(in)
    {
    }
    std::uint64_t get(int bits)
    {
        const int word = m_pos / 64;
        const int offset = m_pos % 64;
        std::uint64_t value = m_in.words[word] >> offset;
        if (offset + bits > 64)
            value |= m_in.words[word + 1] << (64 - offset);
        m_pos += bits;
        return value & ((std::uint64_t {1} << bits) - 1);
    }

private:
    const PackedState& m_in;
    int m_pos = 0;
};

} // namespace

PackedState pack(const State& state, int pages, int threads)
{
    PackedState packed;
    BitWriter out(packed);
    for (int p = 0; p < pages; ++p) {
        const PageState& page = state.pages[p];
        out.put(static_cast<std::uint64_t>(page.pte), 2);
        out.put(page.dRef, 5);
        out.put(page.dMapcount, 1);
        out.put(static_cast<std::uint64_t>(page.dLockOwner + 1), 4);
        out.put(page.dWaiters, 1);
        out.put(page.dData, 3);
        out.put(page.dFree, 1);
        out.put(page.sAllocated, 1);
        out.put(page.sLocked, 1);
        out.put(page.sRef, 2);
        out.put(page.sData, 3);
    }
    for (int t = 0; t < threads; ++t) {
        const ThreadState& thread = state.threads[t];
        out.put(static_cast<std::uint64_t>(thread.pc), 6);
        out.put(thread.access, 5);
        out.put(thread.queued, 1);
    }
    out.put(static_cast<std::uint64_t>(state.ptlOwner + 1), 4);
    out.put(state.flags, 3);
    return packed;
}

State unpack(const PackedState& packed, int pages, int threads)
{
    State state;
    BitReader in(packed);
    for (int p = 0; p < pages; ++p) {
        PageState& page = state.pages[p];
        page.pte = static_cast<Pte>(in.get(2));
        page.dRef = static_cast<std::uint8_t>(in.get(5));
        page.dMapcount = static_cast<std::uint8_t>(in.get(1));
        page.dLockOwner = static_cast<std::int8_t>(static_cast<int>(in.get(4)) - 1);
        page.dWaiters = static_cast<std::uint8_t>(in.get(1));
        page.dData = static_cast<std::uint8_t>(in.get(3));
        page.dFree = static_cast<std::uint8_t>(in.get(1));
        page.sAllocated = static_cast<std::uint8_t>(in.get(1));
        page.sLocked = static_cast<std::uint8_t>(in.get(1));
        page.sRef = static_cast<std::uint8_t>(in.get(2));
        page.sData = static_cast<std::uint8_t>(in.get(3));
    }
    for (int t = 0; t < threads; ++t) {
        ThreadState& thread = state.threads[t];
        thread.pc = static_cast<Pc>(in.get(6));
        thread.access = static_cast<std::uint8_t>(in.get(5));
        thread.queued = static_cast<std::uint8_t>(in.get(1));
    }
    state.ptlOwner = static_cast<std::int8_t>(static_cast<int>(in.get(4)) - 1);
    state.flags = static_cast<std::uint8_t>(in.get(3));
    return state;
}

std::uint64_t hashWords(const std::uint64_t* words, int count)
{
    // splitmix64-style finaliser over each word: fast, well mixed and identical on every machine.
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ static_cast<std::uint64_t>(count);
    for (int i = 0; i < count; ++i) {
        std::uint64_t z = h + words[i] + 0x9e3779b97f4a7c15ULL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        h = z ^ (z >> 31);
    }
    return h;
}

std::uint64_t stateHash(const State& state, int pages, int threads)
{
    const PackedState packed = pack(state, pages, threads);
    return hashWords(packed.words.data(), packed.used);
}

} // namespace msb::core
