# Small routines with Frama-C WP proofs (proofs/): span substitution and placeholder format/parse.
list(APPEND SANCTUM_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/subst.c
  ${CMAKE_CURRENT_LIST_DIR}/placeholder.c)
