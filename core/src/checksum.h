/*
 * Check-digit validators used by the PII detector. Small, loop-only code with ACSL contracts proved by
 * Frama-C WP (proofs/). Each takes ASCII digits/letters already stripped of separators.
 */
#ifndef SANCTUM_CHECKSUM_H
#define SANCTUM_CHECKSUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Luhn (mod 10) over n ASCII digits '0'..'9'. False if any byte is not a digit or n == 0. */
bool sc_luhn_valid(const uint8_t *digits, size_t n);

/* ABA routing number: exactly 9 ASCII digits with 3*(d1+d4+d7) + 7*(d2+d5+d8) + (d3+d6+d9) = 0 mod 10. */
bool sc_aba_valid(const uint8_t *digits, size_t n);

/* IBAN mod-97 (ISO 13616): s holds n bytes, upper-case letters and digits only, country code first.
 * Moves the first four characters to the end, maps A..Z to 10..35 and checks the number mod 97 is 1.
 * False on any other byte or when n < 5. Country lengths are the detector's business. */
bool sc_iban_mod97_valid(const uint8_t *s, size_t n);

#endif
