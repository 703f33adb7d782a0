# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# cmake -DGROFF=<groff> -DPAGE=<page.1> -P CheckManPage.cmake
# Formats a generated man page with every groff warning on (-ww) and fails on any output: a
# --help text the generator misread shows up as a roff warning or as an empty section.

cmake_minimum_required(VERSION 3.25) # policies: quoted if() arguments are not variable names

foreach(var GROFF PAGE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "CheckManPage.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT EXISTS "${PAGE}")
  message(FATAL_ERROR "${PAGE} does not exist: build the man page targets first")
endif()
execute_process(COMMAND "${GROFF}" -man -ww -z "${PAGE}" RESULT_VARIABLE rc ERROR_VARIABLE warnings)
if(NOT rc EQUAL 0 OR NOT warnings STREQUAL "")
  message(FATAL_ERROR "groff -man -ww on ${PAGE} (${rc}):\n${warnings}")
endif()

file(READ "${PAGE}" text)
foreach(section NAME SYNOPSIS DESCRIPTION OPTIONS)
  if(NOT text MATCHES "\n\\.SH ${section}\n")
    message(FATAL_ERROR "${PAGE} has no ${section} section")
  endif()
endforeach()
string(REGEX MATCHALL "\n\\.TP\n\\.B [^\n]+\n[^.][^\n]+" entries "${text}")
list(LENGTH entries count)
if(count LESS 2)
  message(FATAL_ERROR "${PAGE} lists ${count} options with a description; the --help was misread")
endif()
message(STATUS "${PAGE}: clean roff, ${count} described entries")
