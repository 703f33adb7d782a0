# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# cmake -DCLI=<migration-sandbox-cli> -DMIME_TYPE_OF=<mime-type-of> -DSHARE=<destdir>/usr/share
#       -DSCENARIO=<assets/scenarios/x.json> -DWORK_DIR=<scratch> -P CheckMimeTypes.cmake
#
# With the installed MIME package (SHARE/mime, compiled by the install-destdir test) in front of
# the system's, a recording and a scenario file get their own types by name and, without a telling
# name, by their "format" content; both stay JSON underneath.

cmake_minimum_required(VERSION 3.25)
foreach(var CLI MIME_TYPE_OF SHARE SCENARIO WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "CheckMimeTypes.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT EXISTS "${SHARE}/mime/mime.cache")
  message(FATAL_ERROR "${SHARE}/mime/mime.cache is missing: the install-destdir test makes it")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${CLI}" run two-faults --schedule 1,1,2 --record "${WORK_DIR}/round.msrec.json"
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "could not record a run (${rc}): ${err}")
endif()
file(COPY_FILE "${WORK_DIR}/round.msrec.json" "${WORK_DIR}/recording-without-extension")
file(COPY_FILE "${SCENARIO}" "${WORK_DIR}/mine.msscenario.json")
file(COPY_FILE "${SCENARIO}" "${WORK_DIR}/scenario-without-extension")

set(ENV{XDG_DATA_DIRS} "${SHARE}:/usr/local/share:/usr/share")
set(ENV{XDG_DATA_HOME} "${WORK_DIR}/no-user-data")
execute_process(COMMAND "${MIME_TYPE_OF}" "${WORK_DIR}/round.msrec.json" "${WORK_DIR}/recording-without-extension"
                        "${WORK_DIR}/mine.msscenario.json" "${WORK_DIR}/scenario-without-extension"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(expected "application/x-migration-sandbox-recording json
application/x-migration-sandbox-recording json
application/x-migration-sandbox-scenario json
application/x-migration-sandbox-scenario json
")
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
  message(FATAL_ERROR "MIME types (${rc}):\n${out}expected:\n${expected}${err}")
endif()
message(STATUS "recordings and scenario files get their MIME types by name and by content")
