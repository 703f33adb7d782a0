// SPDX-License-Identifier: MIT
#include "app/web/embedded_files.h"

namespace msb::web {

const EmbeddedFile* findEmbeddedFile(std::string_view name)
{
    for (const EmbeddedFile& file : embeddedFiles()) {
        if (file.name == name)
            return &file;
    }
    return nullptr;
}

std::string_view contentTypeFor(std::string_view name)
{
    if (name.ends_with(".html"))
        return "text/html; charset=utf-8";
    if (name.ends_with(".css"))
        return "text/css; charset=utf-8";
    if (name.ends_with(".js"))
        return "text/javascript; charset=utf-8";
    return "application/octet-stream";
}

} // namespace msb::web
