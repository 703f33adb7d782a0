// SPDX-License-Identifier: MIT
#include "app/gui/kernel_diff_run.h"

#include <QCoreApplication>

namespace msb::app {

KernelDiffRun::KernelDiffRun(QObject* parent)
    : QObject(parent)
{
}

KernelDiffRun::~KernelDiffRun() = default;

core::KernelDiffOptions KernelDiffRun::options(core::Fairness fairness)
{
    core::KernelDiffOptions options;
    options.explore.symmetry = true;
    options.explore.fairness = fairness;
    return options;
}

void KernelDiffRun::start(const core::Scenario& scenario, const core::Settings& settingsA,
    const core::Settings& settingsB, core::Fairness fairness)
{
    Q_EMIT started();
    m_jobs.start(
        // The worker reads only its copies; `this` is touched in posted calls alone, on this thread.
        [this, scenario, settingsA, settingsB, fairness](const JobTracker::Job& job) {
            core::KernelDiffOptions options = KernelDiffRun::options(fairness);
            options.explore.cancel = job.cancelFlag();
            options.explore.progress = [this, job](const core::ExploreProgress& progress) {
                const QString text =
                    QCoreApplication::translate(
                        "msb::app::KernelDiffRun", "Judging livelock: %1 states, %2 transitions (%3)…")
                        .arg(progress.states)
                        .arg(progress.transitions)
                        .arg(QString::fromUtf8(progress.phase.data(), qsizetype(progress.phase.size())));
                job.post([this, text] { Q_EMIT progressed(text); });
            };
            auto result = std::make_shared<KernelDiffRunResult>(
                KernelDiffRunResult {core::Model(scenario, settingsA), core::Model(scenario, settingsB), {}});
            result->diff = core::diffKernels(result->modelA, result->modelB, options);
            return std::shared_ptr<const KernelDiffRunResult>(std::move(result));
        },
        [this](std::shared_ptr<const KernelDiffRunResult> result) {
            m_result = std::move(result);
            Q_EMIT finished();
        });
}

void KernelDiffRun::cancel()
{
    if (!m_jobs.isRunning())
        return;
    m_jobs.cancel();
    Q_EMIT cancelled();
}

void KernelDiffRun::clear()
{
    cancel();
    m_result.reset();
}

} // namespace msb::app
