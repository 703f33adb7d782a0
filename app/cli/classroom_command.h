// SPDX-License-Identifier: MIT
// `classroom host|follow|bench`: the live follow-along protocol without a display (msb_classroom).
#pragma once

namespace CLI {
class App;
}

namespace msb::cli {

void addClassroomCommand(CLI::App& app, int& exitCode);

} // namespace msb::cli
