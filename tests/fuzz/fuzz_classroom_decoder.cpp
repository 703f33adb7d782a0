// SPDX-License-Identifier: MIT
// libFuzzer target for what a classroom host reads from the network: the frame decoder, the
// message decoder and the host state machine behind them (README: "Fuzzing the classroom
// decoder"). Properties checked besides "no crash, no sanitizer report":
//   - a body that decodes re-encodes to a body that decodes to the same message;
//   - the host never has more followers than connections, and answers with valid frames only.
#include "app/classroom/host_protocol.h"
#include "app/classroom/protocol.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace msb::classroom;

namespace {

struct CheckingTransport : HostTransport
{
    bool send(ConnectionId, const FramePtr& frame) override
    {
        FrameDecoder decoder;
        decoder.feed(frame->data(), frame->size());
        std::string body;
        if (decoder.next(body) != FrameDecoder::Status::Frame || !decodeMessage(body).ok())
            std::abort(); // the host must only ever send well-formed messages
        return true;
    }
    void close(ConnectionId, const std::string&, Close) override { }
};

void checkRoundTrip(std::string_view body)
{
    auto message = decodeMessage(body);
    if (!message)
        return;
    const std::string again = encodeMessage(message.value());
    auto reparsed = decodeMessage(again);
    if (!reparsed || !(reparsed.value() == message.value()))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto* bytes = reinterpret_cast<const char*>(data);
    checkRoundTrip(std::string_view(bytes, size)); // the input as one body

    FrameDecoder decoder(64 * 1024); // the input as a stream of frames
    decoder.feed(bytes, size);
    std::string body;
    while (decoder.next(body) == FrameDecoder::Status::Frame)
        checkRoundTrip(body);

    // The input as what a peer sends to the host, in two chunks split at a data-dependent point.
    CheckingTransport transport;
    HostProtocolOptions options;
    options.code = "ABC234";
    options.sessionId = "fuzz";
    options.maxFrameBytes = 64 * 1024;
    HostProtocol host(options, transport);
    const auto t0 = Clock::now();
    host.connected(1, t0, "fuzz");
    const std::size_t split = size == 0 ? 0 : data[0] % size;
    host.received(1, bytes, split, t0);
    host.received(1, bytes + split, size - split, t0);
    host.sweep(t0 + std::chrono::seconds(1));
    if (host.followerCount() > static_cast<int>(host.connectionCount()))
        std::abort();
    return 0;
}
