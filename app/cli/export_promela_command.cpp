// SPDX-License-Identifier: MIT
// `export-promela`: the Promela model of one configuration, for SPIN on this or a bigger machine
// (core/promela_export.h; the model's header lists the spin, gcc and pan commands).
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "core/promela_export.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

namespace msb::cli {

namespace {

struct ExportPromelaOptions
{
    ScenarioOptions scenario;
    std::string output;
};

int runExportPromela(const ExportPromelaOptions& options)
{
    auto resolved = resolveScenario(options.scenario);
    if (!resolved)
        return reportBadInput(resolved.error());
    auto text = core::exportPromela(resolved.value().scenario, resolved.value().settings, resolved.value().presetName);
    if (!text)
        return reportBadInput(text.error());
    if (options.output.empty() || options.output == "-") {
        std::cout << text.value();
        return ExitOk;
    }
    std::ofstream out(options.output);
    out << text.value();
    if (!out.flush()) {
        return reportBadInput(core::Error {options.output, 0, 0, {}, "cannot write the Promela model"});
    }
    return ExitOk;
}

} // namespace

void addExportPromelaCommand(CLI::App& app, int& exitCode)
{
    auto options = std::make_shared<ExportPromelaOptions>();
    CLI::App* command = app.add_subcommand("export-promela",
        "Write the Promela model of a configuration for the SPIN model checker (commands in its header)");
    addScenarioOptions(*command, options->scenario);
    command->add_option("-o,--output", options->output, "the .pml file to write (default: standard output)");
    command->callback([options, &exitCode] { exitCode = runExportPromela(*options); });
}

} // namespace msb::cli
