// SPDX-License-Identifier: MIT
#include "app/gui/export/html_export.h"

#include "app/gui/export/causal_marks.h"
#include "app/gui/gui_error.h"
#include "app/gui/outcome.h"
#include "app/gui/prospect_sentences.h"
#include "app/gui/translate.h"
#include "app/web/standalone_page.h"
#include "core/simulator.h"
#include "scenes/item_data.h"
#include "scenes/race_scene.h"
#include "scenes/scene_export.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace msb::app {

namespace {

using scenes::qs;

QJsonObject positionJson(const core::Recording& recording, const core::Simulator& sim,
    const core::RunCausality& causality, int position, const QStringList& turningPoints)
{
    QJsonObject out;
    QJsonArray counts;
    const core::State& state = sim.stateAt(position);
    for (int p = 0; p < sim.model().pageCount(); ++p)
        counts.append(sim.model().kernelPageCount(state.pages[p].dRef));
    out[QStringLiteral("pageCounts")] = counts;
    if (position == 0) {
        out[QStringLiteral("label")] = tr("Start");
        return out;
    }
    const core::StepRecord& rec = sim.history()[position - 1];
    const core::StepInfo& info = core::stepInfo(rec.id);
    const QString thread = QString::fromStdString(sim.scenario().threads[rec.thread].name);
    QString label = QStringLiteral("%1 %2: %3").arg(thread, qs(info.id), qs(info.text));
    if (rec.refAfter != rec.refBefore)
        label += QStringLiteral(" [D%1 %2%3]")
                     .arg(rec.page)
                     .arg(rec.refAfter > rec.refBefore ? QStringLiteral("+") : QString())
                     .arg(rec.refAfter - rec.refBefore);
    // Only a run that shows an outcome has a slice: the marks and "causal" come with it.
    const QString mark = causalMark(causality, position - 1);
    if (!mark.isEmpty())
        label += QStringLiteral(" \u2014 ") + mark;
    if (!causality.empty())
        out[QStringLiteral("causal")] = !doesNotMatter(causality, position - 1);
    // The step list shows the label: a turning point says so there, and in full under the code.
    for (const QString& sentence : turningPoints)
        label += QStringLiteral("  ⟶ ") + sentence;
    out[QStringLiteral("label")] = label;
    QString code = tr("%1  %2\n%3()  %4   kernel notes %5")
                       .arg(qs(info.id), qs(info.text), qs(info.function), qs(info.file), qs(info.fact));
    if (!rec.note.empty())
        code += QLatin1Char('\n') + QString::fromStdString(rec.note);
    for (const QString& sentence : turningPoints)
        code += QStringLiteral("\n⟶ ") + sentence;
    out[QStringLiteral("code")] = code;
    const std::string& narration = recording.steps[std::size_t(position - 1)].narration;
    if (!narration.empty())
        out[QStringLiteral("narration")] = QString::fromStdString(narration);
    return out;
}

} // namespace

QByteArray viewerDataJson(const core::Recording& recording, const core::Simulator& sim)
{
    QJsonObject data;
    data[QStringLiteral("title")] = QStringLiteral("%1: %2").arg(
        QString::fromStdString(recording.scenario.name), QString::fromStdString(recording.scenario.title));
    QStringList threads;
    for (const auto& thread : recording.scenario.threads)
        threads << QString::fromStdString(thread.name);
    data[QStringLiteral("subtitle")] =
        tr("Preset %1 · threads %2 · %3 steps")
            .arg(QString::fromStdString(recording.preset), threads.join(QStringLiteral(", ")))
            .arg(sim.historySize());
    QJsonArray pages;
    for (int p = 0; p < sim.model().pageCount(); ++p)
        pages.append(QStringLiteral("D%1").arg(p));
    data[QStringLiteral("pages")] = pages;
    const std::map<int, QStringList> turning = exploreTurningPointSentences(sim);
    QJsonArray positions;
    const core::RunCausality causality = causalityAtEnd(sim);
    for (int i = 0; i <= sim.historySize(); ++i) {
        const auto point = turning.find(i);
        positions.append(
            positionJson(recording, sim, causality, i, point != turning.end() ? point->second : QStringList()));
    }
    data[QStringLiteral("positions")] = positions;

    core::Simulator atEnd = sim;
    atEnd.jumpTo(sim.historySize());
    const OutcomeDescription outcome = describeOutcome(atEnd);
    QJsonObject outcomeJson;
    outcomeJson[QStringLiteral("title")] = outcome.title;
    outcomeJson[QStringLiteral("text")] = outcome.text;
    outcomeJson[QStringLiteral("bad")] = outcome.bad;
    data[QStringLiteral("outcome")] = outcomeJson;
    return QJsonDocument(data).toJson(QJsonDocument::Compact);
}

