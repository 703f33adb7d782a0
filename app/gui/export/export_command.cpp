// SPDX-License-Identifier: MIT
#include "app/gui/export/export_command.h"

#include "app/gui/export/recording_exporter.h"
#include "core/recording.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>

namespace msb::app {

int runExportCommand(const QStringList& args)
{
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Export a recording (*.msrec.json)"));
    const QCommandLineOption exportOption(
        QStringLiteral("export"), QStringLiteral("The recording to export."), QStringLiteral("REC"));
    const QCommandLineOption formatOption(
        QStringLiteral("format"), QStringLiteral("pdf, svg, png, mp4 or gif."), QStringLiteral("FORMAT"));
    const QCommandLineOption outOption(QStringList {QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Output file (pdf, mp4, gif) or directory (svg, png frames)."), QStringLiteral("OUT"));
    const QCommandLineOption fpsOption(QStringLiteral("fps"), QStringLiteral("Video frame rate (default 12)."),
        QStringLiteral("N"), QStringLiteral("12"));
    const QCommandLineOption narratedOption(
        QStringLiteral("narrated-only"), QStringLiteral("PDF: one page per narrated step instead of every step."));
    parser.addOptions({exportOption, formatOption, outOption, fpsOption, narratedOption});
    // The GUI's own options may sit on the same command line.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    if (!parser.parse(args)) {
        err << "error: " << parser.errorText() << '\n';
        return 2;
    }
    if (!parser.isSet(exportOption) || !parser.isSet(formatOption) || !parser.isSet(outOption)) {
        err << "usage: migration-sandbox --export REC --format pdf|svg|png|mp4|gif -o OUT [--fps N] "
               "[--narrated-only]\n";
        return 2;
    }
    RecordingExporter::Format format;
    if (!RecordingExporter::parseFormat(parser.value(formatOption), &format)) {
        err << "error: --format: \"" << parser.value(formatOption) << "\" is not one of pdf, svg, png, mp4, gif\n";
        return 2;
    }
    bool fpsOk = false;
    const int fps = parser.value(fpsOption).toInt(&fpsOk);
    if (!fpsOk || fps < 1 || fps > 120) {
        err << "error: --fps: expected a number from 1 to 120\n";
        return 2;
    }
    auto recording = core::loadRecordingFile(parser.value(exportOption).toStdString());
    if (!recording) {
        err << QString::fromStdString(recording.error().toString()) << '\n';
        return 2;
    }
    RecordingExporter exporter(std::move(recording).value());
    exporter.setFps(fps);
    exporter.setNarratedOnly(parser.isSet(narratedOption));
    if ((format == RecordingExporter::Format::Mp4 || format == RecordingExporter::Format::Gif)
        && RecordingExporter::ffmpegPath().isEmpty()) {
        err << "ffmpeg not found: install it with apt-get install ffmpeg\n";
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    if (!exporter.write(format, parser.value(outOption))) {
        err << "error: " << exporter.errorString() << '\n';
        return 3;
    }
    err << "exported " << parser.value(outOption) << " in " << QString::number(timer.elapsed() / 1000.0, 'f', 2)
        << " s\n";
    return 0;
}

} // namespace msb::app
