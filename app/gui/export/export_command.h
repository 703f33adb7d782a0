// SPDX-License-Identifier: MIT
// Headless export: `migration-sandbox --export REC --format pdf|svg|png|mp4|gif|html -o OUT [--fps N]
// [--narrated-only]` (works with QT_QPA_PLATFORM=offscreen). Needs a QApplication. The options
// are read with the rest of the command line (command_line.h).
#pragma once

#include <QString>

namespace msb::app {

struct ExportOptions
{
    QString recording; // *.msrec.json
    QString format;    // pdf, svg, png, mp4 or gif
    QString output;    // a file (pdf, mp4, gif) or a directory (svg, png)
    int fps = 12;
    bool narratedOnly = false;
};

/*! Exit codes as the CLI: 0 ok, 2 bad input, 3 internal error (e.g. ffmpeg failed). Messages go
    to stderr. */
int runExportCommand(const ExportOptions& options);

} // namespace msb::app
