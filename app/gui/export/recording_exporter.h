// SPDX-License-Identifier: MIT
// Turns a recording into things a teacher can hand out: a PDF handout (title page, then one page
// per step with the scene as vectors, the code line, the refcount table, the narration and the
// refcount chart so far), SVG or PNG frames (one per position), and MP4/GIF through ffmpeg with
// the scene's own step animation sampled at the chosen frame rate, and one self-contained HTML file
// with the browser viewer (html_export.h).
#pragma once

#include "core/recording.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>

#include <functional>

namespace msb::app {

class RecordingExporter
{
    Q_DECLARE_TR_FUNCTIONS(RecordingExporter)

public:
    enum class Format { Pdf, Svg, Png, Mp4, Gif, Html };

    explicit RecordingExporter(core::Recording recording);

    /*! Only steps with narration get a handout page (default: every step). */
    void setNarratedOnly(bool on) { m_narratedOnly = on; }
    void setFrameSize(QSize size) { m_frameSize = size; }
    void setFps(int fps) { m_fps = fps; }
    /*! Called with (done, total) as pages or frames are written. */
    void setProgress(std::function<void(int, int)> progress) { m_progress = std::move(progress); }

    /*! Writes the export; for Svg and Png, path is a directory that receives frame-NNNN files
        (frame 0 = the initial state). The error says what failed (a file, ffmpeg, a frame). */
    core::Result<void> write(Format format, const QString& path);

    /*! Pages write(Pdf) produces: a title page plus one per (narrated) step. */
    int pdfPageCount() const;
    /*! Frames of a video at the current fps: per step, the transition sampled every 1/fps s and
        held for the rest of half a second; then the initial and final states once more. */
    int videoFrameCount() const;
    int framesPerStep() const;

    /*! The ffmpeg executable on PATH, or empty. */
    static QString ffmpegPath();
    static bool parseFormat(const QString& text, Format* format);

private:
    bool writePdf(const QString& path);
    bool writeFrames(Format format, const QString& directory);
    bool writeVideo(Format format, const QString& path);
    void report(int done, int total) const;

    core::Recording m_recording;
    bool m_narratedOnly = false;
    QSize m_frameSize {1280, 720};
    int m_fps = 12;
    std::function<void(int, int)> m_progress;
    QString m_error;
};

} // namespace msb::app
