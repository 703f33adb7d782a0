# SPDX-FileCopyrightText: Migration Sandbox authors
# SPDX-License-Identifier: MIT

# msb_set_qt_definitions(<target>)
# Qt-only compile definitions, applied to Qt targets (scenes, gui, Qt tests) and never to the core.
function(msb_set_qt_definitions target)
  target_compile_definitions(${target} PRIVATE QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING)
endfunction()
