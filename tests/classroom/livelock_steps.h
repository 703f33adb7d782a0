// SPDX-License-Identifier: MIT
// The step events of the documented livelock round on two-faults under v5.11, as a host publishes
// them: what the classroom protocol tests feed their hosts.
#pragma once

#include "app/classroom/messages.h"
#include "core/builtin_scenarios.h"
#include "core/simulator.h"

#include <vector>

namespace msb::classroom::test {

inline core::Scenario twoFaults()
{
    return core::loadBuiltinScenario("two-faults").value();
}

/// The first `count` steps of the round, repeated from the start past its 18th step.
inline std::vector<StepEvent> livelockSteps(int count)
{
    core::Simulator sim(twoFaults(), core::findPreset("v5.11")->settings);
    static const int round[] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1};
    std::vector<StepEvent> out;
    for (int i = 0; i < count; ++i) {
        const auto record = sim.step(round[i % 18]).value();
        out.push_back({i, round[i % 18], record.id, record.hash});
    }
    return out;
}

} // namespace msb::classroom::test
