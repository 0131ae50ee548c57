/* Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. */
#ifndef SANCTUM_UTF8_H
#define SANCTUM_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the longest valid prefix of s[0..n): n when the whole buffer is valid. */
size_t sc_utf8_valid_prefix(const uint8_t *s, size_t n);

/* Decodes one code point at s[0..n). Returns its length (1-4) and sets *cp, or 0 if the bytes there
 * are not a complete valid sequence. */
size_t sc_utf8_decode(const uint8_t *s, size_t n, uint32_t *cp);

/* Encodes cp (a scalar value: not a surrogate, at most U+10FFFF) into out[0..4). Returns the length,
 * or 0 if cp is not a scalar value. */
size_t sc_utf8_encode(uint32_t cp, uint8_t out[4]);

#endif
