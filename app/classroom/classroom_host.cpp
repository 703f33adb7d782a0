// SPDX-License-Identifier: MIT
// The host's io-thread side: accept, tell a browser from an app by the first bytes, hand each
// connection to its link (native_connection.h, web_connection.h), sweep timeouts, and post the
// publish API onto the strand. Just over 450 lines on purpose: one Impl owns the acceptor, the
// links and the protocol, and splitting it would need a private header exposing all three.
#include "app/classroom/classroom_host.h"

#include "app/classroom/host_protocol.h"
#include "app/classroom/native_connection.h"
#include "app/classroom/web_connection.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>

#include <algorithm>
#include <atomic>
#include <future>
#include <map>
#include <random>
#include <thread>

namespace msb::classroom {

namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::ip::tcp;

namespace {

std::string randomSessionId()
{
    std::random_device device;
    std::uniform_int_distribution<int> digit(0, 15);
    std::string id;
    for (int i = 0; i < 12; ++i)
        id += "0123456789abcdef"[digit(device)];
    return id;
}

} // namespace

struct ClassroomHost::Impl final : HostTransport, HostLinkOwner
{
    // A new connection until its first bytes tell HTTP (an ASCII method) from the native
    // protocol (a frame length: 0x00).
    struct Sniffer
    {
        explicit Sniffer(tcp::socket s)
            : stream(std::move(s))
        {
        }
        beast::tcp_stream stream;
        beast::flat_buffer buffer;
        std::string peer;
        Clock::time_point acceptedAt;
    };
    struct Link
    {
        std::shared_ptr<HostLink> link;
        std::string peer;
        Clock::time_point acceptedAt;
        bool closing = false; // the protocol gave up on it; it writes its last frames
    };

    Impl(ClassroomHost& host, HostOptions o)
        : owner(host)
        , options(std::move(o))
        , strand(asio::make_strand(io))
        , acceptor(strand)
        , sweepTimer(strand)
        , acceptRetryTimer(strand)
        , protocol(makeProtocolOptions(options), *this)
    {
    }

    static HostProtocolOptions makeProtocolOptions(HostOptions& options)
    {
        if (options.code.empty())
            options.code = randomJoinCode();
        options.code = normalizeJoinCode(options.code);
        HostProtocolOptions p;
        p.code = options.code;
        p.sessionId = randomSessionId();
        p.maxFrameBytes = options.maxFrameBytes;
        p.handshakeTimeout = options.handshakeTimeout;
        p.idleTimeout = options.idleTimeout;
        p.keepaliveInterval = options.keepaliveInterval;
        p.maxFollowers = options.maxFollowers;
        p.maxCachedFrameBytes = options.maxCachedFrameBytes;
        p.catchUpQueueBytes = options.maxQueuedBytes / 2;
        p.textFrames = options.textFrames;
        return p;
    }

    HostLink* live(ConnectionId id) const
    {
        const auto it = links.find(id);
        return it == links.end() || it->second.closing ? nullptr : it->second.link.get();
    }

    // --- HostTransport (io thread) ---
    bool send(ConnectionId id, const FramePtr& frame) override
    {
        HostLink* link = live(id);
        return link && link->send(frame);
    }

    void close(ConnectionId id, const std::string&, Close how) override
    {
        const auto it = links.find(id);
        if (it == links.end())
            return;
        it->second.link->close(how);
        if (how == Close::Now)
            links.erase(it);
        else
            it->second.closing = true; // forgotten by the sweep once closed (or stuck)
    }

    std::size_t queuedBytes(ConnectionId id) const override
    {
        const HostLink* link = live(id);
        return link ? link->queuedBytes() : 0;
    }

    // --- HostLinkOwner (io thread) ---
    void linkBytes(ConnectionId id, const char* data, std::size_t size) override
    {
        protocol.received(id, data, size, Clock::now());
    }
    void linkUpgraded(ConnectionId id) override
    {
        const auto it = links.find(id);
        if (it != links.end())
            protocol.connected(
                id, it->second.acceptedAt, std::string(kWebPeerPrefix) + it->second.peer, FollowerKind::Web);
    }
    void linkMessage(ConnectionId id, std::string_view body) override
    {
        protocol.receivedMessage(id, body, Clock::now());
    }
    void linkAlive(ConnectionId id) override { protocol.touched(id, Clock::now()); }
    void linkDrained(ConnectionId id) override { protocol.drained(id, Clock::now()); }
    void linkClosed(ConnectionId id, const std::string& reason) override
    {
        protocol.disconnected(id, reason); // nothing for an HTTP request, which never joined
        links.erase(id);
    }

