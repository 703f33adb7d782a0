// SPDX-License-Identifier: MIT
// The teacher's side of live follow-along: a TCP server on its own io thread that broadcasts the
// session to every follower (HostProtocol over Boost.Asio). No Qt and no Asio types on this API.
// The same port serves browsers (Boost.Beast): GET / is the embedded follow page, /ws a WebSocket
// web follower with the same messages plus rendered frames (README: "Browsers on the same port").
//
// Threads: start() launches one io thread running an io_context; every publish*() call may come
// from any thread and is posted onto the io thread's strand, so events go out in call order.
// The callbacks (onFollowerJoined, onFollowerLeft, onLog) run ON THE IO THREAD: set them before
// start(), keep them short, and in a Qt app forward them with QMetaObject::invokeMethod(...,
// Qt::QueuedConnection) to a QPointer-guarded receiver (docs/architecture.md §7). A slow or dead follower
// only fills its own bounded queue and is dropped when it overflows; nothing blocks.
#pragma once

#include "app/classroom/answer_tally.h"
#include "app/classroom/frame_cache.h"
#include "app/classroom/protocol.h"
#include "app/classroom/web_deflate.h"
#include "core/result.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace msb::classroom {

struct HostOptions
{
    std::string bindAddress = "127.0.0.1"; // loopback until the teacher opens the class to the LAN
    std::uint16_t port = 0;                // 0: an ephemeral port, see port()
    std::string code;                      // empty: randomJoinCode()
    std::chrono::milliseconds handshakeTimeout {5000};
    std::chrono::milliseconds idleTimeout {30000};
    std::chrono::milliseconds keepaliveInterval {10000};
    std::size_t maxFrameBytes = kDefaultMaxFrameBytes;
    std::size_t maxQueuedFrames = 4096; // per follower
    std::size_t maxQueuedBytes = 8 * kDefaultMaxFrameBytes;
    int maxFollowers = 512; // native and web together: a lecture hall (about 47 KiB each on the host with deflate)
    // Rendered frames (publishFrame) of the current session kept for web followers who join late.
    std::size_t maxCachedFrameBytes = 64 * 1024 * 1024;
    // Render every position as text from the core (for hosts without a scene renderer: the CLI).
    bool textFrames = false;
    // permessage-deflate for browsers, bounded per connection (web_deflate.h).
    WebDeflateOptions webDeflate;
};

/// How a web follower's peer string starts (then ADDRESS:PORT).
inline constexpr std::string_view kWebPeerPrefix = "web ";

/// Followers by kind: the app's (native protocol) and browsers' (WebSocket on the same port).
struct FollowerCounts
{
    int native = 0;
    int web = 0;
    int total() const { return native + web; }
};

class ClassroomHost
{
public:
    explicit ClassroomHost(HostOptions options = {});
    ~ClassroomHost(); // stop()
    ClassroomHost(const ClassroomHost&) = delete;
    ClassroomHost& operator=(const ClassroomHost&) = delete;

    // Called on the io thread; set before start(). A web follower's peer reads "web ADDRESS:PORT".
    std::function<void(const std::string& peer)> onFollowerJoined;
    std::function<void(const std::string& peer, const std::string& reason)> onFollowerLeft;
    std::function<void(const std::string& text)> onLog;
    /// A student's answer changed a question's tally (answer_tally.h); followers as counted then.
    std::function<void(const QuestionTally&, int followers)> onTally;

    /// Binds and listens (errors: bad address, port in use), then starts the io thread.
    core::Result<bool> start();
    /// Closes every connection and joins the io thread. Idempotent.
    void stop();

    std::uint16_t port() const;
    const std::string& code() const;
    const std::string& sessionId() const;
    int followerCount() const; // followerCounts().total()
    FollowerCounts followerCounts() const;

    void publishSession(const core::Scenario& scenario, const core::Settings& settings);
    void publishStep(const StepEvent& step);
    void publishJump(int position);
    void publishSettings(const core::Settings& settings);
    void publishNarration(const NarrationEvent& narration);
    void publishCheckpoint(const CheckpointEvent& checkpoint);
    void publishEnd();
    /// The lesson page the teacher shows (title, body, cited notes), for followers without it.
    void publishPage(const msg::Page& page);
    /// Shows the checkpoint's model answer and the room's tally on every follower; -1: the latest.
    void revealAnswer(int checkpoint = -1);
    /// Carries on a tally saved with the session (call before start()).
    void restoreAnswers(AnswerTally answers);
    /// The room's answers so far (a copy made on the io thread; blocks until it is there).
    AnswerTally answers() const;
    /// The scene at a position as one <svg> element, for web followers (sent as
    /// {"type":"frame","position":N,"svg":...} and cached for late joiners). Publish it after the
    /// step that leads to the position: a step at index i makes the frames past i stale (they are
    /// dropped), and a session or settings change drops them all. A portrait frame (the scene in
    /// one column, for phones) goes to the web followers who asked for portrait.
    void publishFrame(int position, std::string svg, FrameLayout layout = FrameLayout::Landscape);

    /// Waits until everything published so far has been written to every follower (or until the
    /// timeout). For a clean exit after publishEnd().
    bool flush(std::chrono::milliseconds timeout);

private:
    void publish(Message event);
    void countFollower(const std::string& peer, int delta);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace msb::classroom
