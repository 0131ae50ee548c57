# The command-line tool as a whole: no core dumps; memcheck over one run of each input-reading command (not in
# sanitizer builds: valgrind cannot run an ASan binary).
set(C ${CMAKE_CURRENT_LIST_DIR})
if(NOT SANCTUM_SANITIZE)
  add_test(NAME cli_valgrind COMMAND sh ${C}/cli_valgrind.sh $<TARGET_FILE:sanctum>)
  set_tests_properties(cli_valgrind PROPERTIES LABELS "cli" SKIP_RETURN_CODE 77)
endif()
add_test(NAME cli_no_core COMMAND sh ${C}/cli_no_core.sh $<TARGET_FILE:sanctum>)
set_tests_properties(cli_no_core PROPERTIES LABELS "cli" SKIP_RETURN_CODE 77)
add_test(NAME cli_exit_status COMMAND sh ${C}/cli_exit_status.sh $<TARGET_FILE:sanctum>)
set_tests_properties(cli_exit_status PROPERTIES LABELS "cli")
add_test(NAME cli_usage_errors COMMAND sh ${C}/cli_usage_errors.sh $<TARGET_FILE:sanctum>)
set_tests_properties(cli_usage_errors PROPERTIES LABELS "cli")
