// SPDX-License-Identifier: MIT
// Prints frame deltas made by the host's code (app/classroom/frame_delta.h) for the livelock
// lesson's real frames and some edge cases, as {"cases": [{base, target, delta}]}, for
// frame_delta_check.js to apply with the page's frame_delta.js: one format, two implementations.
#include "app/classroom/frame_delta.h"
#include "app/classroom/frames_file.h"

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
    std::cout << out.dump() << '\n';
    return 0;
}
