# Anonymize/restore mapper: round trips, numbering, tolerant restore, streams, vault, wiping, sweeps, CLI.
set(M ${CMAKE_CURRENT_LIST_DIR})
sanctum_add_test(test_mapper ${M}/test_mapper.c LABELS mapper)
sanctum_add_test(test_mapper_stream ${M}/test_mapper_stream.c LABELS mapper)
add_test(NAME cli_mapper COMMAND sh ${M}/cli_mapper.sh $<TARGET_FILE:sanctum> ${PROJECT_SOURCE_DIR})
set_tests_properties(cli_mapper PROPERTIES LABELS "cli;mapper")
