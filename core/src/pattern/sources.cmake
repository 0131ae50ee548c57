# Pattern recognizers: caller-given PCRE2 regexes under limits (ad-hoc recognizers, docs/presidio.md).
list(APPEND SANCTUM_SOURCES ${CMAKE_CURRENT_LIST_DIR}/pattern.c)
