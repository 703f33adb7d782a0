// SPDX-License-Identifier: MIT
// Chart models under QAbstractItemModelTester, and the chart widgets that observe them: series
// follow the models, clicks ask for a position, the palette picks the theme, PNG/SVG export.
#include "app/gui/charts/charts_panel.h"
#include "app/gui/charts/exploration_chart.h"
#include "app/gui/charts/exploration_model.h"
#include "app/gui/charts/odds_chart.h"
#include "app/gui/charts/odds_model.h"
#include "app/gui/charts/refcount_checks_model.h"
#include "app/gui/charts/refcount_timeline_chart.h"
#include "app/gui/charts/refcount_timeline_model.h"
#include "app/gui/charts/rounds_histogram_model.h"
#include "app/gui/charts/step_line_proxy_model.h"
#include "app/gui/preset_exploration.h"
#include "core/builtin_scenarios.h"
#include "core/odds.h"
#include "core/simulator.h"

#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFontDatabase>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSet>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace msb;

namespace {

// The documented v5.11 livelock round on two-faults (README): one M7-fail, back to the start.
const std::vector<int> kLivelockRound {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 1};

core::Scenario builtin(const char* name)
{
    auto scenario = core::loadBuiltinScenario(name);
    return scenario.value();
}

core::Simulator livelockRun(const char* preset = "v5.11")
{
    core::Simulator sim(builtin("two-faults"), core::findPreset(preset)->settings);
    const auto replayed = sim.replay(kLivelockRound);
    Q_ASSERT(replayed.ok());
    return sim;
}

int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return colours.size();
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timelineModel()
    {
        app::RefcountTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const core::Simulator sim = livelockRun();
        model.setSimulator(sim);
        QCOMPARE(model.rowCount(), int(kLivelockRound.size()) + 1);
        QCOMPARE(model.columnCount(), 3); // Step, page_count(D0), expected (D0)
        for (int i = 0; i < model.rowCount(); ++i) {
            QCOMPARE(model.index(i, 0).data().toInt(), i);
            QCOMPARE(model.index(i, model.countColumn(0)).data().toInt(), int(sim.stateAt(i).pages[0].dRef));
            QCOMPARE(model.index(i, model.expectedColumn(0)).data().toInt(), 2); // strict: base + collect
        }
        QVERIFY(model.maxCount() >= 3); // the waiter's reference pushed the count over 2
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void stepLineProxy()
    {
        app::RefcountTimelineModel source;
        app::StepLineProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&source, 0);
        QCOMPARE(proxy.rowCount(), 0);
        source.setSimulator(livelockRun());
        QCOMPARE(proxy.rowCount(), 2 * source.rowCount() - 1);
        for (int k = 0; k + 1 < source.rowCount(); ++k) {
            // (x[k], y[k]) then the corner (x[k+1], y[k]).
            QCOMPARE(proxy.index(2 * k, 0).data().toInt(), k);
            QCOMPARE(proxy.index(2 * k + 1, 0).data().toInt(), k + 1);
            QCOMPARE(proxy.index(2 * k + 1, 1).data(), source.index(k, 1).data());
            QCOMPARE(proxy.index(2 * k + 2, 1).data(), source.index(k + 1, 1).data());
        }
    }

    void checksModel()
    {
        app::RefcountChecksModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSimulator(livelockRun());
        QCOMPARE(model.rowCount(), 1); // one M7-fail in the round
        QCOMPARE(model.index(0, app::RefcountChecksModel::PassedColumn).data().toString(), QStringLiteral("fail"));
        QVERIFY(model.index(0, app::RefcountChecksModel::CountColumn).data().toInt()
            > model.index(0, app::RefcountChecksModel::ExpectedColumn).data().toInt());
        // The same schedule under the 2021 patch commits.
        model.setSimulator(livelockRun("v5.11-patched"));
        QVERIFY(model.rowCount() >= 1);
        QCOMPARE(model.index(0, app::RefcountChecksModel::PassedColumn).data().toString(), QStringLiteral("pass"));
    }

