// SPDX-License-Identifier: MIT
// Bytes a TCP socket carried as the kernel counts them (TCP_INFO): what a WebSocket's compression
// really saves is measured on the wire, framing and handshake included, not from payload sizes.
#pragma once

#include <cstdint>

namespace msb::classroom {

/// TCP payload bytes received on the socket so far (tcpi_bytes_received); 0 if unknown.
std::uint64_t tcpBytesReceived(int fd);

} // namespace msb::classroom
