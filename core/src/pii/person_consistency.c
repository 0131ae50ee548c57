/* PERSON consistency: a name found once with strong evidence raises its other mentions in the text. */
#include <string.h>

#include "names.h"
#include "person.h"
#include "pii.h"

static uint32_t fnv(const uint8_t *w, size_t n)
{
    uint32_t h = 0x811c9dc5u;
    for (size_t i = 0; i < n; i++) {
        h ^= w[i];
        h *= 0x01000193u;
    }
    return h;
}

/* The end of the blocks of eight bytes from p that hold no capital and no byte >= 0x80 (p when the first
 * does): the scan reads no word there, whatever they hold. */
static inline size_t quiet_block_end(const uint8_t *s, size_t p, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    while (p + 8 <= n) {
        uint64_t x;
        memcpy(&x, s + p, 8);
        /* for bytes < 0x80 the sums carry into no other byte: high bit of ge_a set for >= 'A', of gt_z for > 'Z' */
        uint64_t ge_a = x + (0x80u - 'A') * ones, gt_z = x + (0x80u - 'Z' - 1u) * ones;
        if (((x | (ge_a & ~gt_z)) & high) != 0)
            break;
        p += 8;
    }
#endif
    (void)s;
    (void)n;
    return p;
}

/* A 10-bit hash of three bytes. */
static inline unsigned head3(const uint8_t *w) { return ((unsigned)w[0] * 7u + (unsigned)w[1] * 31u + w[2]) & 1023u; }

typedef struct strong_tok {
    size_t s, len;
    uint32_t hash;
    double score;
    unsigned flags;
} strong_tok;

/* The PERSON candidate among [lo, hi) (sorted by start) overlapping [a, b), or SIZE_MAX. */
static size_t find_overlap(const pii_scan *sc, size_t lo, size_t hi, size_t a, size_t b)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->c[mid].end <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < sc->count && sc->c[lo].start < b && sc->c[lo].end > a ? lo : SIZE_MAX;
}

/* What the mention scan does at a byte: pass it (other ASCII), pass the run of lower-case letters, digits and
 * '_' it starts, or read the word there (a capital or a byte >= 0x80). One look-up per byte: in a long text
 * with strong names the scan reads every byte. */