    void timelineChartFollowsModelAndClicks()
    {
        app::RefcountTimelineChart chart;
        chart.resize(800, 400);
        const core::Simulator sim = livelockRun();
        chart.setSimulator(sim);
        QLineSeries* count = nullptr;
        QScatterSeries* failed = nullptr;
        QLineSeries* marker = nullptr;
        for (QAbstractSeries* series : chart.chart()->series()) {
            if (series->name() == QStringLiteral("page_count(D0)"))
                count = qobject_cast<QLineSeries*>(series);
            else if (series->name().startsWith(QStringLiteral("check failed")))
                failed = qobject_cast<QScatterSeries*>(series);
            else if (series->name() == QStringLiteral("position"))
                marker = qobject_cast<QLineSeries*>(series);
        }
        QVERIFY(count && failed && marker);
        QCOMPARE(count->count(), 2 * (int(kLivelockRound.size()) + 1) - 1);
        QCOMPARE(failed->count(), 1);
        QCOMPARE(marker->at(0).x(), double(kLivelockRound.size()));
        chart.setPosition(4);
        QCOMPARE(marker->at(0).x(), 4.0);

        QSignalSpy requested(&chart, &app::RefcountTimelineChart::positionRequested);
        Q_EMIT count->clicked(QPointF(6.4, 2));
        Q_EMIT failed->clicked(failed->at(0));
        Q_EMIT count->clicked(QPointF(500, 2)); // clamped to the last position
        QCOMPARE(requested.count(), 3);
        QCOMPARE(requested.at(0).at(0).toInt(), 6);
        QCOMPARE(requested.at(1).at(0).toInt(), int(failed->at(0).x()));
        QCOMPARE(requested.at(2).at(0).toInt(), int(kLivelockRound.size()));

        // Up to a position only: the redo tail is left out.
        core::Simulator partial = sim;
        partial.jumpTo(5);
        chart.setSimulator(partial, false);
        QCOMPARE(chart.timelineModel()->rowCount(), 6);
        QCOMPARE(failed->count(), 0);
    }

    void timelineChartFollowsAPageCountChange()
    {
        // The page mappers must let go of the model before it loses a page's columns.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Invalid . coordinate index")));
        app::RefcountTimelineChart chart;
        const auto twoPages = core::loadBuiltinScenario("n-faults", {{"threads", 2}, {"pages", 2}});
        QVERIFY(twoPages.ok());
        core::Simulator sim(twoPages.value(), core::findPreset("v5.11")->settings);
        QVERIFY(sim.step(0).ok());
        chart.setSimulator(sim);
        const auto pageLines = [&chart] {
            int lines = 0;
            for (QAbstractSeries* series : chart.chart()->series())
                lines += series->name().startsWith(QStringLiteral("page_count(")) ? 1 : 0;
            return lines;
        };
        QCOMPARE(pageLines(), 2);
        chart.setSimulator(livelockRun());
        QCOMPARE(pageLines(), 1);
        chart.setSimulator(sim);
        QCOMPARE(pageLines(), 2);
    }

