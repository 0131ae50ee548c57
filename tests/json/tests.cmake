# JSON chat parser: conformance (the project's own cases, and JSONTestSuite when it is there), identity,
# parser units, chat formats, CLI.
set(J ${CMAKE_CURRENT_LIST_DIR})

# JSONTestSuite is an outside input, not part of the repository: its folder comes from this cache
# variable, else the environment variable of the same name, else a sibling checkout's shared/ folder.
# Without it the suite tests report "skipped"; the project's own cases always run.
if(NOT DEFINED SANCTUM_JSONTESTSUITE_DIR)
  if(DEFINED ENV{SANCTUM_JSONTESTSUITE_DIR})
    set(_suite "$ENV{SANCTUM_JSONTESTSUITE_DIR}")
  elseif(EXISTS ${PROJECT_SOURCE_DIR}/../shared/jsontestsuite/test_parsing)
    get_filename_component(_suite ${PROJECT_SOURCE_DIR}/../shared/jsontestsuite ABSOLUTE)
  else()
    set(_suite "")
  endif()
  set(SANCTUM_JSONTESTSUITE_DIR "${_suite}" CACHE PATH "JSONTestSuite checkout (optional)")
endif()

sanctum_add_test(test_json_suite ${J}/test_json_suite.c ${J}/json_gen.c LABELS json
  ARGS "${SANCTUM_JSONTESTSUITE_DIR}")
set_tests_properties(test_json_suite PROPERTIES SKIP_RETURN_CODE 77)
add_test(NAME test_json_conformance COMMAND test_json_suite --own ${J}/conformance)
set_tests_properties(test_json_conformance PROPERTIES LABELS "unit;json" ENVIRONMENT "CMOCKA_MESSAGE_OUTPUT=stdout")
sanctum_add_test(test_json_parse ${J}/test_json_parse.c LABELS json)
sanctum_add_test(test_chat_walk ${J}/test_chat_walk.c LABELS json)
sanctum_add_test(test_json_escape ${J}/test_json_escape.c LABELS json)

add_test(NAME cli_json
  COMMAND sh ${J}/cli_json.sh $<TARGET_FILE:sanctum> ${J}/conformance "${SANCTUM_JSONTESTSUITE_DIR}"
          ${PROJECT_SOURCE_DIR}/examples)
set_tests_properties(cli_json PROPERTIES LABELS "cli;json")
