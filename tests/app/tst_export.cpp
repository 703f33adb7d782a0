// SPDX-License-Identifier: MIT
// Recording export: a PDF with the expected page count, SVG frames that parse, PNG frames, and a
// video with the expected frame count when ffmpeg is installed (skipped with the reason if not).
#include "app/gui/command_line.h"
#include "app/gui/export/export_command.h"
#include "app/gui/export/recording_exporter.h"
#include "app/gui/gui_error.h"
#include "core/builtin_scenarios.h"
#include "core/recording.h"
#include "core/simulator.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace msb;

namespace {

// The documented v5.11 livelock round on two-faults: 18 steps back to the initial state.
const std::vector<int> kLivelockRound {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1};

core::Recording livelockRecording()
{
    core::Simulator sim(core::loadBuiltinScenario("two-faults").value(), core::findPreset("v5.11")->settings);
    const auto replayed = sim.replay(kLivelockRound);
    Q_ASSERT(replayed.ok());
    return core::recordFromSimulator(
        sim, {{10, "T1's check sees T2's reference and backs off."}, {17, "Back to the start."}});
}

int pdfPages(const QString& path)
{
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    if (!pdfinfo.isEmpty()) {
        QProcess process;
        process.start(pdfinfo, {path});
        process.waitForFinished();
        for (const QString& line : QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("Pages:")))
                return line.mid(6).trimmed().toInt();
        }
        return -1;
    }
    // QPdfWriter writes uncompressed page dictionaries: count them.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray data = file.readAll();
    return int(data.count("/Type /Page\n") + data.count("/Type /Page\r") + data.count("/Type /Page "));
}