    void log(const std::string& text)
    {
        if (owner.onLog)
            owner.onLog(text);
    }

    void accept()
    {
        acceptor.async_accept(strand, [this](const boost::system::error_code& error, tcp::socket socket) {
            if (error == asio::error::operation_aborted || !acceptor.is_open() || stopping)
                return;
            if (!error) {
                boost::system::error_code ignored;
                socket.set_option(tcp::no_delay(true), ignored); // small frames: no Nagle delay
                auto sniffer = std::make_shared<Sniffer>(std::move(socket));
                const auto endpoint = sniffer->stream.socket().remote_endpoint(ignored);
                sniffer->peer = ignored ? "?" : endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
                sniffer->acceptedAt = Clock::now();
                sniff(++nextId, sniffer);
                accept();
            } else {
                // E.g. EMFILE: retrying at once would spin; wait a little for descriptors to free up.
                log("accept failed: " + error.message());
                acceptRetryTimer.expires_after(std::chrono::milliseconds(100));
                acceptRetryTimer.async_wait(asio::bind_executor(strand, [this](const boost::system::error_code& e) {
                    if (!e && !stopping && acceptor.is_open())
                        accept();
                }));
            }
        });
    }

    void sniff(ConnectionId id, const std::shared_ptr<Sniffer>& sniffer)
    {
        sniffing.emplace(id, sniffer);
        sniffer->stream.expires_after(options.handshakeTimeout);
        sniffer->stream.async_read_some(sniffer->buffer.prepare(4096),
            asio::bind_executor(strand, [this, id, sniffer](const boost::system::error_code& error, std::size_t n) {
                if (sniffing.erase(id) == 0)
                    return; // the host stopped
                if (error) {
                    log("connection " + sniffer->peer + " closed: "
                        + (error == beast::error::timeout ? std::string("handshake timeout") : error.message()));
                    return; // the stream closes with the sniffer
                }
                sniffer->buffer.commit(n);
                // A request line starts with an ASCII method. Anything else goes to the native
                // protocol, which accepts a first byte of 0 only (a length within the limit).
                const char first = static_cast<const char*>(sniffer->buffer.data().data())[0];
                if (first >= 'A' && first <= 'Z')
                    startWeb(id, *sniffer);
                else
                    startNative(id, *sniffer);
            }));
    }

    void startNative(ConnectionId id, Sniffer& sniffer)
    {
        auto link = std::make_shared<NativeConnection>(
            id, sniffer.stream.release_socket(), *this, options.maxQueuedFrames, options.maxQueuedBytes);
        links.emplace(id, Link {link, sniffer.peer, sniffer.acceptedAt});
        protocol.connected(id, sniffer.acceptedAt, sniffer.peer);
        const auto bytes = sniffer.buffer.data();
        protocol.received(id, static_cast<const char*>(bytes.data()), bytes.size(), Clock::now());
        link->start(); // unless the first bytes already closed it
    }

    void startWeb(ConnectionId id, Sniffer& sniffer)
    {
        WebLimits limits;
        limits.handshakeTimeout = options.handshakeTimeout;
        limits.idleTimeout = options.idleTimeout;
        limits.maxMessageBytes = options.maxFrameBytes;
        limits.maxQueuedFrames = options.maxQueuedFrames;
        limits.maxQueuedBytes = options.maxQueuedBytes;
        limits.deflate = options.webDeflate;
        auto link =
            std::make_shared<WebConnection>(id, std::move(sniffer.stream), std::move(sniffer.buffer), *this, limits);
        links.emplace(id, Link {link, sniffer.peer, sniffer.acceptedAt});
        link->start();
    }

    std::chrono::milliseconds sweepInterval() const
    {
        const auto shortest = std::min({options.handshakeTimeout, options.idleTimeout, options.keepaliveInterval});
        return std::clamp(shortest / 4, std::chrono::milliseconds(5), std::chrono::milliseconds(500));
    }

