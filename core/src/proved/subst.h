/*
 * Span substitution: the output is the input with each span [start, end) replaced by its replacement
 * bytes, every byte outside the spans copied unchanged. Spans must be sorted by start, non-overlapping
 * (end <= next start) and within the input. Proved with Frama-C WP (proofs/subst).
 */
#ifndef SANCTUM_SUBST_H
#define SANCTUM_SUBST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sc_span {
    size_t start;
    size_t end;
    const uint8_t *repl;
    size_t repl_len;
} sc_span;

/* True when spans[0..n) are sorted, non-overlapping, each start <= end <= in_len. */
bool sc_subst_spans_valid(size_t in_len, const sc_span *spans, size_t n);

/* Exact output length into *out_len. False (and *out_len untouched) when the spans are invalid or the
 * length would overflow size_t. */
bool sc_subst_length(size_t in_len, const sc_span *spans, size_t n, size_t *out_len);

/* Writes the substituted text into out[0..out_cap). False when the spans are invalid or out_cap is below
 * the exact length; then out may hold a prefix and must be discarded. On success *out_len is the length
 * sc_subst_length gives. */
bool sc_subst_apply(const uint8_t *in, size_t in_len, const sc_span *spans, size_t n, uint8_t *out,
                    size_t out_cap, size_t *out_len);

#endif
