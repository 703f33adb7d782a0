// SPDX-License-Identifier: MIT
#include "app/gui/command_line.h"

#include "app/gui/classroom_dialog.h"
#include "core/lesson.h"
#include "core/settings.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QRegularExpression>

#include <climits>

namespace msb::app {

namespace {

QString builtinLessonList()
{
    QStringList names;
    for (const auto& name : core::builtinLessonNames())
        names << QString::fromStdString(name);
    return names.join(QStringLiteral(", "));
}

QCommandLineOption option(const QString& name, const QString& help, const QString& value = {})
{
    return QCommandLineOption(name, help, value);
}

/// Every option of the program, in the order --help lists them.
struct Options
{
    QCommandLineOption help {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help and exit.")};
    QCommandLineOption version {
        {QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version and exit.")};
    // The window.
    QCommandLineOption preset = option(QStringLiteral("preset"),
        QStringLiteral("Settings preset (v5.11, v5.11-patched, ...; default: the file's own)."), QStringLiteral("P"));
    // --param is the app's older name for the same option (kept as an alias).
    QCommandLineOption set {{QStringLiteral("set"), QStringLiteral("param")},
        QStringLiteral("A knob, or for n-faults threads=N / pages=P, as key=value (repeatable; as the CLI's --set)."),
        QStringLiteral("key=value")};
    QCommandLineOption schedule = option(QStringLiteral("schedule"),
        QStringLiteral("Replay this schedule: 1-based thread numbers or names, comma-separated."),
        QStringLiteral("T1,T2,..."));
    QCommandLineOption position = option(QStringLiteral("position"),
        QStringLiteral("After replaying, move to this step (0 = initial state)."), QStringLiteral("N"));
    QCommandLineOption theme = option(QStringLiteral("theme"),
        QStringLiteral("light, dark or high-contrast (default: follow the system)."), QStringLiteral("THEME"));
    QCommandLineOption lang = option(QStringLiteral("lang"),
        QStringLiteral("User interface language, e.g. de or en (default: the system locale, from LANGUAGE, "
                       "LC_ALL, LC_MESSAGES or LANG)."),
        QStringLiteral("CODE"));
    QCommandLineOption zoom = option(
        QStringLiteral("zoom"), QStringLiteral("Presenter zoom factor, 0.5 to 3 (default 1)."), QStringLiteral("F"));
    QCommandLineOption size =
        option(QStringLiteral("size"), QStringLiteral("Window size, e.g. 1280x800."), QStringLiteral("WxH"));
    QCommandLineOption tab = option(QStringLiteral("tab"),
        QStringLiteral("Raise this tab under the scene: code, history, explore or charts."), QStringLiteral("TAB"));
    QCommandLineOption explore =
        option(QStringLiteral("explore"), QStringLiteral("Explore every interleaving right after start."));
    QCommandLineOption find = option(QStringLiteral("find"),
        QStringLiteral("Find the nearest state where EXPR holds (as explore --find) and load it."),
        QStringLiteral("EXPR"));
    QCommandLineOption compare = option(QStringLiteral("compare"),
        QStringLiteral("Open \"Compare two kernels\" on the scenario with presets A and B and compare them (with "
                       "--screenshot: the dialog is the picture)."),
        QStringLiteral("A,B"));
    QCommandLineOption watch = option(QStringLiteral("watch"),
        QStringLiteral("Watch an expression in the History tab, e.g. 'page_count(D0)' (repeatable; "
                       "docs/expressions.md)."),
        QStringLiteral("EXPR"));
    // Session.
    QCommandLineOption restoreSession = option(QStringLiteral("restore-session"),
        QStringLiteral("Restore the session a crashed or killed run left behind, without asking."));
    QCommandLineOption discardSession = option(QStringLiteral("discard-session"),
        QStringLiteral("Discard the session a crashed or killed run left behind, without asking."));
    // Classroom.
    QCommandLineOption lesson = option(QStringLiteral("lesson"),
        QStringLiteral("Open a lesson: a built-in name (%1) or a lesson file.").arg(builtinLessonList()),
        QStringLiteral("NAME|FILE"));
    QCommandLineOption presenter =
        option(QStringLiteral("presenter"), QStringLiteral("Presenter mode for the lesson (needs --lesson)."));
    QCommandLineOption host = option(QStringLiteral("host"),
        QStringLiteral("Host a class on PORT (0: any free port), on loopback unless ADDRESS is given "
                       "(e.g. 0.0.0.0:7331); prints \"hosting on ADDRESS:PORT code CODE\"."),
        QStringLiteral("[ADDRESS:]PORT"));
    QCommandLineOption follow = option(QStringLiteral("follow"),
        QStringLiteral("Join the class hosted at HOST:PORT (needs --code)."), QStringLiteral("HOST:PORT"));
    QCommandLineOption code = option(QStringLiteral("code"),
        QStringLiteral("The join code: to join with, or to host with (default: a random one)."),
        QStringLiteral("CODE"));
    // Headless export.
    QCommandLineOption exportRecording = option(QStringLiteral("export"),
        QStringLiteral("Export the recording REC (*.msrec.json) without a window; needs --format and --output."),
        QStringLiteral("REC"));
    QCommandLineOption format = option(QStringLiteral("format"),
        QStringLiteral("Export format: pdf, svg, png, mp4, gif or html (one self-contained page)."),
        QStringLiteral("FORMAT"));
    QCommandLineOption output {{QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Export output: a file (pdf, mp4, gif, html) or a directory (svg, png frames)."),
        QStringLiteral("OUT")};
    QCommandLineOption fps = option(
        QStringLiteral("fps"), QStringLiteral("Export video frame rate, 1 to 120 (default 12)."), QStringLiteral("N"));
    QCommandLineOption narratedOnly = option(QStringLiteral("narrated-only"),
        QStringLiteral("PDF export: one page per narrated step instead of every step."));
    // Measurement and documentation hooks.
    QCommandLineOption screenshot = option(QStringLiteral("screenshot"),
        QStringLiteral("Render the main window after loading into OUT.png and exit."), QStringLiteral("OUT.png"));
    QCommandLineOption firstFrame = option(QStringLiteral("quit-after-first-frame"),
        QStringLiteral("Print milliseconds from start to the first painted frame and exit."));
    QCommandLineOption frameStats = option(QStringLiteral("frame-stats"),
        QStringLiteral("Play N steps with animation, print frame-time percentiles (ms) and exit."),
        QStringLiteral("N"));
    QCommandLineOption hostBench = option(QStringLiteral("host-bench"),
        QStringLiteral("Host (as --host, default loopback) for N browsers' WebSocket clients run by "
                       "migration-sandbox-cli, step the v5.11 livelock round of two-faults, print the "
                       "step-to-browser latency, bytes, CPU and memory, and exit (0: targets met)."),
        QStringLiteral("N"));
    QCommandLineOption benchPace = option(QStringLiteral("bench-pace"),
        QStringLiteral("--host-bench: milliseconds between steps (default 1000)."), QStringLiteral("MS"));
    QCommandLineOption benchCli = option(QStringLiteral("bench-cli"),
        QStringLiteral("--host-bench: the migration-sandbox-cli that runs the browsers (default: next to this "
                       "program, then PATH)."),
        QStringLiteral("PATH"));
    QCommandLineOption benchConnect = option(QStringLiteral("bench-connect"),
        QStringLiteral("--host-bench: the address the browsers connect to (default: the hosted one)."),
        QStringLiteral("ADDRESS"));
    QCommandLineOption benchVia = option(QStringLiteral("bench-followers-via"),
        QStringLiteral("--host-bench: a command prefix for the browsers' process, e.g. \"ip netns exec NS\" "
                       "(tools/netem-bench.sh)."),
        QStringLiteral("CMD"));

    QList<QCommandLineOption> all() const
    {
        return {help, version, preset, set, schedule, position, theme, lang, zoom, size, tab, explore, compare,
            restoreSession, discardSession, lesson, presenter, host, follow, code, exportRecording, format, output, fps,
            narratedOnly, screenshot, firstFrame, frameStats, hostBench, benchPace, benchCli, benchConnect, benchVia,
            watch, find};
    }
};

/// A number in [low, high] or an error naming the option.
bool readInt(const QString& text, int low, int high, int* out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < low || value > high)
        return false;
    *out = value;
    return true;
}

QString readWindowOptions(const QCommandLineParser& parser, const Options& opt, AppOptions& o)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return QStringLiteral("expected at most one FILE, got %1").arg(positional.size());
    if (!positional.isEmpty())
        o.file = positional.front();
    o.preset = parser.value(opt.preset);
    o.assignments = parser.values(opt.set);
    o.watches = parser.values(opt.watch);
    o.screenshot = parser.value(opt.screenshot);
    o.quitAfterFirstFrame = parser.isSet(opt.firstFrame);
    o.explore = parser.isSet(opt.explore);
    o.find = parser.value(opt.find);
    if (parser.isSet(opt.size)) {
        static const QRegularExpression re(QStringLiteral("^(\\d+)x(\\d+)$"));
        const auto m = re.match(parser.value(opt.size));
        if (!m.hasMatch() || m.captured(1).toInt() < 200 || m.captured(2).toInt() < 200)
            return QStringLiteral("--size: expected WxH of at least 200x200, got \"%1\"").arg(parser.value(opt.size));
        o.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    if (parser.isSet(opt.schedule))
        o.schedule = parser.value(opt.schedule);
    if (parser.isSet(opt.position) && !readInt(parser.value(opt.position), 0, INT_MAX, &o.position))
        return QStringLiteral("--position: expected a step number >= 0, got \"%1\"").arg(parser.value(opt.position));
    if (parser.isSet(opt.frameStats) && !readInt(parser.value(opt.frameStats), 1, INT_MAX, &o.frameStatsSteps))
        return QStringLiteral("--frame-stats: expected a number of steps > 0, got \"%1\"")
            .arg(parser.value(opt.frameStats));
    if (parser.isSet(opt.theme)) {
        o.theme = parser.value(opt.theme);
        if (!QStringList {QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("high-contrast")}.contains(
                o.theme))
            return QStringLiteral("--theme: expected light, dark or high-contrast, got \"%1\"").arg(o.theme);
    }
    if (parser.isSet(opt.zoom)) {
        bool ok = false;
        o.zoom = parser.value(opt.zoom).toDouble(&ok);
        if (!ok || o.zoom < 0.5 || o.zoom > 3.0)
            return QStringLiteral("--zoom: expected a factor in [0.5, 3], got \"%1\"").arg(parser.value(opt.zoom));
    }
    if (parser.isSet(opt.tab)) {
        o.tab = parser.value(opt.tab).toLower();
        if (!QStringList {
                QStringLiteral("code"), QStringLiteral("history"), QStringLiteral("explore"), QStringLiteral("charts")}
                 .contains(o.tab))
            return QStringLiteral("--tab: expected code, history, explore or charts, got \"%1\"")
                .arg(parser.value(opt.tab));
    }
    if (parser.isSet(opt.compare)) {
        o.compare = parser.value(opt.compare).split(QLatin1Char(','));
        if (o.compare.size() != 2 || o.compare[0].trimmed().isEmpty() || o.compare[1].trimmed().isEmpty())
            return QStringLiteral("--compare: expected two presets A,B, got \"%1\"").arg(parser.value(opt.compare));
        for (QString& name : o.compare) {
            name = name.trimmed();
            if (!core::findPreset(name.toStdString()))
                return QStringLiteral("--compare: unknown preset \"%1\" (see --preset)").arg(name);
        }
    }
    if (parser.isSet(opt.restoreSession) && parser.isSet(opt.discardSession))
        return QStringLiteral("--restore-session and --discard-session exclude each other");
    if (parser.isSet(opt.restoreSession))
        o.restore = AppOptions::Restore::Restore;
    else if (parser.isSet(opt.discardSession))
        o.restore = AppOptions::Restore::Discard;
    return {};
}

QString readClassroomOptions(const QCommandLineParser& parser, const Options& opt, ClassroomOptions& o)
{
    o.lesson = parser.value(opt.lesson);
    o.presenter = parser.isSet(opt.presenter);
    o.code = parser.value(opt.code);
    if (parser.isSet(opt.host)) {
        const QString host = parser.value(opt.host);
        QString address = o.hostAddress;
        QString port = host;
        if (host.contains(QLatin1Char(':'))) {
            address = splitHostPort(host).first;
            port = host.mid(host.lastIndexOf(QLatin1Char(':')) + 1);
        }
        bool ok = false;
        const uint value = port.toUInt(&ok);
        if (!ok || value > 65535 || address.isEmpty())
            return QStringLiteral("--host: expected [ADDRESS:]PORT, got \"%1\"").arg(host);
        o.hostAddress = address;
        o.hostPort = static_cast<quint16>(value);
    }
    if (parser.isSet(opt.follow)) {
        const QString follow = parser.value(opt.follow);
        const auto [h, p] = splitHostPort(follow);
        if (h.isEmpty() || p == 0)
            return QStringLiteral("--follow: expected HOST:PORT, got \"%1\"").arg(follow);
        o.followHost = h;
        o.followPort = p;
        if (o.code.trimmed().isEmpty())
            return QStringLiteral("--follow needs --code (the join code on the teacher's screen)");
    }
    if (o.hostPort && !o.followHost.isEmpty())
        return QStringLiteral("--host and --follow exclude each other");
    if (parser.isSet(opt.hostBench)) {
        if (!readInt(parser.value(opt.hostBench), 1, 500, &o.bench.followers))
            return QStringLiteral("--host-bench: expected a number of browsers from 1 to 500, got \"%1\"")
                .arg(parser.value(opt.hostBench));
        if (!o.followHost.isEmpty())
            return QStringLiteral("--host-bench and --follow exclude each other");
        if (!o.hostPort)
            o.hostPort = 0;
    }
    if (parser.isSet(opt.benchPace) && !readInt(parser.value(opt.benchPace), 1, 60000, &o.bench.paceMs))
        return QStringLiteral("--bench-pace: expected milliseconds from 1 to 60000, got \"%1\"")
            .arg(parser.value(opt.benchPace));
    o.bench.cli = parser.value(opt.benchCli);
    o.bench.followersVia = parser.value(opt.benchVia);
    o.bench.connectAddress = parser.value(opt.benchConnect);
    if (o.bench.followers == 0
        && (parser.isSet(opt.benchPace) || parser.isSet(opt.benchCli) || parser.isSet(opt.benchVia)
            || parser.isSet(opt.benchConnect)))
        return QStringLiteral("--bench-pace, --bench-cli, --bench-connect and --bench-followers-via need --host-bench");
    if (o.presenter && o.lesson.isEmpty())
        return QStringLiteral("--presenter needs --lesson");
    return {};
}

QString readExportOptions(const QCommandLineParser& parser, const Options& opt, ExportOptions& o)
{
    o.recording = parser.value(opt.exportRecording);
    o.format = parser.value(opt.format);
    o.output = parser.value(opt.output);
    o.narratedOnly = parser.isSet(opt.narratedOnly);
    if (o.format.isEmpty() || o.output.isEmpty())
        return QStringLiteral("--export needs --format pdf|svg|png|mp4|gif|html and --output OUT");
    if (parser.isSet(opt.fps) && !readInt(parser.value(opt.fps), 1, 120, &o.fps))
        return QStringLiteral("--fps: expected a number from 1 to 120, got \"%1\"").arg(parser.value(opt.fps));
    return {};
}

} // namespace

CommandLine parseCommandLine(const QStringList& arguments)
{
    const Options opt;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Step, toggle and explore the device-private page migration race of the Linux kernel: "
                       "a scenario, a recording or a lesson in a window, a class followed live, or a recording "
                       "exported without a window."));
    parser.addOptions(opt.all());
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral(
            "A scenario file, a recording (*.msrec.json) or a built-in scenario name (default: two-faults)."),
        QStringLiteral("[FILE]"));