/// Output of a poppler tool (pdfimages, pdftotext), or a null string if it is not installed.
QString popplerOutput(const QString& tool, const QStringList& arguments)
{
    const QString exe = QStandardPaths::findExecutable(tool);
    if (exe.isEmpty())
        return {};
    QProcess process;
    process.start(exe, arguments);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

int countFrames(const QString& video)
{
    const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
    QProcess process;
    process.start(ffprobe,
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
            QStringLiteral("-select_streams"), QStringLiteral("v:0"), QStringLiteral("-show_entries"),
            QStringLiteral("stream=nb_read_frames"), QStringLiteral("-of"),
            QStringLiteral("default=nokey=1:noprint_wrappers=1"), video});
    process.waitForFinished(120000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed().toInt();
}

/// The exit code of `migration-sandbox ARGS` for an export command line.
int exportFrom(const QStringList& arguments)
{
    const auto parsed = app::parseCommandLine(arguments);
    if (!parsed.error.isEmpty())
        return 2;
    if (parsed.mode != app::CommandLine::Mode::Export)
        return -1;
    return app::runExportCommand(parsed.exportOptions);
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pdfHasTitlePlusOnePagePerStep()
    {
        QTemporaryDir dir;
        app::RecordingExporter exporter(livelockRecording());
        QCOMPARE(exporter.pdfPageCount(), 1 + int(kLivelockRound.size()));
        const QString pdf = dir.filePath(QStringLiteral("handout.pdf"));
        QVERIFY2(exporter.write(app::RecordingExporter::Format::Pdf, pdf),
            qPrintable(app::errorText(exporter.write(app::RecordingExporter::Format::Pdf, pdf))));
        QCOMPARE(pdfPages(pdf), 1 + int(kLivelockRound.size()));
        if (qEnvironmentVariableIsSet("MSB_EXPORT_SHOTS"))
            QFile::copy(pdf, qEnvironmentVariable("MSB_EXPORT_SHOTS") + QStringLiteral("/handout.pdf"));

        // Narrated steps only: the two narrated steps.
        exporter.setNarratedOnly(true);
        QCOMPARE(exporter.pdfPageCount(), 3);
        const QString narrated = dir.filePath(QStringLiteral("narrated.pdf"));
        QVERIFY(exporter.write(app::RecordingExporter::Format::Pdf, narrated));
        QCOMPARE(pdfPages(narrated), 3);
    }

    void pdfSceneIsVectorsAndText()
    {
        // No item cache may reach the PDF: the scene's pages hold no raster image and their text
        // is text (searchable, sharp when zoomed or printed).
        QTemporaryDir dir;
        app::RecordingExporter exporter(livelockRecording());
        const QString pdf = dir.filePath(QStringLiteral("handout.pdf"));
        QVERIFY2(exporter.write(app::RecordingExporter::Format::Pdf, pdf),
            qPrintable(app::errorText(exporter.write(app::RecordingExporter::Format::Pdf, pdf))));
        const QString images = popplerOutput(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
        if (images.isNull())
            QSKIP("pdfimages (poppler-utils) is not installed");
        // The header and the rule line, nothing else.
        QCOMPARE(images.trimmed().split(QLatin1Char('\n')).size(), 2);
        const int pages = 1 + int(kLivelockRound.size());
        for (int page = 2; page <= pages; ++page) {
            const QString n = QString::number(page);
            const QString text = popplerOutput(QStringLiteral("pdftotext"),
                {QStringLiteral("-f"), n, QStringLiteral("-l"), n, pdf, QStringLiteral("-")});
            QVERIFY2(text.contains(QLatin1String("struct page D0")), qPrintable(n));
            QVERIFY2(text.contains(QLatin1String("page_count")), qPrintable(n));
        }
    }

    void svgAndPngFrames()
    {
        QTemporaryDir dir;
        app::RecordingExporter exporter(livelockRecording());
        const QString svgDir = dir.filePath(QStringLiteral("svg"));
        QVERIFY2(exporter.write(app::RecordingExporter::Format::Svg, svgDir),
            qPrintable(app::errorText(exporter.write(app::RecordingExporter::Format::Svg, svgDir))));
        const QStringList svgs = QDir(svgDir).entryList({QStringLiteral("*.svg")}, QDir::Files, QDir::Name);
        QCOMPARE(svgs.size(), int(kLivelockRound.size()) + 1);
        for (const QString& name : svgs) {
            QFile file(QDir(svgDir).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QXmlStreamReader xml(&file);
            while (!xml.atEnd())
                xml.readNext();
            QVERIFY2(!xml.hasError(), qPrintable(name + QLatin1String(": ") + xml.errorString()));
            QVERIFY(QSvgRenderer(QDir(svgDir).filePath(name)).isValid());
            // Vectors and text, no pixmap painted from an item cache.
            QVERIFY(file.seek(0));
            const QByteArray svg = file.readAll();
            QVERIFY2(!svg.contains("<image"), qPrintable(name));
            QVERIFY2(svg.contains(">struct page D0<"), qPrintable(name));
            QVERIFY2(svg.contains(">page_count<"), qPrintable(name));
        }
        const QString pngDir = dir.filePath(QStringLiteral("png"));
        exporter.setFrameSize(QSize(640, 360));
        QVERIFY(exporter.write(app::RecordingExporter::Format::Png, pngDir));
        const QStringList pngs = QDir(pngDir).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
        QCOMPARE(pngs.size(), int(kLivelockRound.size()) + 1);
        const QImage first(QDir(pngDir).filePath(pngs.first()));
        QCOMPARE(first.size(), QSize(640, 360));
        // Step 2 (M1, collect) changes the drawing.
        QVERIFY(first != QImage(QDir(pngDir).filePath(pngs.at(2))));
    }

    void videoFrameCountMatches_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("mp4") << QStringLiteral("mp4");
        QTest::newRow("gif") << QStringLiteral("gif");
    }

    void videoFrameCountMatches()
    {
        QFETCH(QString, format);
        if (app::RecordingExporter::ffmpegPath().isEmpty())
            QSKIP("ffmpeg not found: install it with apt-get install ffmpeg");
        if (QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty())
            QSKIP("ffprobe not found (it comes with ffmpeg)");
        QTemporaryDir dir;
        app::RecordingExporter exporter(livelockRecording());
        exporter.setFrameSize(QSize(640, 360));
        exporter.setFps(10);
        QCOMPARE(exporter.framesPerStep(), 5);
        const QString video = dir.filePath(QStringLiteral("round.") + format);
        app::RecordingExporter::Format f;
        QVERIFY(app::RecordingExporter::parseFormat(format, &f));
        QVERIFY2(exporter.write(f, video), qPrintable(app::errorText(exporter.write(f, video))));
        QCOMPARE(countFrames(video), exporter.videoFrameCount());
        QCOMPARE(exporter.videoFrameCount(), 1 + int(kLivelockRound.size()) * 5);
    }

    void commandLine()
    {
        QTemporaryDir dir;
        const QString rec = dir.filePath(QStringLiteral("round.msrec.json"));
        QVERIFY(core::saveRecordingFile(livelockRecording(), rec.toStdString()).ok());
        const QString out = dir.filePath(QStringLiteral("frames"));
        QCOMPARE(exportFrom({QStringLiteral("migration-sandbox"), QStringLiteral("--export"), rec,
                     QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("-o"), out}),
            0);
        QCOMPARE(QDir(out).entryList({QStringLiteral("*.png")}).size(), int(kLivelockRound.size()) + 1);
        // Bad input: unknown format, missing file, bad fps.
        QCOMPARE(exportFrom({QStringLiteral("migration-sandbox"), QStringLiteral("--export"), rec,
                     QStringLiteral("--format"), QStringLiteral("tiff"), QStringLiteral("-o"), out}),
            2);
        QCOMPARE(exportFrom({QStringLiteral("migration-sandbox"), QStringLiteral("--export"),
                     dir.filePath(QStringLiteral("missing.json")), QStringLiteral("--format"), QStringLiteral("pdf"),
                     QStringLiteral("-o"), out}),
            2);
        QCOMPARE(exportFrom({QStringLiteral("migration-sandbox"), QStringLiteral("--export"), rec,
                     QStringLiteral("--format"), QStringLiteral("mp4"), QStringLiteral("--fps"), QStringLiteral("0"),
                     QStringLiteral("-o"), out}),
            2);
    }
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
