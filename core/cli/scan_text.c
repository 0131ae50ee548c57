/* sanctum scan: a file's bytes into text the scanner reads. UTF-16 files (Windows tools write them) are
 * transcoded to UTF-8 and the findings' offsets mapped back; files whose size reads 0 (/proc and other
 * pseudo-files) are read up to the size cap. */
#include <errno.h>
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scan_text.h"

/* UTF-16 text: 1 little-endian, 2 big-endian, 0 neither. A byte-order mark decides (its length in
 * *bom); without one, text that is ASCII with every other byte NUL (what Windows tools write). */
int scan_utf16_kind(const uint8_t *p, size_t n, size_t *bom)
{
    *bom = 0;
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE && !(n >= 4 && p[2] == 0 && p[3] == 0)) {
        *bom = 2;
        return 1;
    }
    if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        *bom = 2;
        return 2;
    }
    size_t pairs = (n < 8192 ? n : 8192) / 2;
    if (pairs < 2)
        return 0;
    size_t le = 0, be = 0;
    for (size_t i = 0; i < pairs; i++) {
        uint8_t a = p[2 * i], b = p[2 * i + 1];
        le += a != 0 && a < 0x80 && b == 0;
        be += a == 0 && b != 0 && b < 0x80;
    }
    if (le * 10 >= pairs * 9)
        return 1;
    if (be * 10 >= pairs * 9)
        return 2;
    return 0;
}

/* One code point of UTF-16 p (after bom bytes, units code units): the unit at *i, advanced past it;
 * *at is its byte offset in p. Unpaired surrogates become U+FFFD. */
static uint32_t utf16_next(const uint8_t *p, size_t units, size_t bom, bool be, size_t *i, size_t *at)
{
    *at = bom + 2 * *i;
    uint32_t u = be ? (uint32_t)p[*at] << 8 | p[*at + 1] : (uint32_t)p[*at + 1] << 8 | p[*at];
    (*i)++;
    if (u >= 0xD800 && u <= 0xDBFF && *i < units) {
        size_t at2 = bom + 2 * *i;
        uint32_t l = be ? (uint32_t)p[at2] << 8 | p[at2 + 1] : (uint32_t)p[at2 + 1] << 8 | p[at2];
        if (l >= 0xDC00 && l <= 0xDFFF) {
            u = 0x10000 + ((u - 0xD800) << 10) + (l - 0xDC00);
            (*i)++;
        }
    }
    return u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : u;
}

static size_t utf8_len(uint32_t u)
{
    return u < 0x80 ? 1 : u < 0x800 ? 2 : u < 0x10000 ? 3 : 4;
}

/* UTF-16 (after bom bytes) to UTF-8, sized exactly (a first pass counts); an odd last byte is dropped.
 * NULL when memory runs out. */
uint8_t *scan_utf16_to_utf8(const uint8_t *p, size_t n, size_t bom, bool be, size_t *out_len)
{
    size_t units = (n - bom) / 2, k = 0, at;
    for (size_t i = 0; i < units;)
        k += utf8_len(utf16_next(p, units, bom, be, &i, &at));
    *out_len = k;
    uint8_t *o = malloc(k + 1);
    if (o == NULL)
        return NULL;
    k = 0;
    for (size_t i = 0; i < units;) {
        uint32_t u = utf16_next(p, units, bom, be, &i, &at);
        switch (utf8_len(u)) {
        case 1:
            o[k++] = (uint8_t)u;
            break;
        case 2:
            o[k++] = (uint8_t)(0xC0 | u >> 6);
            o[k++] = (uint8_t)(0x80 | (u & 0x3F));
            break;
        case 3:
            o[k++] = (uint8_t)(0xE0 | u >> 12);
            o[k++] = (uint8_t)(0x80 | (u >> 6 & 0x3F));
            o[k++] = (uint8_t)(0x80 | (u & 0x3F));
            break;
        default:
            o[k++] = (uint8_t)(0xF0 | u >> 18);
            o[k++] = (uint8_t)(0x80 | (u >> 12 & 0x3F));
            o[k++] = (uint8_t)(0x80 | (u >> 6 & 0x3F));
            o[k++] = (uint8_t)(0x80 | (u & 0x3F));
            break;
        }
    }
    return o;
}

