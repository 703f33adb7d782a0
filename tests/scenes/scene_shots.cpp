// SPDX-License-Identifier: MIT
// scene-shots [OUTDIR]: renders the race scene for two-faults at the interesting positions of the
// documented schedule (and the patched success), light, dark and high contrast, at 1280x800 and 1920x1080,
// through a RaceView, so people can look at what the scene draws. Default OUTDIR /tmp/scenes-shots.
#include "core/simulator.h"
#include "scene_test_support.h"
#include "scenes/race_scene.h"
#include "scenes/scene_export.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPainter>

#include <cmath>
#include <cstdio>
#include <cstring>

using namespace msb;

namespace {

QImage grabView(scenes::RaceView& view, QSize size)
{
    view.resize(size);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    static_cast<QWidget&>(view).render(&image);
    return image;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("/tmp/scenes-shots");
    QDir().mkpath(out);

    struct Shot
    {
        const char* name;
        core::Scenario scenario;
        const char* preset;
        std::vector<int> schedule;
    };
    const std::vector<int> full = scenes::test::documentedSchedule();
    auto prefix = [&](int n) { return std::vector<int>(full.begin(), full.begin() + n); };
    std::vector<Shot> shots {
        {"two-faults-initial", scenes::test::twoFaults(), "v5.11", {}},
        {"two-faults-step10-waiter-ref", scenes::test::twoFaults(), "v5.11", prefix(10)},
        {"two-faults-step11-check-fails", scenes::test::twoFaults(), "v5.11", prefix(11)},
        {"two-faults-step13-t2-asleep", scenes::test::twoFaults(), "v5.11", prefix(13)},
        {"two-faults-patched-migrated", scenes::test::twoFaults(), "v5.11-patched", full},
        {"fault-vs-holder-h2", scenes::test::faultVsHolder(), "v5.11", {1, 0, 0, 0, 0, 0, 0, 1}},
        {"fault-vs-holder-patched-lost-update", scenes::test::faultVsHolder(), "v5.11-patched",
            {1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0}},
        {"two-faults-holder-every-kind", scenes::test::twoFaultsAndHolder(), "v5.11", {2, 0, 0, 0, 0, 0, 1, 1}},
        {"n-faults-8x16-random", core::makeNFaults(8, 16), "v5.11", {}},
    };
    {
        // A busy moment of 8x16: random steps.
        core::Simulator sim(core::makeNFaults(8, 16), scenes::test::preset("v5.11"));
        core::RandomScheduler random(7);
        core::runScheduler(sim, random, 60);
        shots.back().schedule = sim.schedule();
    }

    int failures = 0;
    for (const Shot& shot : shots) {
        core::Simulator sim(shot.scenario, scenes::test::preset(shot.preset));
        if (auto replayed = sim.replay(shot.schedule); !replayed) {
            std::fprintf(stderr, "%s: replay failed\n", shot.name);
            ++failures;
            continue;
        }
        const core::StepRecord* last = sim.position() > 0 ? &sim.history()[sim.position() - 1] : nullptr;
        for (const char* theme : {"light", "dark", "high-contrast"}) {
            const bool dark = std::strcmp(theme, "light") != 0;
            scenes::RaceScene scene;
            scene.setPalette(dark ? scenes::test::darkPalette() : scenes::test::lightPalette());
            scene.setHighContrast(std::strcmp(theme, "high-contrast") == 0);
            scenes::RaceView view(&scene);
            view.resize(1280, 800);
            scene.showState(sim.model(), sim.state(), last, false);
            for (const QSize size : {QSize(1280, 800), QSize(1920, 1080)}) {
                const QString file = QStringLiteral("%1/%2-%3-%4x%5.png")
                                         .arg(out, QString::fromLatin1(shot.name), QString::fromLatin1(theme))
                                         .arg(size.width())
                                         .arg(size.height());
                if (!grabView(view, size).save(file)) {
                    std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
                    ++failures;
                }
                std::printf("%s\n", qPrintable(file));
            }
        }
    }
    {
        // High DPI (device pixel ratio 2): cached items must render at device resolution.
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        (void)sim.replay(prefix(11));
        scenes::RaceScene scene;
        scene.setPalette(scenes::test::lightPalette());
        scenes::RaceView view(&scene);
        view.resize(1280, 800);
        scene.showState(sim.model(), sim.state(), &sim.history().back(), false);
        QImage image(QSize(2560, 1600), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        image.fill(Qt::transparent);
        static_cast<QWidget&>(view).render(&image);
        const QString file = QStringLiteral("%1/two-faults-step11-hidpi-light-1280x800@2x.png").arg(out);
        image.save(file);
        std::printf("%s\n", qPrintable(file));
    }
    {
        // Portrait, as a phone's browser gets it: the frame for a 390x844 viewport, drawn 390 CSS
        // px wide at device pixel ratio 3 (PNG) and as the SVG the browser would scale.
        struct Phone
        {
            const char* name;
            core::Scenario scenario;
            int steps;
        };
        for (const Phone& phone : {Phone {"two-faults-step11", scenes::test::twoFaults(), 11},
                 Phone {"n-faults-8x4", core::makeNFaults(8, 4), 0}}) {
            core::Simulator sim(phone.scenario, scenes::test::preset("v5.11"));
            core::RandomScheduler random(7);
            if (phone.steps > 0)
                (void)sim.replay(prefix(phone.steps));
            else
                core::runScheduler(sim, random, 40);
            for (const char* theme : {"light", "dark"}) {
                scenes::RaceScene scene;
                scene.setPalette(
                    std::strcmp(theme, "dark") == 0 ? scenes::test::darkPalette() : scenes::test::lightPalette());
                scene.setViewportSize(QSizeF(390, 844));
                scene.showState(sim.model(), sim.state(), sim.position() > 0 ? &sim.history().back() : nullptr, false);
                const QRectF rect = scene.sceneRect();
                const QSize size(390 * 3, int(std::lround(390 * 3 * rect.height() / rect.width())));
                const QString base = QStringLiteral("%1/%2-portrait-%3-390w")
                                         .arg(out, QString::fromLatin1(phone.name), QString::fromLatin1(theme));
                if (!scenes::renderToImage(&scene, size).save(base + QStringLiteral("@3x.png"))
                    || !scenes::saveSvg(&scene, base + QStringLiteral(".svg"))) {
                    std::fprintf(stderr, "cannot write %s\n", qPrintable(base));
                    ++failures;
                }
                std::printf("%s@3x.png\n", qPrintable(base));
            }
        }
    }
    // Half way through two transitions: T2 sliding into the wait queue (step 12) and collect's
    // PTE flip with the mapping reference leaving (step 3 -> M3, step 4 -> M4).
    for (const int steps : {4, 12}) {
        core::Simulator sim(scenes::test::twoFaults(), scenes::test::preset("v5.11"));
        (void)sim.replay(prefix(steps - 1));
        scenes::RaceScene scene;
        scene.setPalette(scenes::test::lightPalette());
        scenes::RaceView view(&scene);
        view.resize(1280, 800);
        scene.showState(sim.model(), sim.state(), nullptr, false);
        (void)sim.step(full[static_cast<size_t>(steps - 1)]);
        scene.showState(sim.model(), sim.state(), &sim.history().back(), true);
        if (QParallelAnimationGroup* group = scene.animations()->current()) {
            group->pause();
            group->setCurrentTime(group->totalDuration() / 2);
        }
        const QString file =
            QStringLiteral("%1/two-faults-step%2-mid-animation-light-1280x800.png").arg(out).arg(steps);
        grabView(view, QSize(1280, 800)).save(file);
        std::printf("%s\n", qPrintable(file));
    }
    return failures == 0 ? 0 : 1;
}
