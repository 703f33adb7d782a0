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
      # GCC 12 false positives inside libstdc++ for `"literal" + std::string` at -O3 (GCC PR 105329:
      # -Wrestrict, and -Wstringop-overflow and -Warray-bounds once the headers come from a
      # precompiled header, which loses their system-header exemption), which break the -Werror
      # Release build; the code is fine (the clang ASan/UBSan build checks bounds at run time).
      target_compile_options(${target} PRIVATE -Wno-restrict -Wno-stringop-overflow -Wno-array-bounds)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4)
  endif()
endfunction()
