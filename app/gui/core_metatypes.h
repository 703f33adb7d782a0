// SPDX-License-Identifier: MIT
// Core value types carried by signals. Every header whose signals carry one includes this first,
// so the declaration precedes any use moc generates.
#pragma once

#include "core/scenario.h"
#include "core/settings.h"
#include "core/simulator.h"

#include <QMetaType>

#include <vector>

Q_DECLARE_METATYPE(msb::core::StepRecord)
Q_DECLARE_METATYPE(msb::core::Settings)
Q_DECLARE_METATYPE(msb::core::Scenario)
