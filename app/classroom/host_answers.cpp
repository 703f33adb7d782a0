// SPDX-License-Identifier: MIT
// The room's side of the host protocol: students' answers (the one message a follower may send
// that is not ping or resync), the teacher's reveal and the lesson page's text. An answer never
// changes the session: it only reaches the tally. A bad, oversize or flooding one closes that
// follower's connection and nobody else's.
#include "app/classroom/host_protocol.h"

namespace msb::classroom {

void HostProtocol::takeAnswer(ConnectionId id, Connection& connection, const msg::Answer& answer, std::size_t bytes)
{
    if (bytes > kMaxAnswerMessageBytes) {
        refuse(id, Refusal::Protocol,
            "answer of " + std::to_string(bytes) + " bytes (at most " + std::to_string(kMaxAnswerMessageBytes) + ")");
        return;
    }
    if (const auto shape = checkAnswerShape(answer); !shape) {
        refuse(id, Refusal::Protocol, "bad answer: " + shape.error().message);
        return;
    }
    if (!connection.answerRate.take(connection.lastReceived)) {
        refuse(id, Refusal::Protocol, "answers faster than a person answers");
        return;
    }
    if (connection.student.empty())
        connection.student = answer.student;
    else if (connection.student != answer.student) {
        refuse(id, Refusal::Protocol, "a second student id on one connection");
        return;
    }
    const auto& asked = m_state.snapshot().checkpoints;
    switch (m_answers.record(asked, answer)) {
    case AnswerTally::Outcome::NotAChoice:
        refuse(id, Refusal::Protocol, "bad answer: \"" + answer.answer + "\" is none of the question's choices");
        return;
    case AnswerTally::Outcome::UnknownCheckpoint:
        log("answer from " + connection.peer + " to checkpoint " + std::to_string(answer.checkpoint)
            + " ignored: no such checkpoint in this session");
        return;
    case AnswerTally::Outcome::Full:
        log("answer from " + connection.peer + " ignored: the question has its maximum of answers");
        return;
    case AnswerTally::Outcome::Unchanged:
        return;
    case AnswerTally::Outcome::Counted:
    case AnswerTally::Outcome::Replaced:
        break;
    }
    if (onTally)
        onTally(m_answers.tally(asked[static_cast<std::size_t>(answer.checkpoint)]), m_followers);
}

void HostProtocol::sendRoomState(ConnectionId id, Connection& connection, Clock::time_point now)
{
    std::vector<Message> room;
    if (m_page)
        room.emplace_back(*m_page);
    for (const auto& [checkpoint, reveal] : m_reveals)
        room.emplace_back(reveal);
    for (const auto& message : room) {
        if (!send(id, connection, std::make_shared<const std::string>(encodeFrame(message)), now)) {
            drop(id, "outgoing queue full", HostTransport::Close::Now);
            return;
        }
    }
}

void HostProtocol::publishPage(const msg::Page& page, Clock::time_point now)
{
    if (m_page == page)
        return;
    m_page = page;
    broadcast(std::make_shared<const std::string>(encodeFrame(page)), false, now);
}

bool HostProtocol::reveal(int checkpoint, Clock::time_point now)
{
    const auto& asked = m_state.snapshot().checkpoints;
    if (checkpoint < 0)
        checkpoint = static_cast<int>(asked.size()) - 1;
    if (checkpoint < 0 || checkpoint >= static_cast<int>(asked.size()))
        return false;
    msg::Reveal reveal = m_answers.reveal(asked, checkpoint, m_followers);
    log(AnswerTally::line(m_answers.tally(asked[static_cast<std::size_t>(checkpoint)]), m_followers) + " (revealed)");
    m_reveals[checkpoint] = reveal;
    broadcast(std::make_shared<const std::string>(encodeFrame(reveal)), false, now);
    return true;
}

} // namespace msb::classroom
