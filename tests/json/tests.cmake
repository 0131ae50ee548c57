# JSON chat parser: conformance suite, identity, parser units, chat formats, CLI.
set(J ${CMAKE_CURRENT_LIST_DIR})

sanctum_add_test(test_json_suite ${J}/test_json_suite.c ${J}/json_gen.c LABELS json)
sanctum_add_test(test_json_parse ${J}/test_json_parse.c LABELS json)
sanctum_add_test(test_chat_walk ${J}/test_chat_walk.c LABELS json)
sanctum_add_test(test_json_escape ${J}/test_json_escape.c LABELS json)

add_test(NAME cli_json
  COMMAND sh ${J}/cli_json.sh $<TARGET_FILE:sanctum> ${PROJECT_SOURCE_DIR}/../shared/jsontestsuite/test_parsing
          ${PROJECT_SOURCE_DIR}/examples)
set_tests_properties(cli_json PROPERTIES LABELS "cli;json")
