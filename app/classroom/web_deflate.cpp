// SPDX-License-Identifier: MIT
#include "app/classroom/web_deflate.h"

#include <algorithm>

namespace msb::classroom {

std::size_t deflateBytesPerConnection(const WebDeflateOptions& options)
{
    if (!options.enabled)
        return 0;
    // The values WebConnection hands to Beast (clamped as there).
    return (std::size_t {4} << std::clamp(options.windowBits, 9, 15))
        + (std::size_t {1} << (std::clamp(options.memLevel, 1, 9) + 9));
}

int clientWindowBitsFor(std::string_view extensionsOffer)
{
    // A parameter name only ever appears as a token of the offer; Beast parses the offer itself.
    return extensionsOffer.find("client_max_window_bits") != std::string_view::npos ? 9 : 15;
}

std::size_t inflateBytesPerConnection(int clientWindowBits)
{
    return std::size_t {1} << clientWindowBits;
}

} // namespace msb::classroom
