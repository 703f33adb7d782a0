# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT

# msb_precompile_headers(<target> <kind>)
# A precompiled header for a target with many translation units that include the same heavy
# headers: Boost.Asio/Beast (~8 s of parsing each), Qt Widgets (~3-8 s), nlohmann/json, CLI11.
# The Qt-free code is built three times by the README's test command (ci, core-tsan, core-asan),
# so parsing once per target instead of once per file is most of what a cold build can save.
# Only the headers every kind of file can take without a change of meaning (system headers) go
# in; a file still includes what it uses. MSB_PRECOMPILED_HEADERS=OFF turns it off (e.g. to check
# that every file includes what it needs).
#
# ccache caches files compiled with a precompiled header only with the sloppiness the top-level
# CMakeLists.txt gives it (pch_defines,time_macros); without it, they are compiled, not cached.
option(MSB_PRECOMPILED_HEADERS "Precompile the heavy third-party headers of the big targets" ON)

function(msb_precompile_headers target kind)
  if(NOT MSB_PRECOMPILED_HEADERS)
    return()
  endif()
  set(std <utility> <algorithm> <map> <memory> <optional> <string> <string_view> <vector>)
  if(kind STREQUAL "core")
    set(headers ${std} <nlohmann/json.hpp>)
  elseif(kind STREQUAL "asio")
    set(headers ${std} <boost/asio.hpp> <boost/beast/core.hpp> <boost/beast/http.hpp>
        <boost/beast/websocket.hpp> <nlohmann/json.hpp>)
  elseif(kind STREQUAL "cli")
    set(headers ${std} <CLI/CLI.hpp> <nlohmann/json.hpp>)
  elseif(kind STREQUAL "qt")
    set(headers ${std} <QtCore/QObject> <QtCore/QString> <QtCore/QStringList> <QtGui/QPainter>
        <QtWidgets/QWidget> <QtWidgets/QLabel> <QtWidgets/QBoxLayout> <QtWidgets/QGraphicsItem>)
  else()
    message(FATAL_ERROR "msb_precompile_headers: unknown kind '${kind}'")
  endif()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
