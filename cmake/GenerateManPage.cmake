# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# Writes a man page from a program's real --help output, so the page cannot drift from the program.
# Run at build time (cmake/Install.cmake):
#
#   cmake -DPROGRAM=<exe> -DNAME=<command name> -DSUMMARY=<one line> -DVERSION=<x.y>
#         -DOUTPUT=<file.1> [-DSUBCOMMANDS=ON] [-DSEE_ALSO=a(1),b(1)] -P GenerateManPage.cmake
#
# It reads the two help layouts this project prints: CLI11's (migration-sandbox-cli) and
# QCommandLineParser's (migration-sandbox). A line "Section:" starts a section; "  term   text" is
# an entry; a deeper-indented line continues the entry above; any other line is running text. With
# SUBCOMMANDS=ON every sub-command listed under "Subcommands:" gets its own section, from its own
# --help, recursively. The GUI's --help is read with QT_QPA_PLATFORM=offscreen, so no display is needed.

cmake_minimum_required(VERSION 3.25) # policies: empty list elements kept, quoted if() arguments literal

foreach(var PROGRAM NAME SUMMARY VERSION OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "GenerateManPage.cmake: -D${var}=... is required")
  endif()
endforeach()

set(ENV{QT_QPA_PLATFORM} offscreen)

# Runs PROGRAM <args> --help and returns its output as a list of lines.
function(_msb_help_lines out_var)
  execute_process(COMMAND "${PROGRAM}" ${ARGN} --help
                  OUTPUT_VARIABLE text ERROR_VARIABLE errors RESULT_VARIABLE rc TIMEOUT 30)
  if(NOT rc EQUAL 0 OR text STREQUAL "")
    message(FATAL_ERROR "GenerateManPage.cmake: `${PROGRAM} ${ARGN} --help` failed (${rc}): ${errors}")
  endif()
  # ';' and brackets are special in CMake lists: park them until _msb_roff puts them back.
  string(REPLACE ";" "@MSB_SC@" text "${text}")
  string(REPLACE "[" "@MSB_LB@" text "${text}")
  string(REPLACE "]" "@MSB_RB@" text "${text}")
  string(REGEX REPLACE "\n$" "" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(${out_var} "${lines}" PARENT_SCOPE)
endfunction()

# roff escapes: backslashes, a leading control character, and hyphens (which roff may turn into dashes).
function(_msb_roff out_var text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REPLACE "@MSB_LB@" "[" text "${text}")
  string(REPLACE "@MSB_RB@" "]" text "${text}")
  string(REPLACE "@MSB_SC@" ";" text "${text}")
  if(text MATCHES "^[.']")
    set(text "\\&${text}")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# Sets _msb_rendered to the man-page body for one --help text and _msb_subcommands to the
# sub-commands it lists. heading_macro is .SH for the top level, .SS in the command reference.
function(_msb_render_help heading_macro lines)
  set(body "")
  set(in_entry FALSE)
  set(entry_has_text FALSE)
  set(subcommands "")
  set(section "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^Usage: (.*)$")
      # The top level's usage line is the SYNOPSIS, written before the DESCRIPTION.
      if(NOT heading_macro STREQUAL ".SH")
        _msb_roff(usage "${CMAKE_MATCH_1}")
        string(APPEND body ".PP\n.B \"${usage}\"\n")
      endif()
      set(in_entry FALSE)
    elseif(line MATCHES "^([A-Z][A-Za-z ]*):$")
      set(section "${CMAKE_MATCH_1}")
      string(TOUPPER "${section}" title)
      if(title STREQUAL "POSITIONALS")
        set(title "ARGUMENTS")
      elseif(title STREQUAL "SUBCOMMANDS")
        set(title "COMMANDS")
      endif()
      if(heading_macro STREQUAL ".SH")
        string(APPEND body ".SH ${title}\n")
      else()
        string(APPEND body ".PP\n${CMAKE_MATCH_1}:\n")
      endif()
      set(in_entry FALSE)
    elseif(line MATCHES "^  [^ ]")
      # An entry: a term, then two or more spaces and its description (or the description on
      # the next, deeper-indented line). One MATCHES per if(): a failing one clears CMAKE_MATCH_*.
      if(line MATCHES "^  ([^ ].*[^ ])   *([^ ].*)$")
        set(term "${CMAKE_MATCH_1}")
        set(text "${CMAKE_MATCH_2}")
      else()
        string(STRIP "${line}" term)
        set(text "")
      endif()
      if(section STREQUAL "Subcommands")
        string(REGEX REPLACE " .*" "" name "${term}")
        list(APPEND subcommands "${name}")
      endif()
      _msb_roff(term "${term}")
      _msb_roff(text "${text}")
      string(APPEND body ".TP\n.B ${term}\n")
      set(entry_has_text FALSE)
      if(NOT text STREQUAL "")
        string(APPEND body "${text}\n")
        set(entry_has_text TRUE)
      endif()
      set(in_entry TRUE)
    elseif(line MATCHES "^    +([^ ].*)$")
      _msb_roff(text "${CMAKE_MATCH_1}")
      if(NOT in_entry)
        string(APPEND body ".PP\n")
        set(in_entry TRUE)
      endif()
      if(entry_has_text)
        # Continue the same source line: a wrapped "e.g." at a line end would read as a sentence end.
        string(REGEX REPLACE "\n$" " " body "${body}")
      endif()
      string(APPEND body "${text}\n")
      set(entry_has_text TRUE)
    elseif(line STREQUAL "")
      set(in_entry FALSE)
    else()
      _msb_roff(text "${line}")
      if(text MATCHES "^Exit codes: (.*)$" AND heading_macro STREQUAL ".SH")
        string(APPEND body ".SH \"EXIT STATUS\"\n${CMAKE_MATCH_1}\n")
      else()
        string(APPEND body ".PP\n${text}\n")
      endif()
      set(in_entry FALSE)
    endif()
  endforeach()
  set(_msb_rendered "${body}" PARENT_SCOPE)
  set(_msb_subcommands "${subcommands}" PARENT_SCOPE)
endfunction()

# Sets _msb_rendered to a .SS section per sub-command (prefix: the parent command's words), from
# each one's own --help, recursively. CLI11 repeats the exit-code footer under every sub-command;
# the page says it once, at the top.
function(_msb_render_subcommands prefix)
  set(sections "")
  foreach(command IN LISTS ARGN)
    set(path ${prefix} ${command})
    _msb_help_lines(help ${path})
    list(FILTER help EXCLUDE REGEX "^Exit codes: ")
    list(JOIN path " " title)
    _msb_render_help(".SS" "${help}")
    string(APPEND sections ".SS \"${NAME} ${title}\"\n${_msb_rendered}")
    if(_msb_subcommands)
      _msb_render_subcommands("${path}" ${_msb_subcommands})
      string(APPEND sections "${_msb_rendered}")
    endif()
  endforeach()
  set(_msb_rendered "${sections}" PARENT_SCOPE)
endfunction()

string(TOUPPER "${NAME}" upper_name)
string(TIMESTAMP date "%Y-%m-%d" UTC) # honours SOURCE_DATE_EPOCH, for reproducible packages
_msb_roff(roff_name "${NAME}")
_msb_roff(roff_summary "${SUMMARY}")
set(page ".\\\" Generated from `${NAME} --help` by cmake/GenerateManPage.cmake; do not edit.\n")
string(APPEND page ".TH \"${upper_name}\" 1 \"${date}\" \"Migration Sandbox ${VERSION}\" \"User Commands\"\n")
string(APPEND page ".nh\n") # option names and paths must not be hyphenated
string(APPEND page ".SH NAME\n${roff_name} \\- ${roff_summary}\n")

_msb_help_lines(top_lines)
set(usage_lines "${top_lines}")
list(FILTER usage_lines INCLUDE REGEX "^Usage: ")
if(usage_lines)
  list(GET usage_lines 0 usage)
  string(REGEX REPLACE "^Usage: " "" usage "${usage}")
  _msb_roff(usage "${usage}")
  string(APPEND page ".SH SYNOPSIS\n.B \"${usage}\"\n")
endif()
string(APPEND page ".SH DESCRIPTION\n")
_msb_render_help(".SH" "${top_lines}")
string(APPEND page "${_msb_rendered}")
if(SUBCOMMANDS AND _msb_subcommands)
  _msb_render_subcommands("" ${_msb_subcommands})
  string(APPEND page ".SH \"COMMAND REFERENCE\"\n${_msb_rendered}")
endif()

if(DEFINED SEE_ALSO)
  string(APPEND page ".SH \"SEE ALSO\"\n")
  string(REPLACE "," ";" see_also "${SEE_ALSO}")
  set(refs "")
  foreach(ref IN LISTS see_also)
    if(ref MATCHES "^(.*)\\(([0-9])\\)$")
      _msb_roff(ref_name "${CMAKE_MATCH_1}")
      list(APPEND refs ".BR ${ref_name} (${CMAKE_MATCH_2})")
    endif()
  endforeach()
  list(JOIN refs ",\n" refs)
  string(APPEND page "${refs}\n")
endif()

file(WRITE "${OUTPUT}" "${page}")
