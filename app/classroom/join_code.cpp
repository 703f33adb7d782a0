// SPDX-License-Identifier: MIT
#include "app/classroom/join_code.h"

#include <cctype>
#include <random>

namespace msb::classroom {

std::string randomJoinCode(std::size_t length)
{
    std::random_device device;
    std::uniform_int_distribution<std::size_t> pick(0, kJoinCodeAlphabet.size() - 1);
    std::string code;
    for (std::size_t i = 0; i < length; ++i)
        code += kJoinCodeAlphabet[pick(device)];
    return code;
}

std::string normalizeJoinCode(std::string_view code)
{
    std::string out;
    for (const char c : code)
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

} // namespace msb::classroom
