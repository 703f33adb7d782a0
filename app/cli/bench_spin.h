// SPDX-License-Identifier: MIT
// `bench --spin`: the explorer's time to a full verdict against SPIN's (every pan run a full
// verdict needs, on the exported Promela model) for n faults plus a holder.
#pragma once

#include "core/scenario.h"

namespace msb::cli {

/// n-faults threads=`faults` pages=1 plus a holder H of a reference to the same page.
core::Scenario faultsPlusHolder(int faults);

/// Prints the comparison table; quick: 3 faults + holder only. Returns an exit code (a verdict
/// that differs between the two engines is ExitPropertyFailed).
int runSpinBench(bool quick, int jobs);

} // namespace msb::cli
