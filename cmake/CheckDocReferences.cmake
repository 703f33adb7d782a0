# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# cmake -DSOURCE_DIR=<dir> -DGIT=<git> -P CheckDocReferences.cmake
# Every document a tracked file cites is in the repository: no file names the planning notes the
# project started from (they are not part of it), and every "docs/architecture.md §N" names a
# section that exists.

cmake_minimum_required(VERSION 3.25)

if(NOT SOURCE_DIR OR NOT GIT)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=... -DGIT=... -P CheckDocReferences.cmake")
endif()
execute_process(COMMAND "${GIT}" ls-files WORKING_DIRECTORY "${SOURCE_DIR}" OUTPUT_VARIABLE tracked
                RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT tracked)
  message(FATAL_ERROR "git ls-files failed in ${SOURCE_DIR}: nothing to check")
endif()
string(REPLACE "\n" ";" tracked "${tracked}")

file(STRINGS "${SOURCE_DIR}/docs/architecture.md" headings ENCODING UTF-8 REGEX "^## [0-9]+\\.")
set(sections "")
foreach(h IN LISTS headings)
  string(REGEX REPLACE "^## ([0-9]+)\\..*" "\\1" n "${h}")
  list(APPEND sections "${n}")
endforeach()
if(NOT sections)
  message(FATAL_ERROR "docs/architecture.md has no numbered sections")
endif()

set(outside "(DESIGN|STYLE|TOOLCHAIN)[.]md|kernel-facts[.]md")
set(problems "")
foreach(rel IN LISTS tracked)
  if(NOT rel MATCHES "[.](h|cpp|txt|cmake|md|json|js|css|html|sh|py|in|desktop|xml)$|^[.]clang")
    continue()
  endif()
  file(STRINGS "${SOURCE_DIR}/${rel}" hits ENCODING UTF-8 REGEX "${outside}")
  foreach(h IN LISTS hits)
    string(STRIP "${h}" h)
    list(APPEND problems "${rel}: cites a document that is not in the repository: ${h}")
  endforeach()
  file(STRINGS "${SOURCE_DIR}/${rel}" refs ENCODING UTF-8 REGEX "docs/architecture[.]md §[0-9]+")
  foreach(line IN LISTS refs)
    string(REGEX MATCHALL "architecture[.]md §[0-9]+( and §[0-9]+)?" cited "${line}")
    foreach(c IN LISTS cited)
      string(REGEX MATCHALL "§[0-9]+" numbers "${c}")
      foreach(n IN LISTS numbers)
        string(REPLACE "§" "" n "${n}")
        if(NOT n IN_LIST sections)
          list(APPEND problems "${rel}: docs/architecture.md has no section ${n}: ${line}")
        endif()
      endforeach()
    endforeach()
  endforeach()
endforeach()

if(problems)
  string(REPLACE ";" "\n  " problems "${problems}")
  message(FATAL_ERROR "document references:\n  ${problems}")
endif()
message(STATUS "every document reference resolves (sections of docs/architecture.md: ${sections})")
