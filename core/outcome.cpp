// SPDX-License-Identifier: MIT
#include "core/outcome.h"

namespace msb::core {

std::string_view outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Running:
        return "running";
    case Outcome::Completes:
        return "completes";
    case Outcome::Deadlock:
        return "deadlock";
    case Outcome::Livelock:
        return "livelock";
    case Outcome::Sigbus:
        return "sigbus";
    case Outcome::LostUpdate:
        return "lost_update";
    case Outcome::StalePageUse:
        return "stale_page_use";
    }
    return "?";
}

} // namespace msb::core
