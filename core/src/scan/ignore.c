/* Gitignore-style path matching for the walker's excludes (.gitignore, .sanctumignore, --exclude). */
#define _GNU_SOURCE 1 /* memmem */
#include <stdatomic.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "scan/scan_internal.h"

typedef struct ig_pat {
    uint8_t *glob;
    size_t len;
    size_t min_len; /* bytes any path it matches has at least: shorter ones are a no at once */
    uint32_t source; /* which new/add call brought it (0 = new's) */
    bool negate, dir_only, anchored;
    atomic_size_t over_at; /* shortest path tail it ran out of budget on: longer ones are undecided at once */
} ig_pat;

struct sanctum_scan_ignore {
    sanctum_ctx *ctx;
    ig_pat *pats;
    size_t n, cap;
    uint32_t sources;
    uint64_t bytes; /* of all patterns: the per-path budget grows with them */
    atomic_int_fast64_t last_over; /* source of the latest pattern that ran out of budget, -1 none */
};

#define IG_MAX_PATTERNS 100000u
#define IG_MAX_LEN 4096u

static void ignore_destroy(void *obj)
{
    sanctum_scan_ignore *ig = obj;
    for (size_t i = 0; i < ig->n; i++)
        sc_free(ig->pats[i].glob);
    sc_free(ig->pats);
}

/* Bracket expression at p[*i] ('[' already consumed); returns whether c matches, advances *i past ']'.
 * An unterminated bracket matches a literal '['. */
static bool match_class(const uint8_t *p, size_t n, size_t *i, uint8_t c, bool *ok)
{
    size_t k = *i;
    bool neg = false, hit = false;
    if (k < n && (p[k] == '!' || p[k] == '^')) {
        neg = true;
        k++;
    }
    bool first = true;
    while (k < n && (p[k] != ']' || first)) {
        first = false;
        uint8_t lo = p[k];
        if (lo == '\\' && k + 1 < n)
            lo = p[++k];
        k++;
        uint8_t hi = lo;
        if (k + 1 < n && p[k] == '-' && p[k + 1] != ']') {
            hi = p[k + 1];
            if (hi == '\\' && k + 2 < n) {
                hi = p[k + 2];
                k++;
            }
            k += 2;
        }
        if (c >= lo && c <= hi)
            hit = true;
    }
    if (k >= n) {
        *ok = false;
        return false;
    }
    *ok = true;
    *i = k + 1;
    return hit != neg;
}

/* Matcher steps one pattern may spend on one path, and all patterns on one path with its parent
 * directories: generous for every realistic pattern (a 100-byte '**' pattern on a 4096-byte path needs
 * 0.8 M), while 4000-byte wildcard runs against deep paths cost pattern x path each and a committed
 * .gitignore stalled a scan for minutes. Past either the path is undecided and not ignored: it is
 * scanned (the safe direction). A pattern past its own budget is not tried again on paths as long. */
static uint64_t glob_budget(size_t pn, size_t sn)
{
    uint64_t lin = (uint64_t)64 * ((uint64_t)pn + sn);
    return lin > ((uint64_t)1 << 20) ? lin : (uint64_t)1 << 20;
}

static uint64_t path_budget(const sanctum_scan_ignore *ig, size_t len)
{
    uint64_t lin = (uint64_t)16 * (ig->bytes + len);
    return lin > ((uint64_t)1 << 24) ? lin : (uint64_t)1 << 24;
}

enum { GLOB_NO = 0, GLOB_YES = 1, GLOB_UNDECIDED = -1 };

/* Patterns without '**': one greedy pass that backtracks to the latest '*' only, O(pn * sn). */
static int glob_flat(const uint8_t *p, size_t pn, const uint8_t *s, size_t sn, uint64_t budget, uint64_t *steps)
{
    size_t pi = 0, si = 0;
    size_t star_p = SIZE_MAX, star_s = 0;
    while (si < sn || pi < pn) {
        if (++*steps > budget)
            return GLOB_UNDECIDED;
        if (pi < pn) {
            uint8_t c = p[pi];
            if (c == '*') {
                star_p = ++pi;
                star_s = si;
                continue;
            }
            if (si < sn) {
                if (c == '?' && s[si] != '/') {
                    pi++;
                    si++;
                    continue;
                }
                if (c == '[') {
                    size_t k = pi + 1;
                    bool ok;
                    bool m = match_class(p, pn, &k, s[si], &ok);
                    if (ok) {
                        if (m && s[si] != '/') {
                            pi = k;
                            si++;
                            continue;
                        }
                        goto backtrack;
                    }
                }
                if (c == '\\' && pi + 1 < pn)
                    c = p[++pi];
                if (c == s[si]) {
                    pi++;
                    si++;
                    continue;
                }
            }
        }
    backtrack:
        if (star_p != SIZE_MAX && star_s < sn && s[star_s] != '/') {
            pi = star_p;
            si = ++star_s;
            continue;
        }
        return GLOB_NO;
    }
    return GLOB_YES;
}

