/* The pass over the text's bytes >= 0x80: numbers said in Cyrillic words or CJK digits start here
 * (pii_spoken_high, rec_spoken.c), and numbers written in the digits of other scripts: Arabic-Indic ٠-٩, Persian ۰-۹, the Indic scripts (Devanagari,
 * Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam), Thai, Lao, Myanmar, Khmer and the
 * full-width digits of CJK text. Every number recognizer reads ASCII digits; rather than teach each of them
 * other bytes, a run of such digits is copied with ASCII digits in their place, between the original text
 * around it (the words that say what the number is), and that window is scanned as any text is. What is found
 * inside the run is reported on the original bytes: validation sees the digits, the span keeps the script.
 *
 * Cost: the text from its first byte >= 0x80 is read once, ASCII eight bytes at a time, other bytes with one
 * table look-up each; a window (at most
 * WINDOW_BEFORE + RUN_MAX + WINDOW_AFTER bytes) is scanned only for a run of MIN_DIGITS native digits or more. */
#include <string.h>

#include "alloc.h"
#include "pii.h"

enum { RUN_MAX = 96, WINDOW_BEFORE = 96, WINDOW_AFTER = 48, MIN_DIGITS = 6,
       BUF_MAX = WINDOW_BEFORE + RUN_MAX + WINDOW_AFTER };

/* The value of the native digit at s[i] and its length in *len, or -1. */
static int native_digit(const uint8_t *s, size_t n, size_t i, size_t *len)
{
    uint8_t a = s[i], b = i + 1 < n ? s[i + 1] : 0, c = i + 2 < n ? s[i + 2] : 0;
    *len = 2;
    if (a == 0xD9 && b >= 0xA0 && b <= 0xA9)
        return b - 0xA0; /* Arabic-Indic U+0660 */
    if (a == 0xDB && b >= 0xB0 && b <= 0xB9)
        return b - 0xB0; /* Persian U+06F0 */
    *len = 3;
    if (a == 0xE0) {
        /* the Indic blocks put their digits at U+0x66-U+0x6F and U+0xE6-U+0xEF of each block */
        bool indic = (b == 0xA5 || b == 0xA7 || b == 0xA9 || b == 0xAB || b == 0xAD || b == 0xAF || b == 0xB1 ||
                      b == 0xB3 || b == 0xB5) && c >= 0xA6 && c <= 0xAF;
        if (indic)
            return c - 0xA6;
        if ((b == 0xB9 || b == 0xBB) && c >= 0x90 && c <= 0x99)
            return c - 0x90; /* Thai U+0E50, Lao U+0ED0 */
        return -1;
    }
    if (a == 0xE1 && b == 0x81 && c >= 0x80 && c <= 0x89)
        return c - 0x80; /* Myanmar U+1040 */
    if (a == 0xE1 && b == 0x9F && c >= 0xA0 && c <= 0xA9)
        return c - 0xA0; /* Khmer U+17E0 */
    if (a == 0xEF && b == 0xBC && c >= 0x90 && c <= 0x99)
        return c - 0x90; /* full-width U+FF10 */
    return -1;
}

