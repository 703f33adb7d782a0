# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# cmake -DSOURCE_DIR=<dir> -P CheckLayering.cmake
# Fails if an #include breaks the layering (docs/architecture.md §3: core <- scenes <- app; the CLI and the
# classroom networking are Qt-free):
#   core/          may not include Qt, Asio, scenes/ or app/;
#   scenes/        may not include anything from app/;
#   app/classroom/ may not include Qt, scenes/ or app/gui/ (its API is plain C++ for the CLI);
#   app/cli/       may not include Qt, scenes/ or app/gui/.
# (MSB_BUILD_GUI=OFF proves part of this for the build; this check also runs when Qt is installed.)

if(NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=... -P CheckLayering.cmake")
endif()

set(include "^[ \t]*#[ \t]*include[ \t]*[<\"]")
set(qt "Q[A-Za-z]|qt")
set(asio "boost/asio|asio")

set(violations "")
function(_msb_scan dir regex what)
  file(GLOB_RECURSE files "${SOURCE_DIR}/${dir}/*.h" "${SOURCE_DIR}/${dir}/*.cpp")
  if(NOT files)
    message(FATAL_ERROR "no sources under ${dir}/: the check would pass without checking anything")
  endif()
  foreach(f IN LISTS files)
    file(STRINGS "${f}" hits REGEX "${regex}")
    foreach(h IN LISTS hits)
      file(RELATIVE_PATH rel "${SOURCE_DIR}" "${f}")
      string(STRIP "${h}" h)
      list(APPEND violations "${rel}: ${what}: ${h}")
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

_msb_scan(core "${include}(${qt}|${asio})" "core must not use Qt or Asio")
_msb_scan(core "${include}(scenes|app)/" "core must not depend on scenes or app")
_msb_scan(scenes "${include}(app|gui|classroom)/" "scenes must not depend on app")
_msb_scan(app/classroom "${include}(${qt})" "classroom must not use Qt")
_msb_scan(app/classroom "${include}(scenes/|app/gui/)" "classroom must not depend on scenes or the GUI")
_msb_scan(app/cli "${include}(${qt})" "the CLI must not use Qt")
_msb_scan(app/cli "${include}(scenes/|app/gui/)" "the CLI must not depend on scenes or the GUI")

if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "layering violations:\n  ${text}")
endif()
message(STATUS "layering OK")