    void sweep()
    {
        sweepTimer.expires_after(sweepInterval());
        sweepTimer.async_wait([this](const boost::system::error_code& error) {
            if (error || stopping)
                return; // cancel() cannot recall a wait that already completed, hence the flag
            const auto now = Clock::now();
            protocol.sweep(now);
            // A refused peer that does not read its refusal is closed anyway.
            for (auto it = links.begin(); it != links.end();) {
                Clock::time_point since;
                const bool flushing = it->second.link->closingSince(since);
                if (it->second.closing
                    && (!it->second.link->open() || (flushing && now - since > options.handshakeTimeout))) {
                    it->second.link->close(Close::Now);
                    it = links.erase(it);
                } else {
                    ++it;
                }
            }
            sweep();
        });
    }

    void shutdownAll()
    {
        stopping = true;
        boost::system::error_code ignored;
        acceptor.close(ignored);
        sweepTimer.cancel();
        acceptRetryTimer.cancel();
        for (const auto& [id, link] : std::exchange(links, {})) {
            protocol.disconnected(id, "host stopped");
            link.link->close(Close::Now);
        }
        for (const auto& [id, sniffer] : std::exchange(sniffing, {}))
            sniffer->stream.close();
    }

    bool idle() const
    {
        return std::all_of(links.begin(), links.end(),
            [](const auto& entry) { return entry.second.closing || entry.second.link->queuedBytes() == 0; });
    }

    ClassroomHost& owner;
    HostOptions options;
    asio::io_context io;
    asio::strand<asio::io_context::executor_type> strand;
    tcp::acceptor acceptor;
    asio::steady_timer sweepTimer;
    asio::steady_timer acceptRetryTimer;
    HostProtocol protocol;
    std::map<ConnectionId, Link> links; // native followers and browsers (HTTP or WebSocket)
    std::map<ConnectionId, std::shared_ptr<Sniffer>> sniffing;
    ConnectionId nextId = 0;
    std::atomic<int> nativeFollowers {0};
    std::atomic<int> webFollowers {0};
    std::uint16_t port = 0;
    std::thread thread;
    bool started = false;
    bool stopping = false; // io thread only
    std::unique_ptr<asio::executor_work_guard<asio::io_context::executor_type>> work;
};

ClassroomHost::ClassroomHost(HostOptions options)
    : m_impl(std::make_unique<Impl>(*this, std::move(options)))
{
}

ClassroomHost::~ClassroomHost()
{
    stop();
}

core::Result<bool> ClassroomHost::start()
{
    Impl& d = *m_impl;
    core::Error error;
    error.file = "classroom host";
    if (d.started) {
        error.message = "already started";
        return error;
    }
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(d.options.bindAddress, ec);
    if (ec) {
        error.message = "bad bind address '" + d.options.bindAddress + "': " + ec.message();
        return error;
    }
    const tcp::endpoint endpoint(address, d.options.port);
    // The io thread is not running yet, so touching the acceptor here is race-free.
    if (d.acceptor.open(endpoint.protocol(), ec); !ec)
        d.acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec)
        d.acceptor.bind(endpoint, ec);
    if (!ec)
        d.acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        error.message =
            "cannot listen on " + d.options.bindAddress + ":" + std::to_string(d.options.port) + ": " + ec.message();
        return error;
    }
    d.port = d.acceptor.local_endpoint().port();
    d.protocol.onFollowerJoined = [this](ConnectionId, const std::string& peer) {
        countFollower(peer, +1);
        if (onFollowerJoined)
            onFollowerJoined(peer);
    };
    d.protocol.onFollowerLeft = [this](ConnectionId, const std::string& peer, const std::string& reason) {
        countFollower(peer, -1);
        if (onFollowerLeft)
            onFollowerLeft(peer, reason);
    };
    d.protocol.onLog = [this](const std::string& text) { m_impl->log(text); };
    d.protocol.onTally = [this](const QuestionTally& tally, int followers) {
        if (onTally)
            onTally(tally, followers);
    };
    d.work = std::make_unique<asio::executor_work_guard<asio::io_context::executor_type>>(d.io.get_executor());
    asio::post(d.strand, [&d] {
        d.accept();
        d.sweep();
    });
    d.thread = std::thread([&d] { d.io.run(); });
    d.started = true;
    return true;
}