    CommandLine out;
    const bool parsed = parser.parse(arguments);
    // Help and version win over any other mistake on the line, as in most programs.
    if (parser.isSet(opt.help)) {
        out.mode = CommandLine::Mode::Help;
        const QString program =
            arguments.isEmpty() ? QStringLiteral("migration-sandbox") : QFileInfo(arguments.front()).fileName();
        out.text = parser.helpText().replace(QStringLiteral("<executable_name>"), program);
        return out;
    }
    if (parser.isSet(opt.version)) {
        out.mode = CommandLine::Mode::Version;
        out.text = QStringLiteral("migration-sandbox %1\n").arg(QStringLiteral(MSB_VERSION));
        return out;
    }
    if (!parsed) {
        out.error = parser.errorText();
        return out;
    }
    // Read for every mode: an --export writes its handout in the chosen language too.
    if (parser.isSet(opt.lang)) {
        out.app.language = parser.value(opt.lang);
        static const QRegularExpression code(QStringLiteral("^[A-Za-z]{2,3}([_-][A-Za-z0-9]+)*$"));
        if (!code.match(out.app.language).hasMatch()) {
            out.error = QStringLiteral("--lang: expected a language code such as de or de_DE, got \"%1\"")
                            .arg(out.app.language);
            return out;
        }
    }
    if (parser.isSet(opt.exportRecording)) {
        out.mode = CommandLine::Mode::Export;
        out.error = readExportOptions(parser, opt, out.exportOptions);
        return out;
    }
    out.error = readWindowOptions(parser, opt, out.app);
    if (out.error.isEmpty())
        out.error = readClassroomOptions(parser, opt, out.classroom);
    return out;
}

bool hasSingleDashOption(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (argument == QLatin1String("--"))
            return false; // only file names follow
        if (argument.size() > 1 && argument[0] == QLatin1Char('-') && argument[1] != QLatin1Char('-'))
            return true;
    }
    return false;
}

} // namespace msb::app
