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
    using namespace packing;
    const Layout layout = layoutFor(threads);
    PackedState packed;
    BitWriter out(packed);
    // A field that does not read back equal overflowed its bits: a model invariant broke.
    for (int p = 0; p < pages; ++p) {
        const std::uint64_t field = pageField(state.pages[p]);
        PageState back;
        readPageField(field, back);
        MSB_INVARIANT(back == state.pages[p]) << "page D" << p << " does not fit the packed layout";
        out.put(field, layout.pageBits);
    }
    for (int t = 0; t < threads; ++t) {
        const std::uint64_t field = threadField(state.threads[t]);
        ThreadState back;
        readThreadField(field, back);
        MSB_INVARIANT(back == state.threads[t]) << "thread " << t << " does not fit the packed layout";
        out.put(field, kThreadBits);
    }
    out.put(trailerField(state), layout.trailerBits);
    return packed;
}

State unpack(const PackedState& packed, int pages, int threads)
{
    using namespace packing;
    const Layout layout = layoutFor(threads);
    State state;
    BitReader in(packed);
    for (int p = 0; p < pages; ++p)
        readPageField(in.get(layout.pageBits), state.pages[p]);
    for (int t = 0; t < threads; ++t)
        readThreadField(in.get(kThreadBits), state.threads[t]);
    readTrailerField(in.get(layout.trailerBits), state);
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

std::string pteText(Pte pte, int page)
{
    const std::string index = std::to_string(page);
    switch (pte) {
    case Pte::DevPriv:
        return "DEVPRIV(D" + index + ")";
    case Pte::Migr:
        return "MIGR(D" + index + ")";
    case Pte::Present:
        return "PRESENT(S" + index + ")";
    }
    return "?";
}

} // namespace msb::core