typedef struct offset_ref {
    uint64_t *at; /* a finding's offset in the UTF-8 text, rewritten to the file's */
    uint64_t val;
} offset_ref;

static int offset_ref_cmp(const void *a, const void *b)
{
    uint64_t x = ((const offset_ref *)a)->val, y = ((const offset_ref *)b)->val;
    return (x > y) - (x < y);
}

/* Findings' offsets and lengths in the transcoded text back into the UTF-16 file's bytes: the offsets
 * sorted, then one decoding pass (no map per byte). Lines and columns (code points) are the same. */
bool scan_utf16_offsets_back(const uint8_t *p, size_t n, size_t bom, bool be, sanctum_scan_finding *f,
                             uint64_t count)
{
    if (count == 0)
        return true;
    offset_ref *r = count > SIZE_MAX / 4 / sizeof *r ? NULL : malloc((size_t)count * 4 * sizeof *r);
    uint64_t *ends = count > SIZE_MAX / 2 / sizeof *ends ? NULL : malloc((size_t)count * 2 * sizeof *ends);
    if (r == NULL || ends == NULL) {
        free(r);
        free(ends);
        return false;
    }
    size_t m = 0;
    for (uint64_t k = 0; k < count; k++) {
        ends[2 * k] = f[k].secret_offset + f[k].secret_length;
        ends[2 * k + 1] = f[k].offset + f[k].length;
        r[m++] = (offset_ref){&f[k].secret_offset, f[k].secret_offset};
        r[m++] = (offset_ref){&f[k].offset, f[k].offset};
        r[m++] = (offset_ref){&ends[2 * k], ends[2 * k]};
        r[m++] = (offset_ref){&ends[2 * k + 1], ends[2 * k + 1]};
    }
    qsort(r, m, sizeof *r, offset_ref_cmp);
    size_t units = (n - bom) / 2, x = 0, at;
    uint64_t k8 = 0; /* UTF-8 offset of the code point at unit i */
    for (size_t i = 0; i < units && x < m;) {
        uint64_t nb = utf8_len(utf16_next(p, units, bom, be, &i, &at));
        for (; x < m && r[x].val < k8 + nb; x++)
            *r[x].at = at;
        k8 += nb;
    }
    for (; x < m; x++) /* the end of the text */
        *r[x].at = bom + 2 * units;
    for (uint64_t k = 0; k < count; k++) {
        f[k].secret_length = ends[2 * k] - f[k].secret_offset;
        f[k].length = ends[2 * k + 1] - f[k].offset;
    }
    free(r);
    free(ends);
    return true;
}

/* Reads a file whose size says 0 (empty, or a /proc or other pseudo-file whose size is not known
 * until it is read) into memory, up to max bytes. 0 read (*out NULL when empty), 1 larger than max,
 * -1 read error (errno set). */
int scan_read_unsized(int fd, uint64_t max, uint8_t **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    uint8_t *buf = NULL;
    size_t cap = 0, len = 0;
    for (;;) {
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 4096;
            uint8_t *nb = malloc(ncap);
            if (nb == NULL) {
                errno = ENOMEM;
                break;
            }
            if (len != 0)
                memcpy(nb, buf, len);
            if (buf != NULL) {
                sodium_memzero(buf, cap);
                free(buf);
            }
            buf = nb;
            cap = ncap;
        }
        ssize_t got = read(fd, buf + len, cap - len);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (got < 0)
            break;
        if (got == 0) {
            if (len == 0) {
                free(buf);
                return 0;
            }
            *out = buf;
            *out_len = len;
            return 0;
        }
        len += (size_t)got;
        if ((uint64_t)len > max) {
            sodium_memzero(buf, cap);
            free(buf);
            return 1;
        }
    }
    int e = errno;
    if (buf != NULL) {
        sodium_memzero(buf, cap);
        free(buf);
    }
    errno = e;
    return -1;
}
