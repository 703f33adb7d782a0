// SPDX-License-Identifier: MIT
#include "app/gui/run_prospects.h"

#include "app/gui/prospect_sentences.h"
#include "app/gui/simulation_controller.h"
#include "core/memory_budget.h"

#include <new>

namespace msb::app {

/*! A finished build: the graph with the model it points into (it must outlive the graph). */
struct RunProspects::Built
{
    std::unique_ptr<core::Model> model;
    std::unique_ptr<core::OutcomeProspects> prospects;
    QString failure; // bad_alloc or a model bug
    bool cancelled = false;
};

RunProspects::RunProspects(SimulationController* controller, QObject* parent)
    : QObject(parent)
    , m_controller(controller)
{
    connect(m_controller, &SimulationController::scenarioChanged, this, &RunProspects::restart);
    connect(m_controller, &SimulationController::settingsChanged, this, &RunProspects::restart);
    connect(m_controller, &SimulationController::stateChanged, this, &RunProspects::refreshRun);
    restart();
}

RunProspects::~RunProspects() = default;

void RunProspects::restart()
{
    m_built.reset();
    m_requested.start();
    setStatus(Status::Computing, tr("computing…"));
    refreshRun();
    const core::Scenario scenario = m_controller->scenario();
    const core::Settings settings = m_controller->settings();
    const std::uint64_t maxStates = m_maxStates;
    const core::Fairness fairness = m_fairness;
    m_jobs.start(
        [this, scenario, settings, maxStates, fairness](const JobTracker::Job& job) {
            // The worker reads only its copies; `this` is touched in posted calls alone.
            auto built = std::make_shared<Built>();
            built->model = std::make_unique<core::Model>(scenario, settings);
            core::ProspectOptions options;
            options.fairness = fairness;
            options.maxStates = maxStates;
            options.cancel = job.cancelFlag();
            options.progress = [this, &job](const core::ExploreProgress& progress) {
                if (progress.phase == "states") {
                    job.post([this, states = progress.states] {
                        setStatus(Status::Computing, tr("computing… %1 states").arg(states));
                        Q_EMIT updated();
                    });
                }
            };
            try {
                built->prospects = std::make_unique<core::OutcomeProspects>(*built->model, options);
            } catch (const std::bad_alloc&) {
                built->failure = tr("out of memory while keeping the state graph");
            } catch (const std::exception& error) {
                built->failure = QString::fromUtf8(error.what());
            }
            built->cancelled = job.isCancelled();
            return std::shared_ptr<const Built>(std::move(built));
        },
        [this](const std::shared_ptr<const Built>& built) { onBuilt(built); });
}

void RunProspects::setFairness(core::Fairness fairness)
{
    if (fairness == m_fairness)
        return;
    m_fairness = fairness;
    restart();
}

void RunProspects::onBuilt(const std::shared_ptr<const Built>& built)
{
    if (built->cancelled)
        return;
    m_buildMilliseconds = m_requested.elapsed();
    if (!built->failure.isEmpty()) {
        setStatus(Status::Failed, tr("unknown (%1)").arg(built->failure));
    } else if (!built->prospects->complete()) {
        setStatus(Status::Incomplete,
            tr("unknown (%1; the scenario is too large to keep its whole state graph)")
                .arg(QString::fromStdString(built->prospects->incompleteReason())));
    } else {
        m_built = built;
        m_buildBytes = built->prospects->bytes();
        const auto& graph = *built->prospects;
        const std::string_view name = core::fairnessName(graph.fairness());
        const QString fairness = QString::fromUtf8(name.data(), qsizetype(name.size()));
        setStatus(Status::Ready,
            tr("fairness %1; one exploration: %2 states%3, %4 transitions, %5 s, %6")
                .arg(fairness)
                .arg(graph.states())
                .arg(graph.symmetric() ? tr(" (orbits)") : QString())
                .arg(graph.transitions())
                .arg(double(m_buildMilliseconds) / 1000.0, 0, 'f', 2)
                .arg(QString::fromStdString(core::formatBytes(graph.bytes()))));
    }
    refreshRun();
}

void RunProspects::refreshRun()
{
    m_positions.clear();
    m_points.clear();
    m_sentences.clear();
    if (m_built) {
        const core::Simulator& sim = m_controller->simulator();
        m_positions = prospectsOfHistory(*m_built->prospects, sim);
        m_points = core::turningPoints(m_positions);
        m_sentences = turningPointSentences(m_points, sim);
    }
    Q_EMIT updated();
}

void RunProspects::setStatus(Status status, const QString& text)
{
    m_status = status;
    m_statusText = text;
}

QString RunProspects::currentLine() const
{
    const int position = m_controller->position();
    if (m_status == Status::Ready && position < int(m_positions.size()) && m_positions[std::size_t(position)])
        return prospectsLine(m_positions[std::size_t(position)]);
    return tr("Still possible: %1").arg(m_statusText);
}

QString RunProspects::rowMarker(int stepIndex) const
{
    QStringList phrases;
    for (const core::TurningPoint& point : m_points) {
        if (point.step == stepIndex + 1)
            phrases << turningPointPhrase(point);
    }
    return phrases.isEmpty() ? QString() : QStringLiteral("⟶ ") + phrases.join(QStringLiteral("; "));
}

} // namespace msb::app
