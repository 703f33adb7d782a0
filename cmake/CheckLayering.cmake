# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# cmake -DSOURCE_DIR=<dir> -P CheckLayering.cmake
# Fails if the layering core <- scenes <- app is broken by an #include:
#   core/   may not include Qt (<Q...>, <qt...>) or Asio (<boost/asio...>, <asio...>);
#   scenes/ may not include anything from app/.
# (MSB_BUILD_GUI=OFF proves the same for the build; this check also runs when Qt is installed.)

if(NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=... -P CheckLayering.cmake")
endif()

set(violations "")
function(_msb_scan dir regex what)
  file(GLOB_RECURSE files "${SOURCE_DIR}/${dir}/*.h" "${SOURCE_DIR}/${dir}/*.cpp")
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

_msb_scan(core "^[ \t]*#[ \t]*include[ \t]*[<\"](Q[A-Za-z]|qt|boost/asio|asio)" "core must not use Qt or Asio")
_msb_scan(scenes "^[ \t]*#[ \t]*include[ \t]*[<\"](app/|gui/|classroom/)" "scenes must not depend on app")

if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "layering violations:\n  ${text}")
endif()
message(STATUS "layering OK")
