// SPDX-License-Identifier: MIT
#include "app/classroom/classroom_follower.h"

#include <boost/asio.hpp>

#include <algorithm>
#include <array>
#include <deque>
#include <thread>
#include <vector>

namespace msb::classroom {

namespace asio = boost::asio;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

struct ClassroomFollower::Impl
{
    Impl(ClassroomFollower& follower, FollowerOptions o)
        : owner(follower)
        , options(o)
        , strand(asio::make_strand(io))
        , socket(strand)
        , resolver(strand)
        , ticker(strand)
        , retryTimer(strand)
        , protocol({}, options.maxFrameBytes)
    {
    }

    std::chrono::milliseconds tickInterval() const
    {
        const auto shortest = std::min({options.connectTimeout, options.idleTimeout, options.keepaliveInterval});
        return std::clamp(shortest / 4, std::chrono::milliseconds(5), std::chrono::milliseconds(500));
    }

    void report(ConnectionError::Kind kind, const std::string& message, std::optional<Refusal> refusal = {})
    {
        if (owner.onError)
            owner.onError(ConnectionError {kind, message, refusal});
    }

    void closeSocket()
    {
        boost::system::error_code ignored;
        socket.shutdown(tcp::socket::shutdown_both, ignored);
        socket.close(ignored);
        resolver.cancel();
        ticker.cancel();
        writes.clear();
        writing = false;
        ++generation; // handlers of this connection are now stale
    }

    void finish()
    {
        if (finished)
            return;
        closeSocket();
        retryTimer.cancel();
        finished = true;
        if (owner.onFinished)
            owner.onFinished();
    }

    void attempt()
    {
        if (finished)
            return;
        const auto gen = ++generation;
        socket = tcp::socket(strand);
        deadline = Clock::now() + options.connectTimeout;
        tick(gen);
        // A numeric address needs no resolver (whose first use starts a helper thread).
        boost::system::error_code numeric;
        const auto address = asio::ip::make_address(host, numeric);
        if (!numeric) {
            connectTo(gen, {tcp::endpoint(address, port)});
            return;
        }
        resolver.async_resolve(host, std::to_string(port),
            [this, gen](const boost::system::error_code& error, tcp::resolver::results_type results) {
                if (gen != generation)
                    return;
                if (error) {
                    transientFailure("cannot resolve " + host + ": " + error.message());
                    return;
                }
                connectTo(gen, {results.begin(), results.end()});
            });
    }

    void connectTo(std::uint64_t gen, const std::vector<tcp::endpoint>& endpoints)
    {
        asio::async_connect(
            socket, endpoints, [this, gen](const boost::system::error_code& error, const tcp::endpoint&) {
                if (gen != generation)
                    return;
                if (error) {
                    transientFailure("cannot connect to " + host + ":" + std::to_string(port) + ": " + error.message());
                    return;
                }
                boost::system::error_code ignored;
                socket.set_option(tcp::no_delay(true), ignored);
                lastReceived = Clock::now();
                write(std::make_shared<const std::string>(protocol.start()));
                read(gen);
            });
    }

    void transientFailure(const std::string& reason)
    {
        closeSocket();
        ++attempts;
        if (attempts >= options.maxAttempts) {
            report(ConnectionError::Kind::Persistent,
                "gave up after " + std::to_string(attempts) + " attempts: " + reason);
            finish();
            return;
        }
        auto delay = options.retryDelay * (1 << std::min(attempts - 1, 16));
        delay = std::min(delay, options.maxRetryDelay);
        report(ConnectionError::Kind::Transient, reason + "; retrying in " + std::to_string(delay.count()) + " ms");
        retryTimer.expires_after(delay);
        retryTimer.async_wait([this](const boost::system::error_code& error) {
            if (!error && !finished)
                attempt();
        });
    }

    void read(std::uint64_t gen)
    {
        socket.async_read_some(
            asio::buffer(buffer), [this, gen](const boost::system::error_code& error, std::size_t n) {
                if (gen != generation)
                    return;
                if (error) {
                    transientFailure(error == asio::error::eof ? "the host closed the connection"
                                                               : "connection lost: " + error.message());
                    return;
                }
                lastReceived = Clock::now();
                const bool wasFollowing = protocol.state() == FollowerProtocol::State::Following;
                protocol.received(buffer.data(), n);
                switch (protocol.state()) {
                case FollowerProtocol::State::AwaitingWelcome:
                    break;
                case FollowerProtocol::State::Following:
                    if (!wasFollowing)
                        attempts = 0; // a successful join resets the backoff
                    break;
                case FollowerProtocol::State::Ended:
                    finish();
                    return;
                case FollowerProtocol::State::Refused:
                    report(ConnectionError::Kind::Persistent, "refused by the host: " + protocol.error(),
                        protocol.refusal());
                    finish();
                    return;
                case FollowerProtocol::State::Failed:
                    report(ConnectionError::Kind::Persistent, protocol.error());
                    finish();
                    return;
                }
                if (gen == generation)
                    read(gen);
            });
    }

