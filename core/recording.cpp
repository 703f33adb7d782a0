// SPDX-License-Identifier: MIT
#include "core/recording.h"

#include "core/json_fields.h"
#include "core/simulator.h"

#include <algorithm>

namespace msb::core {

Recording recordFromSimulator(const Simulator& simulator, const std::map<int, std::string>& narration)
{
    Recording recording;
    recording.scenario = simulator.scenario();
    recording.settings = simulator.settings();
    recording.preset = std::string(presetNameFor(recording.settings));
    recording.initialHash = simulator.model().hash(simulator.stateAt(0));
    const auto& history = simulator.history();
    for (int i = 0; i < simulator.position(); ++i) {
        RecordedStep step;
        step.thread = history[i].thread;
        step.step = history[i].id;
        step.hash = history[i].hash;
        if (auto it = narration.find(i); it != narration.end())
            step.narration = it->second;
        recording.steps.push_back(std::move(step));
    }
    recording.outcome = std::string(outcomeName(simulator.status()));
    recording.flags = flagNames(simulator.state().flags);
    return recording;
}

Result<Recording> parseRecording(std::string_view text, const std::string& fileName)
{
    using detail::JsonInput;
    return detail::readJsonDocument<Recording>(text, fileName, [](const JsonInput& input) {
        detail::checkFormat(input, kRecordingFormat, kRecordingFormatVersion);
        const auto& root = input.root();
        input.onlyKnownMembers(root, {},
            {"format", "version", "scenario", "preset", "settings", "initial_hash", "steps", "outcome", "flags"});
        Recording recording;
        recording.scenario =
            detail::readScenarioObject(input, *input.member(root, {}, "scenario", true), "scenario", {});

        recording.preset = input.string(*input.member(root, {}, "preset", true), "preset");
        if (recording.preset != "custom" && !findPreset(recording.preset))
            input.fail("preset", "unknown preset \"" + recording.preset + "\"");

        // The settings are authoritative; the preset name is only a label.
        recording.settings = detail::readSettings(input, *input.member(root, {}, "settings", true), "settings");

        recording.initialHash = detail::readHash(input, *input.member(root, {}, "initial_hash", true), "initial_hash");

        const auto& steps = input.array(*input.member(root, {}, "steps", true), "steps");
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const std::string at = JsonInput::index("steps", i);
            const auto& entry = input.object(steps[i], at);
            input.onlyKnownMembers(entry, at, {"thread", "step", "hash", "narration"});
            RecordedStep step;
            const std::string thread = input.string(*input.member(entry, at, "thread", true), at + ".thread");
            step.thread = recording.scenario.threadIndex(thread);
            if (step.thread < 0) {
                std::string known;
                for (const auto& spec : recording.scenario.threads)
                    known += (known.empty() ? "" : ", ") + spec.name;
                input.fail(at + ".thread", "unknown thread \"" + thread + "\" (the scenario's threads: " + known + ")");
            }
            const std::string label = input.string(*input.member(entry, at, "step", true), at + ".step");
            step.step = stepFromLabel(label);
            if (step.step == StepId::Count)
                input.fail(at + ".step", "unknown step \"" + label + "\"");
            step.hash = detail::readHash(input, *input.member(entry, at, "hash", true), at + ".hash");
            if (const auto* narration = input.member(entry, at, "narration", false))
                step.narration = input.string(*narration, at + ".narration");
            recording.steps.push_back(std::move(step));
        }

        recording.outcome = input.string(*input.member(root, {}, "outcome", true), "outcome");
        if (std::none_of(kStateOutcomes.begin(), kStateOutcomes.end(),
                [&](Outcome outcome) { return outcomeName(outcome) == recording.outcome; }))
            input.fail("outcome",
                "unknown outcome \"" + recording.outcome + "\" (known: running, completes, deadlock, sigbus)");
        if (const auto* flags = input.member(root, {}, "flags", false)) {
            input.array(*flags, "flags");
            std::uint8_t bits = 0;
            for (std::size_t i = 0; i < flags->size(); ++i) {
                const std::string at = JsonInput::index("flags", i);
                const std::string flag = input.string((*flags)[i], at);
                if (const auto bit = flagFromName(flag))
                    bits |= *bit;
                else
                    input.fail(at, "unknown flag \"" + flag + "\" (known: " + knownFlagNames() + ")");
            }
            // Canonical order without repeats, so a hand-edited list compares by content.
            recording.flags = flagNames(bits);
        }
        return recording;
    });
}

