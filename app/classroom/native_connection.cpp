// SPDX-License-Identifier: MIT
#include "app/classroom/native_connection.h"

#include <boost/asio/write.hpp>

namespace msb::classroom {

namespace asio = boost::asio;
using asio::ip::tcp;

NativeConnection::NativeConnection(
    ConnectionId id, tcp::socket socket, HostLinkOwner& owner, std::size_t maxQueuedFrames, std::size_t maxQueuedBytes)
    : m_id(id)
    , m_socket(std::move(socket))
    , m_owner(owner)
    , m_queue(maxQueuedFrames, maxQueuedBytes)
{
}

void NativeConnection::start()
{
    if (!m_done && !m_closing)
        read();
}

void NativeConnection::read()
{
    m_socket.async_read_some(
        asio::buffer(m_buffer), [self = shared_from_this()](const boost::system::error_code& error, std::size_t n) {
            if (self->m_done)
                return; // closed by the host meanwhile
            if (error) {
                self->finish(
                    error == asio::error::eof ? "follower closed the connection" : "read error: " + error.message());
                return;
            }
            self->m_owner.linkBytes(self->m_id, self->m_buffer.data(), n);
            if (!self->m_done)
                self->read();
        });
}

bool NativeConnection::send(const FramePtr& frame)
{
    if (m_done || !m_queue.push(frame))
        return false;
    if (!m_writing)
        writeNext();
    return true;
}

void NativeConnection::writeNext()
{
    m_writing = true;
    const FramePtr frame = m_queue.front(); // keeps the bytes alive during the write
    asio::async_write(m_socket, asio::buffer(*frame),
        [self = shared_from_this(), frame](const boost::system::error_code& error, std::size_t) {
            self->m_writing = false;
            if (self->m_queue.empty())
                return; // dropped meanwhile (shutdown() cleared the queue)
            if (error) {
                self->finish("write error: " + error.message());
                return;
            }
            self->m_queue.pop();
            if (!self->m_queue.empty())
                self->writeNext();
            else if (self->m_closing)
                self->shutdown();
            else if (!self->m_done)
                self->m_owner.linkDrained(self->m_id);
        });
}

void NativeConnection::close(HostTransport::Close how)
{
    m_done = true;
    if (how == HostTransport::Close::AfterFlush && m_writing) {
        m_closing = true;
        m_closingSince = Clock::now();
        return;
    }
    shutdown();
}

bool NativeConnection::closingSince(Clock::time_point& since) const
{
    since = m_closingSince;
    return m_closing;
}

void NativeConnection::finish(const std::string& reason)
{
    shutdown();
    if (m_done)
        return;
    m_done = true;
    m_owner.linkClosed(m_id, reason);
}

void NativeConnection::shutdown()
{
    m_queue.clear();
    boost::system::error_code ignored;
    m_socket.shutdown(tcp::socket::shutdown_both, ignored);
    m_socket.close(ignored);
}

} // namespace msb::classroom
