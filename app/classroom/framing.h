// SPDX-License-Identifier: MIT
// Framing of the classroom stream (Asio's chat_message.hpp, with a maximum size): a frame is a
// 4-byte big-endian length followed by that many bytes of message body. No I/O here.
#pragma once

#include "app/classroom/messages.h"

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

namespace msb::classroom {

inline constexpr std::size_t kFrameHeaderBytes = 4;
inline constexpr std::size_t kDefaultMaxFrameBytes = 1024 * 1024;

/// A frame: the 4-byte big-endian length of body, then body.
std::string encodeFrame(std::string_view body);
inline std::string encodeFrame(const Message& message)
{
    return encodeFrame(encodeMessage(message));
}
using FramePtr = std::shared_ptr<const std::string>;

/// Cuts a byte stream into frame bodies. Rejects a frame as soon as its header announces more
/// than the maximum, before buffering the body.
class FrameDecoder
{
public:
    explicit FrameDecoder(std::size_t maxFrameBytes = kDefaultMaxFrameBytes)
        : m_maxFrameBytes(maxFrameBytes)
    {
    }

    enum class Status { NeedMore, Frame, Oversize };

    void feed(const char* data, std::size_t size);
    /// Frame: body holds the next frame. Oversize: the stream is unusable from here on
    /// (announcedBytes() says how large the frame claimed to be).
    Status next(std::string& body);
    std::size_t announcedBytes() const { return m_announced; }
    std::size_t buffered() const { return m_buffer.size() - m_offset; }

private:
    std::size_t m_maxFrameBytes;
    std::string m_buffer;
    std::size_t m_offset = 0;
    std::size_t m_announced = 0;
    bool m_broken = false;
};

/// A bounded queue of frames waiting to be written to one follower. push() refuses (and queues
/// nothing) when the frame would exceed either bound, so a slow reader costs bounded memory.
class OutgoingQueue
{
public:
    OutgoingQueue(std::size_t maxFrames, std::size_t maxBytes)
        : m_maxFrames(maxFrames)
        , m_maxBytes(maxBytes)
    {
    }

    bool push(FramePtr frame);
    bool empty() const { return m_frames.empty(); }
    std::size_t size() const { return m_frames.size(); }
    std::size_t bytes() const { return m_bytes; }
    const FramePtr& front() const { return m_frames.front(); }
    void pop();
    void clear();

private:
    std::size_t m_maxFrames;
    std::size_t m_maxBytes;
    std::deque<FramePtr> m_frames;
    std::size_t m_bytes = 0;
};

} // namespace msb::classroom
