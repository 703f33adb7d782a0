// SPDX-License-Identifier: MIT
#include "core/result.h"

namespace msb::core {

std::string Error::toString() const
{
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) {
            out += ':' + std::to_string(line);
            if (column > 0)
                out += ':' + std::to_string(column);
        }
        out += ": ";
    } else if (line > 0) {
        out += "line " + std::to_string(line) + ": ";
    }
    if (!field.empty())
        out += field + ": ";
    out += message;
    return out;
}

Error errorMessage(std::string message)
{
    Error error;
    error.message = std::move(message);
    return error;
}

} // namespace msb::core
