// SPDX-License-Identifier: MIT
// Frames a host rendered, saved once (`classroom capture-frames` from a running app host) so that
// the Qt-free CLI can replay the app's real SVG frames: `classroom bench --web --frames FILE` and
// the wire tests (test_classroom_wire, web-frame-delta-in-node). One file: {"format":
// "migration-sandbox-frames", "version": 1, "source": "...", "frames": ["<svg ...", ...]},
// frames[i] being position i.
#pragma once

#include "core/result.h"

#include <string>
#include <vector>

namespace msb::classroom {

struct FramesFile
{
    std::string source; // how they were made (the app's command line, the scene size)
    std::vector<std::string> frames;
};

/// The frame of a position when the steps repeat the frames' round (its last position is its
/// first state again, as in the livelock round): positions past the file wrap to 1, 2, ...
const std::string& frameForPosition(const FramesFile& file, int position);

core::Result<FramesFile> loadFramesFile(const std::string& path);
core::Result<bool> saveFramesFile(const std::string& path, const FramesFile& file);

} // namespace msb::classroom
