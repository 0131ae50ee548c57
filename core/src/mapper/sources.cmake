# Anonymize/restore mapper: value store, anonymize, tolerant restore, SSE stream restore, sealed vault.
list(APPEND SANCTUM_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/buf.c
  ${CMAKE_CURRENT_LIST_DIR}/vault.c
  ${CMAKE_CURRENT_LIST_DIR}/anon.c
  ${CMAKE_CURRENT_LIST_DIR}/fields.c
  ${CMAKE_CURRENT_LIST_DIR}/identities.c
  ${CMAKE_CURRENT_LIST_DIR}/restore.c
  ${CMAKE_CURRENT_LIST_DIR}/stream.c
  ${CMAKE_CURRENT_LIST_DIR}/seal.c
  ${CMAKE_CURRENT_LIST_DIR}/session.c)
