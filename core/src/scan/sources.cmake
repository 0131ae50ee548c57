# Token-pattern scanner. The built-in rules (rules/builtin.rules) are compiled in: at configure time
# the file becomes a C array in the build tree, regenerated whenever the rules file changes.
set(SC_SCAN_RULES_FILE ${PROJECT_SOURCE_DIR}/rules/builtin.rules)
set(SC_SCAN_RULES_C ${CMAKE_CURRENT_BINARY_DIR}/scan_builtin_rules.c)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${SC_SCAN_RULES_FILE})
file(READ ${SC_SCAN_RULES_FILE} SC_SCAN_RULES_HEX HEX)
file(SIZE ${SC_SCAN_RULES_FILE} SC_SCAN_RULES_SIZE)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," SC_SCAN_RULES_HEX "${SC_SCAN_RULES_HEX}")
string(REGEX REPLACE "((0x..,){24})" "\\1\n" SC_SCAN_RULES_HEX "${SC_SCAN_RULES_HEX}")
file(CONFIGURE OUTPUT ${SC_SCAN_RULES_C} CONTENT
"/* Generated from rules/builtin.rules by core/src/scan/sources.cmake. Do not edit. */
#include \"scan/scan_internal.h\"

const unsigned char sc_scan_builtin_rules[] = {
${SC_SCAN_RULES_HEX}0x00};
const size_t sc_scan_builtin_rules_len = ${SC_SCAN_RULES_SIZE};
" @ONLY)

list(APPEND SANCTUM_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/baseline.c
  ${CMAKE_CURRENT_LIST_DIR}/decode.c
  ${CMAKE_CURRENT_LIST_DIR}/engine.c
  ${CMAKE_CURRENT_LIST_DIR}/ignore.c
  ${CMAKE_CURRENT_LIST_DIR}/report.c
  ${CMAKE_CURRENT_LIST_DIR}/rules.c
  ${CMAKE_CURRENT_LIST_DIR}/validate.c
  ${SC_SCAN_RULES_C})
