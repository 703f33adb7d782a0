# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT
#
# Helpers for tests/. Tests link library targets; they never recompile library sources.
#
#   msb_add_gtest(<name> <source>... [LIBS <target>...] [TIMEOUT <s>])
#     GoogleTest executable <name> linked to GTest::gtest_main, GTest::gmock and LIBS
#     (LIBS defaults to msb_core). Each TEST() becomes its own CTest test, discovered when ctest
#     runs (DISCOVERY_MODE PRE_TEST), so building never executes a test binary.
#
#   Both link msb_test_support (tests/support: fixtures.h, cli_runner.h; #include "support/...").
#
#   msb_add_qtest(<name> <source>... [LIBS <target>...] [TIMEOUT <s>])
#     Qt Test executable <name> (one CTest test) linked to Qt6::Test and LIBS (default msb_gui),
#     AUTOMOC on, run with QT_QPA_PLATFORM=offscreen. Only available with MSB_BUILD_GUI=ON.
#
# Both define MSB_TEST_DATA_DIR="<source>/tests/data" and MSB_SOURCE_DIR for the test code,
# run in the test's binary directory, and get the project's warnings. Labels: `gtest` or `qtest`,
# plus the tests/ subdirectory name (core, cli, classroom, bench, scenes, app), so e.g.
# `ctest --preset dev -L core` runs the core tests and `-LE lint` skips format/layering checks.

set(MSB_TEST_DATA_DIR "${PROJECT_SOURCE_DIR}/tests/data")

function(_msb_test_common name)
  msb_set_warnings(${name})
  target_compile_features(${name} PRIVATE cxx_std_20)
  target_compile_definitions(${name} PRIVATE MSB_TEST_DATA_DIR="${MSB_TEST_DATA_DIR}"
                                             MSB_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endfunction()

function(msb_add_gtest name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "TIMEOUT" "LIBS")
  if(NOT ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "msb_add_gtest(${name}): no sources")
  endif()
  if(NOT ARG_LIBS)
    set(ARG_LIBS msb_core)
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 60)
  endif()
  add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  # Pure C++ tests: no moc/uic even when the GUI build turned AUTOMOC on globally.
  set_target_properties(${name} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} msb_test_support GTest::gtest_main GTest::gmock Threads::Threads)
  _msb_test_common(${name})
  # CMake 3.25's gtest_discover_tests flattens PROPERTIES, so only a single-valued LABELS survives;
  # the area label (core, cli, ...) comes from the directory (tests/CMakeLists.txt).
  gtest_discover_tests(${name}
    DISCOVERY_MODE PRE_TEST
    WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
    PROPERTIES TIMEOUT ${ARG_TIMEOUT} LABELS gtest)
endfunction()

function(msb_add_qtest name)
  if(NOT MSB_BUILD_GUI)
    message(FATAL_ERROR "msb_add_qtest(${name}) needs MSB_BUILD_GUI=ON")
  endif()
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "TIMEOUT" "LIBS")
  if(NOT ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "msb_add_qtest(${name}): no sources")
  endif()
  if(NOT ARG_LIBS)
    set(ARG_LIBS msb_gui)
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  qt_add_executable(${name} ${ARG_UNPARSED_ARGUMENTS})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} msb_test_support Qt6::Test)
  _msb_test_common(${name})
  msb_set_qt_definitions(${name})
  add_test(NAME ${name} COMMAND ${name} WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;DBUS_SESSION_BUS_ADDRESS=disabled:"
    TIMEOUT ${ARG_TIMEOUT}
    LABELS qtest)
endfunction()
