// SPDX-License-Identifier: MIT
// Moves a SimulationController to a given session position through its ordinary commands, so the
// window, scene and panels follow as they would for a user: used by lesson mode (each page's
// state) and by a following student (the teacher's snapshot).
#pragma once

#include "core/scenario.h"
#include "core/settings.h"
#include "core/simulator.h"

#include <vector>

namespace msb::app {

class SimulationController;

struct SessionPosition
{
    core::Scenario scenario;
    core::Settings settings;
    std::vector<int> history; // every step's thread, the redo tail included
    int position = 0;         // in [0, history.size()]
};

/*! The position of a simulator (its whole history and where it stands in it). */
SessionPosition sessionPosition(const core::Simulator& simulator);

/*! Brings the controller to target with as little change as possible: one step() when the target
    is the current run plus one step (so the scene animates it), else a load/replay and a jump.
    Returns false if a step of the target could not be replayed. */
bool driveController(SimulationController& controller, const SessionPosition& target);

/*! The threads of a simulator's whole history (redo tail included). */
std::vector<int> historyThreads(const core::Simulator& simulator);

} // namespace msb::app