    void paletteAndExport()
    {
        QVERIFY2(!QFontDatabase::families().isEmpty(), "no fonts: chart text would be tofu");
        app::RefcountTimelineChart chart;
        chart.resize(900, 450);
        chart.setSimulator(livelockRun());
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        chart.setPalette(dark);
        QCOMPARE(chart.chart()->theme(), QChart::ChartThemeDark);
        QPalette light;
        light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        chart.setPalette(light);
        QCOMPARE(chart.chart()->theme(), QChart::ChartThemeLight);

        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("timeline.png"));
        const QString svg = dir.filePath(QStringLiteral("timeline.svg"));
        QVERIFY(chart.save(png));
        QVERIFY(chart.save(svg));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY2(distinctColours(image) > 20, "the chart PNG looks blank");
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        if (qEnvironmentVariableIsSet("MSB_CHART_SHOTS")) {
            chart.save(qEnvironmentVariable("MSB_CHART_SHOTS") + QStringLiteral("/timeline.png"));
        }
    }

    void oddsModelsAndChart()
    {
        app::OddsChart chart;
        chart.resize(1100, 450);
        QAbstractItemModelTester oddsTester(chart.oddsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester histogramTester(
            chart.histogramModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        chart.setScenario(builtin("two-faults"));
        chart.setRuns(300);
        chart.setSeed(1);
        QSignalSpy finished(&chart, &app::OddsChart::finished);
        QSignalSpy progress(chart.oddsModel(), &app::OddsModel::progressChanged);
        chart.run();
        QVERIFY(finished.wait(60000));
        const app::OddsModel* odds = chart.oddsModel();
        QCOMPARE(odds->rowCount(), int(core::presets().size()));
        QVERIFY(progress.count() >= 2);
        QCOMPARE(progress.last().at(0).toInt(), progress.last().at(1).toInt());

        // The worker computed exactly what the core computes on this thread.
        for (int row = 0; row < odds->rowCount(); ++row) {
            const auto* preset = core::findPreset(odds->presetName(row).toStdString());
            QVERIFY(preset);
            const core::OddsResult direct = core::computeOdds(builtin("two-faults"), preset->settings, {300, 1, 1000});
            QCOMPARE(odds->result(row).roundsHistogram, direct.roundsHistogram);
            QCOMPARE(odds->result(row).outcomes, direct.outcomes);
            double total = 0;
            for (int column = app::OddsModel::CompletesColumn; column <= app::OddsModel::SigbusColumn; ++column)
                total += odds->index(row, column).data().toDouble();
            QVERIFY(qAbs(total - 100.0) < 1e-6);
        }
        // Stacked bars: one set per outcome, one value per preset.
        QStackedBarSeries* bars = nullptr;
        for (QAbstractSeries* series : chart.outcomeView()->chart()->series()) {
            if (auto* stacked = qobject_cast<QStackedBarSeries*>(series))
                bars = stacked;
        }
        QVERIFY(bars);
        QCOMPARE(bars->count(), 4);
        QCOMPARE(bars->barSets().at(0)->count(), odds->rowCount());

        // Histogram: pre-v5.0 retries more than v5.11; the patch always succeeds at once.
        const app::RoundsHistogramModel* histogram = chart.histogramModel();
        QVERIFY(histogram->maxRounds() >= 3);
        int patched = -1;
        for (int row = 0; row < odds->rowCount(); ++row) {
            if (odds->presetName(row) == QStringLiteral("v5.11-patched"))
                patched = row;
        }
        QVERIFY(patched >= 0);
        QCOMPARE(histogram->index(0, 1 + patched).data().toDouble(), 100.0);

        QTemporaryDir dir;
        QVERIFY(chart.saveOutcomes(dir.filePath(QStringLiteral("odds.svg"))));
        QVERIFY(QSvgRenderer(dir.filePath(QStringLiteral("odds.svg"))).isValid());
        QVERIFY(chart.saveHistogram(dir.filePath(QStringLiteral("rounds.png"))));
        QVERIFY(distinctColours(QImage(dir.filePath(QStringLiteral("rounds.png")))) > 20);
        if (qEnvironmentVariableIsSet("MSB_CHART_SHOTS")) {
            chart.saveOutcomes(qEnvironmentVariable("MSB_CHART_SHOTS") + QStringLiteral("/odds.png"));
            chart.saveHistogram(qEnvironmentVariable("MSB_CHART_SHOTS") + QStringLiteral("/rounds.png"));
        }
    }

    void oddsCancel()
    {
        app::OddsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy running(&model, &app::OddsModel::runningChanged);
        model.start(builtin("two-faults"), {}, {200000, 1, 1000});
        QVERIFY(model.isRunning());
        model.cancel();
        QVERIFY(!model.isRunning());
        QTest::qWait(200);
        QCOMPARE(model.rowCount(), 0); // results of the cancelled job are dropped
    }

    void explorationModel()
    {
        app::ExplorationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addSnapshot(QStringLiteral("v5.11"), 0.1, 100);
        model.addSnapshot(QStringLiteral("v5.11"), 0.2, 250);
        model.addSnapshot(QStringLiteral("pre-v5.0"), 0.05, 80);
        QCOMPARE(model.presetCount(), 2);
        QCOMPARE(model.columnCount(), 4);
        QCOMPARE(model.rowCount(), 3); // (0,0) plus two snapshots for v5.11
        QCOMPARE(model.index(2, model.statesColumn(0)).data().toULongLong(), 250ull);
        QVERIFY(!model.index(2, model.statesColumn(1)).data().isValid());
        model.setVerdict(QStringLiteral("v5.11"), QStringLiteral("livelock"));
        QCOMPARE(model.verdict(0), QStringLiteral("livelock"));
        model.clear();
        QCOMPARE(model.columnCount(), 0);
    }

    void explorationChartRunsEveryPreset()
    {
        app::PresetExploration exploration;
        exploration.setScenario(builtin("two-faults"));
        app::ExplorationChart chart(&exploration);
        chart.resize(900, 450);
        QSignalSpy finished(&exploration, &app::PresetExploration::finished);
        exploration.start();
        QVERIFY(finished.wait(60000));
        const app::ExplorationModel* model = chart.explorationModel();
        QCOMPARE(model->presetCount(), int(core::presets().size()));
        const int v511 = model->presetIndex(QStringLiteral("v5.11"));
        const int patched = model->presetIndex(QStringLiteral("v5.11-patched"));
        QVERIFY(model->verdict(v511).contains(QStringLiteral("livelock")));
        QVERIFY(model->verdict(patched).contains(QStringLiteral("completes always")));
        QVERIFY(model->maxStates() > 10);
        // A line per preset, named with its verdict, holding exactly its snapshots.
        QList<QLineSeries*> lines;
        for (QAbstractSeries* series : chart.chartView()->chart()->series())
            lines << qobject_cast<QLineSeries*>(series);
        QCOMPARE(lines.size(), model->presetCount());
        QCOMPARE(lines[v511]->count(), model->snapshotCount(v511));
        QVERIFY(lines[v511]->name().contains(QStringLiteral("livelock")));
        QTemporaryDir dir;
        QVERIFY(chart.save(dir.filePath(QStringLiteral("explore.png"))));
        if (qEnvironmentVariableIsSet("MSB_CHART_SHOTS"))
            chart.save(qEnvironmentVariable("MSB_CHART_SHOTS") + QStringLiteral("/exploration.png"));
    }

    void panelWiresTheTimeline()
    {
        app::PresetExploration exploration;
        app::ChartsPanel panel(&exploration);
        panel.resize(900, 500);
        core::Simulator sim = livelockRun();
        panel.setSimulator(sim);
        QSignalSpy requested(&panel, &app::ChartsPanel::positionRequested);
        Q_EMIT panel.timeline()->positionRequested(3);
        QCOMPARE(requested.count(), 1);
        panel.setPosition(7);
        QCOMPARE(panel.timeline()->position(), 7);
        QCOMPARE(panel.tabs()->count(), 3);
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
