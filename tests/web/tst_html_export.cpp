// SPDX-License-Identifier: MIT
// `--format html`: the livelock lesson as one file that needs nothing from the network, with one
// inline SVG frame per position, a JSON blob that parses and matches the recording, and text that
// cannot break out of the page.
#include "app/gui/export/html_export.h"
#include "app/gui/export/recording_exporter.h"
#include "app/gui/gui_error.h"
#include "core/lesson.h"
#include "core/recording.h"
#include "core/simulator.h"
#include "scenes/race_scene.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <map>

using namespace msb;

namespace {

/// The livelock lesson played to its end, each page's narration on the page's last step.
core::Recording livelockLessonRecording()
{
    const core::Lesson lesson = core::loadBuiltinLesson("livelock").value();
    const std::vector<core::PageRun> runs = core::playLesson(lesson).value();
    const core::PageRun& end = runs.back();
    std::map<int, std::string> narration;
    for (std::size_t p = 0; p < runs.size(); ++p) {
        const int steps = runs[p].after.historySize();
        if (runs[p].segment == end.segment && steps > runs[p].before.historySize())
            narration[steps - 1] = lesson.pages[p].narration;
    }
    return core::recordFromSimulator(end.after, narration);
}

QByteArray exportHtml(const core::Recording& recording, const QString& path)
{
    app::RecordingExporter exporter(recording);
    if (const auto written = exporter.write(app::RecordingExporter::Format::Html, path); !written)
        qFatal("export failed: %s", qPrintable(app::errorText(written.error())));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

QJsonObject dataBlob(const QByteArray& html)
{
    const QByteArray open = "<script type=\"application/json\" id=\"msb-data\">";
    const qsizetype start = html.indexOf(open);
    const qsizetype end = html.indexOf("</script>", start);
    if (start < 0 || end < 0)
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(html.mid(start + open.size(), end - start - open.size()), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("JSON: %s at %d", qPrintable(error.errorString()), error.offset);
    return doc.object();
}

QList<QByteArray> frames(const QByteArray& html)
{
    QList<QByteArray> out;
    const QByteArray open = "<template class=\"msb-frame\"";
    for (qsizetype at = html.indexOf(open); at >= 0; at = html.indexOf(open, at + 1)) {
        const qsizetype body = html.indexOf('>', at) + 1;
        out << html.mid(body, html.indexOf("</template>", body) - body);
    }
    return out;
}

} // namespace

class TestHtmlExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheFormatName()
    {
        app::RecordingExporter::Format format = app::RecordingExporter::Format::Pdf;
        QVERIFY(app::RecordingExporter::parseFormat(QStringLiteral("HTML"), &format));
        QCOMPARE(format, app::RecordingExporter::Format::Html);
    }

    void livelockLessonIsOneSelfContainedFile()
    {
        const core::Recording recording = livelockLessonRecording();
        const int positions = int(recording.steps.size()) + 1;
        QVERIFY(positions > 10);
        QTemporaryDir dir;
        const QByteArray html = exportHtml(recording, dir.filePath(QStringLiteral("livelock.html")));
        qInfo("livelock lesson: %d positions, %lld bytes", positions, qlonglong(html.size()));

        // Nothing is fetched: no external script, style sheet, image or link to the network.
        static const QRegularExpression remote(
            QStringLiteral("(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)"), QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch hit = remote.match(QString::fromUtf8(html));
        QVERIFY2(!hit.hasMatch(), qPrintable(hit.captured(0)));
        QVERIFY(!html.contains("<script src"));
        QVERIFY(!html.contains("<link"));
        QVERIFY(!html.contains("MSB_VIEWER") && !html.contains("<!--MSB_DATA-->"));
        QVERIFY(html.contains("function showFrame")); // the viewer's code is inlined

        // One frame per position, each a standalone SVG element sized by its viewBox.
        const QList<QByteArray> svgs = frames(html);
        QCOMPARE(svgs.size(), positions);
        for (const QByteArray& svg : svgs) {
            QXmlStreamReader xml(svg);
            QVERIFY(xml.readNextStartElement());
            QCOMPARE(xml.name(), QLatin1String("svg"));
            QVERIFY(xml.attributes().hasAttribute(QStringLiteral("viewBox")));
            QVERIFY(!xml.attributes().hasAttribute(QStringLiteral("width")));
            while (!xml.atEnd())
                xml.readNext();
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        }
        QVERIFY(svgs.first() != svgs.last()); // the scene changes
        // Pixmaps are stored once, outside the frames, and every reference resolves.
        static const QRegularExpression use(QStringLiteral("<use xlink:href=\"#([^\"]+)\""));
        for (const QByteArray& svg : svgs) {
            QVERIFY(!svg.contains("data:image"));
            for (auto it = use.globalMatch(QString::fromUtf8(svg)); it.hasNext();) {
                const QString id = it.next().captured(1);
                QVERIFY2(html.contains(QStringLiteral("<image id=\"%1\" ").arg(id).toUtf8()), qPrintable(id));
            }
        }

        // The data matches the recording.
        const QJsonObject data = dataBlob(html);
        const QJsonArray list = data.value(QStringLiteral("positions")).toArray();
        QCOMPARE(list.size(), positions);
        QCOMPARE(data.value(QStringLiteral("pages")).toArray().size(), recording.scenario.pages);
        core::Simulator sim(recording.scenario, recording.settings);
        for (int i = 0; i < positions; ++i) {
            const QJsonObject position = list[i].toObject();
            if (i > 0) {
                const core::RecordedStep& step = recording.steps[std::size_t(i - 1)];
                QVERIFY(sim.step(step.thread).ok());
                QVERIFY2(position.value(QStringLiteral("label"))
                             .toString()
                             .contains(QString::fromUtf8(core::stepInfo(step.step).id.data())),
                    qPrintable(position.value(QStringLiteral("label")).toString()));
                QCOMPARE(
                    position.value(QStringLiteral("narration")).toString(), QString::fromStdString(step.narration));
            }
            const QJsonArray counts = position.value(QStringLiteral("pageCounts")).toArray();
            QCOMPARE(counts.size(), recording.scenario.pages);
            QCOMPARE(counts[0].toInt(), sim.model().kernelPageCount(sim.state().pages[0].dRef));
        }
        const QJsonObject outcome = data.value(QStringLiteral("outcome")).toObject();
        QVERIFY(!outcome.value(QStringLiteral("title")).toString().isEmpty());
        QVERIFY(!outcome.value(QStringLiteral("text")).toString().isEmpty());
    }

    // The exported lesson in a real browser: opened at a step, stepped with the keyboard, scrubbed
    // with the slider; each time the stage, the current step and the narration follow.
    void webFramesAreVectorsAndText()
    {
        // What the classroom bridge sends a browser per position (a 1280x720 scene through
        // inlineSvg): paths and text, never an item cache's pixmap as a base64 PNG.
        const core::Recording recording = livelockLessonRecording();
        core::Simulator sim(recording.scenario, recording.settings);
        for (const core::RecordedStep& step : recording.steps)
            QVERIFY(sim.step(step.thread).ok());
        scenes::RaceScene scene;
        scene.setReduceMotion(true);
        scene.setViewportSize(QSizeF(1280, 720));
        qint64 total = 0;
        qsizetype largest = 0;
        const int positions = sim.historySize() + 1;
        for (int i = 0; i < positions; ++i) {
            scene.showState(sim.model(), sim.stateAt(i), i > 0 ? &sim.history()[std::size_t(i - 1)] : nullptr, false);
            const QByteArray svg = app::inlineSvg(&scene);
            QVERIFY(svg.startsWith("<svg"));
            QVERIFY2(!svg.contains("<image") && !svg.contains("base64"), qPrintable(QString::number(i)));
            QVERIFY(svg.contains(">struct page D0<"));
            QVERIFY(svg.contains(">page_count<"));
            total += svg.size();
            largest = std::max(largest, svg.size());
        }
        qInfo("web frame SVG: %lld bytes on average, %lld at most, over %d positions", qlonglong(total / positions),
            qlonglong(largest), positions);
    }

    void livelockLessonScrubsInChromium()
    {
#ifndef MSB_HEADLESS_CHROMIUM
        QSKIP("no chromium-headless-shell at configure time");
#else
        const core::Recording recording = livelockLessonRecording();
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("livelock.html"));
        exportHtml(recording, file);
        int narrated = -1; // a position with the lesson's narration
        for (std::size_t i = 0; i < recording.steps.size() && narrated < 0; ++i) {
            if (!recording.steps[i].narration.empty() && i > 4)
                narrated = int(i) + 1;
        }
        QVERIFY(narrated > 0);
        const QString state = QStringLiteral(
            "JSON.stringify([document.querySelector('#stage svg').dataset.position,"
            " document.querySelector('#steps li[aria-current]').id, document.getElementById('narration').textContent,"
            " location.hash])");
        const auto key = [](const char* name) {
            return QStringLiteral("document.dispatchEvent(new KeyboardEvent('keydown', {key: '%1', bubbles: true}))")
                .arg(QLatin1String(name));
        };
        QProcess probe;
        probe.start(QStringLiteral(MSB_BROWSER_PROBE),
            {QStringLiteral(MSB_HEADLESS_CHROMIUM), QStringLiteral("--open"),
                QUrl::fromLocalFile(file).toString() + QStringLiteral("#step=2"), QStringLiteral("--wait"),
                QStringLiteral("document.querySelector('#stage svg[data-position=\"2\"]')"), QStringLiteral("--eval"),
                state, QStringLiteral("--eval"),
                key("ArrowRight") + QLatin1Char(';') + key("ArrowRight") + QLatin1Char(';') + state,
                QStringLiteral("--eval"),
                QStringLiteral("const s = document.getElementById('scrub'); s.value = '%1';"
                               " s.dispatchEvent(new Event('input', {bubbles: true})); %2")
                    .arg(narrated)
                    .arg(state),
                QStringLiteral("--eval"), key("End") + QLatin1Char(';') + state});
        QVERIFY(probe.waitForFinished(90000));
        QVERIFY2(probe.exitCode() == 0, probe.readAllStandardError().constData());
        QList<QJsonArray> seen;
        for (const QByteArray& line : probe.readAllStandardOutput().split('\n')) {
            if (!line.isEmpty())
                seen << QJsonDocument::fromJson(QJsonDocument::fromJson("[" + line + "]")[0].toString().toUtf8())
                            .array();
        }
        QCOMPARE(seen.size(), 4);
        const auto expect = [&](const QJsonArray& got, int position) {
            QCOMPARE(got[0].toString(), QString::number(position));
            QCOMPARE(got[1].toString(), QStringLiteral("step-%1").arg(position));
            const std::string& narration = position > 0 ? recording.steps[std::size_t(position - 1)].narration : "";
            QCOMPARE(got[2].toString(), QString::fromStdString(narration));
            QCOMPARE(got[3].toString(), QStringLiteral("#step=%1").arg(position));
        };
        expect(seen[0], 2);
        expect(seen[1], 4);
        expect(seen[2], narrated);
        expect(seen[3], int(recording.steps.size()));
#endif
    }

    void sharedImagesAreStoredOnce()
    {
        const QByteArray png = "data:image/png;base64,iVBORw0KGgo=";
        std::vector<QByteArray> frames {
            "<svg><image x=\"16\" y=\"62\" width=\"348\" height=\"120\" xlink:href=\"" + png + "\" /></svg>",
            "<svg><g><image x=\"1.5\" y=\"2\" width=\"348\" height=\"120\" xlink:href=\"" + png
                + "\" /></g><image x=\"0\" y=\"0\" width=\"10\" height=\"120\" xlink:href=\"" + png + "\" /></svg>",
            "<svg><rect/></svg>"};
        const QByteArray defs = app::hoistSharedImages(frames);
        QCOMPARE(defs.count("<image id="), 2); // same pixels, two sizes
        QCOMPARE(defs.count(png), 2);
        QCOMPARE(frames[0], QByteArray("<svg><use xlink:href=\"#msb-img-1\" x=\"16\" y=\"62\"/></svg>"));
        QCOMPARE(frames[1],
            QByteArray("<svg><g><use xlink:href=\"#msb-img-1\" x=\"1.5\" y=\"2\"/></g>"
                       "<use xlink:href=\"#msb-img-2\" x=\"0\" y=\"0\"/></svg>"));
        QCOMPARE(frames[2], QByteArray("<svg><rect/></svg>"));
        QVERIFY(defs.startsWith("<image id=\"msb-img-1\" width=\"348\" height=\"120\" xlink:href="));
    }

    void narrationCannotEndTheScript()
    {
        core::Recording recording = livelockLessonRecording();
        const std::string hostile = "</script><script>alert(1)</script><!-- & \"quoted\"";
        recording.steps[2].narration = hostile;
        QTemporaryDir dir;
        const QByteArray html = exportHtml(recording, dir.filePath(QStringLiteral("hostile.html")));
        QVERIFY(!html.contains("<script>alert(1)"));
        const QJsonArray list = dataBlob(html).value(QStringLiteral("positions")).toArray();
        QCOMPARE(list[3].toObject().value(QStringLiteral("narration")).toString(), QString::fromStdString(hostile));
    }

    void refusesARecordingThatDoesNotReplay()
    {
        core::Recording recording = livelockLessonRecording();
        recording.steps[3].hash ^= 1;
        QTemporaryDir dir;
        app::RecordingExporter exporter(recording);
        QVERIFY(!exporter.write(app::RecordingExporter::Format::Html, dir.filePath(QStringLiteral("x.html"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.html"))));
    }
};

QTEST_MAIN(TestHtmlExport)
#include "tst_html_export.moc"