/* Patterns with '**' run as an NFA over pattern positions, O(pn * sn): trying every split of the path
 * for each '**' in turn (backtracking) is exponential in their number, and a .gitignore inside a
 * scanned tree ("**a**a**a**a**a**b") could stall the scan. The states are the positions in the
 * pattern where the next element starts; every empty move goes forward, so one sweep closes a set.
 *   '**'  any byte (stays), or nothing (moves past it); '**' + '/' may also skip the '/'
 *   '*'   any byte but '/' (stays), or nothing
 *   '?'   one byte but '/';  '[...]' one byte of the class but '/' (unterminated: a literal '[')
 *   '\x'  x;  any other byte itself */
#define GLOB_STATES (IG_MAX_LEN + 2u)

static size_t star_end(const uint8_t *p, size_t pn, size_t pi, bool *dstar)
{
    *dstar = pi + 1 < pn && p[pi + 1] == '*';
    return pi + (*dstar ? 2u : 1u);
}

/* Entered states carry GLOB_IN; a star that took a byte carries only GLOB_STAYED, so that '**' + '/'
 * matches nothing (skipping the '/') only when the '**' itself took nothing. */
enum { GLOB_IN = 1, GLOB_STAYED = 2 };

static void glob_close(const uint8_t *p, size_t pn, uint8_t *set)
{
    for (size_t pi = 0; pi < pn; pi++) {
        if (!set[pi] || p[pi] != '*')
            continue;
        bool dstar;
        size_t e = star_end(p, pn, pi, &dstar);
        set[e] |= GLOB_IN;
        if (dstar && (set[pi] & GLOB_IN) && e < pn && p[e] == '/')
            set[e + 1] |= GLOB_IN;
    }
}

static int glob_nfa(const uint8_t *p, size_t pn, const uint8_t *s, size_t sn, uint64_t budget, uint64_t *steps)
{
    uint8_t a[GLOB_STATES], b[GLOB_STATES];
    uint8_t *cur = a, *next = b;
    memset(cur, 0, pn + 2);
    cur[0] = GLOB_IN;
    glob_close(p, pn, cur);
    for (size_t si = 0; si < sn; si++) {
        *steps += 2 * (uint64_t)pn + 2; /* the sweep and the closure */
        if (*steps > budget)
            return GLOB_UNDECIDED;
        uint8_t c = s[si];
        bool any = false;
        memset(next, 0, pn + 2);
        for (size_t pi = 0; pi < pn; pi++) {
            if (!cur[pi])
                continue;
            size_t to = SIZE_MAX;
            uint8_t lit = p[pi];
            if (lit == '*') {
                bool dstar;
                (void)star_end(p, pn, pi, &dstar);
                if (dstar || c != '/') { /* the star takes c and stays */
                    next[pi] |= GLOB_STAYED;
                    any = true;
                }
            } else if (lit == '?') {
                if (c != '/')
                    to = pi + 1;
            } else {
                size_t k = pi + 1;
                bool ok = false;
                if (lit == '[') {
                    bool m = match_class(p, pn, &k, c, &ok);
                    if (ok && m && c != '/')
                        to = k;
                }
                if (!ok) {
                    k = pi + 1;
                    if (lit == '\\' && k < pn)
                        lit = p[k++];
                    if (lit == c)
                        to = k;
                }
            }
            if (to != SIZE_MAX) {
                next[to] |= GLOB_IN;
                any = true;
            }
        }
        if (!any)
            return GLOB_NO;
        glob_close(p, pn, next);
        uint8_t *t = cur;
        cur = next;
        next = t;
    }
    return cur[pn] != 0 ? GLOB_YES : GLOB_NO;
}

/* A lower bound of the bytes a path matching p has: one per '?', class, escaped or plain byte, none
 * per star, nor for the '/' after a '**' (which may match nothing). */
