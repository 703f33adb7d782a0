# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# cmake -DBUILD_DIR=<build> -DWORK_DIR=<scratch> -DAPP_ID=<id> -DVERSION=<x.y> -DGUI=ON|OFF
#       -DICON_SIZES=16;22;... [-DUPDATE_MIME_DATABASE=<exe>] [-DAPPSTREAMCLI=<exe>] -P CheckInstall.cmake
#
# Installs the build into a DESTDIR with prefix /usr, as a package would, then checks that every
# file a desktop user needs is in its place and that the installed programs run from there.

cmake_minimum_required(VERSION 3.25) # policies: quoted if() arguments are not variable names

foreach(var BUILD_DIR WORK_DIR APP_ID VERSION GUI)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "CheckInstall.cmake: -D${var}=... is required")
  endif()
endforeach()

set(failures "")
macro(fail text)
  list(APPEND failures "${text}")
endmacro()

set(root "${WORK_DIR}/destdir")
file(REMOVE_RECURSE "${root}")
set(ENV{DESTDIR} "${root}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix /usr
                RESULT_VARIABLE rc OUTPUT_VARIABLE install_log ERROR_VARIABLE install_log)
unset(ENV{DESTDIR})
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc}):\n${install_log}")
endif()
set(usr "${root}/usr")

set(expected
    bin/migration-sandbox-cli
    share/man/man1/migration-sandbox-cli.1.gz
    share/bash-completion/completions/migration-sandbox-cli
    share/doc/migration-sandbox/copyright
    share/doc/migration-sandbox/changelog.gz)
if(GUI)
  list(APPEND expected
       bin/migration-sandbox
       share/man/man1/migration-sandbox.1.gz
       share/applications/${APP_ID}.desktop
       share/metainfo/${APP_ID}.metainfo.xml
       share/mime/packages/${APP_ID}.xml
       share/icons/hicolor/scalable/apps/${APP_ID}.svg)
  foreach(size IN LISTS ICON_SIZES)
    list(APPEND expected share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
  endforeach()
endif()
foreach(file IN LISTS expected)
  if(NOT EXISTS "${usr}/${file}")
    fail("not installed: /usr/${file}")
  endif()
endforeach()

# Nothing outside /usr, and no build-tree leftovers (static libraries, headers, test programs).
file(GLOB top_level RELATIVE "${root}" "${root}/*")
if(NOT top_level STREQUAL "usr")
  fail("installed outside /usr: ${top_level}")
endif()
file(GLOB_RECURSE installed RELATIVE "${usr}" "${usr}/*")
foreach(file IN LISTS installed)
  list(FIND expected "${file}" index)
  if(index EQUAL -1)
    fail("installed but not expected: /usr/${file}")
  endif()
endforeach()

# The installed programs run from the DESTDIR (the libraries are static; Qt comes from the system).
execute_process(COMMAND "${usr}/bin/migration-sandbox-cli" list
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "two-faults" OR NOT out MATCHES "Presets")
  fail("installed `migration-sandbox-cli list` failed (${rc}): ${out}${err}")
endif()
if(GUI)
  execute_process(COMMAND "${usr}/bin/migration-sandbox" --version
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "^migration-sandbox ${VERSION}\n$")
    fail("installed `migration-sandbox --version` failed (${rc}): '${out}' ${err}")
  endif()

  # The menu entry starts the installed program and shows the installed icon.
  file(STRINGS "${usr}/share/applications/${APP_ID}.desktop" exec REGEX "^Exec=")
  string(REGEX REPLACE "^Exec=([^ ]+).*" "\\1" exec "${exec}")
  if(NOT EXISTS "${usr}/bin/${exec}")
    fail("the desktop file's Exec=${exec} is not an installed program")
  endif()
  file(STRINGS "${usr}/share/applications/${APP_ID}.desktop" icon REGEX "^Icon=")
  if(NOT icon STREQUAL "Icon=${APP_ID}")
    fail("the desktop file's ${icon} is not the installed icon ${APP_ID}")
  endif()

  # AppStream reads the installed tree as a software centre would: metainfo, desktop file, icon.
  if(APPSTREAMCLI)
    execute_process(COMMAND "${APPSTREAMCLI}" validate-tree --no-net --explain "${root}"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      fail("appstreamcli validate-tree on the installed files failed (${rc}): ${out}${err}")
    endif()
  endif()

  # shared-mime-info accepts the MIME package: its globs and magic reach the compiled database.
  if(UPDATE_MIME_DATABASE)
    execute_process(COMMAND "${UPDATE_MIME_DATABASE}" "${usr}/share/mime"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0 OR err MATCHES "[Ee]rror|[Ww]arning|[Ii]nvalid")
      fail("update-mime-database rejected the MIME package (${rc}): ${err}")
    else()
      file(READ "${usr}/share/mime/globs2" globs)
      file(STRINGS "${usr}/share/mime/magic" magic REGEX "migration-sandbox") # a binary file
      foreach(kind recording scenario)
        if(NOT globs MATCHES "application/x-migration-sandbox-${kind}:\\*\\.ms")
          fail("no glob for application/x-migration-sandbox-${kind} in the MIME database")
        endif()
        if(NOT magic MATCHES "\"migration-sandbox-${kind}\"")
          fail("no magic for application/x-migration-sandbox-${kind} in the MIME database")
        endif()
      endforeach()
    endif()
  endif()
endif()

if(failures)
  list(JOIN failures "\n  " text)
  message(FATAL_ERROR "install check failed:\n  ${text}")
endif()
list(LENGTH installed count)
message(STATUS "install check passed: ${count} files under ${usr}")
