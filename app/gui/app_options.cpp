// SPDX-License-Identifier: MIT
#include "app/gui/app_options.h"

#include "app/gui/gui_error.h"
#include "app/gui/kernel_diff_dialog.h"
#include "app/gui/main_window.h"
#include "app/gui/panel_tabs.h"
#include "app/gui/simulation_controller.h"
#include "app/gui/watch_bar.h"
#include "core/builtin_scenarios.h"
#include "core/set_assignments.h"

#include <QTabWidget>

namespace msb::app {

core::Result<void> applyAppOptions(MainWindow& window, const AppOptions& options)
{
    SimulationController* controller = window.controller();
    QString error;
    QObject guard;
    QObject::connect(controller, &SimulationController::loadFailed, &guard, [&error](const QString& m) { error = m; });

    std::vector<std::string> sets;
    for (const QString& assignment : options.assignments)
        sets.push_back(assignment.toStdString());
    const auto split = core::splitSetAssignments(sets);
    if (!split)
        return split.error();
    const core::ScenarioParameters& parameters = split.value().parameters;
    const QString file = options.file.isEmpty() ? QStringLiteral("two-faults") : options.file;
    if (core::isBuiltinScenario(file.toStdString()))
        controller->loadBuiltin(file, parameters);
    else
        controller->openFile(file, parameters);
    if (!error.isEmpty())
        return guiError(error);

    core::Settings settings = controller->settings();
    if (!options.preset.isEmpty()) {
        const core::Preset* preset = core::findPreset(options.preset.toStdString());
        if (!preset) {
            QStringList names;
            for (const auto& p : core::presets())
                names << QString::fromUtf8(p.name.data(), qsizetype(p.name.size()));
            return guiError(QStringLiteral("--preset: unknown preset \"%1\" (known: %2)")
                                .arg(options.preset, names.join(QStringLiteral(", "))));
        }
        settings = preset->settings;
    }
    const auto knobbed = core::applyKnobs(settings, split.value().knobs);
    if (!knobbed)
        return knobbed.error();
    settings = knobbed.value();
    controller->setSettings(settings);

    if (options.schedule) {
        const auto parsed = core::parseSchedule(options.schedule->toStdString(), controller->scenario());
        if (!parsed)
            return parsed.error();
        const std::vector<int>& threads = parsed.value();
        if (!controller->replay(threads))
            return guiError(QStringLiteral("--schedule: %1").arg(error));
    }
    if (options.position >= 0) {
        if (options.position > controller->historySize())
            return guiError(QStringLiteral("--position: %1 is past the last step (%2)")
                                .arg(options.position)
                                .arg(controller->historySize()));
        controller->jumpTo(options.position);
    }
    if (const auto theme = themeFromName(options.theme))
        window.setTheme(*theme);
    if (options.zoom != 1.0)
        window.setZoom(options.zoom);
    if (!options.tab.isEmpty()) {
        // Raising a tab needs the panels: build them now rather than after the first paint.
        QTabWidget* tabs = window.panelTabs();
        window.buildPanels();
        // By position, not by the tab's text: that is translated. PanelTabs adds them in this order.
        const QStringList names {
            QStringLiteral("code"), QStringLiteral("history"), QStringLiteral("explore"), QStringLiteral("charts")};
        const int index = int(names.indexOf(options.tab.toLower()));
        if (index >= 0 && index < tabs->count())
            tabs->setCurrentIndex(index);
    }
    if (options.compare.size() == 2) {
        KernelDiffDialog* dialog = window.kernelDiffDialog();
        dialog->setSides(options.compare[0], {}, options.compare[1], {});
        window.compareKernels();
        dialog->run();
    }
    if (!options.watches.isEmpty()) {
        window.buildPanels();
        WatchBar* watches = static_cast<PanelTabs*>(window.panelTabs())->watchBar();
        for (const QString& text : options.watches) {
            if (!watches->addWatch(text))
                return guiError(QStringLiteral("--watch '%1': %2").arg(text, watches->lastError()));
        }
    }
    return {};
}

} // namespace msb::app
