# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT

# msb_set_warnings(<target>)
# Turns on the project's warning set for one of our own targets (never for third-party code).
# With -DMSB_WERROR=ON (the `ci` preset) every warning is an error.
function(msb_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
       AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      # GCC 12 false positive inside libstdc++ for `"literal" + std::string` at -O3 (GCC PR 105329),
      # which breaks the -Werror Release build; the code is fine.
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(MSB_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4)
    if(MSB_WERROR)
      target_compile_options(${target} PRIVATE /WX)
    endif()
  endif()
endfunction()
