// SPDX-License-Identifier: MIT
// The teacher's session as the classroom sees it: the events published so far, folded into the
// Snapshot a joining follower receives. The host keeps one to answer joins and resyncs; a
// follower keeps one as its mirror. No I/O.
#pragma once

#include "app/classroom/protocol.h"
#include "core/result.h"

#include <string>

namespace msb::classroom {

class SessionState
{
public:
    const Snapshot& snapshot() const { return m_snapshot; }
    void reset(Snapshot snapshot) { m_snapshot = std::move(snapshot); }

    /// Applies one session event (isSessionEvent), or says why the event does not fit the session
    /// (a step before any session, an index past the schedule, a thread the scenario does not
    /// have, anything after end); the state is then unchanged.
    core::Result<void> apply(const Message& event);

private:
    Snapshot m_snapshot;
};

} // namespace msb::classroom
