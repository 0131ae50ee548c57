#include "subst.h"

/* The labels in sc_subst_apply are used only by the ACSL assertions (proofs/subst). */
#pragma GCC diagnostic ignored "-Wunused-label"

bool sc_subst_spans_valid(size_t in_len, const sc_span *spans, size_t n)
{
    size_t pos = 0;
    /*@ loop invariant 0 <= i <= n;
        loop invariant pos == gap_start(spans, i);
        loop invariant spans_valid(in_len, spans, i);
        loop assigns i, pos;
        loop variant n - i;
    */
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
    /*@ loop invariant 0 <= i <= n;
        loop invariant len == in_len + delta(spans, i);
        loop invariant len >= in_len - gap_start(spans, i);
        loop invariant lengths_fit(in_len, spans, i);
        loop invariant \forall integer k, m; 0 <= k <= m <= i ==>
                         out_pos(spans, k) <= out_pos(spans, m);
        loop assigns i, len;
        loop variant n - i;
    */
    for (size_t i = 0; i < n; i++) {
        len -= spans[i].end - spans[i].start; /* the spans are disjoint parts of the input */
        if (spans[i].repl_len > SIZE_MAX - len) {
            /*@ assert in_len + delta(spans, i + 1) > SIZE_MAX; */
            /*@ assert !lengths_fit(in_len, spans, n); */
            return false;
        }
        len += spans[i].repl_len;
    }
    *out_len = len;
    return true;
}

/* Copies src[sp .. sp+n) to out[op .. op+n); a plain loop so the proof needs no model of memcpy. */
/*@ requires \valid(out + (op .. op + n - 1));
    requires \valid_read(src + (sp .. sp + n - 1));
    requires \separated(out + (op .. op + n - 1), src + (sp .. sp + n - 1));
    requires op + n <= SIZE_MAX && sp + n <= SIZE_MAX;
    assigns out[op .. op + n - 1];
    ensures \forall integer j; sp <= j < sp + n ==> out[op + (j - sp)] == \old(src[j]);
    ensures \forall integer j; sp <= j < sp + n ==> src[j] == \old(src[j]);
*/
static void copy_bytes(uint8_t *out, size_t op, const uint8_t *src, size_t sp, size_t n)
{
    /*@ loop invariant 0 <= k <= n;
        loop invariant \forall integer j; sp <= j < sp + k ==> out[op + (j - sp)] == src[j];
        loop assigns k, out[op .. op + n - 1];
        loop variant n - k;
    */
    for (size_t k = 0; k < n; k++)
        out[op + k] = src[sp + k];
}

