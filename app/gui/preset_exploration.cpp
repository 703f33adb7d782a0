// SPDX-License-Identifier: MIT
#include "app/gui/preset_exploration.h"

#include "app/gui/charts/exploration_model.h"
#include "app/gui/outcome_presentation.h"
#include "app/gui/verdict_model.h"
#include "core/model.h"

#include <utility>
#include <vector>

namespace msb::app {

namespace {

QString presetName(const core::Preset& preset)
{
    return QString::fromUtf8(preset.name.data(), qsizetype(preset.name.size()));
}

} // namespace

PresetExploration::PresetExploration(QObject* parent)
    : QObject(parent)
    , m_verdicts(new VerdictModel(this))
    , m_timeline(new ExplorationModel(this))
{
}

PresetExploration::~PresetExploration() = default;

void PresetExploration::setScenario(const core::Scenario& scenario)
{
    m_jobs.cancel();
    m_scenario = scenario;
    clearResults();
}

void PresetExploration::clearResults()
{
    m_verdicts->resetColumns({});
    m_timeline->clear();
    Q_EMIT cleared();
}

void PresetExploration::start()
{
    if (!hasScenario())
        return;
    std::vector<std::pair<QString, core::Settings>> columns;
    for (const auto& preset : core::presets())
        columns.emplace_back(presetName(preset), preset.settings);
    m_verdicts->resetColumns(columns);
    m_timeline->clear();

    const core::Scenario scenario = m_scenario;
    const std::uint64_t maxStates = m_maxStates;
    const std::optional<std::uint64_t> memoryBudget = m_memoryBudget;
    const bool symmetry = m_symmetry;
    const core::Fairness fairness = m_fairness;
    m_jobs.start(
        [this, scenario, columns, maxStates, memoryBudget, symmetry, fairness](const JobTracker::Job& job) {
            // The worker reads only its copies; `this` is touched in posted calls alone, on the
            // GUI thread, and only while this job is current.
            bool complete = true;
            for (std::size_t c = 0; c < columns.size() && !job.isCancelled(); ++c) {
                const int column = int(c);
                const core::Model model(scenario, columns[c].second);
                core::ExploreOptions options;
                options.cancel = job.cancelFlag();
                options.maxStates = maxStates;
                options.memoryBudget = memoryBudget;
                options.symmetry = symmetry;
                options.fairness = fairness;
                options.progress = [this, &job, column](const core::ExploreProgress& p) {
                    const QString phase = QString::fromUtf8(p.phase.data(), qsizetype(p.phase.size()));
                    job.post([this, column, states = p.states, transitions = p.transitions, phase,
                                 seconds = p.seconds] { onProgress(column, states, transitions, phase, seconds); });
                };
                const core::ExploreResult result = core::explore(model, options);
                complete = complete && result.complete;
                if (!result.cancelled)
                    job.post([this, column, result] { onResult(column, result); });
            }
            return complete;
        },
        [this](bool complete) { Q_EMIT finished(complete); });
    Q_EMIT started();
}

void PresetExploration::cancel()
{
    if (!m_jobs.isRunning())
        return;
    m_jobs.cancel();
    Q_EMIT cancelled();
}

void PresetExploration::onProgress(
    int column, quint64 states, quint64 transitions, const QString& phase, double seconds)
{
    m_timeline->addSnapshot(m_verdicts->headerData(column, Qt::Horizontal).toString(), seconds, states);
    Q_EMIT progressed(column, states, transitions, phase, seconds);
}

void PresetExploration::onResult(int column, const core::ExploreResult& result)
{
    m_verdicts->setResult(column, result);
    const QString preset = m_verdicts->headerData(column, Qt::Horizontal).toString();
    m_timeline->addSnapshot(preset, result.seconds, result.states);
    m_timeline->setVerdict(preset, verdictSummary(result));
    Q_EMIT presetExplored(column);
}

} // namespace msb::app
