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
        loop invariant \forall integer k, j; 0 <= k < n && 0 <= j < \at(spans[k].repl_len, Pre) ==>
                         spans[k].repl[j] == \at(spans[k].repl[j], Pre);
        loop invariant \forall integer k; 0 <= k < i ==>
                         \at(spans[k].start + delta(spans, k) + spans[k].repl_len, Pre) <= op;
        loop assigns i, ip, op, out[0 .. out_cap-1];
        loop variant n - i;
    */
    for (size_t i = 0; i < n; i++) {
    L0:;
        size_t keep = spans[i].start - ip;
        /*@ assert op + keep + spans[i].repl_len == out_pos{Pre}(spans, i + 1) <= need; */
    L1:
        copy_bytes(out, op, in, ip, keep);
        /*@ assert \forall integer x; 0 <= x < op ==> out[x] == \at(out[x], L1); */
        /*@ assert \forall integer j; ip <= j < ip + keep ==> out[op + (j - ip)] == \at(in[j], Pre); */
        /*@ assert op - ip == delta{Pre}(spans, i); */
        /*@ assert \forall integer j; ip <= j < ip + keep ==> out[j + (op - ip)] == \at(in[j], Pre); */
        /*@ assert \forall integer j; ip <= j < ip + keep ==> out[j + delta{Pre}(spans, i)] == \at(in[j], Pre); */
        op += keep;
    L2:
        copy_bytes(out, op, spans[i].repl, 0, spans[i].repl_len);
        /*@ assert \forall integer x; 0 <= x < op ==> out[x] == \at(out[x], L2); */
        /*@ assert \forall integer j; 0 <= j < spans[i].repl_len ==> out[op + (j - 0)] == \at(spans[i].repl[j], L2); */
        /*@ assert \forall integer j; 0 <= j < spans[i].repl_len ==>
                     out[spans[i].start + delta{Pre}(spans, i) + j] == \at(spans[i].repl[j], L2); */
        /*@ assert op == spans[i].start + delta{Pre}(spans, i); */
        /*@ assert \forall integer x; 0 <= x < \at(op, L0) ==> out[x] == \at(out[x], L0); */
        /*@ assert \forall integer j; ip <= j < spans[i].start ==> out[j + delta{Pre}(spans, i)] == \at(in[j], Pre); */
        op += spans[i].repl_len;
        ip = spans[i].end;
    }
    /*@ assert op + (in_len - ip) == need; */
L3:
    copy_bytes(out, op, in, ip, in_len - ip);
    /*@ assert \forall integer x; 0 <= x < op ==> out[x] == \at(out[x], L3); */
    /*@ assert \forall integer j; ip <= j < in_len ==> out[j + delta{Pre}(spans, n)] == \at(in[j], Pre); */
    op += in_len - ip;
    *out_len = op;
    return true;
}