static size_t glob_min_len(const uint8_t *p, size_t pn)
{
    size_t n = 0;
    for (size_t pi = 0; pi < pn;) {
        if (p[pi] == '*') {
            bool dstar;
            pi = star_end(p, pn, pi, &dstar);
            if (dstar && pi < pn && p[pi] == '/')
                pi++;
            continue;
        }
        size_t k = pi + 1;
        bool ok = false;
        if (p[pi] == '[')
            (void)match_class(p, pn, &k, 0, &ok);
        if (!ok)
            k = p[pi] == '\\' && pi + 1 < pn ? pi + 2 : pi + 1;
        pi = k;
        n++;
    }
    return n;
}

/* *left: the steps this path may still spend. */
static int glob(const uint8_t *p, size_t pn, size_t min_len, const uint8_t *s, size_t sn, atomic_size_t *over_at,
                uint64_t *left)
{
    if (*left == 0)
        return GLOB_UNDECIDED;
    --*left;
    if (sn < min_len)
        return GLOB_NO;
    /* The literal lead of the pattern (up to its first '*', '?', '[' or '\\') matches byte for byte in
     * both matchers: compared at once and skipped. A nested .gitignore's patterns are anchored at their
     * directory (the directory, a double star, then the pattern), and the NFA paid the directory's
     * length times the path's for each pattern and path: 1000 one-letter lines 3000 bytes deep stalled
     * a scan of 20 files for minutes. */
    size_t lit = 0;
    while (lit < pn && p[lit] != '*' && p[lit] != '?' && p[lit] != '[' && p[lit] != '\\')
        lit++;
    if (lit > sn || memcmp(p, s, lit) != 0)
        return GLOB_NO;
    if (sn - lit >= atomic_load_explicit(over_at, memory_order_relaxed))
        return GLOB_UNDECIDED;
    p += lit;
    pn -= lit;
    s += lit;
    sn -= lit;
    bool dstar = pn >= 2 && memmem(p, pn, "**", 2) != NULL;
    uint64_t own = glob_budget(pn, sn), steps = lit / 16;
    uint64_t budget = own < *left ? own : *left;
    int r = dstar ? glob_nfa(p, pn, s, sn, budget, &steps) : glob_flat(p, pn, s, sn, budget, &steps);
    *left -= steps < *left ? steps : *left;
    if (r == GLOB_UNDECIDED && budget == own) /* a race of two threads keeps either length: both ran out */
        atomic_store_explicit(over_at, sn, memory_order_relaxed);
    return r;
}

