// SPDX-License-Identifier: MIT
#include "app/gui/kernel_diff_side.h"

#include "app/gui/translate.h"
#include "scenes/item_data.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace msb::app {

namespace {

using scenes::qs;

/// "v6.15" -> {6, 15}; a proposal ("v5.11 + ...") counts as its base release; nullopt: no version.
std::optional<std::vector<int>> releaseVersion(std::string_view release)
{
    static const QRegularExpression re(QStringLiteral("^v(\\d+(?:\\.\\d+)*)"));
    const auto match = re.match(qs(release));
    if (!match.hasMatch())
        return std::nullopt;
    std::vector<int> version;
    for (const QString& part : match.captured(1).split(QLatin1Char('.')))
        version.push_back(part.toInt());
    return version;
}

/// A preset that stands for a released kernel as shipped ("v6.15", not "v5.11 + proposal").
bool isRelease(const core::Preset& preset)
{
    return preset.name == preset.release;
}

} // namespace

DiffSideResult resolveDiffSide(const QString& preset, const QString& knobs, const QString& sideName)
{
    const core::Preset* found = core::findPreset(preset.toStdString());
    if (!found)
        return {std::nullopt, tr("side %1: unknown preset \"%2\"").arg(sideName, preset)};
    DiffSide side {found->settings, preset};
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    const QStringList assignments = knobs.split(separators, Qt::SkipEmptyParts);
    for (const QString& assignment : assignments) {
        const QString key = assignment.section(QLatin1Char('='), 0, 0);
        if (key == QLatin1String("threads") || key == QLatin1String("pages"))
            return {std::nullopt,
                tr("side %1, %2: both sides run the window's scenario; change it in Scenario > Edit")
                    .arg(sideName, key)};
        auto applied = core::withAssignment(side.settings, assignment.toStdString());
        if (!applied) {
            const core::Error& error = applied.error();
            const QString where = error.field.empty() ? assignment : QString::fromStdString(error.field);
            return {
                std::nullopt, tr("side %1, knob %2: %3").arg(sideName, where, QString::fromStdString(error.message))};
        }
        side.settings = applied.value();
        side.label += (side.label == preset ? QStringLiteral(" + ") : QStringLiteral(" ")) + assignment;
    }
    return {side, {}};
}

std::pair<QString, QString> defaultDiffPresets(const core::Settings& settings)
{
    std::vector<const core::Preset*> releases;
    for (const core::Preset& preset : core::presets()) {
        if (isRelease(preset) && releaseVersion(preset.release))
            releases.push_back(&preset);
    }
    std::stable_sort(releases.begin(), releases.end(), [](const core::Preset* a, const core::Preset* b) {
        return *releaseVersion(a->release) < *releaseVersion(b->release);
    });
    const core::Preset* current = core::findPreset(core::presetNameFor(settings));
    if (!current)
        current = &core::presets().front();
    const auto version = releaseVersion(current->release).value_or(std::vector<int> {});
    for (const core::Preset* release : releases) {
        if (*releaseVersion(release->release) > version)
            return {qs(current->name), qs(release->name)};
    }
    // Nothing newer: the newest kernel, compared with the one before it (or with the newest).
    if (current == releases.back() && releases.size() >= 2)
        return {qs(releases[releases.size() - 2]->name), qs(current->name)};
    return {qs(current->name), qs(releases.back()->name)};
}

} // namespace msb::app
