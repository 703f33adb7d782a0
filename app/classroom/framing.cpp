// SPDX-License-Identifier: MIT
#include "app/classroom/framing.h"

#include <cstdint>

namespace msb::classroom {

std::string encodeFrame(std::string_view body)
{
    const auto n = static_cast<std::uint32_t>(body.size());
    std::string frame;
    frame.reserve(kFrameHeaderBytes + body.size());
    frame += static_cast<char>((n >> 24) & 0xff);
    frame += static_cast<char>((n >> 16) & 0xff);
    frame += static_cast<char>((n >> 8) & 0xff);
    frame += static_cast<char>(n & 0xff);
    frame.append(body);
    return frame;
}

void FrameDecoder::feed(const char* data, std::size_t size)
{
    if (m_broken)
        return;
    // Compact once the consumed prefix dominates, so a long session does not grow the buffer.
    if (m_offset > 0 && m_offset >= m_buffer.size() / 2) {
        m_buffer.erase(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(data, size);
}

FrameDecoder::Status FrameDecoder::next(std::string& body)
{
    if (m_broken)
        return Status::Oversize;
    if (buffered() < kFrameHeaderBytes)
        return Status::NeedMore;
    const auto* p = reinterpret_cast<const unsigned char*>(m_buffer.data() + m_offset);
    const std::size_t length =
        (std::size_t {p[0]} << 24) | (std::size_t {p[1]} << 16) | (std::size_t {p[2]} << 8) | std::size_t {p[3]};
    if (length > m_maxFrameBytes) {
        m_broken = true;
        m_announced = length;
        m_buffer.clear();
        m_offset = 0;
        return Status::Oversize;
    }
    if (buffered() < kFrameHeaderBytes + length)
        return Status::NeedMore;
    body.assign(m_buffer, m_offset + kFrameHeaderBytes, length);
    m_offset += kFrameHeaderBytes + length;
    return Status::Frame;
}

bool OutgoingQueue::push(FramePtr frame)
{
    if (m_frames.size() + 1 > m_maxFrames || m_bytes + frame->size() > m_maxBytes)
        return false;
    m_bytes += frame->size();
    m_frames.push_back(std::move(frame));
    return true;
}

void OutgoingQueue::pop()
{
    m_bytes -= m_frames.front()->size();
    m_frames.pop_front();
}

void OutgoingQueue::clear()
{
    m_frames.clear();
    m_bytes = 0;
}

} // namespace msb::classroom