/* What may sit between the digits of a run: separators and ASCII digits. */
static bool run_byte(uint8_t c) { return pii_is_digit(c) || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/'; }

/* Maps an offset of the window buffer back to the text: before the run, in it (map[]), after it. */
typedef struct window {
    size_t ws, rs, re;    /* the text: window start, run start and end */
    size_t rb, rbe;       /* the buffer: run start and end */
    uint16_t map[RUN_MAX + 1]; /* buffer offset - rb -> text offset - rs (map[rbe - rb] = re - rs) */
} window;

static size_t to_text(const window *w, size_t p)
{
    if (p < w->rb)
        return w->ws + p;
    if (p <= w->rbe)
        return w->rs + w->map[p - w->rb];
    return w->re + (p - w->rbe);
}

static void scan_window(pii_scan *sc, uint8_t *buf, size_t rs, size_t re, void (*scan)(pii_scan *))
{
    const uint8_t *s = sc->s;
    window w;
    w.rs = rs;
    w.re = re;
    w.ws = rs > WINDOW_BEFORE ? rs - WINDOW_BEFORE : 0;
    while (w.ws < rs && (s[w.ws] & 0xC0) == 0x80)
        w.ws++; /* start on a character */
    size_t we = sc->n - re > WINDOW_AFTER ? re + WINDOW_AFTER : sc->n;
    while (we > re && we < sc->n && (s[we] & 0xC0) == 0x80)
        we--;
    size_t m = rs - w.ws;
    memcpy(buf, s + w.ws, m);
    w.rb = m;
    for (size_t p = rs; p < re;) {
        size_t len;
        int v = native_digit(s, sc->n, p, &len);
        w.map[m - w.rb] = (uint16_t)(p - rs);
        if (v >= 0) {
            buf[m++] = (uint8_t)('0' + v);
            p += len;
        } else {
            buf[m++] = s[p++];
        }
    }
    w.rbe = m;
    w.map[m - w.rb] = (uint16_t)(re - rs);
    memcpy(buf + m, s + re, we - re);
    m += we - re;

    pii_scan sub = {.det = sc->det, .s = buf, .n = m, .explain = sc->explain};
    scan(&sub);
    for (size_t k = 0; k < sub.count && !sub.oom; k++) {
        const pii_cand *c = &sub.c[k];
        if (c->end <= w.rb || c->start >= w.rbe)
            continue; /* beside the run: the scan of the text finds it */
        pii_add(sc, c->type, c->rec, to_text(&w, c->start), to_text(&w, c->end), c->score, c->evidence);
    }
    if (sub.oom)
        sc->oom = true;
    sc_free(sub.c);
}

void pii_native_digits(pii_scan *sc, void (*scan)(pii_scan *))
{
    /* 1: may start a native digit; 2: a Cyrillic letter or a CJK/Hangul character that may start a number said in
     * words (rec_spoken.c) */
    static const uint8_t LEAD[256] = {[0xD9] = 1, [0xDB] = 1, [0xE0] = 1, [0xE1] = 1, [0xEF] = 1, [0xD0] = 2,
                                      [0xD1] = 2, [0xE3] = 2, [0xE4] = 2, [0xE5] = 2, [0xE9] = 2, [0xEA] = 2,
                                      [0xEC] = 2, [0xED] = 2};
    bool spoken = pii_enabled(sc, SANCTUM_ENTITY_PHONE_NUMBER) || pii_enabled(sc, SANCTUM_ENTITY_US_SSN) ||
                  pii_enabled(sc, SANCTUM_ENTITY_CREDIT_CARD);
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    uint8_t *buf = NULL;
    for (size_t i = sc->first_high; i < n && !sc->oom; i++) {
        size_t len;
        if (LEAD[s[i]] == 0) {
            /* ASCII eight bytes at a time; another character whole (the byte before the next one) */
            i = s[i] < 0x80 ? pii_skip_ascii(s, i, n) - 1 : i + (s[i] >= 0xF0 ? 3 : s[i] >= 0xE0 ? 2 : s[i] >= 0xC0 ? 1 : 0);
            continue;
        }
        if (LEAD[s[i]] == 2) {
            if (spoken)
                i = pii_spoken_high(sc, i) - 1; /* "восемь девятьсот шестнадцать ...", "一三八 零零一三 ..." */
            continue;
        }
        if (native_digit(s, n, i, &len) < 0)
            continue;
        size_t rs = i, re = i, digits = 0;
        if (rs > 0 && (s[rs - 1] == '+' || s[rs - 1] == '('))
            rs--;
        for (size_t p = i; p < n && p - rs < RUN_MAX;) {
            if (native_digit(s, n, p, &len) >= 0) {
                digits++;
                p += len;
                re = p;
            } else if (run_byte(s[p])) {
                p++;
                if (pii_is_digit(s[p - 1]))
                    re = p;
            } else {
                break;
            }
        }
        if (digits >= MIN_DIGITS) {
            if (buf == NULL && (buf = sc_alloc(sc->det->ctx, BUF_MAX, SC_ALLOC_SECRET)) == NULL) {
                sc->oom = true;
                break;
            }
            scan_window(sc, buf, rs, re, scan);
        }
        i = re - 1;
    }
    sc_free(buf);
}
