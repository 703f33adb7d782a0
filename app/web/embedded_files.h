// SPDX-License-Identifier: MIT
// The browser viewer's files (assets/web/), compiled into the binary: the only files the HTML
// export inlines and the only ones a web server of ours may send (no path reaches the disk).
#pragma once

#include <span>
#include <string_view>

namespace msb::web {

struct EmbeddedFile
{
    std::string_view name; // "viewer.html", "viewer.css", "viewer.js"
    std::string_view bytes;
};

std::span<const EmbeddedFile> embeddedFiles();

/// The file called exactly name, or nullptr: names are compared, never resolved as paths.
const EmbeddedFile* findEmbeddedFile(std::string_view name);

/// The Content-Type for an embedded file's name (by its extension).
std::string_view contentTypeFor(std::string_view name);

} // namespace msb::web
