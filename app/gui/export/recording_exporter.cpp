// SPDX-License-Identifier: MIT
#include "app/gui/export/recording_exporter.h"

#include "app/gui/charts/chart_style.h"
#include "app/gui/charts/refcount_timeline_chart.h"
#include "app/gui/export/causal_marks.h"
#include "app/gui/export/html_export.h"
#include "app/gui/gui_error.h"
#include "app/gui/prospect_sentences.h"
#include "core/simulator.h"
#include "scenes/item_data.h"
#include "scenes/race_scene.h"
#include "scenes/scene_export.h"

#include <QChartView>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QParallelAnimationGroup>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QTemporaryDir>

#include <algorithm>

namespace msb::app {

namespace {

using scenes::qs;

/// The recording replayed: one simulator holding every position, and the scene that draws it.
struct Replay
{
    explicit Replay(const core::Recording& recording)
        : sim(recording.scenario, recording.settings)
    {
        for (const auto& step : recording.steps) {
            if (!sim.step(step.thread).ok())
                break;
        }
    }
    core::Simulator sim;
};

// How long a step shows in a video: the 320 ms transition, then a hold.
constexpr double kStepSeconds = 0.5;

} // namespace

RecordingExporter::RecordingExporter(core::Recording recording)
    : m_recording(std::move(recording))
{
}

bool RecordingExporter::parseFormat(const QString& text, Format* format)
{
    const QString t = text.toLower();
    if (t == QLatin1String("pdf"))
        *format = Format::Pdf;
    else if (t == QLatin1String("svg"))
        *format = Format::Svg;
    else if (t == QLatin1String("png"))
        *format = Format::Png;
    else if (t == QLatin1String("mp4"))
        *format = Format::Mp4;
    else if (t == QLatin1String("gif"))
        *format = Format::Gif;
    else if (t == QLatin1String("html"))
        *format = Format::Html;
    else
        return false;
    return true;
}

QString RecordingExporter::ffmpegPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
}

int RecordingExporter::pdfPageCount() const
{
    int pages = 0;
    for (const auto& step : m_recording.steps)
        pages += !m_narratedOnly || !step.narration.empty();
    return 1 + pages;
}

int RecordingExporter::framesPerStep() const
{
    return std::max(1, int(m_fps * kStepSeconds + 0.5));
}

int RecordingExporter::videoFrameCount() const
{
    return 1 + static_cast<int>(m_recording.steps.size()) * framesPerStep();
}

void RecordingExporter::report(int done, int total) const
{
    if (m_progress)
        m_progress(done, total);
}

core::Result<void> RecordingExporter::write(Format format, const QString& path)
{
    const core::ReplayCheck check = core::verifyRecording(m_recording);
    if (!check.identical)
        return guiError(tr("the recording does not replay: %1").arg(QString::fromStdString(check.what)));
    m_error.clear();
    bool written = false;
    switch (format) {
    case Format::Pdf:
        written = writePdf(path);
        break;
    case Format::Svg:
    case Format::Png:
        written = writeFrames(format, path);
        break;
    case Format::Mp4:
    case Format::Gif:
        written = writeVideo(format, path);
        break;
    case Format::Html:
        return writeRecordingHtml(m_recording, path, m_frameSize, m_progress);
    }
    if (!written)
        return guiError(m_error);
    return {};
}

