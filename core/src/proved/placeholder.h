/*
 * Placeholders <TYPE_N>: TYPE is 1..32 bytes of [A-Z_] starting with a letter, N a decimal number from
 * 1 to 999999999 without leading zeros. Format and strict parse are proved with Frama-C WP
 * (proofs/placeholder): parse(format(type, n)) gives back type and n.
 */
#ifndef SANCTUM_PLACEHOLDER_H
#define SANCTUM_PLACEHOLDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SC_PLACEHOLDER_TYPE_MAX 32u
#define SC_PLACEHOLDER_NUMBER_MAX 999999999u
/* '<' + type + '_' + 9 digits + '>' */
#define SC_PLACEHOLDER_MAX (SC_PLACEHOLDER_TYPE_MAX + 12u)

/* True when type[0..len) is a valid TYPE. */
bool sc_placeholder_type_valid(const uint8_t *type, size_t len);

/* Writes "<TYPE_N>" into out[0..cap). Returns its length, or 0 when the type or number is invalid or
 * cap is too small (nothing meaningful is written then). */
size_t sc_placeholder_format(const uint8_t *type, size_t type_len, uint32_t number, uint8_t *out,
                             size_t cap);

/* Parses exactly s[0..n) as "<TYPE_N>". On success sets *type_len (the type is s + 1) and *number. */
bool sc_placeholder_parse(const uint8_t *s, size_t n, size_t *type_len, uint32_t *number);

#endif
