// SPDX-License-Identifier: MIT
#include "app/gui/simulation_controller.h"

#include <algorithm>

namespace msb::app {

core::Scenario twoFaultsScenario()
{
    core::Scenario scenario;
    scenario.name = "two-faults";
    scenario.title = "Two threads fault on the same device-private page";
    scenario.pages = 1;
    scenario.threads = {{"T1", core::ThreadKind::Fault, {0}}, {"T2", core::ThreadKind::Fault, {0}}};
    return scenario;
}

SimulationController::SimulationController(QObject* parent)
    : QObject(parent)
    , m_simulator(std::make_unique<core::Simulator>(twoFaultsScenario(), core::presets().front().settings))
{
    qRegisterMetaType<core::StepRecord>();
    qRegisterMetaType<core::Settings>();
    qRegisterMetaType<core::Scenario>();
    restartScheduler();
    m_timer.setInterval(1000 / m_stepsPerSecond);
    connect(&m_timer, &QTimer::timeout, this, &SimulationController::onTick);
}

SimulationController::~SimulationController() = default;

const core::StepRecord* SimulationController::lastStep() const
{
    const int pos = position();
    return pos > 0 ? &m_simulator->history()[static_cast<size_t>(pos - 1)] : nullptr;
}

bool SimulationController::step(int thread)
{
    if (!m_simulator->canStep(thread))
        return false;
    auto result = m_simulator->step(thread);
    if (!result)
        return false;
    Q_EMIT stepApplied(result.value());
    Q_EMIT stateChanged();
    return true;
}

bool SimulationController::undo()
{
    if (!m_simulator->undo())
        return false;
    Q_EMIT stateChanged();
    return true;
}

bool SimulationController::redo()
{
    if (!m_simulator->redo())
        return false;
    Q_EMIT stepApplied(*lastStep());
    Q_EMIT stateChanged();
    return true;
}

void SimulationController::jumpTo(int position)
{
    position = std::clamp(position, 0, historySize());
    if (position == this->position())
        return;
    m_simulator->jumpTo(position);
    Q_EMIT stateChanged();
}

void SimulationController::reset()
{
    setPlaying(false);
    m_simulator->reset();
    restartScheduler();
    Q_EMIT stateChanged();
}

void SimulationController::setSettings(const core::Settings& settings)
{
    if (settings == this->settings())
        return;
    m_simulator->changeSettings(settings);
    Q_EMIT settingsChanged();
    Q_EMIT stateChanged();
}

void SimulationController::loadScenario(const core::Scenario& scenario, const core::Settings& settings)
{
    setPlaying(false);
    auto valid = core::validateScenario(scenario);
    if (!valid) {
        Q_EMIT loadFailed(QString::fromStdString(valid.error().toString()));
        return;
    }
    const bool settingsDiffer = settings != this->settings();
    m_simulator = std::make_unique<core::Simulator>(std::move(valid).value(), settings);
    restartScheduler();
    Q_EMIT scenarioChanged();
    if (settingsDiffer)
        Q_EMIT settingsChanged();
    Q_EMIT stateChanged();
}

bool SimulationController::replay(const std::vector<int>& schedule)
{
    setPlaying(false);
    auto result = m_simulator->replay(schedule);
    Q_EMIT stateChanged();
    if (!result) {
        Q_EMIT loadFailed(QString::fromStdString(result.error().toString()));
        return false;
    }
    return true;
}

bool SimulationController::stepScheduled()
{
    const std::uint32_t mask = model().enabledMask(state());
    if (mask == 0)
        return false;
    return step(m_scheduler->pick(mask));
}

void SimulationController::setPlaying(bool playing)
{
    if (playing == isPlaying())
        return;
    if (playing) {
        // A run already cycling should not stop again on the very next step.
        m_repeatAtPlayStart = m_simulator->repeatsPosition().has_value();
        m_timer.start();
    } else
        m_timer.stop();
    Q_EMIT playingChanged(playing);
}

void SimulationController::setStepsPerSecond(int stepsPerSecond)
{
    m_stepsPerSecond = std::clamp(stepsPerSecond, 1, 60);
    m_timer.setInterval(1000 / m_stepsPerSecond);
}

void SimulationController::setScheduleMode(ScheduleMode mode, std::uint64_t seed)
{
    m_mode = mode;
    m_seed = seed;
    restartScheduler();
}

void SimulationController::restartScheduler()
{
    if (m_mode == ScheduleMode::Random)
        m_scheduler = std::make_unique<core::RandomScheduler>(m_seed);
    else
        m_scheduler = std::make_unique<core::RoundRobinScheduler>();
}

void SimulationController::onTick()
{
    // Stop on an outcome, including the first livelock round, so the banner gets read.
    if (m_simulator->status() != core::Status::Running || !stepScheduled()
        || (!m_repeatAtPlayStart && m_simulator->repeatsPosition()))
        setPlaying(false);
}

} // namespace msb::app
