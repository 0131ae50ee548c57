# Packaging: man pages from --help, the service units' hardening score, the pre-commit hook run by
# Debian's pre-commit. Installing the .deb packages changes the machine: .ci/run does that step
# (tests/packaging/check_deb.sh), never ctest.
add_test(NAME packaging_manpages COMMAND ${CMAKE_CURRENT_LIST_DIR}/check_manpages.sh $<TARGET_FILE:sanctum>)
add_test(NAME packaging_units COMMAND ${CMAKE_CURRENT_LIST_DIR}/check_units.sh)
add_test(NAME packaging_precommit COMMAND ${CMAKE_CURRENT_LIST_DIR}/check_precommit.sh $<TARGET_FILE:sanctum>)
set_tests_properties(packaging_manpages packaging_units packaging_precommit PROPERTIES LABELS packaging)
add_test(NAME packaging_ci_doc COMMAND ${SANCTUM_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/check_ci_doc.py)
set_tests_properties(packaging_ci_doc PROPERTIES LABELS packaging)