sanctum_status sanctum_scan_ignore_add(sanctum_scan_ignore *ig, const uint8_t *t, size_t len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (ig == NULL || (t == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "ignore or patterns is NULL");
    size_t before = ig->n;
    uint64_t bytes_before = ig->bytes;
    uint32_t source = ig->sources < UINT32_MAX ? ig->sources++ : UINT32_MAX;
    size_t pos = 0;
    while (pos < len) {
        const uint8_t *nl = memchr(t + pos, '\n', len - pos);
        size_t e = nl ? (size_t)(nl - t) : len;
        size_t s = pos;
        size_t line_off = pos;
        pos = nl ? e + 1 : len;
        if (e > s && t[e - 1] == '\r')
            e--;
        while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t') && !(e - s >= 2 && t[e - 2] == '\\'))
            e--;
        if (s == e || t[s] == '#')
            continue;
        if (e - s > IG_MAX_LEN || memchr(t + s, 0, e - s) != NULL) {
            sanctum_status st = sc_error(err, SANCTUM_E_LIMIT, line_off,
                                         "ignore pattern longer than 4096 bytes or holding a NUL byte");
            ig->bytes = bytes_before;
            while (ig->n > before)
                sc_free(ig->pats[--ig->n].glob);
            return st;
        }
        ig_pat p = {.source = source};
        atomic_init(&p.over_at, SIZE_MAX);
        if (t[s] == '!') {
            p.negate = true;
            s++;
        } else if (t[s] == '\\' && s + 1 < e && (t[s + 1] == '!' || t[s + 1] == '#')) {
            s++;
        }
        if (e > s && t[e - 1] == '/') {
            p.dir_only = true;
            e--;
        }
        if (e > s && t[s] == '/') {
            p.anchored = true;
            s++;
        }
        if (s == e)
            continue;
        if (memchr(t + s, '/', e - s) != NULL)
            p.anchored = true;
        if (ig->n >= IG_MAX_PATTERNS) {
            sanctum_status st = sc_error(err, SANCTUM_E_LIMIT, line_off, "more than 100000 ignore patterns");
            ig->bytes = bytes_before;
            while (ig->n > before)
                sc_free(ig->pats[--ig->n].glob);
            return st;
        }
        if (ig->n == ig->cap) {
            size_t nc = ig->cap ? ig->cap * 2 : 16;
            ig_pat *np = sc_realloc(ig->ctx, ig->pats, nc * sizeof *np);
            if (np == NULL)
                goto nomem;
            ig->pats = np;
            ig->cap = nc;
        }
        p.glob = sc_memdup(ig->ctx, t + s, e - s, 0);
        if (p.glob == NULL)
            goto nomem;
        p.len = e - s;
        p.min_len = glob_min_len(p.glob, p.len);
        ig->bytes += p.len + 1;
        ig->pats[ig->n++] = p;
    }
    return SANCTUM_OK;
nomem:
    ig->bytes = bytes_before;
    while (ig->n > before)
        sc_free(ig->pats[--ig->n].glob);
    return sc_error_nomem(err);
}

sanctum_status sanctum_scan_ignore_new(sanctum_scan_ignore **out, sanctum_ctx *ctx, const uint8_t *patterns,
                                       size_t len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ctx == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out or ctx is NULL");
    *out = NULL;
    if ((uint64_t)len > ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "patterns larger than max_input_bytes");
    sanctum_scan_ignore *ig = sc_object_new(ctx, sizeof *ig, ignore_destroy);
    if (ig == NULL)
        return sc_error_nomem(err);
    ig->ctx = ctx;
    atomic_init(&ig->last_over, -1);
    sanctum_status st = sanctum_scan_ignore_add(ig, patterns, len, err);
    if (st != SANCTUM_OK) {
        sanctum_free(ig);
        return st;
    }
    *out = ig;
    return SANCTUM_OK;
}

/* Last matching pattern decides for this one path (not its parents). -1 = no pattern matched,
 * -2 = a pattern that would have been asked before any match ran out of budget (undecided). */
static int decide(sanctum_scan_ignore *ig, const uint8_t *path, size_t len, bool is_dir, uint64_t *left)
{
    const uint8_t *slash = NULL;
    for (size_t i = len; i > 0; i--)
        if (path[i - 1] == '/') {
            slash = path + i - 1;
            break;
        }
    const uint8_t *base = slash ? slash + 1 : path;
    size_t blen = len - (size_t)(base - path);
    for (size_t i = ig->n; i-- > 0;) {
        ig_pat *p = &ig->pats[i];
        if (p->dir_only && !is_dir)
            continue;
        int m = p->anchored ? glob(p->glob, p->len, p->min_len, path, len, &p->over_at, left)
                            : glob(p->glob, p->len, p->min_len, base, blen, &p->over_at, left);
        if (m == GLOB_UNDECIDED) {
            atomic_store_explicit(&ig->last_over, (int_fast64_t)p->source, memory_order_relaxed);
            return -2;
        }
        if (m == GLOB_YES)
            return p->negate ? 0 : 1;
    }
    return -1;
}

int32_t sanctum_scan_ignore_match(const sanctum_scan_ignore *cig, const uint8_t *path, size_t len, int32_t is_dir)
{
    if (cig == NULL || path == NULL || len == 0 || len > 65536)
        return 0;
    /* only the atomic budget marks change: the object is not const where it was made */
    sanctum_scan_ignore *ig = (sanctum_scan_ignore *)(uintptr_t)cig;
    while (len > 1 && path[len - 1] == '/')
        len--;
    uint64_t left = path_budget(ig, len);
    /* a path under an ignored directory is ignored, whatever later patterns say; an undecided
     * directory is not ignored, nor anything under it (fail-safe: the path is scanned) */
    for (size_t i = 1; i < len; i++) {
        if (path[i] != '/')
            continue;
        int d = decide(ig, path, i, true, &left);
        if (d == 1)
            return 1;
        if (d == -2)
            return 0;
    }
    return decide(ig, path, len, is_dir != 0, &left) == 1 ? 1 : 0;
}

int64_t sanctum_scan_ignore_undecided(const sanctum_scan_ignore *ig)
{
    return ig == NULL ? -1 : (int64_t)atomic_load_explicit(&ig->last_over, memory_order_relaxed);
}
