# PII detector: recognizers, precision rules, options/lists, sweeps, the labelled evaluation, CLI.
set(P ${CMAKE_CURRENT_LIST_DIR})
sanctum_add_test(test_pii_eval ${P}/test_pii_eval.c ${P}/eval_score.c LABELS pii)
target_include_directories(test_pii_eval PRIVATE ${P})
sanctum_add_test(test_pii ${P}/test_pii.c LABELS pii)
sanctum_add_test(test_pii_person ${P}/test_pii_person.c LABELS pii)
target_link_libraries(test_pii PRIVATE Threads::Threads m)
add_test(NAME cli_detect COMMAND sh ${P}/cli_detect.sh $<TARGET_FILE:sanctum>)
set_tests_properties(cli_detect PROPERTIES LABELS "cli;pii")
