# SPDX-License-Identifier: MIT
# cmake -DTS_FILES="a.ts;b.ts" -P CheckTranslations.cmake
# Fails when a .ts file has a message left unfinished or translated as nothing.
foreach(ts IN LISTS TS_FILES)
  file(STRINGS "${ts}" unfinished REGEX "type=\"unfinished\"")
  file(STRINGS "${ts}" empty REGEX "<translation[^>]*></translation>|<translation[^>]*/>|<numerusform></numerusform>")
  file(STRINGS "${ts}" messages REGEX "<message[ >]")
  list(LENGTH unfinished n_unfinished)
  list(LENGTH empty n_empty)
  list(LENGTH messages n_messages)
  if(n_messages EQUAL 0)
    message(FATAL_ERROR "${ts}: no messages")
  endif()
  if(n_unfinished GREATER 0 OR n_empty GREATER 0)
    message(FATAL_ERROR "${ts}: ${n_unfinished} unfinished and ${n_empty} empty translations of ${n_messages} messages")
  endif()
  message(STATUS "${ts}: ${n_messages} messages, all translated")
endforeach()
