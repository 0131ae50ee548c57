# Pattern recognizers (ad-hoc regexes): finditer semantics, limits, errors, thread use, sweeps.
sanctum_add_test(test_pattern ${CMAKE_CURRENT_LIST_DIR}/test_pattern.c LABELS pattern)
target_link_libraries(test_pattern PRIVATE Threads::Threads)
