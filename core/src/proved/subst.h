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

  // What sc_subst_apply's output holds (out read at Lo; the input and the spans at Ls):
  // gap_at: input gap k, the bytes gap_start(k) <= j < spans[k].start, sits at out[j + delta(k)].
  predicate gap_at{Ls, Lo}(uint8_t *out, uint8_t *in, sc_span *s, integer k) =
    \forall integer j; gap_start{Ls}(s, k) <= j < \at(s[k].start, Ls) ==>
      \at(out[j + delta{Ls}(s, k)], Lo) == \at(in[j], Ls);
  // repl_at: replacement k sits right after gap k, at out[spans[k].start + delta(k) ..].
  predicate repl_at{Ls, Lo}(uint8_t *out, sc_span *s, integer k) =
    \forall integer j; 0 <= j < \at(s[k].repl_len, Ls) ==>
      \at(out[\at(s[k].start, Ls) + delta{Ls}(s, k) + j], Lo) == \at(s[k].repl[j], Ls);
  // gaps_copied / repls_copied: the same for every span k < i.
  predicate gaps_copied{Ls, Lo}(uint8_t *out, uint8_t *in, sc_span *s, integer i) =
    \forall integer k; 0 <= k < i ==> gap_at{Ls, Lo}(out, in, s, k);
  predicate repls_copied{Ls, Lo}(uint8_t *out, sc_span *s, integer i) =
    \forall integer k; 0 <= k < i ==> repl_at{Ls, Lo}(out, s, k);
  // Gap k and replacement k were written below b.
  predicate below_at{Ls}(sc_span *s, integer k, integer b) =
    \at(s[k].start + delta(s, k), Ls) <= b && \at(s[k].start + delta(s, k) + s[k].repl_len, Ls) <= b;
  // Everything the first i spans and their gaps produced lies below b (below_at for every k < i, spelled
  // out so that provers match its terms directly).
  predicate written_below{Ls}(sc_span *s, integer i, integer b) =
    \forall integer k; 0 <= k < i ==>
      \at(s[k].start + delta(s, k), Ls) <= b && \at(s[k].start + delta(s, k) + s[k].repl_len, Ls) <= b;

  // out[x] is the same at L1 and L2 for every x < b (a named predicate so that provers can match it).
  predicate same_below{L1, L2}(uint8_t *out, integer b) =
    \forall integer x; x < b ==> \at(out[x], L1) == \at(out[x], L2);

  // Frame: writing at or above b keeps what lies below it (negative indices included: a gap's output
  // position may lie below zero as far as this lemma knows).
  lemma gap_at_frame{Ls, L1, L2}: \forall uint8_t *out, *in, sc_span *s, integer k, b;
    gap_at{Ls, L1}(out, in, s, k) && below_at{Ls}(s, k, b) &&
    same_below{L1, L2}(out, b) ==>
    gap_at{Ls, L2}(out, in, s, k);
  lemma repl_at_frame{Ls, L1, L2}: \forall uint8_t *out, sc_span *s, integer k, b;
    repl_at{Ls, L1}(out, s, k) && below_at{Ls}(s, k, b) &&
    same_below{L1, L2}(out, b) ==>
    repl_at{Ls, L2}(out, s, k);
  // Adding gap i / replacement i.
  lemma gaps_copied_next{Ls, Lo}: \forall uint8_t *out, *in, sc_span *s, integer i;
    i >= 0 && gaps_copied{Ls, Lo}(out, in, s, i) && gap_at{Ls, Lo}(out, in, s, i) ==>
    gaps_copied{Ls, Lo}(out, in, s, i + 1);
  lemma repls_copied_next{Ls, Lo}: \forall uint8_t *out, sc_span *s, integer i;
    i >= 0 && repls_copied{Ls, Lo}(out, s, i) && repl_at{Ls, Lo}(out, s, i) ==>
    repls_copied{Ls, Lo}(out, s, i + 1);
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
    requires \forall integer i; 0 <= i < n ==> \base_addr(spans[i].repl) != \base_addr(out);
    requires \separated(out_len, spans + (0 .. n-1), out + (0 .. out_cap-1));
    assigns out[0 .. out_cap-1], *out_len;
    ensures \result ==> \old(spans_valid(in_len, spans, n) && lengths_fit(in_len, spans, n)) &&
                         in_len + \old(delta(spans, n)) <= out_cap;
    ensures \old(spans_valid(in_len, spans, n) && lengths_fit(in_len, spans, n)) &&
            in_len + \old(delta(spans, n)) <= out_cap ==> \result;
    ensures \result ==> *out_len == in_len + \old(delta(spans, n));
    // Bytes outside the spans are copied unchanged: for every span k, input byte j of the gap before it
    // (gap_start(k) <= j < spans[k].start) lands at out[j + delta(k)] (gap_at above) ...
    ensures gaps_copied: \result ==> gaps_copied{Pre, Post}(out, in, spans, n);
    // ... and so does the tail after the last span.
    ensures tail_copied: \result ==> \forall integer j; \old(gap_start(spans, n)) <= j < in_len ==>
              out[j + \old(delta(spans, n))] == \old(in[j]);
    // Replacement k lands right after gap k: out[spans[k].start + delta(k) + j] == spans[k].repl[j] for
    // every span k and 0 <= j < spans[k].repl_len (repl_at above).
    ensures repls_copied: \result ==> repls_copied{Pre, Post}(out, spans, n);
*/
bool sc_subst_apply(const uint8_t *in, size_t in_len, const sc_span *spans, size_t n, uint8_t *out,
                    size_t out_cap, size_t *out_len);

#endif
