// SPDX-License-Identifier: MIT
// A student's side of live follow-along: connects to a ClassroomHost, joins with the code and
// mirrors the session (FollowerProtocol over Boost.Asio, on its own io thread). No Qt and no
// Asio types on this API.
//
// Threads: every callback (callbacks.*, onError) runs ON THE IO THREAD; set them before
// connect(). A Qt app forwards them with QMetaObject::invokeMethod(..., Qt::QueuedConnection)
// to a QPointer-guarded receiver (docs/architecture.md §7). requestSnapshot() and disconnect() may be called
// from any thread.
//
// Errors are split as in GammaRay's ClientConnectionManager: transient ones (connection refused
// or reset, timeouts, the host vanishing mid-session) are retried quietly with a doubling delay,
// at most maxAttempts times in a row, and reported with kind Transient; a refusal by the host
// (wrong code, version, read-only, full) or a protocol error is Persistent and ends the follower.
// A reconnect gets a fresh welcome snapshot, so the mirror re-attaches to the current position.
#pragma once

#include "app/classroom/follower_protocol.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace msb::classroom {

struct FollowerOptions
{
    std::chrono::milliseconds connectTimeout {3000}; // TCP connect plus welcome
    std::chrono::milliseconds idleTimeout {30000};   // nothing from the host for this long: reconnect
    std::chrono::milliseconds keepaliveInterval {10000};
    int maxAttempts = 5; // consecutive failed attempts before giving up
    std::chrono::milliseconds retryDelay {200};
    std::chrono::milliseconds maxRetryDelay {3000};
    std::size_t maxFrameBytes = kDefaultMaxFrameBytes;
};

struct ConnectionError
{
    enum class Kind { Transient, Persistent };
    Kind kind = Kind::Transient;
    std::string message;
    std::optional<Refusal> refusal; // set when the host refused us
};

class ClassroomFollower
{
public:
    explicit ClassroomFollower(FollowerOptions options = {});
    ~ClassroomFollower(); // disconnect()
    ClassroomFollower(const ClassroomFollower&) = delete;
    ClassroomFollower& operator=(const ClassroomFollower&) = delete;

    FollowerCallbacks callbacks;                         // io thread; set before connect()
    std::function<void(const ConnectionError&)> onError; // io thread
    std::function<void()> onFinished;                    // io thread: ended, refused or gave up

    /// Starts the io thread and the first attempt. Call once.
    void connect(const std::string& host, std::uint16_t port, const std::string& code);
    /// Asks the host for the current snapshot (answered through callbacks.resynced): re-attach.
    void requestSnapshot();
    /// Sends a student's checkpoint answer (dropped when not following: the student answers again).
    void sendAnswer(const msg::Answer& answer);
    /// Closes the connection and joins the io thread. Idempotent.
    void disconnect();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace msb::classroom