bool RecordingExporter::writePdf(const QString& path)
{
    Replay replay(m_recording);
    const core::Simulator& sim = replay.sim;
    const int steps = sim.historySize();

    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageOrientation(QPageLayout::Landscape);
    pdf.setResolution(96); // page coordinates in CSS pixels: about 1060 x 730 inside the margins
    pdf.setTitle(tr("Migration Sandbox: %1").arg(QString::fromStdString(m_recording.scenario.name)));
    pdf.setCreator(QStringLiteral("Migration Sandbox"));
    QPainter painter;
    if (!painter.begin(&pdf)) {
        m_error = tr("cannot write %1").arg(path);
        return false;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF page(QPointF(0, 0), QSizeF(pdf.width(), pdf.height()));
    QFont body(QStringLiteral("DejaVu Sans"));
    body.setPointSizeF(10);
    QFont heading = body;
    heading.setPointSizeF(16);
    heading.setBold(true);
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setPointSizeF(10);

    // Title page.
    painter.setFont(heading);
    painter.drawText(QRectF(0, 0, page.width(), 40), Qt::AlignLeft | Qt::AlignVCenter,
        QStringLiteral("%1: %2").arg(
            QString::fromStdString(m_recording.scenario.name), QString::fromStdString(m_recording.scenario.title)));
    painter.setFont(body);
    QStringList lines;
    lines << QString::fromStdString(m_recording.scenario.description) << QString();
    lines << tr("Preset: %1").arg(QString::fromStdString(m_recording.preset));
    for (const auto& knob : core::knobs())
        lines << QStringLiteral("    %1 = %2").arg(qs(knob.key), qs(core::knobValue(m_recording.settings, knob.key)));
    QStringList threads;
    for (const auto& thread : m_recording.scenario.threads)
        threads << QString::fromStdString(thread.name);
    lines << tr("Threads: %1    Pages: %2").arg(threads.join(QStringLiteral(", "))).arg(m_recording.scenario.pages);
    lines << tr("Steps: %1").arg(steps);
    lines << tr("Outcome: %1").arg(QString::fromStdString(m_recording.outcome));
    QStringList flags;
    for (const auto& flag : m_recording.flags)
        flags << QString::fromStdString(flag);
    lines << tr("Safety flags: %1").arg(flags.isEmpty() ? tr("none") : flags.join(QStringLiteral(", ")));
    if (const auto earlier = sim.repeatsPosition())
        lines << tr("Livelock round: the final state equals the state after step %1.").arg(*earlier);
    const core::RunCausality causality = causalityAtEnd(sim);
    if (!causality.empty()) {
        lines << QCoreApplication::translate("RecordingExporter",
            "Which steps matter: %1 of %2 cause %3; the other steps' pages say “does not matter for "
            "the outcome” and are greyed.")
                     .arg(std::count(causality.causal.begin(), causality.causal.end(), true))
                     .arg(steps)
                     .arg(QString::fromStdString(causality.decidedBy));
    }
    // What became impossible or inevitable, and after which step (run --possible).
    QString prospectsReason;
    const std::map<int, QStringList> turning = exploreTurningPointSentences(sim, &prospectsReason);
    if (!prospectsReason.isEmpty())
        lines << QObject::tr("Turning points: not available (%1).").arg(prospectsReason);
    else if (turning.empty())
        lines << QObject::tr("Turning points: none (nothing became impossible or inevitable).");
    else
        lines << QObject::tr("Turning points: after step %1.").arg([&turning] {
            QStringList steps;
            for (const auto& entry : turning)
                steps << QString::number(entry.first);
            return steps.join(QStringLiteral(", "));
        }());
    painter.drawText(QRectF(0, 60, page.width(), page.height() - 60), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
        lines.join(QLatin1Char('\n')));

    RefcountTimelineChart chart;
    chart.setStepRange(steps);
    chart.setSimulator(sim);
    renderChart(chart.chartView(), &painter, QRectF(0, page.height() * 0.5, page.width(), page.height() * 0.5),
        QSizeF(1100, 1100 * 0.5 * page.height() / page.width()));

    scenes::RaceScene scene;
    scene.setReduceMotion(true);
    scene.setViewportSize(QSizeF(1280, 720));

    const int total = pdfPageCount();
    int done = 1;
    report(done, total);
    for (int i = 0; i < steps; ++i) {
        const core::RecordedStep& recorded = m_recording.steps[i];
        if (m_narratedOnly && recorded.narration.empty())
            continue;
        pdf.newPage();
        const core::StepRecord& rec = sim.history()[i];
        const core::State& after = sim.stateAt(i + 1);
        const core::StepInfo& info = core::stepInfo(rec.id);
        const QString thread = QString::fromStdString(sim.scenario().threads[rec.thread].name);

        painter.setFont(heading);
        const QString mark = causalMark(causality, i);
        painter.setPen(doesNotMatter(causality, i) ? QColor(0x80, 0x80, 0x80) : QColor(Qt::black));
        painter.drawText(QRectF(0, 0, page.width(), 32), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Step %1 of %2: %3 runs %4").arg(i + 1).arg(steps).arg(thread, qs(info.id))
                + (mark.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(mark)));
        painter.setPen(Qt::black);

        // The scene, as vectors and text (no item cache reaches the PDF: zoomed or printed it
        // stays sharp, and "struct page D0" can be searched), across the page (it is wide:
        // lanes left, pages right).
        scene.setStepTrail(sim.history(), i + 1, causality.causal, causality.deciding);
        scene.showState(sim.model(), after, &rec, false);
        const QRectF sceneRect = scene.sceneRect();
        const double sceneHeight =
            std::min(page.height() * 0.42, page.width() * sceneRect.height() / std::max(1.0, sceneRect.width()));
        const QRectF sceneTarget(0, 40, page.width(), sceneHeight);
        scenes::renderAsVectors(&scene, &painter, sceneTarget, sceneRect);

        // Below it: the code line, kernel function and narration on the left, the refcount
        // table on the right.
        const double top = sceneTarget.bottom() + 12;
        const double textHeight = page.height() * 0.13;
        const QRectF codeRect(0, top, page.width() * 0.58, textHeight);
        const QRectF tableRect(codeRect.right() + 16, top, page.width() - codeRect.right() - 16, textHeight);
        painter.setFont(mono);
        QString code = QStringLiteral("%1  %2\n").arg(qs(info.id), qs(info.text));
        code += tr("%1()  %2   kernel notes %3\n").arg(qs(info.function), qs(info.file), qs(info.fact));
        if (!rec.note.empty())
            code += QStringLiteral("%1\n").arg(QString::fromStdString(rec.note));
        if (const auto point = turning.find(i + 1); point != turning.end()) {
            for (const QString& sentence : point->second)
                code += QStringLiteral("⟶ %1\n").arg(sentence);
        }
        QRectF used;
        painter.drawText(codeRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, code, &used);
        if (!recorded.narration.empty()) {
            QFont narration = body;
            narration.setItalic(true);
            narration.setPointSizeF(11);
            painter.setFont(narration);
            painter.drawText(QRectF(0, used.bottom() + 8, codeRect.width(), codeRect.bottom() - used.bottom() - 8),
                Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, QString::fromStdString(recorded.narration));
        }
        QString table = QStringLiteral("page  page_count  PTE             PG_locked\n");
        for (int p = 0; p < sim.model().pageCount(); ++p) {
            const auto& pageState = after.pages[p];
            const QString owner = pageState.dLockOwner == core::kNobody
                ? QStringLiteral("-")
                : QString::fromStdString(sim.scenario().threads[pageState.dLockOwner].name);
            table += QStringLiteral("D%1    %2  %3 %4\n")
                         .arg(p, -2)
                         .arg(pageState.dRef, -10)
                         .arg(QString::fromStdString(core::pteText(pageState.pte, p)), -15)
                         .arg(owner);
        }
        painter.setFont(mono);
        painter.drawText(tableRect, Qt::AlignLeft | Qt::AlignTop, table);

        // The refcount chart up to this step.
        core::Simulator upTo = sim;
        upTo.jumpTo(i + 1);
        chart.setSimulator(upTo, false);
        const QRectF chartTarget(0, top + textHeight, page.width(), page.bottom() - top - textHeight);
        renderChart(chart.chartView(), &painter, chartTarget, QSizeF(1100, chartTarget.height() * 1100 / page.width()));
        report(++done, total);
    }
    if (!painter.end()) {
        m_error = tr("cannot finish %1").arg(path);
        return false;
    }
    return true;
}

bool RecordingExporter::writeFrames(Format format, const QString& directory)
{
    if (!QDir().mkpath(directory)) {
        m_error = tr("cannot create directory %1").arg(directory);
        return false;
    }
    Replay replay(m_recording);
    const core::Simulator& sim = replay.sim;
    scenes::RaceScene scene;
    scene.setReduceMotion(true);
    scene.setViewportSize(QSizeF(m_frameSize));
    const int frames = sim.historySize() + 1;
    const QString suffix = format == Format::Svg ? QStringLiteral("svg") : QStringLiteral("png");
    for (int i = 0; i < frames; ++i) {
        scene.showState(sim.model(), sim.stateAt(i), i > 0 ? &sim.history()[i - 1] : nullptr, false);
        const QString file =
            QDir(directory).filePath(QStringLiteral("frame-%1.%2").arg(i, 4, 10, QLatin1Char('0')).arg(suffix));
        const bool ok = format == Format::Svg ? scenes::saveSvg(&scene, file)
                                              : scenes::renderToImage(&scene, m_frameSize).save(file);
        if (!ok) {
            m_error = tr("cannot write %1").arg(file);
            return false;
        }
        report(i + 1, frames);
    }
    return true;
}

bool RecordingExporter::writeVideo(Format format, const QString& path)
{
    const QString ffmpeg = ffmpegPath();
    if (ffmpeg.isEmpty()) {
        m_error = tr("ffmpeg not found: install it with apt-get install ffmpeg");
        return false;
    }
    QTemporaryDir work;
    if (!work.isValid()) {
        m_error = tr("cannot create a temporary directory");
        return false;
    }
    Replay replay(m_recording);
    const core::Simulator& sim = replay.sim;
    scenes::RaceScene scene;
    scene.setViewportSize(QSizeF(m_frameSize));
    const auto render = [&] {
        // RGB32 bytes are B, G, R, 0xff on little-endian machines: ffmpeg's "bgra".
        return scenes::renderToImage(&scene, m_frameSize).convertToFormat(QImage::Format_RGB32);
    };
    const QStringList input {QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
        QStringLiteral("bgra"), QStringLiteral("-s"),
        QStringLiteral("%1x%2").arg(m_frameSize.width()).arg(m_frameSize.height()), QStringLiteral("-framerate"),
        QString::number(m_fps), QStringLiteral("-i"), QStringLiteral("-")};
    const auto runFfmpeg = [&](QProcess& process, const QStringList& args) {
        process.start(
            ffmpeg, QStringList {QStringLiteral("-y"), QStringLiteral("-loglevel"), QStringLiteral("error")} + args);
        return process.waitForStarted();
    };

    QStringList args = input;
    if (format == Format::Mp4) {
        args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-pix_fmt")
             << QStringLiteral("yuv420p") << QStringLiteral("-vf") << QStringLiteral("pad=ceil(iw/2)*2:ceil(ih/2)*2");
    } else {
        // One palette for the whole GIF, made first from a few stills: the scene's colours are a
        // fixed set, and a streaming paletteuse keeps memory flat (split+palettegen buffers every
        // frame: 2 GB for 600 frames at 720p).
        QProcess palette;
        if (!runFfmpeg(palette,
                input
                    + QStringList {QStringLiteral("-vf"), QStringLiteral("palettegen=stats_mode=full"),
                        work.filePath(QStringLiteral("palette.png"))})) {
            m_error = tr("cannot start %1").arg(ffmpeg);
            return false;
        }
        for (int i : {0, sim.historySize() / 3, 2 * sim.historySize() / 3, sim.historySize()}) {
            scene.setReduceMotion(true);
            scene.showState(sim.model(), sim.stateAt(i), i > 0 ? &sim.history()[i - 1] : nullptr, false);
            const QImage image = render();
            palette.write(reinterpret_cast<const char*>(image.constBits()), image.sizeInBytes());
        }
        palette.closeWriteChannel();
        if (!palette.waitForFinished(120'000) || palette.exitCode() != 0) {
            m_error = tr("ffmpeg palettegen failed: %1")
                          .arg(QString::fromLocal8Bit(palette.readAllStandardError()).trimmed());
            return false;
        }
        args << QStringLiteral("-i") << work.filePath(QStringLiteral("palette.png")) << QStringLiteral("-lavfi")
             << QStringLiteral("[0:v][1:v]paletteuse=dither=none");
    }
    args << path;

    QProcess encoder;
    if (!runFfmpeg(encoder, args)) {
        m_error = tr("cannot start %1").arg(ffmpeg);
        return false;
    }
    const auto send = [&encoder](const QImage& image) {
        encoder.write(reinterpret_cast<const char*>(image.constBits()), image.sizeInBytes());
        // Keep at most a few frames in the pipe instead of buffering the whole video.
        while (encoder.bytesToWrite() > 4 * image.sizeInBytes() && encoder.waitForBytesWritten(10'000)) { }
    };

    // The scene's transitions are paused and driven by hand: frame j of a step shows the
    // animation at (j+1)/fps seconds (scenes/animation_manager.h: current() drives time).
    scene.setReduceMotion(false);
    const int perStep = framesPerStep();
    const int total = videoFrameCount();
    int frame = 0;
    scene.showState(sim.model(), sim.stateAt(0), nullptr, false);
    QImage still = render();
    send(still);
    ++frame;
    for (int i = 0; i < sim.historySize(); ++i) {
        scene.showState(sim.model(), sim.stateAt(i + 1), &sim.history()[i], true);
        QParallelAnimationGroup* group = scene.animations()->current();
        if (group && group->state() == QAbstractAnimation::Running)
            group->pause(); // no event loop runs here, but never let the clock move it
        const int duration = group ? group->totalDuration() : 0;
        bool settled = !group;
        for (int j = 0; j < perStep; ++j) {
            const int ms = int(1000.0 * (j + 1) / m_fps);
            if (!settled) {
                group->setCurrentTime(std::min(ms, duration));
                still = render();
                settled = ms >= duration;
            } else if (j == 0) {
                still = render();
            }
            send(still); // after the transition the frame holds
            ++frame;
        }
        scene.animations()->finish();
        report(frame, total);
    }
    encoder.closeWriteChannel();
    if (!encoder.waitForFinished(600'000) || encoder.exitStatus() != QProcess::NormalExit || encoder.exitCode() != 0) {
        m_error = tr("ffmpeg failed: %1").arg(QString::fromLocal8Bit(encoder.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

} // namespace msb::app
