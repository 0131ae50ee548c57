#include "subst.h"

#include <string.h>

bool sc_subst_spans_valid(size_t in_len, const sc_span *spans, size_t n)
{
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        if (spans[i].start < pos || spans[i].end < spans[i].start || spans[i].end > in_len)
            return false;
        pos = spans[i].end;
    }
    return true;
}

bool sc_subst_length(size_t in_len, const sc_span *spans, size_t n, size_t *out_len)
{
    if (!sc_subst_spans_valid(in_len, spans, n))
        return false;
    size_t len = in_len;
    for (size_t i = 0; i < n; i++) {
        len -= spans[i].end - spans[i].start; /* the spans are disjoint parts of the input */
        if (spans[i].repl_len > SIZE_MAX - len)
            return false;
        len += spans[i].repl_len;
    }
    *out_len = len;
    return true;
}

/* Copies n bytes; a plain loop so the proof needs no model of memcpy. */
static void copy_bytes(uint8_t *dst, const uint8_t *src, size_t n)
{
    for (size_t k = 0; k < n; k++)
        dst[k] = src[k];
}

bool sc_subst_apply(const uint8_t *in, size_t in_len, const sc_span *spans, size_t n, uint8_t *out,
                    size_t out_cap, size_t *out_len)
{
    size_t need;
    if (!sc_subst_length(in_len, spans, n, &need) || need > out_cap)
        return false;
    size_t ip = 0, op = 0;
    for (size_t i = 0; i < n; i++) {
        size_t keep = spans[i].start - ip;
        copy_bytes(out + op, in + ip, keep);
        op += keep;
        copy_bytes(out + op, spans[i].repl, spans[i].repl_len);
        op += spans[i].repl_len;
        ip = spans[i].end;
    }
    copy_bytes(out + op, in + ip, in_len - ip);
    op += in_len - ip;
    *out_len = op;
    return true;
}
