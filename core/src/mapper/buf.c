/* Growable wiped byte buffer. */
#include <string.h>

#include "../alloc.h"
#include "mapper.h"

void sc_buf_init(sc_buf *b, sanctum_ctx *ctx)
{
    b->ctx = ctx;
    b->p = NULL;
    b->len = b->cap = 0;
}

bool sc_buf_reserve(sc_buf *b, size_t extra)
{
    if (extra <= b->cap - b->len)
        return true;
    if (extra > SIZE_MAX / 2 - b->len)
        return false;
    size_t want = b->len + extra;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < want)
        cap *= 2;
    uint8_t *np;
    if (b->p == NULL)
        np = sc_alloc(b->ctx, cap, SC_ALLOC_SECRET);
    else
        np = sc_realloc(b->ctx, b->p, cap);
    if (np == NULL)
        return false;
    b->p = np;
    b->cap = cap;
    return true;
}

bool sc_buf_put(sc_buf *b, const void *src, size_t n)
{
    if (n == 0)
        return true;
    if (!sc_buf_reserve(b, n))
        return false;
    memcpy(b->p + b->len, src, n);
    b->len += n;
    return true;
}

void sc_buf_free(sc_buf *b)
{
    sc_free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

bool sc_buf_take(sc_buf *b, uint8_t **out, size_t *out_len)
{
    if (b->p == NULL) {
        b->p = sc_alloc(b->ctx, 1, SC_ALLOC_SECRET);
        if (b->p == NULL)
            return false;
        b->cap = 1;
    }
    *out = b->p;
    *out_len = b->len;
    b->p = NULL;
    b->len = b->cap = 0;
    return true;
}
