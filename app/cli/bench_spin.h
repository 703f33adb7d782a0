// SPDX-License-Identifier: MIT
// `bench --spin`: the explorer's time to a full verdict against SPIN's (every pan run a full
// verdict needs, on the exported Promela model) for n faults plus a holder.
#pragma once

namespace msb::cli {

/// Prints the comparison table; quick: 3 faults + holder only. Returns an exit code (a verdict
/// that differs between the two engines is ExitPropertyFailed).
int runSpinBench(bool quick, int jobs);

} // namespace msb::cli