void ClassroomHost::stop()
{
    Impl& d = *m_impl;
    if (!d.started)
        return;
    d.started = false;
    asio::post(d.strand, [&d] { d.shutdownAll(); });
    d.work.reset();
    d.thread.join();
}

std::uint16_t ClassroomHost::port() const
{
    return m_impl->port;
}

const std::string& ClassroomHost::code() const
{
    return m_impl->options.code;
}

const std::string& ClassroomHost::sessionId() const
{
    return m_impl->protocol.options().sessionId;
}

int ClassroomHost::followerCount() const
{
    return followerCounts().total();
}

FollowerCounts ClassroomHost::followerCounts() const
{
    return {m_impl->nativeFollowers.load(), m_impl->webFollowers.load()};
}

void ClassroomHost::countFollower(const std::string& peer, int delta)
{
    (peer.starts_with(kWebPeerPrefix) ? m_impl->webFollowers : m_impl->nativeFollowers) += delta;
}

void ClassroomHost::publish(Message event)
{
    Impl& d = *m_impl;
    asio::post(d.strand, [&d, event = std::move(event)] {
        if (const auto published = d.protocol.publish(event, Clock::now()); !published)
            d.log("not published: " + published.error().message);
    });
}

void ClassroomHost::publishSession(const core::Scenario& scenario, const core::Settings& settings)
{
    publish(msg::Session {scenario, settings});
}

void ClassroomHost::publishStep(const StepEvent& step)
{
    publish(step);
}

void ClassroomHost::publishJump(int position)
{
    publish(msg::Jump {position});
}

void ClassroomHost::publishSettings(const core::Settings& settings)
{
    publish(msg::SettingsChange {settings});
}

void ClassroomHost::publishNarration(const NarrationEvent& narration)
{
    publish(narration);
}

void ClassroomHost::publishCheckpoint(const CheckpointEvent& checkpoint)
{
    publish(checkpoint);
}

void ClassroomHost::publishEnd()
{
    publish(msg::End {});
}

void ClassroomHost::publishFrame(int position, std::string svg, FrameLayout layout)
{
    Impl& d = *m_impl;
    asio::post(d.strand, [&d, position, svg = std::move(svg), layout] {
        d.protocol.publishFrame(position, FrameFormat::Svg, svg, Clock::now(), layout);
    });
}

void ClassroomHost::publishPage(const msg::Page& page)
{
    Impl& d = *m_impl;
    asio::post(d.strand, [&d, page] { d.protocol.publishPage(page, Clock::now()); });
}

void ClassroomHost::revealAnswer(int checkpoint)
{
    Impl& d = *m_impl;
    asio::post(d.strand, [&d, checkpoint] {
        if (!d.protocol.reveal(checkpoint, Clock::now()))
            d.log("nothing to reveal: no checkpoint " + std::to_string(checkpoint));
    });
}

void ClassroomHost::restoreAnswers(AnswerTally answers)
{
    Impl& d = *m_impl;
    if (!d.started) {
        d.protocol.restoreAnswers(std::move(answers));
        return;
    }
    asio::post(
        d.strand, [&d, answers = std::move(answers)]() mutable { d.protocol.restoreAnswers(std::move(answers)); });
}

AnswerTally ClassroomHost::answers() const
{
    Impl& d = *m_impl;
    if (!d.started)
        return d.protocol.answers(); // no io thread: nothing else touches the protocol
    std::promise<AnswerTally> copy;
    auto answer = copy.get_future();
    asio::post(d.strand, [&d, &copy] { copy.set_value(d.protocol.answers()); });
    return answer.get();
}

bool ClassroomHost::flush(std::chrono::milliseconds timeout)
{
    Impl& d = *m_impl;
    if (!d.started)
        return true;
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        std::promise<bool> idle;
        auto answer = idle.get_future();
        asio::post(d.strand, [&d, &idle] { idle.set_value(d.idle()); });
        if (answer.get())
            return true;
        if (Clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

} // namespace msb::classroom