QByteArray inlineSvg(QGraphicsScene* scene)
{
    // The scene's own SVG export, rendered in memory: one SVG renderer, no temporary files.
    QByteArray svg = scenes::svgDocument(scene);
    const qsizetype start = svg.indexOf("<svg");
    if (start < 0)
        return {};
    svg.remove(0, start);
    // Fixed width/height in millimetres would stop the frame from following the page width;
    // the viewBox keeps the aspect ratio.
    const qsizetype tagEnd = svg.indexOf('>');
    QString tag = QString::fromUtf8(svg.left(tagEnd));
    static const QRegularExpression size(QStringLiteral("\\s(width|height)=\"[^\"]*\""));
    tag.remove(size);
    svg.replace(0, tagEnd, tag.toUtf8());
    return svg.trimmed();
}

QByteArray hoistSharedImages(std::vector<QByteArray>& frames)
{
    // QSvgGenerator writes a pixmap as <image x=".." y=".." width=".." ... xlink:href="data:..." />.
    static const QRegularExpression image(QStringLiteral(R"re(<image ([^>]*?)\s*xlink:href="(data:[^"]*)"\s*/>)re"));
    static const QRegularExpression position(QStringLiteral(R"re((^|\s)(x|y)="([^"]*)")re"));
    QByteArray defs;
    QHash<QString, QString> ids; // the image without its position -> its id in defs
    for (QByteArray& frame : frames) {
        const QString text = QString::fromUtf8(frame);
        QString out;
        qsizetype copied = 0;
        for (auto it = image.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            QString attributes = match.captured(1);
            QString x = QStringLiteral("0");
            QString y = QStringLiteral("0");
            for (auto at = position.globalMatch(attributes); at.hasNext();) {
                const QRegularExpressionMatch coordinate = at.next();
                (coordinate.captured(2) == QLatin1String("x") ? x : y) = coordinate.captured(3);
            }
            attributes.remove(position);
            const QString key = attributes.simplified() + QLatin1Char(' ') + match.captured(2);
            QString& id = ids[key];
            if (id.isEmpty()) {
                id = QStringLiteral("msb-img-%1").arg(ids.size());
                defs += QStringLiteral("<image id=\"%1\" %2 xlink:href=\"%3\"/>")
                            .arg(id, attributes.simplified(), match.captured(2))
                            .toUtf8();
            }
            out += QStringView(text).mid(copied, match.capturedStart() - copied);
            out += QStringLiteral("<use xlink:href=\"#%1\" x=\"%2\" y=\"%3\"/>").arg(id, x, y);
            copied = match.capturedEnd();
        }
        if (copied == 0)
            continue;
        out += QStringView(text).mid(copied);
        frame = out.toUtf8();
    }
    return defs;
}

core::Result<void> writeRecordingHtml(const core::Recording& recording, const QString& path, QSize frameSize,
    const std::function<void(int, int)>& progress)
{
    core::Simulator sim(recording.scenario, recording.settings);
    for (const auto& step : recording.steps) {
        if (!sim.step(step.thread).ok())
            break;
    }
    web::ViewerPage page;
    page.title = tr("Migration Sandbox: %1").arg(QString::fromStdString(recording.scenario.name)).toStdString();
    page.dataJson = viewerDataJson(recording, sim).toStdString();

    scenes::RaceScene scene;
    scene.setReduceMotion(true);
    scene.setViewportSize(QSizeF(frameSize));
    const int frames = sim.historySize() + 1;
    const core::RunCausality causality = causalityAtEnd(sim);
    std::vector<QByteArray> svgs;
    for (int i = 0; i < frames; ++i) {
        scene.setStepTrail(sim.history(), i, causality.causal, causality.deciding);
        scene.showState(sim.model(), sim.stateAt(i), i > 0 ? &sim.history()[i - 1] : nullptr, false);
        const QByteArray svg = inlineSvg(&scene);
        if (svg.isEmpty())
            return guiError(tr("cannot render the scene of position %1 as SVG").arg(i));
        svgs.push_back(svg);
        if (progress)
            progress(i + 1, frames);
    }

    page.sharedSvgDefs = hoistSharedImages(svgs).toStdString();
    for (const QByteArray& svg : svgs)
        page.svgFrames.push_back(svg.toStdString());
    const std::string html = web::standalonePage(page);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(html.data(), qint64(html.size())) != qint64(html.size())
        || !out.commit())
        return guiError(tr("cannot write %1").arg(path));
    return {};
}

} // namespace msb::app
