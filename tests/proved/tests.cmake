# The proved routines' behaviour (their proofs run in tests/proofs when present).
sanctum_add_test(test_proved ${CMAKE_CURRENT_LIST_DIR}/test_proved.c LABELS proved)
