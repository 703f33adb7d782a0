// SPDX-License-Identifier: MIT
// Headless export: `migration-sandbox --export REC --format pdf|svg|png|mp4|gif -o OUT [--fps N]
// [--narrated-only]` (works with QT_QPA_PLATFORM=offscreen). Needs a QApplication.
#pragma once

#include <QStringList>

namespace msb::app {

/*! args are the application's arguments (argv[0] first). Exit codes as the CLI: 0 ok, 2 bad input,
    3 internal error (e.g. ffmpeg failed). Messages go to stderr. */
int runExportCommand(const QStringList& args);

} // namespace msb::app
