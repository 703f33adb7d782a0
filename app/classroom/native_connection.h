// SPDX-License-Identifier: MIT
// One native follower of the classroom host (internal to ClassroomHost, io thread only): reads
// the byte stream for HostProtocol and writes its frames through a bounded queue.
#pragma once

#include "app/classroom/host_link.h"

#include <boost/asio/ip/tcp.hpp>

#include <array>
#include <memory>

namespace msb::classroom {

class NativeConnection final : public HostLink, public std::enable_shared_from_this<NativeConnection>
{
public:
    NativeConnection(ConnectionId id, boost::asio::ip::tcp::socket socket, HostLinkOwner& owner,
        std::size_t maxQueuedFrames, std::size_t maxQueuedBytes);

    void start(); // the read loop

    bool send(const FramePtr& frame) override;
    void close(HostTransport::Close how) override;
    std::size_t queuedBytes() const override { return m_queue.bytes(); }
    bool closingSince(Clock::time_point& since) const override;
    bool open() const override { return m_socket.is_open(); }

private:
    void read();
    void writeNext();
    void finish(const std::string& reason);
    void shutdown();

    ConnectionId m_id;
    boost::asio::ip::tcp::socket m_socket;
    HostLinkOwner& m_owner;
    std::array<char, 16 * 1024> m_buffer {};
    OutgoingQueue m_queue;
    bool m_writing = false;
    bool m_closing = false; // close once the queue is written (a refusal)
    Clock::time_point m_closingSince;
    bool m_done = false; // closed by the host or reported to it: no more callbacks
};

} // namespace msb::classroom
