# Foundation: allocator, contexts, errors, ABI guards, install.
set(F ${CMAKE_CURRENT_LIST_DIR})

sanctum_add_test(test_alloc ${F}/test_alloc.c LABELS foundation)
target_link_libraries(test_alloc PRIVATE Threads::Threads)
sanctum_add_test(test_sweep ${F}/test_sweep.c LABELS foundation)
sanctum_add_test(test_context ${F}/test_context.c LABELS foundation)
sanctum_add_test(test_option_structs ${F}/test_option_structs.c LABELS foundation abi)
sanctum_add_test(test_utf8 ${F}/test_utf8.c LABELS foundation)
sanctum_add_test(test_checksum ${F}/test_checksum.c LABELS foundation)

# Header self-test: sanctum.h alone, as strict C11 and as C++, always with -Werror.
add_library(header_selftest OBJECT ${F}/header_alone.c ${F}/header_alone.cpp)
target_include_directories(header_selftest PRIVATE ${PROJECT_SOURCE_DIR}/core/include)
target_compile_options(header_selftest PRIVATE -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror
  $<$<COMPILE_LANGUAGE:C>:-std=c11 -Wstrict-prototypes>
  $<$<COMPILE_LANGUAGE:CXX>:-std=c++11 -Wold-style-cast>)
add_test(NAME header_selftest
  COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target header_selftest)
set_tests_properties(header_selftest PROPERTIES LABELS "abi;foundation")

# Only sanctum_* symbols leave the shared library, and exactly those listed in core/exports/.
add_test(NAME exported_symbols
  COMMAND ${F}/check_exports.sh $<TARGET_FILE:sanctumcore> ${PROJECT_SOURCE_DIR}/core/exports)
set_tests_properties(exported_symbols PROPERTIES LABELS "abi;foundation")

# Only alloc.c may call the system allocator.
file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/sanctumcore_objects.txt
  CONTENT "$<JOIN:$<TARGET_OBJECTS:sanctumcore>,\n>\n")
add_test(NAME no_raw_allocation
  COMMAND ${F}/check_no_raw_alloc.sh ${CMAKE_BINARY_DIR}/sanctumcore_objects.txt)
set_tests_properties(no_raw_allocation PROPERTIES LABELS foundation)

# cmake --install to a scratch prefix, then a consumer built with pkg-config only.
add_test(NAME install_consumer
  COMMAND ${F}/check_install.sh ${CMAKE_BINARY_DIR} ${F}/consumer.c)
set_tests_properties(install_consumer PROPERTIES LABELS "abi;foundation"
  ENVIRONMENT "CONSUMER_CFLAGS=$<$<BOOL:${SANCTUM_SANITIZE}>:-fsanitize=address,undefined>")

# The CLI runs and reports the library's version.
add_test(NAME cli_version COMMAND sanctum version)
set_tests_properties(cli_version PROPERTIES LABELS "cli;foundation"
  PASS_REGULAR_EXPRESSION "^sanctum ${PROJECT_VERSION} \\(ABI ${SANCTUM_ABI_MAJOR}\\)")
add_test(NAME cli_unknown_command COMMAND sanctum no-such-command)
set_tests_properties(cli_unknown_command PROPERTIES LABELS "cli;foundation" WILL_FAIL TRUE)
# Every command reads one option table: foreign, repeated and unknown options exit 2 with a usage line.
add_test(NAME cli_options COMMAND sh ${F}/cli_options.sh $<TARGET_FILE:sanctum>)
set_tests_properties(cli_options PROPERTIES LABELS "cli;foundation")

# Release hardening is really in the binaries (not in sanitizer, fuzz or coverage builds).
if(SANCTUM_HARDEN AND NOT SANCTUM_SANITIZE AND NOT SANCTUM_FUZZ AND NOT SANCTUM_COVERAGE
   AND NOT CMAKE_BUILD_TYPE STREQUAL "Debug")
  add_test(NAME release_hardening
    COMMAND ${F}/check_hardening.sh $<TARGET_FILE:sanctumcore> $<TARGET_FILE:sanctum>)
  set_tests_properties(release_hardening PROPERTIES LABELS foundation)
endif()
# Results that could not be written (a full disk) exit 2 with a message, not 0.
add_test(NAME cli_write_errors COMMAND sh ${F}/cli_write_errors.sh $<TARGET_FILE:sanctum>)
set_tests_properties(cli_write_errors PROPERTIES LABELS "cli;foundation")
# Odd inputs (directories, symlink loops, closed stdin, binary bytes): a message naming the path, exit 2.
add_test(NAME cli_odd_inputs COMMAND sh ${F}/cli_odd_inputs.sh $<TARGET_FILE:sanctum>)
set_tests_properties(cli_odd_inputs PROPERTIES LABELS "cli;foundation")
