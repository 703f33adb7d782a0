# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# cmake -DMETAINFO=<configured metainfo> -DDESKTOP=<.desktop> -DMIME=<mime xml> -DAPP_ID=<id>
#       -DVERSION=<x.y> -DSCREENSHOTS_DIR=<docs/screenshots> -DPROGRAMS=a;b -P CheckDesktopMetadata.cmake
#
# What the validators cannot know: the desktop file, the metainfo and the MIME package agree with
# each other and with the project. The metainfo's newest release is the project version, its
# screenshots exist in docs/screenshots/, it launches this desktop file and provides exactly the
# installed programs, and the three files name the same MIME types.

cmake_minimum_required(VERSION 3.25) # policies: quoted if() arguments are not variable names

foreach(var METAINFO DESKTOP MIME APP_ID VERSION SCREENSHOTS_DIR PROGRAMS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "CheckDesktopMetadata.cmake: -D${var}=... is required")
  endif()
endforeach()

set(failures "")
file(READ "${METAINFO}" metainfo)
file(READ "${MIME}" mime)
file(READ "${DESKTOP}" desktop)

# The first capture of every match of regex in text, sorted.
function(_msb_all out_var text regex)
  string(REGEX MATCHALL "${regex}" matches "${text}")
  set(values "")
  foreach(match IN LISTS matches)
    string(REGEX REPLACE "${regex}" "\\1" value "${match}")
    list(APPEND values "${value}")
  endforeach()
  list(SORT values)
  set(${out_var} "${values}" PARENT_SCOPE)
endfunction()

string(REGEX MATCH "<release version=\"([^\"]+)\"" newest "${metainfo}")
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
  list(APPEND failures "the metainfo's newest release is ${CMAKE_MATCH_1}, the project is ${VERSION}")
endif()

_msb_all(images "${metainfo}" "<image>[^<]*/([^/<]+)</image>")
if(NOT images)
  list(APPEND failures "the metainfo has no screenshots")
endif()
foreach(image IN LISTS images)
  if(NOT EXISTS "${SCREENSHOTS_DIR}/${image}")
    list(APPEND failures "the metainfo shows ${image}, which is not in ${SCREENSHOTS_DIR}")
  endif()
endforeach()

string(REGEX MATCH "<launchable type=\"desktop-id\">([^<]+)</launchable>" launchable "${metainfo}")
if(NOT CMAKE_MATCH_1 STREQUAL "${APP_ID}.desktop")
  list(APPEND failures "the metainfo launches '${CMAKE_MATCH_1}', not ${APP_ID}.desktop")
endif()
get_filename_component(desktop_name "${DESKTOP}" NAME)
if(NOT desktop_name STREQUAL "${APP_ID}.desktop")
  list(APPEND failures "the desktop file is ${desktop_name}, not ${APP_ID}.desktop")
endif()

_msb_all(binaries "${metainfo}" "<binary>([^<]+)</binary>")
list(SORT PROGRAMS)
if(NOT binaries STREQUAL PROGRAMS)
  list(APPEND failures "the metainfo provides the programs '${binaries}', the project installs '${PROGRAMS}'")
endif()

_msb_all(metainfo_types "${metainfo}" "<mediatype>([^<]+)</mediatype>")
_msb_all(mime_types "${mime}" "<mime-type type=\"([^\"]+)\"")
string(REGEX MATCH "\nMimeType=([^\n]*)" desktop_types "${desktop}")
string(REGEX REPLACE ";$" "" desktop_types "${CMAKE_MATCH_1}")
list(SORT desktop_types)
if(NOT mime_types OR NOT metainfo_types STREQUAL mime_types OR NOT desktop_types STREQUAL mime_types)
  list(APPEND failures "MIME types differ: package '${mime_types}', metainfo '${metainfo_types}', "
                       "desktop file '${desktop_types}'")
endif()

if(failures)
  list(JOIN failures "\n  " text)
  message(FATAL_ERROR "desktop metadata check failed:\n  ${text}")
endif()
message(STATUS "desktop file, metainfo and MIME package agree (${VERSION}, ${images})")
