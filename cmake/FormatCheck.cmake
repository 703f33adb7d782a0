# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# cmake -DCLANG_FORMAT=<exe> -DSOURCE_DIR=<dir> [-DGIT=<exe>] -P FormatCheck.cmake
# Runs `clang-format --dry-run -Werror` over the tracked *.h/*.cpp files (the same set
# .ci/format.sh rewrites). Without git (e.g. a source tarball) it falls back to a glob.

if(NOT CLANG_FORMAT OR NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DCLANG_FORMAT=... -DSOURCE_DIR=... -P FormatCheck.cmake")
endif()

set(files "")
set(git_rc 1)
if(GIT)
  execute_process(COMMAND "${GIT}" -C "${SOURCE_DIR}" ls-files -- "*.h" "*.cpp"
                  OUTPUT_VARIABLE listed RESULT_VARIABLE git_rc ERROR_QUIET)
endif()
if(git_rc EQUAL 0)
  string(REPLACE "\n" ";" listed "${listed}")
  foreach(f IN LISTS listed)
    if(f AND EXISTS "${SOURCE_DIR}/${f}")  # skip tracked files deleted in the work tree
      list(APPEND files "${SOURCE_DIR}/${f}")
    endif()
  endforeach()
else()
  foreach(dir core scenes app tests)
    file(GLOB_RECURSE found "${SOURCE_DIR}/${dir}/*.h" "${SOURCE_DIR}/${dir}/*.cpp")
    list(APPEND files ${found})
  endforeach()
endif()

list(LENGTH files n)
if(n EQUAL 0)
  message(STATUS "format-check: no sources")
  return()
endif()
execute_process(COMMAND "${CLANG_FORMAT}" --dry-run -Werror ${files} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "format-check: ${n} files checked, some need formatting; run .ci/format.sh")
endif()
message(STATUS "format-check: ${n} files OK")
