# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# cmake -DBUILD_DIR=<build> -DWORK_DIR=<scratch> -DCPACK=<cpack> -DLINTIAN=<lintian> -P CheckLintian.cmake
# Builds the .deb with cpack (cmake/Packaging.cmake) and fails on any lintian error or warning.

foreach(var BUILD_DIR WORK_DIR CPACK LINTIAN)
  if(NOT ${var})
    message(FATAL_ERROR "CheckLintian.cmake needs -D${var}=...")
  endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${CPACK}" -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${WORK_DIR}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE log ERROR_VARIABLE log)
file(GLOB debs "${WORK_DIR}/*.deb")
list(LENGTH debs count)
if(NOT rc EQUAL 0 OR NOT count EQUAL 1)
  message(FATAL_ERROR "cpack -G DEB failed (${rc}, ${count} packages):\n${log}")
endif()

# --fail-on: the exit status covers warnings too; --display-info shows what would come next.
execute_process(COMMAND "${LINTIAN}" --fail-on error,warning --display-info --no-tag-display-limit ${debs}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message(STATUS "lintian ${debs}:\n${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lintian found errors or warnings in ${debs} (exit ${rc})")
endif()
