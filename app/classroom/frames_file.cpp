// SPDX-License-Identifier: MIT
#include "app/classroom/frames_file.h"

#include "core/scenario_io.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace msb::classroom {

namespace {

constexpr const char* kFormat = "migration-sandbox-frames";
constexpr int kVersion = 1;

core::Error error(const std::string& path, std::string field, std::string message)
{
    core::Error e;
    e.file = path;
    e.field = std::move(field);
    e.message = std::move(message);
    return e;
}

} // namespace

const std::string& frameForPosition(const FramesFile& file, int position)
{
    const int count = static_cast<int>(file.frames.size());
    const int index = position < count || count < 2 ? std::min(position, count - 1) : (position - 1) % (count - 1) + 1;
    return file.frames[static_cast<std::size_t>(std::max(index, 0))];
}

core::Result<FramesFile> loadFramesFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return error(path, {}, "cannot open the frames file");
    std::ostringstream text;
    text << in.rdbuf();
    const auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (!json.is_object())
        return error(path, {}, "not a JSON object");
    if (json.value("format", "") != kFormat)
        return error(path, "format", std::string("expected \"") + kFormat + "\"");
    if (!json.contains("version") || !json["version"].is_number_integer() || json["version"] != kVersion)
        return error(path, "version", "expected " + std::to_string(kVersion));
    if (!json.contains("frames") || !json["frames"].is_array() || json["frames"].empty())
        return error(path, "frames", "expected a non-empty array of SVG strings");
    FramesFile file;
    file.source = json.value("source", "");
    for (std::size_t i = 0; i < json["frames"].size(); ++i) {
        const auto& frame = json["frames"][i];
        if (!frame.is_string() || frame.get_ref<const std::string&>().empty())
            return error(path, "frames[" + std::to_string(i) + "]", "expected a non-empty string");
        file.frames.push_back(frame.get<std::string>());
    }
    return file;
}

core::Result<bool> saveFramesFile(const std::string& path, const FramesFile& file)
{
    nlohmann::ordered_json json;
    json["format"] = kFormat;
    json["version"] = kVersion;
    json["source"] = file.source;
    json["frames"] = file.frames;
    return core::writeFileAtomically(path, json.dump(1) + "\n");
}

} // namespace msb::classroom
