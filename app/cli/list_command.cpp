// SPDX-License-Identifier: MIT
// `list`: the built-in scenarios, the presets with the release each stands for, their knob values and
// the commit behind each value, and the knobs with what each value means and which kernels behave that way.
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "core/builtin_scenarios.h"
#include "core/settings.h"

#include <CLI/CLI.hpp>

#include <iomanip>
#include <iostream>

namespace msb::cli {

namespace {

int runList()
{
    std::cout << "Scenarios (built in; a scenario file path works wherever a name does):\n";
    for (const auto& name : core::builtinScenarioNames()) {
        auto scenario = core::loadBuiltinScenario(name);
        if (!scenario) // a broken asset is our bug, not the user's input
            throw std::runtime_error("built-in scenario " + name + ": " + scenario.error().toString());
        std::cout << "  " << std::left << std::setw(18) << name << scenario.value().title << '\n';
    }
    std::cout << "  (n-faults takes --set threads=N --set pages=P)\n";

    std::cout << "\nPresets (--preset NAME; default " << core::presets().front().name
              << "), each a kernel release and the commits behind its knob values:\n";
    for (const auto& preset : core::presets()) {
        std::cout << "  " << std::left << std::setw(16) << preset.name << preset.summary << '\n';
        std::cout << "    release: " << preset.release << " - " << preset.changed << "\n    knobs:  ";
        for (const auto& knob : core::knobs())
            std::cout << ' ' << knob.key << '=' << core::knobValue(preset.settings, knob.key);
        std::cout << "\n    sources:\n";
        for (const auto& knob : core::knobs()) {
            const core::KnobValue& value = core::knobValueInfo(preset.settings, knob.key);
            std::cout << "      " << std::left << std::setw(36)
                      << (std::string(knob.key) + '=' + std::string(value.name)) << value.source << '\n';
        }
    }

    std::cout << "\nKnobs (--set KEY=VALUE, applied after the preset):\n";
    for (const auto& knob : core::knobs()) {
        std::cout << "  " << knob.key << ": " << knob.title << "\n    " << knob.explanation << '\n';
        for (const auto& value : knob.values)
            // The blank keeps a name longer than the column apart from its explanation.
            std::cout << "      " << std::left << std::setw(22) << (std::string(value.name) + ' ') << value.explanation
                      << " [" << value.kernels << "; " << value.source << "]\n";
    }
    return ExitOk;
}

} // namespace

void addListCommand(CLI::App& app, int& exitCode)
{
    auto* command = app.add_subcommand("list", "List the built-in scenarios, the presets and the knobs");
    command->callback([&exitCode] { exitCode = runList(); });
}

} // namespace msb::cli
