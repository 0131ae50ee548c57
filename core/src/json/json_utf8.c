/*
 * Whole-input UTF-8 validation for the parser, so the string scanner only has to look for '"', '\\'
 * and control characters. With AVX2: the lookup algorithm of Keiser & Lemire ("Validating UTF-8 In
 * Less Than One Instruction Per Byte", 2021), 32 bytes at a time, all-ASCII blocks skipped; otherwise
 * (and to locate the first bad byte) the strict scalar decoder of utf8.c.
 */
#include "json.h"
#include "utf8.h"

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>

/* error classes, one bit each */
#define TOO_SHORT (1u << 0)
#define TOO_LONG (1u << 1)
#define OVERLONG_3 (1u << 2)
#define TOO_LARGE (1u << 3)
#define SURROGATE (1u << 4)
#define OVERLONG_2 (1u << 5)
#define TOO_LARGE_1000 (1u << 6)
#define OVERLONG_4 (1u << 6)
#define TWO_CONTS (1u << 7)
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

#define T16(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)                                                           \
    _mm256_setr_epi8((char)(a), (char)(b), (char)(c), (char)(d), (char)(e), (char)(f), (char)(g), (char)(h),          \
                     (char)(i), (char)(j), (char)(k), (char)(l), (char)(m), (char)(n), (char)(o), (char)(p),          \
                     (char)(a), (char)(b), (char)(c), (char)(d), (char)(e), (char)(f), (char)(g), (char)(h),          \
                     (char)(i), (char)(j), (char)(k), (char)(l), (char)(m), (char)(n), (char)(o), (char)(p))

__attribute__((target("avx2"))) static inline __m256i prev_n(__m256i in, __m256i prev, int n)
{
    __m256i t = _mm256_permute2x128_si256(prev, in, 0x21);
    switch (n) {
    case 1: return _mm256_alignr_epi8(in, t, 15);
    case 2: return _mm256_alignr_epi8(in, t, 14);
    default: return _mm256_alignr_epi8(in, t, 13);
    }
}

/* Returns a nonzero vector when the block (with the three bytes before it) holds an error. */
__attribute__((target("avx2"))) static inline __m256i check_block(__m256i in, __m256i prev)
{
    const __m256i t1h = T16(TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
                            TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT,
                            TOO_SHORT | OVERLONG_3 | SURROGATE, TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
    const __m256i t1l = T16(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
                            CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
                            CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
                            CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
                            CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
                            CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
                            CARRY | TOO_LARGE | TOO_LARGE_1000);
    const __m256i t2h = T16(TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
                            TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
                            TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
                            TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
                            TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, TOO_SHORT, TOO_SHORT, TOO_SHORT,
                            TOO_SHORT);
    const __m256i lo4 = _mm256_set1_epi8(0x0F);
    __m256i p1 = prev_n(in, prev, 1);
    __m256i b1h = _mm256_shuffle_epi8(t1h, _mm256_and_si256(_mm256_srli_epi16(p1, 4), lo4));
    __m256i b1l = _mm256_shuffle_epi8(t1l, _mm256_and_si256(p1, lo4));
    __m256i b2h = _mm256_shuffle_epi8(t2h, _mm256_and_si256(_mm256_srli_epi16(in, 4), lo4));
    __m256i sc = _mm256_and_si256(_mm256_and_si256(b1h, b1l), b2h);
    __m256i p2 = prev_n(in, prev, 2), p3 = prev_n(in, prev, 3);
    __m256i third = _mm256_subs_epu8(p2, _mm256_set1_epi8((char)(0xE0 - 0x80)));
    __m256i fourth = _mm256_subs_epu8(p3, _mm256_set1_epi8((char)(0xF0 - 0x80)));
    __m256i must23_80 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
    return _mm256_xor_si256(must23_80, sc);
}

__attribute__((target("avx2"))) static bool valid_avx2(const uint8_t *s, size_t len)
{
    __m256i prev = _mm256_setzero_si256(), err = _mm256_setzero_si256(), incomplete = _mm256_setzero_si256();
    /* a block may end inside a sequence: these are the lead bytes that need more than what is left */
    const __m256i max_tail = _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                              -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, (char)(0xF0 - 1),
                                              (char)(0xE0 - 1), (char)(0xC0 - 1));
    size_t i = 0;
    for (; i + 32 <= len; i += 32) {
        __m256i in = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
        if (_mm256_movemask_epi8(in) == 0) { /* all ASCII: only a sequence cut off before it can fail */
            err = _mm256_or_si256(err, incomplete);
        } else {
            err = _mm256_or_si256(err, check_block(in, prev));
            incomplete = _mm256_subs_epu8(in, max_tail);
        }
        prev = in;
        if ((i & 1023) == 992 && !_mm256_testz_si256(err, err))
            return false;
    }
    if (i < len) { /* the tail, padded with zeros (ASCII) */
        uint8_t tail[32] = {0};
        for (size_t k = 0; i + k < len; k++)
            tail[k] = s[i + k];
        __m256i in = _mm256_loadu_si256((const __m256i *)(const void *)tail);
        err = _mm256_or_si256(err, check_block(in, prev));
        incomplete = _mm256_subs_epu8(in, max_tail);
    }
    err = _mm256_or_si256(err, incomplete);
    return _mm256_testz_si256(err, err) != 0;
}
#endif

size_t sc_json_utf8_valid_prefix(const uint8_t *s, size_t len)
{
#if defined(__GNUC__) && defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && valid_avx2(s, len))
        return len;
#endif
    return sc_utf8_valid_prefix(s, len); /* also locates the first bad byte */
}

size_t sc_json_utf8_valid_prefix_portable(const uint8_t *s, size_t len)
{
    return sc_utf8_valid_prefix(s, len);
}
