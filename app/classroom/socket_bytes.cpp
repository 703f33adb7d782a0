// SPDX-License-Identifier: MIT
#include "app/classroom/socket_bytes.h"

// linux/tcp.h has the newer tcp_info fields; it cannot share a file with netinet/tcp.h (Asio's).
#include <cstddef>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace msb::classroom {

std::uint64_t tcpBytesReceived(int fd)
{
    tcp_info info {};
    socklen_t size = sizeof info;
    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &size) != 0
        || size < offsetof(tcp_info, tcpi_bytes_received) + sizeof info.tcpi_bytes_received)
        return 0;
    return info.tcpi_bytes_received;
}

} // namespace msb::classroom
