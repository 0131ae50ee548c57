# Warning, hardening and sanitizer flags shared by every target of the project.

set(SANCTUM_WARNINGS
  -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow
  -Wformat=2 -Wcast-qual -Wvla -Wundef -Wwrite-strings
  $<$<COMPILE_LANGUAGE:C>:-Wstrict-prototypes -Wmissing-prototypes -Wold-style-definition>)
if(SANCTUM_WERROR)
  list(APPEND SANCTUM_WARNINGS -Werror)
endif()

add_library(sanctum_flags INTERFACE)
target_compile_options(sanctum_flags INTERFACE ${SANCTUM_WARNINGS})

if(SANCTUM_HARDEN AND NOT SANCTUM_SANITIZE AND NOT SANCTUM_FUZZ AND NOT SANCTUM_COVERAGE)
  # _FORTIFY_SOURCE needs optimisation; debug builds get the sanitizers instead.
  target_compile_options(sanctum_flags INTERFACE
    $<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=3>
    -fstack-protector-strong -fstack-clash-protection -fcf-protection)
  target_link_options(sanctum_flags INTERFACE
    -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)
endif()

if(SANCTUM_SANITIZE)
  target_compile_options(sanctum_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(sanctum_flags INTERFACE -fsanitize=address,undefined)
endif()

if(SANCTUM_FUZZ)
  # Coverage instrumentation for the library too, so libFuzzer is guided by the code under test.
  target_compile_options(sanctum_flags INTERFACE -fsanitize=fuzzer-no-link)
endif()

if(SANCTUM_COVERAGE)
  target_compile_options(sanctum_flags INTERFACE -fprofile-instr-generate -fcoverage-mapping)
  target_link_options(sanctum_flags INTERFACE -fprofile-instr-generate -fcoverage-mapping)
endif()

# PIE for executables (the CLI); the library itself is PIC.
include(CheckPIESupported)
check_pie_supported()
