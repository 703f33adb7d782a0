// SPDX-License-Identifier: MIT
// Prints frame deltas made by the host's code (app/classroom/frame_delta.h) for the livelock
// lesson's real frames and some edge cases, as {"cases": [{base, target, delta}]}, for
// frame_delta_check.js to apply with the page's frame_delta.js: one format, two implementations.
// Also {"stale": [{message, first}]}: which frames each kind of message makes stale by the host's
// rule (stale_frames.h), for the page's firstStaleFrame to agree with.
#include "app/classroom/frame_delta.h"
#include "app/classroom/frames_file.h"
#include "app/classroom/stale_frames.h"
#include "core/builtin_scenarios.h"
#include "core/settings.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: frame_delta_vectors FRAMES.json\n";
        return 2;
    }
    const auto file = msb::classroom::loadFramesFile(argv[1]);
    if (!file) {
        std::cerr << "error: " << file.error().toString() << '\n';
        return 2;
    }
    std::vector<std::pair<std::string, std::string>> pairs = {{"", "<svg/>"}, {"<svg/>", ""}, {"a\nb\nc", "a\nb\nc\n"},
        {"x\r\ny\r\n", "y\r\nx\r\n"}, {"<g>\u00e9\u2028</g>\n", "<text>\u00e9 \u2192</text>\n"}};
    const auto& frames = file.value().frames;
    for (std::size_t i = 0; i + 1 < frames.size(); ++i)
        pairs.emplace_back(frames[i], frames[i + 1]);
    pairs.emplace_back(frames.back(), frames.front());
    pairs.emplace_back(frames[3], frames[3]);
    nlohmann::json out;
    out["cases"] = nlohmann::json::array();
    for (const auto& [base, target] : pairs)
        out["cases"].push_back(
            {{"base", base}, {"target", target}, {"delta", msb::classroom::makeLineDelta(base, target)}});
    const auto scenario = msb::core::loadBuiltinScenario("two-faults");
    if (!scenario.ok()) {
        std::cerr << "error: " << scenario.error().toString() << '\n';
        return 2;
    }
    namespace classroom = msb::classroom;
    const msb::core::Settings settings = msb::core::findPreset("v5.11")->settings;
    classroom::Snapshot snapshot;
    snapshot.hasSession = true;
    snapshot.scenario = scenario.value();
    snapshot.settings = settings;
    const std::vector<classroom::Message> messages = {classroom::msg::Welcome {"s1", snapshot},
        classroom::msg::Session {scenario.value(), settings}, classroom::StepEvent {0, 0, msb::core::StepId::A0, 1},
        classroom::StepEvent {5, 1, msb::core::StepId::A0, 2}, classroom::msg::Jump {3},
        classroom::msg::SettingsChange {settings}, classroom::NarrationEvent {2, "here"},
        classroom::CheckpointEvent {1, "Who holds the lock?", {"T1", "T2"}, 0}, classroom::msg::End {},
        classroom::msg::Ping {}, classroom::msg::SnapshotReply {snapshot}};
    out["stale"] = nlohmann::json::array();
    for (const auto& message : messages) {
        const auto first = classroom::firstStaleFrame(message);
        out["stale"].push_back({{"message", nlohmann::json::parse(classroom::encodeMessage(message))},
            {"first", first ? nlohmann::json(*first) : nlohmann::json(nullptr)}});
    }
    std::cout << out.dump() << '\n';
    return 0;
}
