#include "utf8.h"

/* Plain arithmetic instead of masks and shifts (same values), so the proof needs no bit-vector model. */
size_t sc_utf8_decode(const uint8_t *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    uint8_t b0 = s[0];
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    size_t len;
    uint32_t min, c;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        c = b0 - 0xC0u;
        min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        c = b0 - 0xE0u;
        min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        c = b0 - 0xF0u;
        min = 0x10000;
    } else {
        return 0; /* continuation byte, C0/C1 overlong lead, or F5..FF */
    }
    if (n < len)
        return 0;
    /*@ loop invariant 1 <= i <= len;
        loop invariant \forall integer k; 1 <= k < i ==> utf8_cont(s[k]);
        loop invariant c == utf8_acc(s, len, i);
        loop invariant c < utf8_bound(i);
        loop assigns i, c;
        loop variant len - i;
    */
    for (size_t i = 1; i < len; i++) {
        if (s[i] < 0x80u || s[i] > 0xBFu)
            return 0;
        c = c * 64u + (uint32_t)(s[i] - 0x80u);
    }
    if (c < min || c > 0x10FFFFu || (c >= 0xD800u && c <= 0xDFFFu))
        return 0;
    *cp = c;
    return len;
}

size_t sc_utf8_valid_prefix(const uint8_t *s, size_t n)
{
    size_t i = 0;
    /*@ loop invariant 0 <= i <= n;
        loop assigns i;
        loop variant n - i;
    */
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = sc_utf8_decode(s + i, n - i, &cp);
        if (len == 0)
            return i;
        i += len;
    }
    return n;
}

size_t sc_utf8_encode(uint32_t cp, uint8_t out[4])
{
    if (cp < 0x80) {
        out[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (uint8_t)(0xC0u + cp / 64u);
        out[1] = (uint8_t)(0x80u + cp % 64u);
        /*@ assert cp == (cp / 64) * 64 + cp % 64; */
        /*@ assert utf8_acc(out, 2, 2) == cp; */
        return 2;
    }
    if (cp >= 0xD800u && cp <= 0xDFFFu)
        return 0;
    if (cp < 0x10000u) {
        out[0] = (uint8_t)(0xE0u + cp / 4096u);
        out[1] = (uint8_t)(0x80u + cp / 64u % 64u);
        out[2] = (uint8_t)(0x80u + cp % 64u);
        /*@ assert cp == (cp / 64) * 64 + cp % 64; */
        /*@ assert cp / 64 == (cp / 4096) * 64 + cp / 64 % 64; */
        /*@ assert utf8_acc(out, 3, 2) == cp / 64; */
        /*@ assert utf8_acc(out, 3, 3) == cp; */
        return 3;
    }
    if (cp > 0x10FFFFu)
        return 0;
    out[0] = (uint8_t)(0xF0u + cp / 262144u);
    out[1] = (uint8_t)(0x80u + cp / 4096u % 64u);
    out[2] = (uint8_t)(0x80u + cp / 64u % 64u);
    out[3] = (uint8_t)(0x80u + cp % 64u);
    /*@ assert cp == (cp / 64) * 64 + cp % 64; */
    /*@ assert cp / 64 == (cp / 4096) * 64 + cp / 64 % 64; */
    /*@ assert cp / 4096 == (cp / 262144) * 64 + cp / 4096 % 64; */
    /*@ assert utf8_acc(out, 4, 2) == cp / 4096; */
    /*@ assert utf8_acc(out, 4, 3) == cp / 64; */
    /*@ assert utf8_acc(out, 4, 4) == cp; */
    return 4;
}
