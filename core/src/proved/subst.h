/*
 * Span substitution: the output is the input with each span [start, end) replaced by its replacement
 * bytes, every byte outside the spans copied unchanged. Spans must be sorted by start, non-overlapping
 * (end <= next start) and within the input. Proved with Frama-C WP (proofs/subst): the ACSL contracts
 * below are the specification; proofs/README.md lists what is proved and what is assumed.
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

/*@
  predicate spans_valid{L}(integer in_len, sc_span *s, integer n) =
    (\forall integer i; 0 <= i < n ==> s[i].start <= s[i].end <= in_len) &&
    (\forall integer i; 0 < i < n ==> s[i-1].end <= s[i].start);

  // Length change caused by the first k spans.
  logic integer delta{L}(sc_span *s, integer k) =
    k <= 0 ? 0 : delta(s, k-1) + s[k-1].repl_len - (s[k-1].end - s[k-1].start);

  // Start of input gap k (the bytes between span k-1 and span k).
  logic integer gap_start{L}(sc_span *s, integer k) = k <= 0 ? 0 : s[k-1].end;
  // End of input gap k (in_len for the last gap).
  logic integer gap_end{L}(sc_span *s, integer n, integer in_len, integer k) =
    k >= n ? in_len : s[k].start;
  // Output position of the first byte of input gap k.
  logic integer out_pos{L}(sc_span *s, integer k) = gap_start(s, k) + delta(s, k);

  lemma delta_step{L}: \forall sc_span *s, integer k; k >= 0 ==>
    delta(s, k+1) == delta(s, k) + s[k].repl_len - (s[k].end - s[k].start);
  lemma out_pos_step{L}: \forall sc_span *s, integer k; k >= 0 ==>
    out_pos(s, k+1) == s[k].start + delta(s, k) + s[k].repl_len;

  predicate lengths_fit{L}(integer in_len, sc_span *s, integer n) =
    \forall integer k; 0 <= k <= n ==> in_len + delta(s, k) <= SIZE_MAX;
*/

/* True when spans[0..n) are sorted, non-overlapping, each start <= end <= in_len. */
/*@ requires \valid_read(spans + (0 .. n-1));
    assigns \nothing;
    ensures \result <==> spans_valid(in_len, spans, n);
*/
bool sc_subst_spans_valid(size_t in_len, const sc_span *spans, size_t n);

/* Exact output length into *out_len. False (and *out_len untouched) when the spans are invalid or the
 * length would overflow size_t. */
/*@ requires \valid_read(spans + (0 .. n-1));
    requires \valid(out_len);
    requires \separated(out_len, spans + (0 .. n-1));
    assigns *out_len;
    ensures \result ==> \old(spans_valid(in_len, spans, n) && lengths_fit(in_len, spans, n));
    ensures \old(spans_valid(in_len, spans, n) && lengths_fit(in_len, spans, n)) ==> \result;
    ensures \result ==> *out_len == in_len + \old(delta(spans, n));
    ensures \result ==> \forall integer k, m; 0 <= k <= m <= n ==>
              \old(out_pos(spans, k)) <= \old(out_pos(spans, m)) <= *out_len;
    ensures !\result ==> *out_len == \old(*out_len);
*/
bool sc_subst_length(size_t in_len, const sc_span *spans, size_t n, size_t *out_len);

/* Writes the substituted text into out[0..out_cap). False when the spans are invalid or out_cap is below
 * the exact length; then out may hold a prefix and must be discarded. On success *out_len is the length
 * sc_subst_length gives. */
/*@ requires \valid_read(in + (0 .. in_len-1));
    requires \valid_read(spans + (0 .. n-1));
    requires \valid(out + (0 .. out_cap-1));
    requires \valid(out_len);
    requires \forall integer i; 0 <= i < n ==>
               \valid_read(spans[i].repl + (0 .. spans[i].repl_len-1));
    requires \separated(out + (0 .. out_cap-1), in + (0 .. in_len-1));
    requires \forall integer i; 0 <= i < n ==>
               \separated(out + (0 .. out_cap-1), spans[i].repl + (0 .. spans[i].repl_len-1));
    requires \separated(out_len, spans + (0 .. n-1), out + (0 .. out_cap-1));
    assigns out[0 .. out_cap-1], *out_len;
    ensures \result ==> \old(spans_valid(in_len, spans, n) && lengths_fit(in_len, spans, n)) &&
                         in_len + \old(delta(spans, n)) <= out_cap;
    ensures \old(spans_valid(in_len, spans, n) && lengths_fit(in_len, spans, n)) &&
            in_len + \old(delta(spans, n)) <= out_cap ==> \result;
    ensures \result ==> *out_len == in_len + \old(delta(spans, n));
*/
bool sc_subst_apply(const uint8_t *in, size_t in_len, const sc_span *spans, size_t n, uint8_t *out,
                    size_t out_cap, size_t *out_len);

#endif