bool sc_subst_apply(const uint8_t *in, size_t in_len, const sc_span *spans, size_t n, uint8_t *out,
                    size_t out_cap, size_t *out_len)
{
    size_t need;
    if (!sc_subst_length(in_len, spans, n, &need) || need > out_cap)
        return false;
    size_t ip = 0, op = 0;
    /*@ loop invariant 0 <= i <= n;
        loop invariant ip == gap_start{Pre}(spans, i);
        loop invariant op == out_pos{Pre}(spans, i);
        loop invariant op <= need;
        loop invariant \forall integer k; 0 <= k < i ==> out_pos{Pre}(spans, k + 1) <= op;
        loop invariant \forall integer j; 0 <= j < in_len ==> in[j] == \at(in[j], Pre);
        loop invariant repl_kept: \forall integer k, j; 0 <= k < n && 0 <= j < \at(spans[k].repl_len, Pre) ==>
                         spans[k].repl[j] == \at(spans[k].repl[j], Pre);
        loop invariant below: written_below{Pre}(spans, i, op);
        loop invariant gaps_copied{Pre, Here}(out, in, spans, i);
        loop invariant repls_copied{Pre, Here}(out, spans, i);
        loop assigns i, ip, op, out[0 .. out_cap-1];
        loop variant n - i;
    */
    for (size_t i = 0; i < n; i++) {
    L0:;
        size_t keep = spans[i].start - ip;
        /*@ assert op + keep + spans[i].repl_len == out_pos{Pre}(spans, i + 1) <= need; */
    L1:
        copy_bytes(out, op, in, ip, keep);
        /*@ assert repl_kept_1: \forall integer k, j; 0 <= k < n && 0 <= j < \at(spans[k].repl_len, Pre) ==>
                     spans[k].repl[j] == \at(spans[k].repl[j], L1); */
        /*@ assert \forall integer x; x < op ==> out[x] == \at(out[x], L1); */
        /*@ assert \forall integer j; ip <= j < ip + keep ==> out[op + (j - ip)] == \at(in[j], Pre); */
        /*@ assert op - ip == delta{Pre}(spans, i); */
        /*@ assert \forall integer j; ip <= j < ip + keep ==> out[j + (op - ip)] == \at(in[j], Pre); */
        /*@ assert \forall integer j; ip <= j < ip + keep ==> out[j + delta{Pre}(spans, i)] == \at(in[j], Pre); */
        op += keep;
    L2:
        /*@ assert \forall integer j; 0 <= j < spans[i].repl_len ==>
                     spans[i].repl[j] == \at(spans[\at(i, Here)].repl[j], Pre); */
        copy_bytes(out, op, spans[i].repl, 0, spans[i].repl_len);
        /*@ assert repl_kept_2: \forall integer k, j; 0 <= k < n && 0 <= j < \at(spans[k].repl_len, Pre) ==>
                     spans[k].repl[j] == \at(spans[k].repl[j], L2); */
        /*@ assert \forall integer x; x < op ==> out[x] == \at(out[x], L2); */
        /*@ assert \forall integer j; 0 <= j < spans[i].repl_len ==> out[op + (j - 0)] == \at(spans[i].repl[j], L2); */
        /*@ assert \forall integer j; 0 <= j < spans[i].repl_len ==>
                     out[spans[i].start + delta{Pre}(spans, i) + j] == \at(spans[i].repl[j], L2); */
        /*@ assert op == spans[i].start + delta{Pre}(spans, i); */
        /*@ assert \forall integer x; x < \at(op, L0) ==> out[x] == \at(out[x], L0); */
        /*@ assert same_below{L0, Here}(out, \at(op, L0)); */
        /*@ assert \forall integer j; ip <= j < spans[i].start ==> out[j + delta{Pre}(spans, i)] == \at(in[j], Pre); */
        /* The input is not written (proved here, before the ghost loop below adds its hypotheses, so that
           the loop invariant follows in one step). */
        /*@ assert \forall integer j; 0 <= j < in_len ==> in[j] == \at(in[j], L0); */
        /* What earlier iterations wrote lies below this one's start position, which it did not touch. The
           ghost loop restates each earlier gap and replacement at the current state, one span at a time,
           so that each step is one instance of the frame lemmas (the provers do not find it alone). */
        /*@ ghost
            /@ loop invariant 0 <= g <= i;
               loop invariant \forall integer k; g <= k < i ==>
                                gap_at{Pre, Here}(out, in, spans, k) && repl_at{Pre, Here}(out, spans, k);
               loop assigns g;
               loop variant g;
            @/
            for (size_t g = i; g > 0; g--) {
                /@ assert gap_at{Pre, L0}(out, in, spans, g - 1) && repl_at{Pre, L0}(out, spans, g - 1); @/
                /@ assert below_at{Pre}(spans, g - 1, \at(op, L0)); @/
                /@ assert gap_at{Pre, Here}(out, in, spans, g - 1) && repl_at{Pre, Here}(out, spans, g - 1); @/
            }
        */
        /*@ assert gaps_copied{Pre, Here}(out, in, spans, i); */
        /*@ assert repls_copied{Pre, Here}(out, spans, i); */
        /*@ assert gap_at{Pre, Here}(out, in, spans, i); */
        /*@ assert gaps_copied{Pre, Here}(out, in, spans, i + 1); */
        /*@ assert repl_at{Pre, Here}(out, spans, i); */
        /*@ assert repls_copied{Pre, Here}(out, spans, i + 1); */
        op += spans[i].repl_len;
        ip = spans[i].end;
    }
    /*@ assert op + (in_len - ip) == need; */
L3:
    copy_bytes(out, op, in, ip, in_len - ip);
    /*@ assert \forall integer x; x < op ==> out[x] == \at(out[x], L3); */
    /*@ assert same_below{L3, Here}(out, op); */
    /*@ assert \forall integer j; ip <= j < in_len ==> out[j + delta{Pre}(spans, n)] == \at(in[j], Pre); */
    /* The tail copy did not touch what the loop wrote: restated span by span as in the loop, which gives
       the postconditions gaps_copied / repls_copied. (The same ghost loop as above, at another label: a
       ghost function cannot name its caller's states, so it is written out at both places.) */
    /*@ ghost
        /@ loop invariant 0 <= g <= n;
           loop invariant \forall integer k; g <= k < n ==>
                            gap_at{Pre, Here}(out, in, spans, k) && repl_at{Pre, Here}(out, spans, k);
           loop assigns g;
           loop variant g;
        @/
        for (size_t g = n; g > 0; g--) {
            /@ assert gap_at{Pre, L3}(out, in, spans, g - 1) && repl_at{Pre, L3}(out, spans, g - 1); @/
            /@ assert below_at{Pre}(spans, g - 1, \at(op, L3)); @/
            /@ assert gap_at{Pre, Here}(out, in, spans, g - 1) && repl_at{Pre, Here}(out, spans, g - 1); @/
        }
    */
    /*@ assert gaps_copied{Pre, Here}(out, in, spans, n); */
    /*@ assert repls_copied{Pre, Here}(out, spans, n); */
    op += in_len - ip;
    *out_len = op;
    return true;
}
