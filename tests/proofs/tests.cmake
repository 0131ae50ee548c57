# Frama-C WP proofs (proofs/run): every goal of every unit must be proved, and the runner must report a
# deliberately wrong contract (proofs/selftest) as unproved. Only in plain builds: the proofs read the
# sources, not the build, so running them once per CI pass is enough.
if(NOT SANCTUM_SANITIZE AND NOT SANCTUM_FUZZ AND NOT SANCTUM_COVERAGE)
  add_test(NAME proofs COMMAND ${PROJECT_SOURCE_DIR}/proofs/run)
  set_tests_properties(proofs PROPERTIES LABELS "proofs" TIMEOUT 900 RUN_SERIAL TRUE)
  add_test(NAME proofs_selftest COMMAND ${PROJECT_SOURCE_DIR}/proofs/run --selftest)
  set_tests_properties(proofs_selftest PROPERTIES LABELS "proofs" TIMEOUT 300)
endif()
