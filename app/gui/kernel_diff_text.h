// SPDX-License-Identifier: MIT
// The "Compare two kernels" dialog's result in words: the sentences of the CLI's
// `explore --diff` (app/cli/diff_command.cpp), one paragraph per finding.
#pragma once

#include "core/kernel_diff.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace msb::app {

/*! "T1 H T1 ..." or "(no choice: the initial state)". */
QString choicesText(const core::Scenario& scenario, const std::vector<int>& schedule);
/*! What a side ran at a choice: the step id, or "nothing (finished)" for a stutter. */
QString pairedStepName(const std::optional<core::StepId>& step);
/*! "first divergence: choice 7 (T1): A runs M5-fail, B runs M5", or "" when none. */
QString firstDivergenceText(const core::Scenario& scenario, const core::PairedReplay& replay);
/*! Every finding of diff, one sentence a line: the pair search figures, the livelock verdicts,
    "no schedule tells them apart", the shortest differing schedule with both outcomes, the
    livelock difference, or why the search is incomplete. modelA/modelB: the two sides. */
QStringList kernelDiffSentences(const core::Model& modelA, const core::Model& modelB, const core::KernelDiff& diff);

} // namespace msb::app
