# Secret-age ledger. The numbered migrations in db/*.sql are embedded into the library as byte
# arrays (generated at configure time; editing a .sql file re-runs CMake).
set(SC_LEDGER_DIR ${CMAKE_CURRENT_LIST_DIR})
file(GLOB SC_LEDGER_SQL ${PROJECT_SOURCE_DIR}/db/[0-9][0-9][0-9][0-9]_*.sql)
list(SORT SC_LEDGER_SQL)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${SC_LEDGER_SQL} ${PROJECT_SOURCE_DIR}/db)

set(SC_LEDGER_GEN "/* Generated from db/NNNN_name.sql by core/src/ledger/sources.cmake. Do not edit. */\n")
string(APPEND SC_LEDGER_GEN "#include \"ledger/ledger_internal.h\"\n\n")
set(SC_LEDGER_TABLE "")
set(SC_LEDGER_EXPECT 1)
foreach(sql IN LISTS SC_LEDGER_SQL)
  get_filename_component(base ${sql} NAME)
  string(SUBSTRING ${base} 0 4 num)
  math(EXPR numv "1${num} - 10000")
  if(NOT numv EQUAL SC_LEDGER_EXPECT)
    message(FATAL_ERROR "db/: migration ${base} is out of sequence (expected number ${SC_LEDGER_EXPECT})")
  endif()
  math(EXPR SC_LEDGER_EXPECT "${SC_LEDGER_EXPECT} + 1")
  file(READ ${sql} hex HEX)
  string(LENGTH "${hex}" hexlen)
  math(EXPR nbytes "${hexlen} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){16})" "\\1\n    " bytes "${bytes}")
  string(APPEND SC_LEDGER_GEN "static const unsigned char migration_${numv}[${nbytes} + 1] = {\n    ${bytes}0x00};\n")
  string(APPEND SC_LEDGER_TABLE "    {${numv}, \"${base}\", (const char *)migration_${numv}, ${nbytes}},\n")
endforeach()
math(EXPR SC_LEDGER_COUNT "${SC_LEDGER_EXPECT} - 1")
if(SC_LEDGER_COUNT LESS 1)
  message(FATAL_ERROR "db/: no migrations found")
endif()
string(APPEND SC_LEDGER_GEN "\nconst sc_migration sc_ledger_migrations[] = {\n${SC_LEDGER_TABLE}};\n")
string(APPEND SC_LEDGER_GEN "const uint32_t sc_ledger_migration_count = ${SC_LEDGER_COUNT};\n")
set(SC_LEDGER_GEN_FILE ${CMAKE_CURRENT_BINARY_DIR}/generated/ledger_migrations.c)
file(CONFIGURE OUTPUT ${SC_LEDGER_GEN_FILE} CONTENT "${SC_LEDGER_GEN}" @ONLY)

list(APPEND SANCTUM_SOURCES
  ${SC_LEDGER_DIR}/db.c
  ${SC_LEDGER_DIR}/audit.c
  ${SC_LEDGER_DIR}/guard.c
  ${SC_LEDGER_DIR}/ops.c
  ${SC_LEDGER_DIR}/query.c
  ${SC_LEDGER_DIR}/timefmt.c
  ${SC_LEDGER_GEN_FILE})
