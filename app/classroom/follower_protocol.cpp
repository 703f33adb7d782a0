// SPDX-License-Identifier: MIT
#include "app/classroom/follower_protocol.h"

namespace msb::classroom {

FollowerProtocol::FollowerProtocol(std::string code, std::size_t maxFrameBytes)
    : m_code(normalizeJoinCode(code))
    , m_maxFrameBytes(maxFrameBytes)
    , m_decoder(maxFrameBytes)
{
}

std::string FollowerProtocol::start()
{
    m_decoder = FrameDecoder(m_maxFrameBytes);
    m_state = State::AwaitingWelcome;
    m_error.clear();
    msg::Hello hello;
    hello.code = m_code;
    return encodeFrame(hello);
}

void FollowerProtocol::fail(const std::string& why)
{
    m_state = State::Failed;
    m_error = why;
}

void FollowerProtocol::received(const char* data, std::size_t size)
{
    m_decoder.feed(data, size);
    std::string body;
    while (m_state == State::AwaitingWelcome || m_state == State::Following) {
        const auto status = m_decoder.next(body);
        if (status == FrameDecoder::Status::NeedMore)
            return;
        if (status == FrameDecoder::Status::Oversize) {
            fail("the host sent a frame of " + std::to_string(m_decoder.announcedBytes()) + " bytes (limit "
                + std::to_string(m_maxFrameBytes) + ")");
            return;
        }
        auto message = decodeMessage(body);
        if (!message) {
            fail("malformed message from the host: " + message.error().toString());
            return;
        }
        handle(message.value());
    }
}

void FollowerProtocol::handle(const Message& message)
{
    if (std::holds_alternative<msg::Ping>(message))
        return;
    if (const auto* refused = std::get_if<msg::Refused>(&message)) {
        m_state = State::Refused;
        m_refusal = refused->why;
        m_error = refused->reason;
        if (callbacks.message)
            callbacks.message(message);
        return;
    }
    if (m_state == State::AwaitingWelcome) {
        const auto* welcome = std::get_if<msg::Welcome>(&message);
        if (!welcome) {
            fail("expected welcome, got '" + std::string(messageType(message)) + "'");
            return;
        }
        m_sessionId = welcome->session;
        m_session.reset(welcome->snapshot);
        m_state = welcome->snapshot.ended ? State::Ended : State::Following;
        if (callbacks.message)
            callbacks.message(message);
        if (callbacks.welcomed)
            callbacks.welcomed(m_sessionId, m_session.snapshot());
        if (m_state == State::Ended && callbacks.ended)
            callbacks.ended();
        return;
    }
    if (const auto* reply = std::get_if<msg::SnapshotReply>(&message)) {
        m_session.reset(reply->snapshot);
        if (callbacks.message)
            callbacks.message(message);
        if (callbacks.resynced)
            callbacks.resynced(m_session.snapshot());
        return;
    }
    if (const auto* reveal = std::get_if<msg::Reveal>(&message)) {
        if (callbacks.message)
            callbacks.message(message);
        if (callbacks.reveal)
            callbacks.reveal(*reveal);
        return;
    }
    if (const auto* page = std::get_if<msg::Page>(&message)) {
        if (callbacks.message)
            callbacks.message(message);
        if (callbacks.page)
            callbacks.page(*page);
        return;
    }
    if (!isSessionEvent(message)) {
        fail("unexpected '" + std::string(messageType(message)) + "' from the host");
        return;
    }
    if (const auto applied = m_session.apply(message); !applied) {
        fail("the host sent an inconsistent event: " + applied.error().message);
        return;
    }
    if (callbacks.message)
        callbacks.message(message);
    if (const auto* session = std::get_if<msg::Session>(&message)) {
        if (callbacks.session)
            callbacks.session(*session);
    } else if (const auto* step = std::get_if<StepEvent>(&message)) {
        if (callbacks.step)
            callbacks.step(*step);
    } else if (const auto* jump = std::get_if<msg::Jump>(&message)) {
        if (callbacks.jump)
            callbacks.jump(jump->position);
    } else if (const auto* settings = std::get_if<msg::SettingsChange>(&message)) {
        if (callbacks.settings)
            callbacks.settings(settings->settings);
    } else if (const auto* narration = std::get_if<NarrationEvent>(&message)) {
        if (callbacks.narration)
            callbacks.narration(*narration);
    } else if (const auto* checkpoint = std::get_if<CheckpointEvent>(&message)) {
        if (callbacks.checkpoint)
            callbacks.checkpoint(*checkpoint);
    } else if (std::holds_alternative<msg::End>(message)) {
        m_state = State::Ended;
        if (callbacks.ended)
            callbacks.ended();
    }
}

} // namespace msb::classroom
