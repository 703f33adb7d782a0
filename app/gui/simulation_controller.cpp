// SPDX-License-Identifier: MIT
#include "app/gui/simulation_controller.h"

#include "core/builtin_scenarios.h"
#include "core/scenario_io.h"

#include <algorithm>
#include <exception>

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

SessionSnapshot SimulationController::snapshotOf(bool steppedForward) const
{
    return {m_simulator.get(), position(), historySize(), &state(), lastStep(), steppedForward};
}

core::Result<core::StepRecord> SimulationController::step(int thread)
{
    auto result = m_simulator->step(thread);
    if (!result)
        return result;
    pruneNarration();
    Q_EMIT stepApplied(result.value());
    emitState(true);
    return result;
}

bool SimulationController::undo()
{
    if (!m_simulator->undo())
        return false;
    emitState();
    return true;
}

bool SimulationController::redo()
{
    if (!m_simulator->redo())
        return false;
    Q_EMIT stepApplied(*lastStep());
    emitState(true);
    return true;
}

void SimulationController::jumpTo(int position)
{
    position = std::clamp(position, 0, historySize());
    if (position == this->position())
        return;
    m_simulator->jumpTo(position);
    emitState();
}

void SimulationController::reset()
{
    setPlaying(false);
    m_simulator->reset();
    m_narration.clear();
    restartScheduler();
    emitState();
}

void SimulationController::setSettings(const core::Settings& settings)
{
    if (settings == this->settings())
        return;
    m_simulator->changeSettings(settings);
    pruneNarration();
    Q_EMIT settingsChanged(this->settings());
    emitState();
}

bool SimulationController::loadScenario(const core::Scenario& scenario, const core::Settings& settings)
{
    auto valid = core::validateScenario(scenario);
    if (!valid) {
        Q_EMIT loadFailed(QString::fromStdString(valid.error().toString()));
        return false;
    }
    adopt(std::make_unique<core::Simulator>(std::move(valid).value(), settings), {});
    return true;
}

void SimulationController::adopt(std::unique_ptr<core::Simulator> next, std::map<int, std::string> narration)
{
    setPlaying(false);
    const bool settingsDiffer = next->settings() != settings();
    m_simulator = std::move(next);
    m_narration = std::move(narration);
    restartScheduler();
    Q_EMIT scenarioChanged(model());
    if (settingsDiffer)
        Q_EMIT settingsChanged(this->settings());
    emitState();
}

bool SimulationController::replay(const std::vector<int>& schedule)
{
    setPlaying(false);
    auto result = m_simulator->replay(schedule);
    pruneNarration();
    emitState();
    if (!result) {
        Q_EMIT loadFailed(QString::fromStdString(result.error().toString()));
        return false;
    }
    return true;
}

bool SimulationController::loadRecording(const core::Recording& recording)
{
    // Everything is built aside and swapped in at the end, so a refused recording changes nothing.
    auto valid = core::validateScenario(recording.scenario);
    if (!valid) {
        Q_EMIT loadFailed(QString::fromStdString(valid.error().toString()));
        return false;
    }
    auto next = std::make_unique<core::Simulator>(std::move(valid).value(), recording.settings);
    std::vector<int> schedule;
    schedule.reserve(recording.steps.size());
    for (const auto& step : recording.steps)
        schedule.push_back(step.thread);
    if (auto replayed = next->replay(schedule); !replayed) {
        Q_EMIT loadFailed(QString::fromStdString(replayed.error().toString()));
        return false;
    }
    // Start at the beginning: the recorded steps stay as the redo tail to scrub or play.
    next->jumpTo(0);

    std::map<int, std::string> narration;
    for (size_t i = 0; i < recording.steps.size(); ++i) {
        if (!recording.steps[i].narration.empty())
            narration[int(i)] = recording.steps[i].narration;
    }
    adopt(std::move(next), std::move(narration));
    return true;
}

bool SimulationController::openFile(const QString& path, const core::ScenarioParameters& parameters)
{
    // The loaders refuse bad input with an error; anything they throw is caught here too, so a
    // bad file never takes the session (or the window) with it.
    try {
        const std::string file = path.toStdString();
        if (path.endsWith(QStringLiteral(".msrec.json"))) {
            auto recording = core::loadRecordingFile(file);
            if (!recording) {
                Q_EMIT loadFailed(QString::fromStdString(recording.error().toString()));
                return false;
            }
            return loadRecording(recording.value());
        }
        return loadParsed(core::loadScenarioFile(file, parameters));
    } catch (const std::exception& e) {
        Q_EMIT loadFailed(QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(e.what())));
    } catch (...) {
        Q_EMIT loadFailed(tr("%1: unreadable (unexpected error)").arg(path));
    }
    return false;
}

bool SimulationController::loadParsed(const core::Result<core::Scenario>& scenario)
{
    if (!scenario) {
        Q_EMIT loadFailed(QString::fromStdString(scenario.error().toString()));
        return false;
    }
    return loadScenario(scenario.value(), settings());
}

bool SimulationController::loadBuiltin(const QString& name, const core::ScenarioParameters& parameters)
{
    try {
        return loadParsed(core::loadBuiltinScenario(name.toStdString(), parameters));
    } catch (const std::exception& e) {
        Q_EMIT loadFailed(QStringLiteral("%1: %2").arg(name, QString::fromLocal8Bit(e.what())));
    }
    return false;
}

QString SimulationController::narration(int stepIndex) const
{
    const auto it = m_narration.find(stepIndex);
    return it == m_narration.end() ? QString() : QString::fromStdString(it->second);
}

void SimulationController::setNarration(int stepIndex, const QString& text)
{
    if (stepIndex < 0 || stepIndex >= historySize() || narration(stepIndex) == text)
        return;
    if (text.isEmpty())
        m_narration.erase(stepIndex);
    else
        m_narration[stepIndex] = text.toStdString();
    Q_EMIT narrationChanged(stepIndex);
}

core::Recording SimulationController::recording() const
{
    if (position() == historySize())
        return core::recordFromSimulator(*m_simulator, m_narration);
    // recordFromSimulator stops at the position; a scrubbed-back run still saves all its steps.
    core::Simulator whole(scenario(), settings());
    std::vector<int> schedule;
    for (const auto& record : m_simulator->history())
        schedule.push_back(record.thread);
    (void)whole.replay(schedule); // the session's own history under its own settings: it replays
    return core::recordFromSimulator(whole, m_narration);
}

void SimulationController::pruneNarration()
{
    m_narration.erase(m_narration.lower_bound(historySize()), m_narration.end());
}

core::Result<core::StepRecord> SimulationController::stepScheduled()
{
    const std::uint32_t mask = model().enabledMask(state());
    if (mask == 0)
        return core::errorMessage("no thread can step");
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
    // A redo tail (an opened recording, a scrubbed-back run) plays back, and stops at its end,
    // before the scheduler picks anything new.
    if (position() < historySize()) {
        redo();
        if (position() == historySize())
            setPlaying(false); // the end of what was recorded; Play again goes on from here
        return;
    }
    // Stop on an outcome, including the first livelock round, so the banner gets read.
    if (m_simulator->status() != core::Outcome::Running || !stepScheduled()
        || (!m_repeatAtPlayStart && m_simulator->repeatsPosition()))
        setPlaying(false);
}

} // namespace msb::app
