// SPDX-License-Identifier: MIT
#include "app/gui/export/export_command.h"

#include "app/gui/export/recording_exporter.h"
#include "app/gui/gui_error.h"
#include "core/recording.h"

#include <QElapsedTimer>
#include <QTextStream>

namespace msb::app {

int runExportCommand(const ExportOptions& options)
{
    QTextStream err(stderr);
    RecordingExporter::Format format;
    if (!RecordingExporter::parseFormat(options.format, &format)) {
        err << "error: --format: \"" << options.format << "\" is not one of pdf, svg, png, mp4, gif, html\n";
        return 2;
    }
    if (options.fps < 1 || options.fps > 120) {
        err << "error: --fps: expected a number from 1 to 120\n";
        return 2;
    }
    auto recording = core::loadRecordingFile(options.recording.toStdString());
    if (!recording) {
        err << QString::fromStdString(recording.error().toString()) << '\n';
        return 2;
    }
    RecordingExporter exporter(std::move(recording).value());
    exporter.setFps(options.fps);
    exporter.setNarratedOnly(options.narratedOnly);
    if ((format == RecordingExporter::Format::Mp4 || format == RecordingExporter::Format::Gif)
        && RecordingExporter::ffmpegPath().isEmpty()) {
        err << "ffmpeg not found: install it with apt-get install ffmpeg\n";
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    if (const auto written = exporter.write(format, options.output); !written) {
        err << "error: " << errorText(written.error()) << '\n';
        return 3;
    }
    err << "exported " << options.output << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 2) << " s\n";
    return 0;
}

} // namespace msb::app
