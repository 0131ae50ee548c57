/* Fuzz harness: caller-given regexes (ad-hoc recognizers) compiled and matched over arbitrary bytes.
 * Input: one flags byte, then regexes separated by NUL bytes, the last segment being the text.
 * Properties: no crash; a bad regex is refused with an offset inside it; invalid UTF-8 text is refused
 * with the offset of the first bad byte; every match is in bounds, non-empty, ordered by pattern then
 * start and non-overlapping within its pattern; nothing is left allocated. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sanctum.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint32_t flags = data[0] & 7u;
    data++;
    size--;
    sanctum_ctx *ctx = NULL;
    if (sanctum_ctx_new(&ctx, NULL, NULL) != SANCTUM_OK)
        abort();
    sanctum_pattern_set *set = NULL;
    sanctum_error err;
    if (sanctum_pattern_set_new(&set, ctx, 100000, &err) != SANCTUM_OK)
        abort();
    const uint8_t *p = data;
    size_t left = size;
    const uint8_t *nul;
    while ((nul = memchr(p, 0, left)) != NULL) {
        size_t n = (size_t)(nul - p);
        sanctum_status st = sanctum_pattern_set_add(set, p, n, flags, &err);
        if (st == SANCTUM_E_NOMEM || st == SANCTUM_E_INTERNAL)
            abort();
        if ((st == SANCTUM_E_PARSE || st == SANCTUM_E_UTF8) && err.offset != SANCTUM_NO_OFFSET && err.offset > n)
            abort();
        left -= n + 1;
        p = nul + 1;
    }
    sanctum_pattern_matches *m = NULL;
    sanctum_status st = sanctum_pattern_set_match(set, p, left, 0, &m, &err);
    size_t valid = sc_utf8_valid_prefix(p, left);
    if (valid != left) {
        if (st != SANCTUM_E_UTF8 || m != NULL || err.offset != valid)
            abort();
    } else if (st == SANCTUM_OK) {
        for (uint64_t i = 0; i < m->count; i++) {
            const sanctum_pattern_match *x = &m->matches[i];
            if (x->start >= x->end || x->end > left || x->pattern >= sanctum_pattern_set_count(set))
                abort();
            if (i > 0) {
                const sanctum_pattern_match *w = &m->matches[i - 1];
                if (w->pattern > x->pattern || (w->pattern == x->pattern && w->end > x->start))
                    abort();
            }
        }
    } else if (st != SANCTUM_E_LIMIT || m != NULL) {
        abort();
    }
    sanctum_free(m);
    sanctum_free(set);
    sanctum_stats s = {0};
    sanctum_ctx_stats(ctx, &s);
    if (s.current_blocks != 0)
        abort();
    sanctum_ctx_free(ctx);
    return 0;
}
