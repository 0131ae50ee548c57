# JSON chat parser: strict parse to a tape, lazy string decoding, splice writer, chat-schema walk.
list(APPEND SANCTUM_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/json_parse.c
  ${CMAKE_CURRENT_LIST_DIR}/json_string.c
  ${CMAKE_CURRENT_LIST_DIR}/json_utf8.c
  ${CMAKE_CURRENT_LIST_DIR}/json_write.c
  ${CMAKE_CURRENT_LIST_DIR}/json_api.c
  ${CMAKE_CURRENT_LIST_DIR}/chat_walk.c
  ${CMAKE_CURRENT_LIST_DIR}/chat_formats.c
  ${CMAKE_CURRENT_LIST_DIR}/chat_tools.c
  ${CMAKE_CURRENT_LIST_DIR}/chat_doc.c)
