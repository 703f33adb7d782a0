// SPDX-License-Identifier: MIT
#include "app/gui/app_options.h"
#include "app/gui/classroom_options.h"
#include "app/gui/explore_panel.h"
#include "app/gui/export/export_command.h"
#include "app/gui/first_frame_probe.h"
#include "app/gui/main_window.h"
#include "app/gui/simulation_controller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStyleFactory>
#include <QTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char** argv)
{
    QElapsedTimer started;
    started.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("migration-sandbox"));
    QApplication::setApplicationDisplayName(QStringLiteral("Migration Sandbox"));
    QApplication::setApplicationVersion(QStringLiteral(MSB_VERSION));
    // Fusion draws our light and dark palettes the same way on every platform.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    // --export REC --format F -o OUT: a headless export, no window (issue 5).
    if (QCoreApplication::arguments().contains(QStringLiteral("--export")))
        return msb::app::runExportCommand(QCoreApplication::arguments());

    // --lesson, --host, --follow/--code (classroom_options.h) are taken out first.
    QStringList arguments = QCoreApplication::arguments();
    const auto classroom = msb::app::takeClassroomOptions(arguments);
    if (!classroom.error.isEmpty()) {
        std::fprintf(stderr, "migration-sandbox: %s\n", qPrintable(classroom.error));
        return 2;
    }
    const auto parsed = msb::app::parseAppOptions(arguments);
    if (!parsed.error.isEmpty()) {
        std::fprintf(stderr, "migration-sandbox: %s\n", qPrintable(parsed.error));
        return 2;
    }
    const auto& options = parsed.options;

    msb::app::MainWindow window;
    if (const QString error = msb::app::applyAppOptions(window, options); !error.isEmpty()) {
        std::fprintf(stderr, "migration-sandbox: %s\n", qPrintable(error));
        return 2;
    }
    if (const QString error = msb::app::applyClassroomOptions(window, classroom.options); !error.isEmpty()) {
        std::fprintf(stderr, "migration-sandbox: %s\n", qPrintable(error));
        return 2;
    }
    window.resize(options.size);

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
            const QPixmap pixmap = window.grab();
            if (!pixmap.save(options.screenshot)) {
                std::fprintf(stderr, "migration-sandbox: cannot write %s\n", qPrintable(options.screenshot));
                exitCode = 3;
            }
            QCoreApplication::exit(exitCode);
        };
        // Let layouts settle (and the explorer finish) before grabbing.
        if (options.explore) {
            QObject::connect(window.explorePanel(), &msb::app::ExplorePanel::explorationFinished, &window,
                [shoot] { QTimer::singleShot(50, shoot); });
            QTimer::singleShot(0, &window, [&window] { window.exploreCurrent(); });
        } else {
            QTimer::singleShot(100, &window, shoot);
        }
    } else if (options.explore) {
        QTimer::singleShot(0, &window, [&window] { window.exploreCurrent(); });
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

    window.show();
    const int rc = QApplication::exec();
    return exitCode != 0 ? exitCode : rc;
}
