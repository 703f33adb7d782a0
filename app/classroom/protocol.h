// SPDX-License-Identifier: MIT
// The classroom wire protocol, with no I/O in it: join codes (join_code.h), messages and their
// JSON (messages.h), frames (framing.h).
//
// A frame is a 4-byte big-endian length followed by that many bytes of JSON (Asio's
// chat_message.hpp, with a maximum size). Every message is an object with a "type":
//   follower -> host   hello{protocol, version, code, role:"follower"}, ping{}, resync{}
//   host -> follower   welcome{session, snapshot} | refused{why, reason}, then the session events
//                      session{scenario, settings}, step{index, thread, step, hash}, jump{position},
//                      settings{settings}, narration{index, text}, checkpoint{index, question,
//                      choices, answer}, end{}; snapshot{snapshot} answers resync; ping{} keeps alive.
// The messages carry core-level values (Scenario, Settings, StepId, state hashes) so that a
// follower can rebuild the teacher's Simulator from them.
#pragma once

#include "app/classroom/framing.h"
#include "app/classroom/join_code.h"
#include "app/classroom/messages.h"
