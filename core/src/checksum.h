/*
 * Check-digit validators used by the PII detector. Small, loop-only code with ACSL contracts proved by
 * Frama-C WP (proofs/). Each takes ASCII digits/letters already stripped of separators.
 */
#ifndef SANCTUM_CHECKSUM_H
#define SANCTUM_CHECKSUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*@
  predicate is_digit(integer c) = '0' <= c <= '9';
  predicate all_digits{L}(uint8_t *d, integer a, integer b) =
    \forall integer k; a <= k < b ==> is_digit(d[k]);

  // Luhn: value of the digit at position p counted from the right (0 = check digit).
  logic integer luhn_digit(integer c, integer p) =
    p % 2 == 0 ? c - '0' : (2 * (c - '0') > 9 ? 2 * (c - '0') - 9 : 2 * (c - '0'));
  // Sum over the last k digits of d[0..n).
  logic integer luhn_part{L}(uint8_t *d, integer n, integer k) =
    k <= 0 ? 0 : luhn_part(d, n, k - 1) + luhn_digit(d[n - k], k - 1);

  // ABA: the digit c at position i (0-based from the left) times its weight: 3, 7, 1 repeating.
  logic integer aba_term(integer i, integer c) =
    i % 3 == 0 ? 3 * (c - '0') : (i % 3 == 1 ? 7 * (c - '0') : c - '0');
  // Weighted sum of d[0..k).
  logic integer aba_part{L}(uint8_t *d, integer k) =
    k <= 0 ? 0 : aba_part(d, k - 1) + aba_term(k - 1, d[k - 1]);

  lemma mod10_add: \forall integer a, b; a >= 0 && b >= 0 ==> (a % 10 + b) % 10 == (a + b) % 10;

  predicate iban_char(integer c) = '0' <= c <= '9' || 'A' <= c <= 'Z';
  predicate all_iban{L}(uint8_t *s, integer a, integer b) =
    \forall integer k; a <= k < b ==> iban_char(s[k]);
  // One step of the mod-97 fold: a digit appends one decimal digit, a letter the two digits 10..35.
  logic integer mod97_step(integer r, integer c) =
    '0' <= c <= '9' ? (r * 10 + (c - '0')) % 97 : (r * 100 + (c - 'A') + 10) % 97;
  // Fold of s[a..b) starting from remainder r.
  logic integer mod97_fold{L}(uint8_t *s, integer a, integer b, integer r) =
    b <= a ? r : mod97_step(mod97_fold(s, a, b - 1, r), s[b - 1]);
*/

/* Luhn (mod 10) over n ASCII digits '0'..'9'. False if any byte is not a digit or n == 0. */
/*@ requires \valid_read(digits + (0 .. n-1));
    assigns \nothing;
    ensures \result <==> n > 0 && all_digits(digits, 0, n) && luhn_part(digits, n, n) % 10 == 0;
*/
bool sc_luhn_valid(const uint8_t *digits, size_t n);

/* ABA routing number: exactly 9 ASCII digits with 3*(d1+d4+d7) + 7*(d2+d5+d8) + (d3+d6+d9) = 0 mod 10. */
/*@ requires n == 9 ==> \valid_read(digits + (0 .. 8));
    assigns \nothing;
    ensures \result <==> n == 9 && all_digits(digits, 0, 9) && aba_part(digits, 9) % 10 == 0;
*/
bool sc_aba_valid(const uint8_t *digits, size_t n);

/* IBAN mod-97 (ISO 13616): s holds n bytes, upper-case letters and digits only, country code first.
 * Moves the first four characters to the end, maps A..Z to 10..35 and checks the number mod 97 is 1.
 * False on any other byte or when n < 5. Country lengths are the detector's business. */
/*@ requires \valid_read(s + (0 .. n-1));
    assigns \nothing;
    ensures \result <==> n >= 5 && all_iban(s, 0, n) &&
                         mod97_fold(s, 0, 4, mod97_fold(s, 4, n, 0)) == 1;
*/
bool sc_iban_mod97_valid(const uint8_t *s, size_t n);

#endif
