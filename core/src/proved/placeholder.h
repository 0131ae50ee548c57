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

/*@
  predicate ph_upper(integer c) = 'A' <= c <= 'Z';
  predicate ph_digit(integer c) = '0' <= c <= '9';
  predicate ph_type_valid{L}(uint8_t *t, integer len) =
    1 <= len <= SC_PLACEHOLDER_TYPE_MAX && ph_upper(t[0]) &&
    \forall integer i; 1 <= i < len ==> ph_upper(t[i]) || t[i] == '_';
  predicate ph_all_digits{L}(uint8_t *s, integer a, integer b) =
    \forall integer k; a <= k < b ==> ph_digit(s[k]);
  logic integer ph_pow10(integer k) =
    k <= 0 ? 1 : k == 1 ? 10 : k == 2 ? 100 : k == 3 ? 1000 : k == 4 ? 10000 : k == 5 ? 100000 :
    k == 6 ? 1000000 : k == 7 ? 10000000 : k == 8 ? 100000000 : k == 9 ? 1000000000 : 10000000000;
  // Number of decimal digits of 1 <= x <= 999999999.
  logic integer ph_ndigits(integer x) =
    x < 10 ? 1 : x < 100 ? 2 : x < 1000 ? 3 : x < 10000 ? 4 : x < 100000 ? 5 : x < 1000000 ? 6 :
    x < 10000000 ? 7 : x < 100000000 ? 8 : 9;
  logic integer ph_dig(integer c) = c - '0';
  // Decimal value of the digits s[a..b), b - a <= 9 (written out, so no induction is needed).
  logic integer ph_value{L}(uint8_t *s, integer a, integer b) =
      (b - a >= 1 ? ph_dig(s[b-1]) : 0) + (b - a >= 2 ? 10 * ph_dig(s[b-2]) : 0) +
      (b - a >= 3 ? 100 * ph_dig(s[b-3]) : 0) + (b - a >= 4 ? 1000 * ph_dig(s[b-4]) : 0) +
      (b - a >= 5 ? 10000 * ph_dig(s[b-5]) : 0) + (b - a >= 6 ? 100000 * ph_dig(s[b-6]) : 0) +
      (b - a >= 7 ? 1000000 * ph_dig(s[b-7]) : 0) + (b - a >= 8 ? 10000000 * ph_dig(s[b-8]) : 0) +
      (b - a >= 9 ? 100000000 * ph_dig(s[b-9]) : 0);
  // s[0..n) is "<TYPE_N>" with a type of tl bytes.
  predicate ph_shape{L}(uint8_t *s, integer n, integer tl) =
    1 <= n - 3 - tl <= 9 && s[0] == '<' && s[n-1] == '>' && ph_type_valid(s + 1, tl) &&
    s[1 + tl] == '_' && ph_all_digits(s, 2 + tl, n - 1) && s[2 + tl] != '0';
*/

/* True when type[0..len) is a valid TYPE. */
/*@ requires \valid_read(type + (0 .. len-1));
    assigns \nothing;
    ensures \result <==> ph_type_valid(type, len);
*/
bool sc_placeholder_type_valid(const uint8_t *type, size_t len);

/* Writes "<TYPE_N>" into out[0..cap). Returns its length, or 0 when the type or number is invalid or
 * cap is too small (nothing meaningful is written then). */
/*@ requires \valid_read(type + (0 .. type_len-1));
    requires \valid(out + (0 .. cap-1));
    requires \separated(type + (0 .. type_len-1), out + (0 .. cap-1));
    assigns out[0 .. cap-1];
    ensures \result == 0 <==> !(ph_type_valid(type, type_len) && 1 <= number <= SC_PLACEHOLDER_NUMBER_MAX &&
                                type_len + ph_ndigits(number) + 3 <= cap);
    ensures \result != 0 ==> \result == type_len + ph_ndigits(number) + 3 &&
              out[0] == '<' && (\forall integer i; 0 <= i < type_len ==> out[1 + i] == type[i]) &&
              out[1 + type_len] == '_' && out[\result - 1] == '>';
    ensures fmt_shape: \result != 0 ==> ph_shape(out, \result, type_len);
    ensures fmt_value: \result != 0 ==> ph_value(out, 2 + type_len, \result - 1) == number;
*/
size_t sc_placeholder_format(const uint8_t *type, size_t type_len, uint32_t number, uint8_t *out,
                             size_t cap);

/* Parses exactly s[0..n) as "<TYPE_N>". On success sets *type_len (the type is s + 1) and *number. */
/*@ requires \valid_read(s + (0 .. n-1));
    requires \valid(type_len) && \valid(number);
    requires \separated(type_len, number, s + (0 .. n-1));
    assigns *type_len, *number;
    ensures \result ==> ph_shape(s, n, *type_len) && *number == ph_value(s, 2 + *type_len, n - 1);
    ensures \forall integer tl; ph_shape(s, n, tl) ==> \result && *type_len == tl;
*/
bool sc_placeholder_parse(const uint8_t *s, size_t n, size_t *type_len, uint32_t *number);

#endif