enum { SCAN_PASS = 0, SCAN_RUN = 1, SCAN_WORD = 2 };
static const uint8_t SCAN_CLASS[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, /* 0x20 */
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 1, /* 0x40 */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 0x60 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x80 */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/* Raises other mentions of the words of strong names (consistency): one pass over the capitalized
 * words of the text against at most 64 strong words. */
void pii_consistency(pii_scan *sc, size_t first_cand)
{
    const uint8_t *s = sc->s;
    size_t n = sc->n;
    double thr = sc->det->threshold;
    size_t count = sc->count;
    strong_tok toks[64];
    size_t nt = 0;
    for (size_t ci = first_cand; ci < count && nt < 64; ci++) {
        if (sc->c[ci].type != SANCTUM_ENTITY_PERSON || sc->c[ci].score < thr)
            continue;
        size_t cs = sc->c[ci].start, ce = sc->c[ci].end;
        for (size_t p = cs; p < ce && nt < 64;) {
            word t;
            if (!next_word(s, ce, p, &t))
                break;
            p = t.e;
            size_t tl = t.e - t.s;
            if (tl < 3 || !t.cap)
                continue;
            unsigned f = sc_name_lookup(s + t.s, tl);
            int cls = sc_word_class(s + t.s, tl);
            if (pii_word_like(f, cls) || cls != SC_WORD_NONE)
                continue;
            uint32_t h = fnv(s + t.s, tl);
            bool dup = false;
            for (size_t k = 0; k < nt; k++)
                if (toks[k].hash == h && toks[k].len == tl && memcmp(s + toks[k].s, s + t.s, tl) == 0) {
                    dup = true;
                    if (sc->c[ci].score > toks[k].score)
                        toks[k].score = sc->c[ci].score;
                }
            if (!dup)
                toks[nt++] = (strong_tok){t.s, tl, h, sc->c[ci].score, f};
        }
    }
    if (nt == 0)
        return;
    /* a 128-slot set of the tokens' hashes: most capitalized words miss it in one probe */
    uint8_t slot_of[128];
    memset(slot_of, 0, sizeof slot_of);
    for (size_t k = 0; k < nt; k++) {
        uint32_t h = toks[k].hash & 127u;
        while (slot_of[h] != 0)
            h = (h + 1) & 127u;
        slot_of[h] = (uint8_t)(k + 1);
    }
    /* the tokens' first three bytes (all are three or more): a capitalized ASCII word that ends where the
     * tokenizer must end it and whose start no token has is passed without reading it as a word */
    uint64_t head[16];
    memset(head, 0, sizeof head);
    for (size_t k = 0; k < nt; k++) {
        unsigned b = head3(s + toks[k].s);
        head[b >> 6] |= 1ull << (b & 63u);
    }
    /* person candidates [first_cand, count) are in text order */
    for (size_t p = 0; p < n;) {
        size_t b = quiet_block_end(s, p, n);
        if (b > p) {
            /* nothing in [p, b) is read as a word; a run that reaches b goes on from there */
            p = b;
            if (SCAN_CLASS[s[p - 1]] == SCAN_RUN && p < n && SCAN_CLASS[s[p]] != SCAN_PASS && s[p] < 0x80) {
                for (;;) {
                    p = pii_letters_end(s, p, n, false);
                    if (p < n && (pii_is_digit(s[p]) || s[p] == '_'))
                        p++;
                    else
                        break;
                }
            }
            continue;
        }
        uint8_t k0 = SCAN_CLASS[s[p]];
        if (k0 == SCAN_RUN) {
            /* the run of letters, digits and '_': letters eight at a time */
            for (;;) {
                p = pii_letters_end(s, p, n, false);
                if (p < n && (pii_is_digit(s[p]) || s[p] == '_'))
                    p++;
                else
                    break;
            }
            continue;
        }
        if (k0 == SCAN_PASS) {
            p++;
            continue;
        }
        if (pii_is_upper(s[p])) {
            /* the ASCII letters from p are the whole word when an ASCII byte that joins no word follows
             * (not a hyphen or an apostrophe): then it can equal a token only with a token's head */
            size_t q = pii_letters_end(s, p + 1, n, false);
            if ((q == n || (s[q] < 0x80 && s[q] != '-' && s[q] != '\'')) &&
                (q - p < 3 || (head[head3(s + p) >> 6] >> (head3(s + p) & 63u) & 1u) == 0)) {
                p = q;
                continue;
            }
        }
        word t;
        if (!next_word(s, n, p, &t))
            break;
        size_t ws = t.s;
        p = t.e > p ? t.e : p + 1;
        if (!t.cap || (ws > 0 && (pii_is_alnum(s[ws - 1]) || s[ws - 1] == '_')))
            continue;
        size_t we = t.e, wl = we - ws;
        uint32_t h = fnv(s + ws, wl);
        for (uint32_t sl = h & 127u; slot_of[sl] != 0; sl = (sl + 1) & 127u) {
            size_t k = (size_t)slot_of[sl] - 1;
            if (toks[k].hash != h || toks[k].len != wl || memcmp(s + toks[k].s, s + ws, wl) != 0)
                continue;
            double sc2 = toks[k].score * 0.95 > 0.85 ? toks[k].score * 0.95 : 0.85;
            size_t o = find_overlap(sc, first_cand, count, ws, we);
            if (o != SIZE_MAX) {
                /* only weak mentions are lifted; a mention that stands on its own keeps its score */
                if (sc->c[o].type == SANCTUM_ENTITY_PERSON && sc->c[o].score < thr && sc->c[o].score < sc2 &&
                    (sc->c[o].evidence & SANCTUM_EV_SUPPRESSED) == 0) {
                    sc->c[o].score = sc2;
                    sc->c[o].evidence |= SANCTUM_EV_CONSISTENCY;
                }
                break;
            }
            const char *why;
            if (pii_in_code(sc, ws, we, &why) || pii_firm_mention(sc, ws, we))
                break;
            pii_person_emit(sc, ws, we, sc2,
                 SANCTUM_EV_CONSISTENCY | ((toks[k].flags & SC_NAME_FIRST) ? SANCTUM_EV_GAZETTEER_FIRST : 0) |
                     ((toks[k].flags & SC_NAME_LAST) ? SANCTUM_EV_GAZETTEER_LAST : 0));
            break;
        }
    }
}