Result<Recording> loadRecordingFile(const std::string& path)
{
    auto text = readInputFile(path);
    if (!text)
        return text.error();
    return parseRecording(text.value(), path);
}

std::string recordingToJson(const Recording& recording)
{
    using Json = nlohmann::ordered_json;
    Json out;
    out["format"] = kRecordingFormat;
    out["version"] = kRecordingFormatVersion;
    Json scenario = Json::parse(scenarioToJson(recording.scenario));
    scenario.erase("format");
    scenario.erase("version");
    out["scenario"] = std::move(scenario);
    out["preset"] = recording.preset;
    out["settings"] = detail::settingsToJson(recording.settings);
    out["initial_hash"] = detail::hashToHex(recording.initialHash);
    auto steps = Json::array();
    for (const auto& step : recording.steps) {
        Json entry;
        entry["thread"] = recording.scenario.threads.at(static_cast<std::size_t>(step.thread)).name;
        entry["step"] = stepInfo(step.step).id;
        entry["hash"] = detail::hashToHex(step.hash);
        if (!step.narration.empty())
            entry["narration"] = step.narration;
        steps.push_back(std::move(entry));
    }
    out["steps"] = std::move(steps);
    out["outcome"] = recording.outcome;
    out["flags"] = recording.flags;
    return out.dump(2) + "\n";
}

Result<bool> saveRecordingFile(const Recording& recording, const std::string& path)
{
    return writeFileAtomically(path, recordingToJson(recording));
}

ReplayCheck verifyRecording(const Recording& recording)
{
    ReplayCheck check;
    auto valid = validateScenario(recording.scenario);
    if (!valid) {
        check.what = "the recorded scenario is invalid: " + valid.error().toString();
        return check;
    }
    Simulator simulator(recording.scenario, recording.settings);
    const auto hex = detail::hashToHex;
    const std::uint64_t initial = simulator.model().hash(simulator.state());
    if (initial != recording.initialHash) {
        check.what = "initial state hash " + hex(initial) + ", the recording has " + hex(recording.initialHash);
        return check;
    }
    const auto& threads = recording.scenario.threads;
    for (std::size_t i = 0; i < recording.steps.size(); ++i) {
        const RecordedStep& expected = recording.steps[i];
        const int index = static_cast<int>(i);
        if (expected.thread < 0 || expected.thread >= static_cast<int>(threads.size())) {
            check.divergentStep = index;
            check.what = "thread index " + std::to_string(expected.thread) + " does not exist";
            return check;
        }
        const std::string& name = threads[static_cast<std::size_t>(expected.thread)].name;
        auto stepped = simulator.step(expected.thread);
        if (!stepped) {
            check.divergentStep = index;
            check.what = name + " cannot step (" + stepped.error().message + "), the recording has it run "
                + std::string(stepInfo(expected.step).id);
            return check;
        }
        const StepRecord& got = stepped.value();
        if (got.id != expected.step) {
            check.divergentStep = index;
            check.what = name + " ran " + std::string(stepInfo(got.id).id) + ", the recording has "
                + std::string(stepInfo(expected.step).id);
            return check;
        }
        if (got.hash != expected.hash) {
            check.divergentStep = index;
            check.what = "after " + name + " " + std::string(stepInfo(got.id).id) + " the state hash is "
                + hex(got.hash) + ", the recording has " + hex(expected.hash);
            return check;
        }
        check.stepsReplayed = index + 1;
    }
    const std::string outcome(outcomeName(simulator.status()));
    if (outcome != recording.outcome) {
        check.what = "the replay ends \"" + outcome + "\", the recording says \"" + recording.outcome + "\"";
        return check;
    }
    if (flagNames(simulator.state().flags) != recording.flags) {
        std::string got;
        for (const auto& f : flagNames(simulator.state().flags))
            got += (got.empty() ? "" : ", ") + f;
        check.what = "the replay ends with flags [" + got + "], the recording's differ";
        return check;
    }
    check.identical = true;
    return check;
}

} // namespace msb::core
