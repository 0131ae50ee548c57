# JSON chat parser: conformance (the project's own cases and JSONTestSuite), identity,
# parser units, chat formats, CLI.
set(J ${CMAKE_CURRENT_LIST_DIR})

# JSONTestSuite (MIT) is vendored in jsontestsuite/ (ORIGIN.md), so a plain clone runs it; the cache or
# environment variable SANCTUM_JSONTESTSUITE_DIR points the tests at another checkout. A folder without
# test_parsing makes the suite tests report "skipped"; the project's own cases always run.
if(NOT DEFINED SANCTUM_JSONTESTSUITE_DIR)
  if(DEFINED ENV{SANCTUM_JSONTESTSUITE_DIR})
    set(_suite "$ENV{SANCTUM_JSONTESTSUITE_DIR}")
  else()
    set(_suite "${J}/jsontestsuite")
  endif()
  set(SANCTUM_JSONTESTSUITE_DIR "${_suite}" CACHE PATH "JSONTestSuite checkout")
endif()

sanctum_add_test(test_json_suite ${J}/test_json_suite.c ${J}/json_gen.c LABELS json
  ARGS "${SANCTUM_JSONTESTSUITE_DIR}")
set_tests_properties(test_json_suite PROPERTIES SKIP_RETURN_CODE 77)
add_test(NAME test_json_conformance COMMAND test_json_suite --own ${J}/conformance)
set_tests_properties(test_json_conformance PROPERTIES LABELS "unit;json" ENVIRONMENT "CMOCKA_MESSAGE_OUTPUT=stdout")
sanctum_add_test(test_json_parse ${J}/test_json_parse.c LABELS json)
sanctum_add_test(test_chat_walk ${J}/test_chat_walk.c ${J}/chat_walk_support.c LABELS json)
sanctum_add_test(test_chat_walk_options ${J}/test_chat_walk_options.c ${J}/chat_walk_support.c LABELS json)
sanctum_add_test(test_json_escape ${J}/test_json_escape.c LABELS json)

add_test(NAME cli_json
  COMMAND sh ${J}/cli_json.sh $<TARGET_FILE:sanctum> ${J}/conformance "${SANCTUM_JSONTESTSUITE_DIR}"
          ${PROJECT_SOURCE_DIR}/examples)
set_tests_properties(cli_json PROPERTIES LABELS "cli;json")
