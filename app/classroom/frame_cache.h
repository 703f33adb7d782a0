// SPDX-License-Identifier: MIT
// The rendered frames of the current session that web followers receive: one per position, as
// the framed JSON body {"type":"frame","position":N,"svg":...} (or "text"), so that one encoding
// is shared by every follower's queue. Bounded in bytes; no I/O.
#pragma once

#include "app/classroom/framing.h"

#include <cstddef>
#include <map>
#include <string_view>
#include <vector>

namespace msb::classroom {

enum class FrameFormat { Svg, Text };

/// The framed JSON of a frame message. Invalid UTF-8 in content is replaced (U+FFFD), never thrown.
FramePtr encodeWebFrame(int position, FrameFormat format, std::string_view content);

class FrameCache
{
public:
    explicit FrameCache(std::size_t maxBytes)
        : m_maxBytes(maxBytes)
    {
    }

    /// Stores (or replaces) the frame of a position. Over the byte bound, the frames farthest from
    /// keepNear go first; a single frame larger than the bound is not kept.
    void put(int position, FramePtr frame, int keepNear);
    FramePtr find(int position) const;
    bool contains(int position) const { return m_frames.count(position) != 0; }
    /// Drops the frames of positions > position (a step at index position changed what follows).
    void dropAfter(int position);
    void clear();

    /// The cached positions, position first and then the others in ascending order.
    std::vector<int> positionsFrom(int position) const;
    std::size_t bytes() const { return m_bytes; }
    std::size_t size() const { return m_frames.size(); }

private:
    std::size_t m_maxBytes;
    std::size_t m_bytes = 0;
    std::map<int, FramePtr> m_frames;
};

} // namespace msb::classroom
