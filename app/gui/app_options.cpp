// SPDX-License-Identifier: MIT
#include "app/gui/app_options.h"

#include "app/gui/classroom_options.h"
#include "app/gui/main_window.h"
#include "app/gui/simulation_controller.h"
#include "core/builtin_scenarios.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QTabWidget>

namespace msb::app {

ParsedOptions parseAppOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Step, toggle and explore the device-private migration race.\n\n") + classroomOptionsHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral(
            "A scenario file, a recording (*.msrec.json) or a built-in scenario name (default: two-faults)."));
    const QCommandLineOption preset(
        QStringLiteral("preset"), QStringLiteral("Settings preset (v5.11, v5.11-patched, ...)."), QStringLiteral("P"));
    const QCommandLineOption set(
        QStringLiteral("set"), QStringLiteral("One knob, key=value (repeatable)."), QStringLiteral("key=value"));
    const QCommandLineOption param(QStringLiteral("param"),
        QStringLiteral("Generator parameter of a parametric scenario, e.g. threads=8 (repeatable)."),
        QStringLiteral("key=value"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Render the main window after loading into OUT.png and exit."), QStringLiteral("OUT.png"));
    const QCommandLineOption firstFrame(QStringLiteral("quit-after-first-frame"),
        QStringLiteral("Print milliseconds from main() to the first painted frame and exit."));
    const QCommandLineOption size(
        QStringLiteral("size"), QStringLiteral("Window size, e.g. 1280x800."), QStringLiteral("WxH"));
    const QCommandLineOption schedule(QStringLiteral("schedule"),
        QStringLiteral("Replay this schedule: 1-based thread numbers or names, comma-separated."),
        QStringLiteral("T1,T2,..."));
    const QCommandLineOption position(QStringLiteral("position"),
        QStringLiteral("After replaying, move to this step (0 = initial state)."), QStringLiteral("N"));
    const QCommandLineOption explore(
        QStringLiteral("explore"), QStringLiteral("Run the exploration before the screenshot."));
    const QCommandLineOption frameStats(QStringLiteral("frame-stats"),
        QStringLiteral("Play N steps with animation, print frame-time percentiles (ms) and exit."),
        QStringLiteral("N"));
    const QCommandLineOption theme(QStringLiteral("theme"),
        QStringLiteral("light or dark (default: follow the system)."), QStringLiteral("THEME"));
    const QCommandLineOption zoom(
        QStringLiteral("zoom"), QStringLiteral("Presenter zoom factor (default 1)."), QStringLiteral("F"));
    const QCommandLineOption tab(QStringLiteral("tab"),
        QStringLiteral("Raise this tab under the scene: code, history, explore or charts."), QStringLiteral("TAB"));
    parser.addOptions(
        {preset, set, param, screenshot, firstFrame, size, schedule, position, explore, frameStats, theme, zoom, tab});

    ParsedOptions out;
    if (!parser.parse(arguments)) {
        out.error = parser.errorText();
        return out;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    AppOptions& o = out.options;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        out.error = QStringLiteral("expected at most one FILE, got %1").arg(positional.size());
        return out;
    }
    if (!positional.isEmpty())
        o.file = positional.front();
    o.preset = parser.value(preset);
    o.assignments = parser.values(set);
    o.parameters = parser.values(param);
    o.screenshot = parser.value(screenshot);
    o.quitAfterFirstFrame = parser.isSet(firstFrame);
    o.explore = parser.isSet(explore);
    if (parser.isSet(size)) {
        static const QRegularExpression re(QStringLiteral("^(\\d+)x(\\d+)$"));
        const auto m = re.match(parser.value(size));
        if (!m.hasMatch() || m.captured(1).toInt() < 200 || m.captured(2).toInt() < 200) {
            out.error = QStringLiteral("--size: expected WxH of at least 200x200, got \"%1\"").arg(parser.value(size));
            return out;
        }
        o.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    if (parser.isSet(schedule))
        o.schedule = parser.value(schedule);
    if (parser.isSet(position)) {
        bool ok = false;
        o.position = parser.value(position).toInt(&ok);
        if (!ok || o.position < 0) {
            out.error =
                QStringLiteral("--position: expected a step number >= 0, got \"%1\"").arg(parser.value(position));
            return out;
        }
    }
    if (parser.isSet(frameStats)) {
        bool ok = false;
        o.frameStatsSteps = parser.value(frameStats).toInt(&ok);
        if (!ok || o.frameStatsSteps <= 0) {
            out.error = QStringLiteral("--frame-stats: expected a number of steps > 0, got \"%1\"")
                            .arg(parser.value(frameStats));
            return out;
        }
    }
    if (parser.isSet(theme)) {
        o.theme = parser.value(theme);
        if (o.theme != QStringLiteral("light") && o.theme != QStringLiteral("dark")) {
            out.error = QStringLiteral("--theme: expected light or dark, got \"%1\"").arg(o.theme);
            return out;
        }
    }
    if (parser.isSet(zoom)) {
        bool ok = false;
        o.zoom = parser.value(zoom).toDouble(&ok);
        if (!ok || o.zoom < 0.5 || o.zoom > 3.0) {
            out.error = QStringLiteral("--zoom: expected a factor in [0.5, 3], got \"%1\"").arg(parser.value(zoom));
            return out;
        }
    }
    if (parser.isSet(tab)) {
        o.tab = parser.value(tab).toLower();
        if (!QStringList {
                QStringLiteral("code"), QStringLiteral("history"), QStringLiteral("explore"), QStringLiteral("charts")}
                 .contains(o.tab)) {
            out.error =
                QStringLiteral("--tab: expected code, history, explore or charts, got \"%1\"").arg(parser.value(tab));
            return out;
        }
    }
    return out;
}

QString applyAppOptions(MainWindow& window, const AppOptions& options)
{
    SimulationController* controller = window.controller();
    QString error;
    QObject guard;
    QObject::connect(controller, &SimulationController::loadFailed, &guard, [&error](const QString& m) { error = m; });

    core::ScenarioParameters parameters;
    for (const QString& item : options.parameters) {
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        bool ok = false;
        const int value = eq > 0 ? item.mid(eq + 1).toInt(&ok) : 0;
        if (!ok)
            return QStringLiteral("--param: expected key=number, got \"%1\"").arg(item);
        parameters[item.left(eq).toStdString()] = value;
    }
    const QString file = options.file.isEmpty() ? QStringLiteral("two-faults") : options.file;
    if (core::isBuiltinScenario(file.toStdString()))
        window.loadBuiltin(file, parameters);
    else
        window.openFile(file, parameters);
    if (!error.isEmpty())
        return error;

    core::Settings settings = controller->settings();
    if (!options.preset.isEmpty()) {
        const core::Preset* preset = core::findPreset(options.preset.toStdString());
        if (!preset) {
            QStringList names;
            for (const auto& p : core::presets())
                names << QString::fromUtf8(p.name.data(), qsizetype(p.name.size()));
            return QStringLiteral("--preset: unknown preset \"%1\" (known: %2)")
                .arg(options.preset, names.join(QStringLiteral(", ")));
        }
        settings = preset->settings;
    }
    for (const QString& assignment : options.assignments) {
        auto next = core::withAssignment(settings, assignment.toStdString());
        if (!next)
            return QStringLiteral("--set: %1").arg(QString::fromStdString(next.error().toString()));
        settings = next.value();
    }
    controller->setSettings(settings);

    if (options.schedule) {
        std::vector<int> threads;
        const QStringList items = options.schedule->split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (int i = 0; i < items.size(); ++i) {
            const QString item = items[i].trimmed();
            bool isNumber = false;
            int thread = item.toInt(&isNumber) - 1;
            if (!isNumber)
                thread = controller->scenario().threadIndex(item.toStdString());
            if (thread < 0 || thread >= controller->threadCount())
                return QStringLiteral("--schedule[%1]: no thread \"%2\" in %3")
                    .arg(i)
                    .arg(item, QString::fromStdString(controller->scenario().name));
            threads.push_back(thread);
        }
        if (!controller->replay(threads))
            return QStringLiteral("--schedule: %1").arg(error);
    }
    if (options.position >= 0) {
        if (options.position > controller->historySize())
            return QStringLiteral("--position: %1 is past the last step (%2)")
                .arg(options.position)
                .arg(controller->historySize());
        controller->jumpTo(options.position);
    }
    if (options.theme == QStringLiteral("dark"))
        window.setTheme(Theme::Dark);
    else if (options.theme == QStringLiteral("light"))
        window.setTheme(Theme::Light);
    if (options.zoom != 1.0)
        window.setZoom(options.zoom);
    if (!options.tab.isEmpty()) {
        // Raising a tab needs the panels: build them now rather than after the first paint.
        QTabWidget* tabs = window.panelTabs();
        window.buildPanels();
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i).compare(options.tab, Qt::CaseInsensitive) == 0)
                tabs->setCurrentIndex(i);
        }
    }
    return {};
}

} // namespace msb::app
