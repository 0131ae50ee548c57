# Secret-age ledger: unit tests with allocation sweeps, processes (concurrency, SIGKILL), and the CLI
# with tamper tests through the sqlite3 shell.
set(L ${CMAKE_CURRENT_LIST_DIR})

sanctum_add_test(test_ledger ${L}/test_ledger.c ${L}/../scan/fakegen.c LABELS ledger)
target_link_libraries(test_ledger PRIVATE PkgConfig::SQLITE3)
target_include_directories(test_ledger PRIVATE ${L}/../scan)

sanctum_add_test(test_ledger_procs ${L}/test_ledger_procs.c LABELS ledger)
target_link_libraries(test_ledger_procs PRIVATE PkgConfig::SQLITE3)

find_program(SANCTUM_SQLITE3_SHELL sqlite3)
add_test(NAME ledger_cli COMMAND sh ${L}/cli_test.sh $<TARGET_FILE:sanctum> $<TARGET_FILE:scan_fakegen_cli>)
set_tests_properties(ledger_cli PROPERTIES LABELS "cli;ledger")
add_test(NAME ledger_tamper COMMAND sh ${L}/tamper_test.sh $<TARGET_FILE:sanctum> ${SANCTUM_SQLITE3_SHELL})
set_tests_properties(ledger_tamper PROPERTIES LABELS "cli;ledger")
# a value typed at a terminal is not echoed (a pseudo-terminal; every wait has a deadline)
add_test(NAME ledger_tty_echo COMMAND ${SANCTUM_PYTHON3} ${L}/cli_tty_echo.py $<TARGET_FILE:sanctum>)
set_tests_properties(ledger_tty_echo PROPERTIES LABELS "cli;ledger" TIMEOUT 60)

# Key files on a file system without hard links (link() replaced in the test program).
sanctum_add_test(test_keyfile ${L}/test_keyfile.c LABELS ledger)
