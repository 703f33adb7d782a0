// SPDX-License-Identifier: MIT
#include "app/gui/app_translator.h"
#include "app/gui/command_line.h"
#include "app/gui/explore_panel.h"
#include "app/gui/export/export_command.h"
#include "app/gui/find_state_box.h"
#include "app/gui/first_frame_probe.h"
#include "app/gui/guarded_application.h"
#include "app/gui/gui_error.h"
#include "app/gui/host_bench.h"
#include "app/gui/kernel_diff_dialog.h"
#include "app/gui/main_window.h"
#include "app/gui/panel_tabs.h"
#include "app/gui/run_prospects.h"
#include "app/gui/session_autosave.h"
#include "app/gui/simulation_controller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QStyleFactory>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

bool isHeadless()
{
    return QGuiApplication::platformName() == QStringLiteral("offscreen")
        || QGuiApplication::platformName() == QStringLiteral("minimal");
}

/// Takes the session lock and deals with a session a crashed or killed run left behind: restored,
/// discarded, or (asked, with nobody to ask) left for the next start. False: this run must not
/// autosave (another instance owns the session, or the leftover is being kept).
bool setUpSession(msb::app::MainWindow& window, msb::app::SessionAutosave& autosave,
    msb::app::AppOptions::Restore choice, bool canAsk)
{
    using Restore = msb::app::AppOptions::Restore;
    if (!autosave.lock()) {
        std::fprintf(stderr,
            "migration-sandbox: another instance keeps the session in %s; this one is not "
            "autosaved\n",
            qPrintable(msb::app::SessionAutosave::defaultDirectory()));
        return false;
    }
    if (!autosave.hasLeftover())
        return true;
    if (choice == Restore::Ask) {
        if (!canAsk)
            return false;
        const auto answer =
            QMessageBox::question(nullptr, QCoreApplication::translate("main", "Restore the last session?"),
                QCoreApplication::translate(
                    "main", "Migration Sandbox did not close normally last time. Restore that session?\n\n%1")
                    .arg(autosave.leftoverSummary()),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        choice = answer == QMessageBox::Yes ? Restore::Restore : Restore::Discard;
    }
    if (choice == Restore::Discard) {
        autosave.discard();
        return true;
    }
    if (const auto restored = autosave.restore(); !restored)
        std::fprintf(stderr, "migration-sandbox: could not restore the session: %s\n",
            qPrintable(msb::app::errorText(restored.error())));
    else
        std::fprintf(
            stderr, "migration-sandbox: restored the session: %s\n", qPrintable(msb::app::sessionSummary(window)));
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer started;
    started.start();
    // --help, --version and a mistake on the line answer before QApplication opens the display (a
    // terminal, a man-page generator and a package build have none).
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);
    if (const auto early = msb::app::parseCommandLine(rawArguments);
        early.mode == msb::app::CommandLine::Mode::Help || early.mode == msb::app::CommandLine::Mode::Version) {
        std::fputs(qPrintable(early.text), stdout);
        return 0;
    } else if (!early.error.isEmpty() && !msb::app::hasSingleDashOption(rawArguments)) {
        std::fprintf(stderr, "migration-sandbox: %s\n", qPrintable(early.error));
        return 2;
    }

    msb::app::GuardedApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("migration-sandbox"));
    QApplication::setApplicationDisplayName(QStringLiteral("Migration Sandbox"));
    QApplication::setApplicationVersion(QStringLiteral(MSB_VERSION));
    // Fusion draws our light and dark palettes the same way on every platform.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    // Read again without Qt's own options (-platform, -style), which QApplication took out.
    const auto commandLine = msb::app::parseCommandLine(QCoreApplication::arguments());
    if (!commandLine.error.isEmpty()) {
        std::fprintf(stderr, "migration-sandbox: %s\n", qPrintable(commandLine.error));
        return 2;
    }
    msb::app::installTranslators(app, msb::app::uiLocale(commandLine.app.language));
    if (commandLine.mode == msb::app::CommandLine::Mode::Export)
        return msb::app::runExportCommand(commandLine.exportOptions);
    const auto& options = commandLine.app;

    msb::app::MainWindow window;
    if (const auto applied = msb::app::applyAppOptions(window, options); !applied) {
        std::fprintf(stderr, "migration-sandbox: %s\n", qPrintable(msb::app::errorText(applied.error())));
        return 2;
    }
    if (const auto applied = msb::app::applyClassroomOptions(window, commandLine.classroom); !applied) {
        std::fprintf(stderr, "migration-sandbox: %s\n", qPrintable(msb::app::errorText(applied.error())));
        return 2;
    }
    window.resize(options.size);
    if (!options.compare.isEmpty() && options.size != msb::app::AppOptions {}.size)
        window.kernelDiffDialog()->resize(options.size); // --compare --screenshot: the dialog is the picture

    // The measurement and documentation hooks never write the user's session.
    const bool measuring = !options.screenshot.isEmpty() || options.frameStatsSteps > 0 || options.quitAfterFirstFrame
        || commandLine.classroom.bench.followers > 0;
    auto* autosave = new msb::app::SessionAutosave(&window, msb::app::SessionAutosave::defaultDirectory());
    if (!setUpSession(window, *autosave, options.restore, !measuring && !isHeadless()))
        autosave->release();
    else if (measuring)
        autosave->finish();
    else
        autosave->start();

    std::unique_ptr<msb::app::FirstFramePrinter> probe;
    if (options.quitAfterFirstFrame) {
        probe = std::make_unique<msb::app::FirstFramePrinter>(&window, started);
        QObject::connect(probe.get(), &msb::app::FirstFramePrinter::firstFramePainted, &app, [](qint64 ms) {
            std::printf("%lld\n", static_cast<long long>(ms));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }

    int exitCode = 0;
    if (!options.screenshot.isEmpty()) {
        window.setReduceMotion(true); // the picture shows the state, not a frame of an animation
        auto shoot = [&window, &options, &exitCode] {
            // A theme with a style sheet (high contrast) re-polishes every widget: let the layout
            // requests that posts run before the picture is taken.
            for (int pass = 0; pass < 3; ++pass)
                QCoreApplication::sendPostedEvents();
            // --compare: the picture is the dialog, the window behind it is not in it.
            const QPixmap pixmap = options.compare.isEmpty() ? window.grab() : window.kernelDiffDialog()->grab();
            if (!pixmap.save(options.screenshot)) {
                std::fprintf(stderr, "migration-sandbox: cannot write %s\n", qPrintable(options.screenshot));
                exitCode = 3;
            }
            QCoreApplication::exit(exitCode);
        };
        // Let layouts settle (and the explorer finish) before grabbing.
        if (!options.compare.isEmpty()) {
            QObject::connect(window.kernelDiffDialog(), &msb::app::KernelDiffDialog::comparisonShown, &window,
                [shoot] { QTimer::singleShot(100, shoot); });
        } else if (options.explore) {
            QObject::connect(window.explorePanel(), &msb::app::ExplorePanel::explorationFinished, &window,
                [shoot] { QTimer::singleShot(50, shoot); });
            QTimer::singleShot(0, &window, [&window] { window.exploreCurrent(); });
        } else if (!options.find.isEmpty()) {
            // The shot waits 50 ms, so it shows the state findState() loads on the same signal.
            QTimer::singleShot(0, &window, [&window, &options, shoot] {
                QObject::connect(window.explorePanel()->findBox(), &msb::app::FindStateBox::searchFinished, &window,
                    [shoot] { QTimer::singleShot(50, shoot); });
                window.findState(options.find);
            });
        } else {
            // The Timeline's turning points come from a background exploration: wait for it
            // (small scenarios take milliseconds), but never more than a few seconds.
            auto* poll = new QTimer(&window);
            poll->setInterval(50);
            QObject::connect(poll, &QTimer::timeout, &window, [&window, poll, shoot, polls = 0]() mutable {
                const auto* prospects = static_cast<msb::app::PanelTabs*>(window.panelTabs())->runProspects();
                if (++polls < 100 && prospects && prospects->status() == msb::app::RunProspects::Status::Computing)
                    return;
                poll->stop();
                shoot();
            });
            QTimer::singleShot(100, poll, qOverload<>(&QTimer::start));
        }
    } else if (options.explore) {
        QTimer::singleShot(0, &window, [&window] { window.exploreCurrent(); });
    } else if (!options.find.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, &options] { window.findState(options.find); });
    }

    std::unique_ptr<msb::app::FrameTimer> frames;
    if (options.frameStatsSteps > 0) {
        // Steps at the animation's own pace, so every step animates to its end before the next.
        frames = std::make_unique<msb::app::FrameTimer>(&window);
        auto* controller = window.controller();
        controller->setStepsPerSecond(3);
        auto remaining = std::make_shared<int>(options.frameStatsSteps);
        auto* stepper = new QTimer(&window);
        stepper->setInterval(333);
        QObject::connect(stepper, &QTimer::timeout, &window, [controller, remaining, stepper, &frames] {
            if (*remaining <= 0 || !controller->stepScheduled()) {
                stepper->stop();
                const auto& ms = frames->frameMilliseconds();
                const auto over = std::count_if(ms.begin(), ms.end(), [](double f) { return f > 16.0; });
                std::printf("frames %zu p50 %.2f p99 %.2f max %.2f ms, %td over 16 ms\n", ms.size(),
                    frames->quantile(0.5), frames->quantile(0.99), frames->quantile(1.0), over);
                std::fflush(stdout);
                QCoreApplication::quit();
                return;
            }
            --*remaining;
        });
        QTimer::singleShot(500, stepper, qOverload<>(&QTimer::start));
    }

    std::unique_ptr<msb::app::HostBench> hostBench;
    if (commandLine.classroom.bench.followers > 0) {
        hostBench = std::make_unique<msb::app::HostBench>(
            window.classroom().bridge, window.controller(), commandLine.classroom.bench);
        QObject::connect(hostBench.get(), &msb::app::HostBench::finished, &app, [&exitCode](int code) {
            exitCode = code;
            QCoreApplication::exit(code);
        });
        QTimer::singleShot(0, hostBench.get(), &msb::app::HostBench::start);
    }

    window.show();
    const int rc = QApplication::exec();
    // A clean exit: the session ends with it (a crash or a kill leaves it for the next start).
    autosave->finish();
    return exitCode != 0 ? exitCode : rc;
}
