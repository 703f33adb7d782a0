// SPDX-License-Identifier: MIT
// The rendered frames of the current session that web followers receive: one per position, as
// the framed JSON body {"type":"frame","position":N,"svg":...} (or "text"), so that one encoding
// is shared by every follower's queue, and as a delta against another cached frame
// {"type":"frame","position":N,"base":B,"delta":[...]} (frame_delta.h) for followers that hold
// B: the frame of the same content if one is cached (the round repeats its states), else the
// previous position's. Each stored frame has a serial, so a follower's copy of position B is
// known to be this B. Bounded in bytes; no I/O.
#pragma once

#include "app/classroom/framing.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace msb::classroom {

enum class FrameFormat { Svg, Text };
/// The scene drawn for a wide screen, or in one column for a phone held upright (a second store of
/// frames: a delta's base is always a frame of the same layout).
enum class FrameLayout { Landscape, Portrait };
inline constexpr int kFrameLayouts = 2;
/// "landscape", "portrait"; parseFrameLayout gives nothing for another name.
std::string_view frameLayoutName(FrameLayout layout);
std::optional<FrameLayout> parseFrameLayout(std::string_view name);

/// The framed JSON of a frame message. Invalid UTF-8 in content is replaced (U+FFFD), never thrown.
/// A portrait frame says "layout":"portrait"; a landscape one has no layout member (as before).
FramePtr encodeWebFrame(
    int position, FrameFormat format, std::string_view content, FrameLayout layout = FrameLayout::Landscape);

class FrameCache
{
public:
    explicit FrameCache(std::size_t maxBytes, FrameLayout layout = FrameLayout::Landscape)
        : m_maxBytes(maxBytes)
        , m_layout(layout)
    {
    }
    FrameLayout layout() const { return m_layout; }

    /// Stores (or replaces) the frame of a position: full is encodeWebFrame(position, format,
    /// content). Over the byte bound (the encoded frame, its content and its deltas count), the
    /// frames farthest from keepNear go first; a single frame larger than the bound is not kept.
    void put(int position, FramePtr full, FrameFormat format, std::string_view content, int keepNear);
    /// put() with the frame encoded here.
    void put(int position, FrameFormat format, std::string_view content, int keepNear)
    {
        put(position, encodeWebFrame(position, format, content, m_layout), format, content, keepNear);
    }
    FramePtr find(int position) const;
    bool contains(int position) const { return m_frames.count(position) != 0; }
    /// The serial of the frame now cached at position (0: none); a new put() gets a new one.
    std::uint64_t serial(int position) const;

    /// Same: a cached frame with the same content (the round came back to a state), one copy op.
    /// Previous: the previous position's, which a follower watching the teacher step holds.
    enum class Base { Same, Previous };
    struct Delta
    {
        FramePtr frame; // the framed delta message; null when there is no base or the full frame is as small
        int base = -1;  // the position it applies to
        std::uint64_t baseSerial = 0;
    };
    /// The position's delta against that base, made once and kept while the base stays the same.
    Delta delta(int position, Base base);

    /// Drops the frames of positions >= firstStale (stale_frames.h says which an event makes stale).
    void dropFrom(int firstStale);
    void clear();

    /// The cached positions, position first and then the others in ascending order.
    std::vector<int> positionsFrom(int position) const;
    std::size_t bytes() const { return m_bytes; }
    std::size_t size() const { return m_frames.size(); }

private:
    struct Entry
    {
        FramePtr full;
        std::string content;
        FrameFormat format = FrameFormat::Svg;
        std::uint64_t serial = 0;
        Delta deltas[2]; // by Base
        bool made[2] = {false, false};
        std::size_t bytes() const
        {
            std::size_t n = full->size() + content.size();
            for (const Delta& d : deltas)
                n += d.frame ? d.frame->size() : 0;
            return n;
        }
    };
    int baseFor(int position, const Entry& entry, Base base) const;
    void erase(std::map<int, Entry>::iterator it);
    void trim(int keepNear);

    std::size_t m_maxBytes;
    FrameLayout m_layout;
    std::size_t m_bytes = 0;
    std::uint64_t m_nextSerial = 1;
    std::map<int, Entry> m_frames;
};

} // namespace msb::classroom
