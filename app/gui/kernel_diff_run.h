// SPDX-License-Identifier: MIT
// Runs core::diffKernels off the GUI thread for the "Compare two kernels" dialog: one run at a
// time (a new one supersedes the old), cancellable, with the explorer's figures as progress.
#pragma once

#include "app/gui/job_tracker.h"
#include "core/kernel_diff.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace msb::app {

/*! What one run compared, and what it found. */
struct KernelDiffRunResult
{
    core::Model modelA;
    core::Model modelB;
    core::KernelDiff diff;
};

class KernelDiffRun : public QObject
{
    Q_OBJECT

public:
    explicit KernelDiffRun(QObject* parent = nullptr);
    ~KernelDiffRun() override;

    /*! The options every run uses: the CLI's defaults (symmetry on, fairness weak, the default
        memory budget), with the dialog's fairness. */
    static core::KernelDiffOptions options(core::Fairness fairness);

    bool isRunning() const { return m_jobs.isRunning(); }
    /*! The last finished run, or null (none yet, or cleared). */
    const KernelDiffRunResult* result() const { return m_result.get(); }

public Q_SLOTS:
    /*! Compares scenario under settingsA and settingsB; a running comparison is cancelled. */
    void start(const msb::core::Scenario& scenario, const msb::core::Settings& settingsA,
        const msb::core::Settings& settingsB, msb::core::Fairness fairness = msb::core::Fairness::Weak);
    /*! Stops a running comparison; finished() is not emitted for it. */
    void cancel();
    /*! Drops the last result (the scenario changed). */
    void clear();

Q_SIGNALS:
    void started();
    /*! While it runs: the figures of the explore() run judging livelock. */
    void progressed(const QString& text);
    /*! result() holds the comparison. */
    void finished();
    void cancelled();

private:
    std::shared_ptr<const KernelDiffRunResult> m_result;
    JobTracker m_jobs {this}; // last: its destructor waits for the worker
};

} // namespace msb::app
