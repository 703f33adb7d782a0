# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT

# msb_set_warnings(<target>)
# Turns on the project's warning set for one of our own targets (never for third-party code).
# Warnings become errors through CMake's own switch, CMAKE_COMPILE_WARNING_AS_ERROR (ON in the
# `ci` preset; `cmake --compile-no-warning-as-error` overrides it for one local build).
function(msb_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
       AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      # GCC 12 false positive inside libstdc++ for `"literal" + std::string` at -O3 (GCC PR 105329),
      # which breaks the -Werror Release build; the code is fine.
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4)
  endif()
endfunction()
