// SPDX-License-Identifier: MIT
#include "app/gui/controller_sync.h"

#include "app/gui/simulation_controller.h"

#include <algorithm>

namespace msb::app {

std::vector<int> historyThreads(const core::Simulator& simulator)
{
    std::vector<int> threads;
    threads.reserve(simulator.history().size());
    for (const auto& record : simulator.history())
        threads.push_back(record.thread);
    return threads;
}

SessionPosition sessionPosition(const core::Simulator& simulator)
{
    return {simulator.scenario(), simulator.settings(), historyThreads(simulator), simulator.position()};
}

bool driveController(SimulationController& controller, const SessionPosition& target)
{
    if (controller.scenario() != target.scenario)
        controller.loadScenario(target.scenario, target.settings);
    else if (controller.settings() != target.settings)
        controller.setSettings(target.settings);

    const std::vector<int> current = historyThreads(controller.simulator());
    const int position = std::clamp(target.position, 0, static_cast<int>(target.history.size()));
    // The common live case: the target is one step ahead of where we stand.
    if (position == controller.position() + 1 && position == static_cast<int>(target.history.size())
        && std::equal(current.begin(), current.begin() + controller.position(), target.history.begin())) {
        if (controller.step(target.history.back()))
            return true;
    }
    bool ok = true;
    if (current != target.history)
        ok = controller.replay(target.history);
    if (controller.position() != position && position <= controller.historySize())
        controller.jumpTo(position);
    return ok && controller.position() == position;
}

} // namespace msb::app
