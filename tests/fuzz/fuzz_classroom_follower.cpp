// SPDX-License-Identifier: MIT
// libFuzzer target for what a classroom follower reads from the network: the host's frames, fed
// to the follower's state machine (FollowerProtocol and the SessionState it mirrors). A hostile
// or broken host must never crash a student's app. Properties checked besides "no crash, no
// sanitizer report":
//   - the mirrored snapshot stays consistent: position within the steps, every step's index its
//     place and its thread one of the scenario's, so the app can index with them;
//   - after a failure the follower says why.
#include "app/classroom/follower_protocol.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace msb::classroom;

namespace {

void checkSnapshot(const Snapshot& snapshot)
{
    if (snapshot.position < 0 || snapshot.position > static_cast<int>(snapshot.steps.size()))
        std::abort();
    for (std::size_t i = 0; i < snapshot.steps.size(); ++i) {
        const StepEvent& step = snapshot.steps[i];
        if (step.index != static_cast<int>(i) || step.thread < 0
            || step.thread >= static_cast<int>(snapshot.scenario.threads.size()))
            std::abort();
    }
    if (!snapshot.hasSession && !snapshot.steps.empty())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto* bytes = reinterpret_cast<const char*>(data);
    FollowerProtocol follower("ABC234", 1024 * 1024);
    follower.callbacks.step = [&](const StepEvent&) { checkSnapshot(follower.snapshot()); };
    follower.callbacks.welcomed = [](const std::string&, const Snapshot& snapshot) { checkSnapshot(snapshot); };
    follower.callbacks.resynced = [](const Snapshot& snapshot) { checkSnapshot(snapshot); };
    (void)follower.start();

    // The host's bytes in three chunks cut at data-dependent points, as TCP may deliver them.
    const std::size_t first = size == 0 ? 0 : data[0] % (size + 1);
    const std::size_t second = size < 2 ? size : first + (data[1] % (size - first + 1));
    follower.received(bytes, first);
    follower.received(bytes + first, second - first);
    follower.received(bytes + second, size - second);

    checkSnapshot(follower.snapshot());
    if (follower.state() == FollowerProtocol::State::Failed && follower.error().empty())
        std::abort();
    return 0;
}
