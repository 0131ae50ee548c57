# Token-pattern scanner: unit tests, the labelled eval set, CLI tests (SARIF, git remotes, baseline).
set(S ${CMAKE_CURRENT_LIST_DIR})

sanctum_add_test(test_scan ${S}/test_scan.c ${S}/fakegen.c LABELS scan)
target_link_libraries(test_scan PRIVATE Threads::Threads)
# GCC only: it warns about the deliberately bounded test snprintf calls; clang has no such option.
target_compile_options(test_scan PRIVATE $<$<C_COMPILER_ID:GNU>:-Wno-format-truncation>)
sanctum_add_test(test_scan_ignore ${S}/test_scan_ignore.c LABELS scan)
sanctum_add_test(test_scan_eval ${S}/test_scan_eval.c ${S}/fakegen.c LABELS scan)
# Held-out set for the round-2 classes (command lines, framework keys, cloud, encoded, URLs).
sanctum_add_test(test_scan_heldout ${S}/test_scan_heldout.c ${S}/fakegen.c LABELS scan)

# CLI end to end: formats, SARIF required fields, git remotes, baseline, exit codes.
add_executable(scan_fakegen_cli ${S}/fakegen_cli.c ${S}/fakegen.c)
target_link_libraries(scan_fakegen_cli PRIVATE sanctum_flags)
add_test(NAME cli_scan
  COMMAND sh ${S}/cli_scan.sh $<TARGET_FILE:sanctum> $<TARGET_FILE:scan_fakegen_cli> ${S}/check_sarif.py
          "${SANCTUM_PYTHON3}")
set_tests_properties(cli_scan PROPERTIES LABELS "cli;scan")

# Git history and --staged on repositories built with the git CLI (the scanner uses libgit2 only).
find_program(SANCTUM_GIT git)
if(SANCTUM_GIT)
  add_test(NAME cli_scan_git
    COMMAND sh ${S}/cli_scan_git.sh $<TARGET_FILE:sanctum> $<TARGET_FILE:scan_fakegen_cli> ${S}/check_sarif.py
            "${SANCTUM_PYTHON3}")
  set_tests_properties(cli_scan_git PROPERTIES LABELS "cli;scan")
endif()

add_test(NAME cli_scan_input COMMAND sh ${S}/cli_scan_input.sh $<TARGET_FILE:sanctum> $<TARGET_FILE:scan_fakegen_cli>)
set_tests_properties(cli_scan_input PROPERTIES LABELS "cli;scan")

# A shallow clone's history is incomplete: --git-history says so instead of reporting it clean.
if(SANCTUM_GIT)
  add_test(NAME cli_scan_shallow COMMAND sh ${S}/cli_scan_shallow.sh $<TARGET_FILE:sanctum> $<TARGET_FILE:scan_fakegen_cli>)
  # libgit2's own leak on a walk that stops at the shallow graft (see the file): this test only
  set_tests_properties(cli_scan_shallow PROPERTIES LABELS "cli;scan"
                       ENVIRONMENT "LSAN_OPTIONS=suppressions=${S}/libgit2_walk.supp")
endif()

# A directory swapped for a symlink mid-walk is not followed (the race staged by an LD_PRELOAD shim).
add_library(scan_swap_shim MODULE ${S}/swap_shim.c)
target_link_libraries(scan_swap_shim PRIVATE ${CMAKE_DL_LIBS})
add_test(NAME cli_scan_race
  COMMAND sh ${S}/cli_scan_race.sh $<TARGET_FILE:sanctum> $<TARGET_FILE:scan_fakegen_cli> $<TARGET_FILE:scan_swap_shim>)
set_tests_properties(cli_scan_race PROPERTIES LABELS "cli;scan" TIMEOUT 60)
