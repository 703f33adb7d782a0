// SPDX-License-Identifier: MIT
#include "app/classroom/frame_cache.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace msb::classroom {

FramePtr encodeWebFrame(int position, FrameFormat format, std::string_view content)
{
    nlohmann::ordered_json body;
    body["type"] = "frame";
    body["position"] = position;
    body[format == FrameFormat::Svg ? "svg" : "text"] = std::string(content);
    return std::make_shared<const std::string>(
        encodeFrame(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
}

void FrameCache::put(int position, FramePtr frame, int keepNear)
{
    if (auto it = m_frames.find(position); it != m_frames.end()) {
        m_bytes -= it->second->size();
        m_frames.erase(it);
    }
    if (!frame || frame->size() > m_maxBytes)
        return;
    m_bytes += frame->size();
    m_frames.emplace(position, std::move(frame));
    while (m_bytes > m_maxBytes) {
        // The farthest of the two ends from keepNear (the teacher's position) goes first.
        auto first = m_frames.begin();
        auto last = std::prev(m_frames.end());
        auto victim = std::abs(first->first - keepNear) >= std::abs(last->first - keepNear) ? first : last;
        m_bytes -= victim->second->size();
        m_frames.erase(victim);
    }
}

FramePtr FrameCache::find(int position) const
{
    const auto it = m_frames.find(position);
    return it == m_frames.end() ? nullptr : it->second;
}

void FrameCache::dropAfter(int position)
{
    for (auto it = m_frames.upper_bound(position); it != m_frames.end();) {
        m_bytes -= it->second->size();
        it = m_frames.erase(it);
    }
}

void FrameCache::clear()
{
    m_frames.clear();
    m_bytes = 0;
}

std::vector<int> FrameCache::positionsFrom(int position) const
{
    std::vector<int> out;
    out.reserve(m_frames.size());
    if (contains(position))
        out.push_back(position);
    for (const auto& [p, frame] : m_frames) {
        if (p != position)
            out.push_back(p);
    }
    return out;
}

} // namespace msb::classroom
