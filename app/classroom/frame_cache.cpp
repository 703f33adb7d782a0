// SPDX-License-Identifier: MIT
#include "app/classroom/frame_cache.h"

#include "app/classroom/frame_delta.h"

#include <nlohmann/json.hpp>

#include <cstdlib>

namespace msb::classroom {

namespace {

std::string dump(const nlohmann::ordered_json& body)
{
    return encodeFrame(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace

std::string_view frameLayoutName(FrameLayout layout)
{
    return layout == FrameLayout::Portrait ? "portrait" : "landscape";
}

std::optional<FrameLayout> parseFrameLayout(std::string_view name)
{
    if (name == "landscape")
        return FrameLayout::Landscape;
    if (name == "portrait")
        return FrameLayout::Portrait;
    return std::nullopt;
}

FramePtr encodeWebFrame(int position, FrameFormat format, std::string_view content, FrameLayout layout)
{
    nlohmann::ordered_json body;
    body["type"] = "frame";
    body["position"] = position;
    if (layout == FrameLayout::Portrait)
        body["layout"] = "portrait";
    body[format == FrameFormat::Svg ? "svg" : "text"] = std::string(content);
    return std::make_shared<const std::string>(dump(body));
}

void FrameCache::put(int position, FramePtr full, FrameFormat format, std::string_view content, int keepNear)
{
    if (auto it = m_frames.find(position); it != m_frames.end())
        erase(it);
    Entry entry {std::move(full), std::string(content), format, m_nextSerial++, {}, {false, false}};
    if (entry.bytes() > m_maxBytes)
        return;
    m_bytes += entry.bytes();
    m_frames.emplace(position, std::move(entry));
    trim(keepNear);
}

void FrameCache::trim(int keepNear)
{
    while (m_bytes > m_maxBytes && !m_frames.empty()) {
        // The farthest of the two ends from keepNear (the teacher's position) goes first.
        auto first = m_frames.begin();
        auto last = std::prev(m_frames.end());
        erase(std::abs(first->first - keepNear) >= std::abs(last->first - keepNear) ? first : last);
    }
}

void FrameCache::erase(std::map<int, Entry>::iterator it)
{
    m_bytes -= it->second.bytes();
    m_frames.erase(it);
}

FramePtr FrameCache::find(int position) const
{
    const auto it = m_frames.find(position);
    return it == m_frames.end() ? nullptr : it->second.full;
}

std::uint64_t FrameCache::serial(int position) const
{
    const auto it = m_frames.find(position);
    return it == m_frames.end() ? 0 : it->second.serial;
}

int FrameCache::baseFor(int position, const Entry& entry, Base base) const
{
    if (base == Base::Same) {
        for (const auto& [p, other] : m_frames) {
            if (p != position && other.format == entry.format && other.content == entry.content)
                return p;
        }
        return -1;
    }
    const auto previous = m_frames.find(position - 1);
    return previous != m_frames.end() && previous->second.format == entry.format ? position - 1 : -1;
}

FrameCache::Delta FrameCache::delta(int position, Base base)
{
    const auto it = m_frames.find(position);
    if (it == m_frames.end())
        return {};
    Entry& entry = it->second;
    const auto kind = static_cast<std::size_t>(base);
    const int from = baseFor(position, entry, base);
    if (entry.made[kind] && entry.deltas[kind].base == from && serial(from) == entry.deltas[kind].baseSerial)
        return entry.deltas[kind];
    m_bytes -= entry.bytes();
    entry.deltas[kind] = {nullptr, from, serial(from)};
    entry.made[kind] = true;
    if (from >= 0) {
        nlohmann::ordered_json body;
        body["type"] = "frame";
        body["position"] = position;
        if (m_layout == FrameLayout::Portrait)
            body["layout"] = "portrait";
        body["base"] = from;
        body["delta"] = makeLineDelta(m_frames.at(from).content, entry.content);
        auto frame = std::make_shared<const std::string>(dump(body));
        if (frame->size() < entry.full->size())
            entry.deltas[kind].frame = std::move(frame);
    }
    m_bytes += entry.bytes();
    const Delta made = entry.deltas[kind];
    trim(position);
    return made;
}

void FrameCache::dropFrom(int firstStale)
{
    for (auto it = m_frames.lower_bound(firstStale); it != m_frames.end();)
        erase(it++);
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
