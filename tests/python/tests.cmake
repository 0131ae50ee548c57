# Python bindings: build the cffi extension against this build's libsanctumcore.a and run the unittest
# suite with Debian's interpreter (SANCTUM_PYTHON3, tests/CMakeLists.txt), the one .venv is made from.
# Skipped in sanitizer and coverage builds (the interpreter is not instrumented).
if(NOT SANCTUM_SANITIZE AND NOT SANCTUM_COVERAGE AND NOT SANCTUM_FUZZ)
  add_test(NAME python_bindings
    COMMAND ${SANCTUM_PYTHON3} ${PROJECT_SOURCE_DIR}/bindings/python/run_tests.py ${CMAKE_BINARY_DIR})
  set_tests_properties(python_bindings PROPERTIES LABELS python
    ENVIRONMENT "SANCTUM_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endif()

if(NOT SANCTUM_SANITIZE AND NOT SANCTUM_COVERAGE AND NOT SANCTUM_FUZZ)
  add_test(NAME python_pip_install
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/check_pip_install.sh ${SANCTUM_PYTHON3} ${CMAKE_BINARY_DIR})
  set_tests_properties(python_pip_install PROPERTIES LABELS python)
endif()
