/* Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
 * ACSL contracts proved with Frama-C WP (proofs/utf8). */
#ifndef SANCTUM_UTF8_H
#define SANCTUM_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*@
  predicate utf8_cont(integer b) = 0x80 <= b <= 0xBF;
  predicate utf8_scalar(integer c) = 0 <= c <= 0x10FFFF && !(0xD800 <= c <= 0xDFFF);
  // Sequence length announced by a lead byte (0: not a lead byte).
  logic integer utf8_lead_len(integer b) =
    b < 0x80 ? 1 : (0xC2 <= b <= 0xDF ? 2 : (0xE0 <= b <= 0xEF ? 3 : (0xF0 <= b <= 0xF4 ? 4 : 0)));
  logic integer utf8_lead_bits(integer b) =
    b < 0x80 ? b : (b <= 0xDF ? b - 0xC0 : (b <= 0xEF ? b - 0xE0 : b - 0xF0));
  logic integer utf8_min(integer len) =
    len == 1 ? 0 : (len == 2 ? 0x80 : (len == 3 ? 0x800 : 0x10000));
  // Value of s[0..i) for a sequence of length len: lead bits then 6 bits per continuation byte.
  logic integer utf8_acc{L}(uint8_t *s, integer len, integer i) =
    i <= 1 ? utf8_lead_bits(s[0]) : utf8_acc(s, len, i - 1) * 64 + (s[i - 1] - 0x80);
  logic integer utf8_bound(integer i) =
    i <= 1 ? 32 : (i == 2 ? 2048 : (i == 3 ? 131072 : 8388608));
  // s[0..len) is one well-formed sequence (RFC 3629 section 4) encoding a scalar value.
  predicate utf8_seq{L}(uint8_t *s, integer len) =
    1 <= len <= 4 && utf8_lead_len(s[0]) == len &&
    (\forall integer k; 1 <= k < len ==> utf8_cont(s[k])) &&
    utf8_min(len) <= utf8_acc(s, len, len) && utf8_scalar(utf8_acc(s, len, len));
*/

/* Length of the longest valid prefix of s[0..n): n when the whole buffer is valid. */
/*@ requires \valid_read(s + (0 .. n-1));
    assigns \nothing;
    ensures 0 <= \result <= n;
*/
size_t sc_utf8_valid_prefix(const uint8_t *s, size_t n);

/* Decodes one code point at s[0..n). Returns its length (1-4) and sets *cp, or 0 if the bytes there
 * are not a complete valid sequence. */
/*@ requires \valid_read(s + (0 .. n-1));
    requires \valid(cp);
    requires \separated(cp, s + (0 .. n-1));
    assigns *cp;
    ensures 0 <= \result <= 4 && \result <= n;
    ensures \result > 0 ==> utf8_seq(s, \result) && *cp == utf8_acc(s, \result, \result);
    ensures \result > 0 ==> utf8_scalar(*cp);
    ensures \result == 0 ==> \forall integer len; 1 <= len <= n ==> !utf8_seq(s, len);
*/
size_t sc_utf8_decode(const uint8_t *s, size_t n, uint32_t *cp);

/* Encodes cp (a scalar value: not a surrogate, at most U+10FFFF) into out[0..4). Returns the length,
 * or 0 if cp is not a scalar value. */
/*@ requires \valid(out + (0 .. 3));
    assigns out[0 .. 3];
    ensures \result == 0 <==> !utf8_scalar(cp);
    ensures \result != 0 ==> utf8_seq(out, \result) && utf8_acc(out, \result, \result) == cp;
*/
size_t sc_utf8_encode(uint32_t cp, uint8_t out[4]);

#endif