    void write(FramePtr frame)
    {
        writes.push_back(std::move(frame));
        if (!writing)
            writeNext(generation);
    }

    void writeNext(std::uint64_t gen)
    {
        writing = true;
        lastSent = Clock::now();
        const FramePtr frame = writes.front();
        asio::async_write(
            socket, asio::buffer(*frame), [this, gen, frame](const boost::system::error_code& error, std::size_t) {
                if (gen != generation)
                    return;
                writing = false;
                if (error) {
                    transientFailure("connection lost: " + error.message());
                    return;
                }
                writes.pop_front();
                if (!writes.empty())
                    writeNext(gen);
            });
    }

    void tick(std::uint64_t gen)
    {
        ticker.expires_after(tickInterval());
        ticker.async_wait([this, gen](const boost::system::error_code& error) {
            if (error || gen != generation || finished)
                return;
            const auto now = Clock::now();
            const bool following = protocol.state() == FollowerProtocol::State::Following;
            if (!following && now >= deadline) {
                transientFailure(
                    "no welcome from the host within " + std::to_string(options.connectTimeout.count()) + " ms");
                return;
            }
            if (following && now - lastReceived >= options.idleTimeout) {
                transientFailure("nothing from the host for " + std::to_string(options.idleTimeout.count()) + " ms");
                return;
            }
            if (following && !writing && now - lastSent >= options.keepaliveInterval)
                write(std::make_shared<const std::string>(FollowerProtocol::pingFrame()));
            tick(gen);
        });
    }

    ClassroomFollower& owner;
    FollowerOptions options;
    asio::io_context io;
    asio::strand<asio::io_context::executor_type> strand;
    tcp::socket socket;
    tcp::resolver resolver;
    asio::steady_timer ticker;
    asio::steady_timer retryTimer;
    FollowerProtocol protocol;
    std::array<char, 16 * 1024> buffer {};
    std::deque<FramePtr> writes;
    bool writing = false;
    std::string host;
    std::uint16_t port = 0;
    int attempts = 0;
    bool finished = false;
    std::uint64_t generation = 0;
    Clock::time_point deadline;
    Clock::time_point lastReceived;
    Clock::time_point lastSent;
    std::thread thread;
    bool started = false;
    std::unique_ptr<asio::executor_work_guard<asio::io_context::executor_type>> work;
};

ClassroomFollower::ClassroomFollower(FollowerOptions options)
    : m_impl(std::make_unique<Impl>(*this, options))
{
}

ClassroomFollower::~ClassroomFollower()
{
    disconnect();
}

void ClassroomFollower::connect(const std::string& host, std::uint16_t port, const std::string& code)
{
    Impl& d = *m_impl;
    if (d.started)
        return;
    d.started = true;
    d.host = host;
    d.port = port;
    d.protocol = FollowerProtocol(code, d.options.maxFrameBytes);
    d.protocol.callbacks = callbacks;
    d.work = std::make_unique<asio::executor_work_guard<asio::io_context::executor_type>>(d.io.get_executor());
    asio::post(d.strand, [&d] { d.attempt(); });
    d.thread = std::thread([&d] { d.io.run(); });
}

void ClassroomFollower::requestSnapshot()
{
    Impl& d = *m_impl;
    asio::post(d.strand, [&d] {
        if (d.protocol.state() == FollowerProtocol::State::Following)
            d.write(std::make_shared<const std::string>(FollowerProtocol::resyncFrame()));
    });
}

void ClassroomFollower::sendAnswer(const msg::Answer& answer)
{
    Impl& d = *m_impl;
    asio::post(d.strand, [&d, answer] {
        if (d.protocol.state() == FollowerProtocol::State::Following)
            d.write(std::make_shared<const std::string>(FollowerProtocol::answerFrame(answer)));
    });
}

void ClassroomFollower::disconnect()
{
    Impl& d = *m_impl;
    if (!d.started || !d.thread.joinable())
        return;
    asio::post(d.strand, [&d] {
        d.finished = true; // a deliberate disconnect is not reported as finished
        d.closeSocket();
        d.retryTimer.cancel();
    });
    d.work.reset();
    d.thread.join();
}

} // namespace msb::classroom
