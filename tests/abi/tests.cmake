# ABI stability against the committed libabigail baseline (abi/sanctumcore.abi), release builds only.
if(NOT SANCTUM_SANITIZE AND NOT SANCTUM_FUZZ AND NOT SANCTUM_COVERAGE)
  add_test(NAME abi_compatible
    COMMAND ${PROJECT_SOURCE_DIR}/scripts/abi-check $<TARGET_FILE:sanctumcore>)
  set_tests_properties(abi_compatible PROPERTIES LABELS abi)
  add_test(NAME abi_break_detected COMMAND ${CMAKE_CURRENT_LIST_DIR}/check_abi_break.sh)
  set_tests_properties(abi_break_detected PROPERTIES LABELS abi RUN_SERIAL TRUE)
endif()

# Every fallible public call accepts err = NULL on its error paths (same status, no crash).
sanctum_add_test(test_err_null ${CMAKE_CURRENT_LIST_DIR}/test_err_null.c LABELS abi)
