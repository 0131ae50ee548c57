#define _GNU_SOURCE 1
/* The scanner: built-in + custom rules, keyword prefilter, one pass per buffer, validation,
 * suppression, deduplication, fingerprints and redaction. */
#include <sodium.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "options.h"
#include "scan/scan_internal.h"

struct sanctum_scanner {
    sanctum_ctx *ctx;
    sanctum_scan_options opts;
    uint8_t key[64];
    size_t key_len;
    sc_pcre_mem mem;        /* build-time allocator bridge; compiled codes refer to it */
    sc_ruleset rs;
    sc_ac ac;
    uint32_t n_nokw;        /* rules without keywords run over every buffer */
    uint32_t *nokw;
    uint32_t max_groups;
};

#define SC_DEFAULT_MATCH_LIMIT 1000000u
#define SC_DEFAULT_MAX_FINDINGS 10000u
#define SC_KEYWORD_SLACK 64u

void sanctum_scan_options_init(sanctum_scan_options *opts)
{
    if (opts == NULL)
        return;
    memset(opts, 0, sizeof *opts);
    opts->struct_size = (uint32_t)sizeof *opts;
    opts->redact_keep = 4;
    opts->max_findings = SC_DEFAULT_MAX_FINDINGS;
    opts->match_limit = SC_DEFAULT_MATCH_LIMIT;
}

static void scanner_destroy(void *obj)
{
    sanctum_scanner *s = obj;
    sc_ac_free(&s->ac);
    sc_ruleset_free(&s->rs);
    sc_free(s->nokw);
    sc_pcre_mem_fini(&s->mem);
    sodium_memzero(s->key, sizeof s->key);
}

sanctum_status sanctum_scanner_new(sanctum_scanner **out, sanctum_ctx *ctx, const sanctum_scan_options *opts,
                                   const uint8_t *rules, size_t rules_len, sanctum_error *err)
{
    return sc_scanner_build(out, ctx, opts, rules, rules_len, true, err);
}

sanctum_status sc_scanner_build(sanctum_scanner **out, sanctum_ctx *ctx, const sanctum_scan_options *opts,
                                const uint8_t *rules, size_t rules_len, bool jit, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out is NULL");
    *out = NULL;
    if (ctx == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "ctx is NULL");
    if (rules == NULL && rules_len != 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "rules is NULL but rules_len is not 0");
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    sanctum_status rd;
    /* version 1 ended after match_limit */
    if (opts != NULL && (rd = sc_options_read(&o, sizeof o, opts, SC_SIZE_THROUGH(sanctum_scan_options, match_limit),
                                              "options", err)) != SANCTUM_OK)
        return rd;
    if (o.flags & ~3u)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "unknown bits in options.flags");
    if (o.max_findings == 0 || o.match_limit == 0 || o.match_limit > UINT32_MAX)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET,
                        "options.max_findings and options.match_limit must be at least 1 (match_limit < 2^32)");
    if (o.fingerprint_key != NULL &&
        (o.fingerprint_key_len < crypto_generichash_KEYBYTES_MIN || o.fingerprint_key_len > crypto_generichash_KEYBYTES_MAX))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "fingerprint key must be 16 to 64 bytes");
    if ((uint64_t)rules_len > ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "rules text is larger than max_input_bytes");

    sanctum_scanner *s = sc_object_new(ctx, sizeof *s, scanner_destroy);
    if (s == NULL)
        return sc_error_nomem(err);
    sc_mark_secret(s); /* holds the fingerprint key */
    s->ctx = ctx;
    s->opts = o;
    s->opts.fingerprint_key = NULL;
    if (o.fingerprint_key != NULL) {
        memcpy(s->key, o.fingerprint_key, o.fingerprint_key_len);
        s->key_len = o.fingerprint_key_len;
    }
    s->rs.ctx = ctx;
    s->rs.no_jit = !jit;
    sanctum_status st;
    if (!sc_pcre_mem_init(&s->mem, ctx)) {
        st = sc_error_nomem(err);
        goto fail;
    }
    if (!(o.flags & SANCTUM_SCAN_NO_BUILTIN)) {
        st = sc_rules_load(&s->rs, &s->mem, sc_scan_builtin_rules, sc_scan_builtin_rules_len,
                           "built-in rules", o.match_limit, err);
        if (st != SANCTUM_OK) {
            if (st != SANCTUM_E_NOMEM && err != NULL)
                err->offset = SANCTUM_NO_OFFSET;
            goto fail;
        }
    }
    if (rules_len != 0 &&
        (st = sc_rules_load(&s->rs, &s->mem, rules, rules_len, "rules", o.match_limit, err)) != SANCTUM_OK)
        goto fail;
    if (s->rs.n_rules == 0) {
        st = sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "no rules: the rule set is empty");
        goto fail;
    }
    static const struct { const char *kw; uint32_t trigger; } TRIGGERS[] = {
        {"kind: secret", SC_TRIGGER_K8S}, {"kind: \"secret", SC_TRIGGER_K8S}, {"kind: 'secret", SC_TRIGGER_K8S},
        {"kind:secret", SC_TRIGGER_K8S}, {"\"kind\": \"secret\"", SC_TRIGGER_K8S_JSON},
        {"\"kind\":\"secret\"", SC_TRIGGER_K8S_JSON}, {"_password", SC_TRIGGER_NPM}};
    for (size_t i = 0; i < sizeof TRIGGERS / sizeof TRIGGERS[0]; i++)
        if (sc_rules_add_trigger(&s->rs, TRIGGERS[i].kw, TRIGGERS[i].trigger) != SANCTUM_OK) {
            st = sc_error_nomem(err);
            goto fail;
        }
    if ((st = sc_ac_build(&s->ac, ctx, &s->rs, err)) != SANCTUM_OK)
        goto fail;
    for (uint32_t i = 0; i < s->rs.n_rules; i++) {
        uint32_t caps = 0;
        pcre2_pattern_info(s->rs.rules[i].code, PCRE2_INFO_CAPTURECOUNT, &caps);
        if (caps > s->max_groups)
            s->max_groups = caps;
        if (s->rs.rules[i].n_keywords == 0)
            s->n_nokw++;
    }
    if (s->n_nokw != 0) {
        s->nokw = sc_calloc(ctx, s->n_nokw, sizeof *s->nokw, 0);
        if (s->nokw == NULL) {
            st = sc_error_nomem(err);
            goto fail;
        }
        uint32_t k = 0;
        for (uint32_t i = 0; i < s->rs.n_rules; i++)
            if (s->rs.rules[i].n_keywords == 0)
                s->nokw[k++] = i;
    }
    *out = s;
    return SANCTUM_OK;
fail:
    sanctum_free(s);
    return st;
}

uint32_t sanctum_scanner_rule_count(const sanctum_scanner *s)
{
    return s == NULL ? 0 : s->rs.n_rules;
}

const char *sanctum_scanner_rule_id(const sanctum_scanner *s, uint32_t i)
{
    return (s == NULL || i >= s->rs.n_rules) ? NULL : s->rs.rules[i].id;
}

const char *sanctum_scanner_rule_description(const sanctum_scanner *s, uint32_t i)
{
    if (s == NULL || i >= s->rs.n_rules)
        return NULL;
    return s->rs.rules[i].description != NULL ? s->rs.rules[i].description : s->rs.rules[i].id;
}

/* ---- one scan ---- */

typedef struct region {
    uint32_t rule;
    size_t start, end;
} region;

typedef struct cand {
    uint32_t rule;
    bool dropped;
    bool decoded;           /* found in the decoded text of a base64 value; spans are the value's */
    size_t ms, me, ss, se;
} cand;

typedef struct scan_state {
    const sanctum_scanner *s;
    const uint8_t *buf;
    size_t len;
    sc_pcre_mem mem;
    pcre2_match_context *mctx;
    pcre2_match_data *md;
    uint8_t *disabled;      /* per rule: excluded by allow_path */
    region *regions;
    size_t n_regions, cap_regions;
    uint32_t *last;         /* per rule: 1 + index of its latest region, 0 = none */
    size_t *anchor_end;     /* per anchored rule: anchors before this offset are inside a match */
    cand *cands;
    size_t n_cands, cap_cands;
    uint64_t incomplete;
    bool cand_overflow;
    sanctum_error *err;
    uint32_t triggers;      /* bits 1 << SC_TRIGGER_*: decoding keywords seen by the prefilter */
    struct span { size_t start, end; } *encoded; /* base64 values decoded (decode.c) */
    size_t n_encoded, cap_encoded;
} scan_state;

static bool regex_hits(scan_state *st, pcre2_code *code, const uint8_t *p, size_t n)
{
    int rc = pcre2_match(code, n ? p : (const uint8_t *)"", n, 0, 0, st->md, st->mctx);
    return rc >= 0;
}

static bool list_hits(scan_state *st, const sc_regex_list *l, const uint8_t *p, size_t n)
{
    for (uint32_t i = 0; i < l->n; i++)
        if (regex_hits(st, l->codes[i], p, n))
            return true;
    return false;
}

static bool contains_folded(const uint8_t *s, size_t n, const uint8_t *w, size_t wl)
{
    if (wl > n)
        return false;
    for (size_t i = 0; i + wl <= n; i++) {
        size_t k = 0;
        while (k < wl) {
            uint8_t c = s[i + k];
            if (c >= 'A' && c <= 'Z')
                c = (uint8_t)(c + 32);
            if (c != w[k])
                break;
            k++;
        }
        if (k == wl)
            return true;
    }
    return false;
}

/* "sanctum:allow" on the line of pos, looked for at most 4 KiB either side (so that very long lines,
 * minified code, cannot make this quadratic). */
#define SC_ALLOW_REACH 4096u

static bool inline_allowed(const uint8_t *b, size_t len, size_t pos)
{
    size_t ls = pos;
    while (ls > 0 && b[ls - 1] != '\n' && pos - ls < SC_ALLOW_REACH)
        ls--;
    size_t reach = len - pos < SC_ALLOW_REACH ? len - pos : SC_ALLOW_REACH;
    const uint8_t *nl = memchr(b + pos, '\n', reach);
    size_t le = nl ? (size_t)(nl - b) : pos + reach;
    return memmem(b + ls, le - ls, "sanctum:allow", 13) != NULL;
}

static bool candidate_ok(scan_state *st, const sc_rule *r, size_t ms, size_t me, size_t ss, size_t se)
{
    const sc_ruleset *rs = &st->s->rs;
    const uint8_t *sec = st->buf + ss;
    size_t sl = se - ss;
    if (sl == 0)
        return false;
    if ((r->min_len && sl < r->min_len) || (r->max_len && sl > r->max_len))
        return false;
    if (r->entropy > 0 && sc_entropy(sec, sl) < r->entropy)
        return false;
    if (!sc_check_secret(r->check, sec, sl))
        return false;
    if (r->placeholders && sc_looks_placeholder(sec, sl))
        return false;
    if (r->generic && sc_failed_known_checksum(sec, sl))
        return false;
    for (uint32_t i = 0; i < rs->n_stop; i++)
        if (contains_folded(sec, sl, rs->stop[i].bytes, rs->stop[i].len))
            return false;
    if (list_hits(st, &r->allow, sec, sl) || list_hits(st, &rs->allow_secret, sec, sl))
        return false;
    /* allow_match sees the match extended back to the start of its line (at most 64 bytes), so a
     * key-name filter can see the whole name when the regex starts at a keyword inside it */
    size_t ctx_start = ms;
    while (ctx_start > 0 && ms - ctx_start < 64 && st->buf[ctx_start - 1] != '\n')
        ctx_start--;
    if (list_hits(st, &r->allow_match, st->buf + ctx_start, me - ctx_start))
        return false;
    if (!(st->s->opts.flags & SANCTUM_SCAN_NO_INLINE_ALLOW) &&
        (inline_allowed(st->buf, st->len, ss) || inline_allowed(st->buf, st->len, ms)))
        return false;
    return true;
}

static sanctum_status add_region(scan_state *st, uint32_t rule, size_t a, size_t b)
{
    uint32_t li = st->last[rule];
    if (li != 0 && st->regions[li - 1].end >= a) {
        if (b > st->regions[li - 1].end)
            st->regions[li - 1].end = b;
        return SANCTUM_OK;
    }
    if (st->n_regions == st->cap_regions) {
        size_t nc = st->cap_regions ? st->cap_regions * 2 : 64;
        if (nc > UINT32_MAX - 1)
            return sc_error(st->err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "too many keyword regions");
        region *n = sc_realloc(st->s->ctx, st->regions, nc * sizeof *n);
        if (n == NULL)
            return sc_error_nomem(st->err);
        st->regions = n;
        st->cap_regions = nc;
    }
    st->regions[st->n_regions] = (region){rule, a, b};
    st->n_regions++;
    st->last[rule] = (uint32_t)st->n_regions;
    return SANCTUM_OK;
}

static sanctum_status add_cand(scan_state *st, uint32_t rule, size_t ms, size_t me, size_t ss, size_t se);

/* An anchored attempt of a keyword_position = start rule at the keyword's first byte. */
static sanctum_status run_anchor(scan_state *st, uint32_t rule, size_t at)
{
    const sc_rule *r = &st->s->rs.rules[rule];
    if (at < st->anchor_end[rule])
        return SANCTUM_OK;
    size_t end = st->len - at > r->window ? at + r->window : st->len;
    int rc = pcre2_match(r->anchored, st->buf, end, at, 0, st->md, st->mctx);
    st->anchor_end[rule] = at + 1;
    if (rc == PCRE2_ERROR_NOMATCH)
        return SANCTUM_OK;
    if (rc < 0) {
        if (st->mem.failed || rc == PCRE2_ERROR_NOMEMORY)
            return sc_error_nomem(st->err);
        st->incomplete++;
        return SANCTUM_OK;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
    size_t ms = ov[0], me = ov[1], ss = ms, se = me;
    if (r->secret_group != 0) {
        if ((uint32_t)rc > r->secret_group && ov[2 * r->secret_group] != PCRE2_UNSET) {
            ss = ov[2 * r->secret_group];
            se = ov[2 * r->secret_group + 1];
        } else {
            ss = se = 0;
        }
    }
    if (me > st->anchor_end[rule])
        st->anchor_end[rule] = me;
    if (se > ss && ms <= me && candidate_ok(st, r, ms, me, ss, se))
        return add_cand(st, rule, ms, me, ss, se);
    return SANCTUM_OK;
}

static sanctum_status on_hit(scan_state *st, size_t i, uint32_t row)
{
    const sanctum_scanner *s = st->s;
    const sc_ac *ac = &s->ac;
    uint32_t state = (row & 0x7fffffffu) / ac->n_classes;
    const uint32_t *rl = ac->out_rules + ac->out_start[state];
    const uint8_t *kl = ac->out_kwlen + ac->out_start[state];
    size_t n = st->len;
    for (uint32_t k = 0; k < ac->out_len[state]; k++) {
        uint32_t r = rl[k];
        if (r >= SC_TRIGGER_BASE) {
            st->triggers |= 1u << (r - SC_TRIGGER_BASE);
            continue;
        }
        if (st->disabled[r])
            continue;
        const sc_rule *rule = &s->rs.rules[r];
        sanctum_status rc;
        if (rule->anchored != NULL) {
            rc = run_anchor(st, r, i + 1 - kl[k]);
        } else {
            size_t w = rule->window;
            size_t back = rule->kwpos == SC_KWPOS_NEAR ? SC_KEYWORD_SLACK : w + SC_KEYWORD_SLACK;
            size_t a = i + 1 > back ? i + 1 - back : 0;
            size_t e = n - i - 1 > w ? i + 1 + w : n;
            rc = add_region(st, r, a, e);
        }
        if (rc != SANCTUM_OK)
            return rc;
    }
    return SANCTUM_OK;
}

/* One automaton over [from, to), reporting keyword ends at or after report_from. */
static sanctum_status ac_range(scan_state *st, size_t from, size_t report_from, size_t to)
{
    const uint32_t *delta = st->s->ac.delta;
    const uint8_t *cls = st->s->ac.byte_class;
    const uint8_t *b = st->buf;
    uint32_t row = 0;
    for (size_t i = from; i < to; i++) {
        row = delta[(row & 0x7fffffffu) + cls[b[i]]];
        if ((row & 0x80000000u) && i >= report_from) {
            sanctum_status rc = on_hit(st, i, row);
            if (rc != SANCTUM_OK)
                return rc;
        }
    }
    return SANCTUM_OK;
}

/* Four automata run in lockstep over four 2 KiB lanes of each 8 KiB chunk: the dependent table
 * loads of one lane overlap with the others'. Each lane starts max_kw_len - 1 bytes early from the
 * root state, so keywords crossing a lane boundary are found, by exactly one lane. Hits are buffered
 * per lane and handled in buffer order, so regions grow in order as with one automaton. */
#define SC_LANES 4
#define SC_LANE 2048u
#define SC_LANE_HITS 2048u

typedef struct lane_hit {
    uint32_t pos;  /* offset from the lane's first reported byte */
    uint32_t row;
} lane_hit;

static sanctum_status prefilter(scan_state *st)
{
    const sanctum_scanner *s = st->s;
    size_t n = st->len;
    size_t warm = s->ac.max_kw_len ? s->ac.max_kw_len - 1 : 0;
    sanctum_status rc = SANCTUM_OK;
    size_t chunk = (size_t)SC_LANES * SC_LANE;
    size_t done = 0;
    if (s->ac.max_kw_len != 0 && n >= warm + chunk) {
        lane_hit *hits = sc_alloc(s->ctx, SC_LANES * SC_LANE_HITS * sizeof *hits, 0);
        if (hits == NULL)
            return sc_error_nomem(st->err);
        const uint32_t *delta = s->ac.delta;
        const uint8_t *cls = s->ac.byte_class;
        if ((rc = ac_range(st, 0, 0, warm)) != SANCTUM_OK)
            goto out;
        size_t base;
        for (base = warm; base + chunk <= n; base += chunk) {
            const uint8_t *q0 = st->buf + base - warm, *q1 = q0 + SC_LANE, *q2 = q1 + SC_LANE, *q3 = q2 + SC_LANE;
            uint32_t r0 = 0, r1 = 0, r2 = 0, r3 = 0;
            uint32_t h0 = 0, h1 = 0, h2 = 0, h3 = 0;
            lane_hit *b0 = hits, *b1 = hits + SC_LANE_HITS, *b2 = b1 + SC_LANE_HITS, *b3 = b2 + SC_LANE_HITS;
            bool overflow = false;
            size_t steps = SC_LANE + warm;
            for (size_t j = 0; j < steps; j++) {
                r0 = delta[(r0 & 0x7fffffffu) + cls[q0[j]]];
                r1 = delta[(r1 & 0x7fffffffu) + cls[q1[j]]];
                r2 = delta[(r2 & 0x7fffffffu) + cls[q2[j]]];
                r3 = delta[(r3 & 0x7fffffffu) + cls[q3[j]]];
                if (((r0 | r1 | r2 | r3) & 0x80000000u) && j >= warm) {
                    uint32_t pos = (uint32_t)(j - warm);
                    if (h0 >= SC_LANE_HITS || h1 >= SC_LANE_HITS || h2 >= SC_LANE_HITS || h3 >= SC_LANE_HITS) {
                        overflow = true;
                        break;
                    }
                    if (r0 & 0x80000000u)
                        b0[h0++] = (lane_hit){pos, r0};
                    if (r1 & 0x80000000u)
                        b1[h1++] = (lane_hit){pos, r1};
                    if (r2 & 0x80000000u)
                        b2[h2++] = (lane_hit){pos, r2};
                    if (r3 & 0x80000000u)
                        b3[h3++] = (lane_hit){pos, r3};
                }
            }
            if (overflow) { /* a keyword storm: this chunk with one automaton */
                if ((rc = ac_range(st, base - warm, base, base + chunk)) != SANCTUM_OK)
                    goto out;
                continue;
            }
            const uint32_t counts[SC_LANES] = {h0, h1, h2, h3};
            for (uint32_t l = 0; l < SC_LANES; l++)
                for (uint32_t h = 0; h < counts[l]; h++) {
                    const lane_hit *x = &hits[l * SC_LANE_HITS + h];
                    if ((rc = on_hit(st, base + (size_t)l * SC_LANE + x->pos, x->row)) != SANCTUM_OK)
                        goto out;
                }
        }
        done = base;
    out:
        sc_free(hits);
        if (rc != SANCTUM_OK)
            return rc;
    }
    if (done < n && (rc = ac_range(st, done > warm ? done - warm : 0, done, n)) != SANCTUM_OK)
        return rc;
    for (uint32_t k = 0; k < s->n_nokw; k++)
        if (!st->disabled[s->nokw[k]]) {
            rc = add_region(st, s->nokw[k], 0, n);
            if (rc != SANCTUM_OK)
                return rc;
        }
    return SANCTUM_OK;
}

static sanctum_status add_cand(scan_state *st, uint32_t rule, size_t ms, size_t me, size_t ss, size_t se)
{
    /* bounded memory on hostile input: well past max_findings, further candidates are dropped and
     * the result says truncated */
    if (st->n_cands >= (size_t)st->s->opts.max_findings * 4 + 64) {
        st->cand_overflow = true;
        return SANCTUM_OK;
    }
    if (st->n_cands == st->cap_cands) {
        size_t nc = st->cap_cands ? st->cap_cands * 2 : 16;
        cand *c = sc_realloc(st->s->ctx, st->cands, nc * sizeof *c);
        if (c == NULL)
            return sc_error_nomem(st->err);
        st->cands = c;
        st->cap_cands = nc;
    }
    st->cands[st->n_cands++] = (cand){rule, false, false, ms, me, ss, se};
    return SANCTUM_OK;
}

static sanctum_status run_region(scan_state *st, const region *rg)
{
    const sc_rule *r = &st->s->rs.rules[rg->rule];
    size_t start = rg->start;
    while (start <= rg->end) {
        int rc = pcre2_match(r->code, st->buf, rg->end, start, 0, st->md, st->mctx);
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0) {
            if (st->mem.failed || rc == PCRE2_ERROR_NOMEMORY)
                return sc_error_nomem(st->err);
            st->incomplete++;
            break;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
        size_t ms = ov[0], me = ov[1];
        size_t ss = ms, se = me;
        if (r->secret_group != 0) {
            if ((uint32_t)rc > r->secret_group && ov[2 * r->secret_group] != PCRE2_UNSET) {
                ss = ov[2 * r->secret_group];
                se = ov[2 * r->secret_group + 1];
            } else {
                ss = se = 0;
            }
        }
        if (se > ss && ms <= me && candidate_ok(st, r, ms, me, ss, se)) {
            sanctum_status a = add_cand(st, rg->rule, ms, me, ss, se);
            if (a != SANCTUM_OK)
                return a;
        }
        start = me > start ? me : start + 1;
        if (me < ms) /* \K can move the start past the end */
            start = ms + 1;
    }
    return SANCTUM_OK;
}

/* The keyword pass and the regex regions over st->buf. */
static sanctum_status scan_pass(scan_state *st)
{
    sanctum_status rc = prefilter(st);
    for (size_t i = 0; rc == SANCTUM_OK && i < st->n_regions; i++)
        rc = run_region(st, &st->regions[i]);
    return rc;
}

static void dedupe(scan_state *st);

/* A decoded base64 value ("key: decoded"): scanned with the same rules (never decoded again); what
 * is found is reported at the encoded value. The raw value itself is no longer judged as a secret
 * (a base64 placeholder is still a placeholder). */
static sanctum_status on_decoded(void *arg, size_t off, size_t elen, const uint8_t *text, size_t tl)
{
    scan_state *o = arg;
    if (o->n_encoded == o->cap_encoded) {
        size_t nc = o->cap_encoded ? o->cap_encoded * 2 : 8;
        struct span *ns = sc_realloc(o->s->ctx, o->encoded, nc * sizeof *ns);
        if (ns == NULL)
            return sc_error_nomem(o->err);
        o->encoded = ns;
        o->cap_encoded = nc;
    }
    o->encoded[o->n_encoded++] = (struct span){off, off + elen};
    if (!(o->s->opts.flags & SANCTUM_SCAN_NO_INLINE_ALLOW) && inline_allowed(o->buf, o->len, off))
        return SANCTUM_OK;
    uint32_t nr = o->s->rs.n_rules;
    scan_state n = *o;
    n.buf = text;
    n.len = tl;
    n.regions = NULL;
    n.n_regions = n.cap_regions = 0;
    n.cands = NULL;
    n.n_cands = n.cap_cands = 0;
    n.incomplete = 0;
    n.cand_overflow = false;
    n.encoded = NULL;
    n.n_encoded = n.cap_encoded = 0;
    n.triggers = 0;
    n.last = sc_calloc(o->s->ctx, nr, sizeof *n.last, 0);
    n.anchor_end = sc_calloc(o->s->ctx, nr, sizeof *n.anchor_end, 0);
    sanctum_status rc = (n.last == NULL || n.anchor_end == NULL) ? sc_error_nomem(o->err) : scan_pass(&n);
    /* the copy's match data reports allocation failures into the allocator bridge it shares */
    if (rc == SANCTUM_OK && (o->mem.failed || n.mem.failed))
        rc = sc_error_nomem(o->err);
    if (rc == SANCTUM_OK) {
        dedupe(&n);
        for (size_t i = 0; rc == SANCTUM_OK && i < n.n_cands; i++)
            if (!n.cands[i].dropped) {
                size_t before = o->n_cands;
                rc = add_cand(o, n.cands[i].rule, off, off + elen, off, off + elen);
                /* add_cand adds nothing once the candidate cap is reached: mark only what it added */
                if (rc == SANCTUM_OK && o->n_cands > before)
                    o->cands[o->n_cands - 1].decoded = true;
            }
    }
    o->incomplete += n.incomplete;
    o->cand_overflow |= n.cand_overflow;
    sc_free(n.last);
    sc_free(n.anchor_end);
    sc_free(n.regions);
    sc_free(n.cands);
    return rc;
}

/* Raw candidates inside a decoded value give way to what its decoded text holds. */
static void drop_raw_in_encoded(scan_state *st)
{
    size_t k = 0;
    for (size_t i = 0; i < st->n_cands; i++) {
        const cand *c = &st->cands[i];
        bool inside = false;
        for (size_t e = 0; !c->decoded && e < st->n_encoded && !inside; e++)
            inside = c->ss >= st->encoded[e].start && c->se <= st->encoded[e].end;
        if (!inside)
            st->cands[k++] = *c;
    }
    st->n_cands = k;
}

static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->ss != y->ss)
        return x->ss < y->ss ? -1 : 1;
    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    return 0;
}

/* Generic-tier candidates overlapping a specific one go; identical spans keep the first rule. */
static void dedupe(scan_state *st)
{
    const sc_rule *rules = st->s->rs.rules;
    cand *c = st->cands;
    size_t n = st->n_cands;
    if (n == 0)
        return;
    qsort(c, n, sizeof *c, cand_cmp);
    size_t max_spec_end = 0;
    bool any_spec = false;
    for (size_t i = 0; i < n; i++) {
        bool gen = rules[c[i].rule].generic;
        if (gen && any_spec && max_spec_end > c[i].ss)
            c[i].dropped = true;
        if (gen && !c[i].dropped)
            for (size_t j = i + 1; j < n && c[j].ss < c[i].se; j++)
                if (!rules[c[j].rule].generic) {
                    c[i].dropped = true;
                    break;
                }
        if (!gen) {
            any_spec = true;
            if (c[i].se > max_spec_end)
                max_spec_end = c[i].se;
        }
        if (i > 0 && !c[i].dropped) {
            for (size_t j = i; j-- > 0 && c[j].ss == c[i].ss;)
                if (!c[j].dropped && c[j].se == c[i].se) {
                    c[i].dropped = true;
                    break;
                }
        }
    }
}

static uint64_t count_cols(const uint8_t *b, size_t from, size_t to)
{
    uint64_t col = 0;
    for (size_t i = from; i < to; i++)
        if ((b[i] & 0xC0u) != 0x80u)
            col++;
    return col;
}

static size_t redact(char *dst, const uint8_t *sec, size_t sl, uint32_t keep)
{
    size_t k = SC_MIN((size_t)keep, sl / 4);
    size_t o = 0;
    for (size_t i = 0; i < k; i++) {
        uint8_t c = sec[i];
        if (c < 0x21 || c > 0x7e || c == '"' || c == '\\')
            break;
        dst[o++] = (char)c;
    }
    memcpy(dst + o, "*****", 6);
    return o + 6;
}

static void fingerprint(const sanctum_scanner *s, const sc_rule *r, const uint8_t *sec, size_t sl, char hex[65])
{
    if (s->key_len == 0) {
        hex[0] = 0;
        return;
    }
    crypto_generichash_state h;
    uint8_t dig[32];
    crypto_generichash_init(&h, s->key, s->key_len, sizeof dig);
    crypto_generichash_update(&h, (const uint8_t *)r->id, strlen(r->id));
    crypto_generichash_update(&h, (const uint8_t *)"", 1);
    crypto_generichash_update(&h, sec, sl);
    crypto_generichash_final(&h, dig, sizeof dig);
    sodium_bin2hex(hex, 65, dig, sizeof dig);
    sodium_memzero(&h, sizeof h);
}

static sanctum_status build_result(scan_state *st, sanctum_scan_result **out)
{
    const sanctum_scanner *s = st->s;
    size_t n = 0;
    bool truncated = st->cand_overflow;
    size_t strbytes = 0;
    for (size_t i = 0; i < st->n_cands; i++) {
        if (st->cands[i].dropped)
            continue;
        if (n == s->opts.max_findings) {
            truncated = true;
            st->cands[i].dropped = true;
            continue;
        }
        const sc_rule *r = &s->rs.rules[st->cands[i].rule];
        strbytes += strlen(r->id) + 1 + 65 + (size_t)SC_MIN(s->opts.redact_keep, 64u) + 7;
        if (r->description != NULL)
            strbytes += strlen(r->description) + 1;
        n++;
    }
    size_t hdr = (sizeof(sanctum_scan_result) + 15u) & ~(size_t)15u;
    size_t total = hdr + n * sizeof(sanctum_scan_finding) + strbytes;
    uint8_t *blk = sc_alloc(s->ctx, total, SC_ALLOC_SECRET);
    if (blk == NULL)
        return sc_error_nomem(st->err);
    sanctum_scan_result *res = (sanctum_scan_result *)(void *)blk;
    sanctum_scan_finding *f = (sanctum_scan_finding *)(void *)(blk + hdr);
    char *pool = (char *)(f + n);
    res->struct_size = (uint32_t)sizeof *res;
    res->truncated = truncated ? 1u : 0u;
    res->count = n;
    res->incomplete = st->incomplete;
    res->findings = n ? f : NULL;
    /* line tracking over sorted secret offsets */
    uint64_t line = 1, col = 1; /* line and column of buf[pos] */
    size_t pos = 0;
    size_t k = 0;
    for (size_t i = 0; i < st->n_cands; i++) {
        const cand *c = &st->cands[i];
        if (c->dropped)
            continue;
        const sc_rule *r = &s->rs.rules[c->rule];
        while (pos < c->ss) {
            const uint8_t *nl = memchr(st->buf + pos, '\n', c->ss - pos);
            if (nl == NULL) {
                col += count_cols(st->buf, pos, c->ss);
                pos = c->ss;
                break;
            }
            line++;
            col = 1;
            pos = (size_t)(nl - st->buf) + 1;
        }
        sanctum_scan_finding *x = &f[k++];
        memset(x, 0, sizeof *x);
        x->rule_index = c->rule;
        x->offset = c->ms;
        x->length = c->me - c->ms;
        x->secret_offset = c->ss;
        x->secret_length = c->se - c->ss;
        x->line = line;
        x->column = col;
        uint64_t el = line;
        size_t els = SIZE_MAX;
        for (size_t q = c->ss; q < c->se; q++)
            if (st->buf[q] == '\n') {
                el++;
                els = q + 1;
            }
        x->end_line = el;
        x->end_column = els == SIZE_MAX ? col + count_cols(st->buf, c->ss, c->se) : count_cols(st->buf, els, c->se) + 1;
        size_t l = strlen(r->id) + 1;
        memcpy(pool, r->id, l);
        x->rule_id = pool;
        pool += l;
        if (r->description != NULL) {
            l = strlen(r->description) + 1;
            memcpy(pool, r->description, l);
            x->description = pool;
            pool += l;
        } else {
            x->description = x->rule_id;
        }
        fingerprint(s, r, st->buf + c->ss, c->se - c->ss, pool);
        x->fingerprint = pool;
        pool += 65;
        x->redacted = pool;
        pool += redact(pool, st->buf + c->ss, c->se - c->ss, SC_MIN(s->opts.redact_keep, 64u));
    }
    *out = res;
    return SANCTUM_OK;
}

static bool path_excluded(const sanctum_scanner *s, scan_state *st, const uint8_t *path, size_t pl)
{
    return pl != 0 && list_hits(st, &s->rs.allow_path, path, pl);
}

sanctum_status sanctum_scan_buffer(const sanctum_scanner *s, sanctum_scan_result **out, const uint8_t *buf,
                                   size_t len, const uint8_t *path, size_t path_len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out is NULL");
    *out = NULL;
    if (s == NULL || (buf == NULL && len != 0) || (path == NULL && path_len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "scanner, buf or path is NULL");
    if ((uint64_t)len > s->ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "input of %zu bytes exceeds max_input_bytes",
                        len);
    if (path_len > 4096)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "path label longer than 4096 bytes");
    scan_state st;
    memset(&st, 0, sizeof st);
    st.s = s;
    st.buf = len ? buf : (const uint8_t *)"";
    st.len = len;
    st.err = err;
    sanctum_status rc = SANCTUM_OK;
    if (!sc_pcre_mem_init(&st.mem, s->ctx)) {
        rc = sc_error_nomem(err);
        goto done;
    }
    st.mctx = pcre2_match_context_create(st.mem.gctx);
    st.md = pcre2_match_data_create(s->max_groups + 1, st.mem.gctx);
    st.disabled = sc_calloc(s->ctx, s->rs.n_rules, 1, 0);
    st.last = sc_calloc(s->ctx, s->rs.n_rules, sizeof *st.last, 0);
    st.anchor_end = sc_calloc(s->ctx, s->rs.n_rules, sizeof *st.anchor_end, 0);
    if (st.mctx == NULL || st.md == NULL || st.disabled == NULL || st.last == NULL || st.anchor_end == NULL) {
        rc = sc_error_nomem(err);
        goto done;
    }
    pcre2_set_match_limit(st.mctx, (uint32_t)s->opts.match_limit);
    pcre2_set_depth_limit(st.mctx, 10000);
    pcre2_set_heap_limit(st.mctx, 8192); /* KiB, interpreter only */
    bool skip_all = path_excluded(s, &st, path, path_len);
    if (!skip_all) {
        for (uint32_t i = 0; i < s->rs.n_rules; i++)
            if (path_len != 0 && list_hits(&st, &s->rs.rules[i].allow_path, path, path_len))
                st.disabled[i] = 1;
        if ((rc = scan_pass(&st)) != SANCTUM_OK)
            goto done;
        if (st.triggers != 0 &&
            (rc = sc_decode_values(s->ctx, st.buf, st.len, st.triggers, on_decoded, &st, err)) != SANCTUM_OK)
            goto done;
        drop_raw_in_encoded(&st);
        dedupe(&st);
    }
    if (st.mem.failed) {
        rc = sc_error_nomem(err);
        goto done;
    }
    rc = build_result(&st, out);
done:
    sc_free(st.cands);
    sc_free(st.encoded);
    sc_free(st.regions);
    sc_free(st.last);
    sc_free(st.anchor_end);
    sc_free(st.disabled);
    if (st.md != NULL)
        pcre2_match_data_free(st.md);
    if (st.mctx != NULL)
        pcre2_match_context_free(st.mctx);
    sc_pcre_mem_fini(&st.mem);
    return rc;
}

int32_t sanctum_scanner_path_allowed(const sanctum_scanner *s, const uint8_t *path, size_t path_len)
{
    if (s == NULL || path == NULL || path_len == 0 || s->rs.allow_path.n == 0)
        return 0;
    scan_state st;
    memset(&st, 0, sizeof st);
    st.s = s;
    if (!sc_pcre_mem_init(&st.mem, s->ctx))
        return 0;
    st.md = pcre2_match_data_create(1, st.mem.gctx);
    int32_t r = 0;
    if (st.md != NULL)
        r = path_excluded(s, &st, path, path_len) ? 1 : 0;
    if (st.md != NULL)
        pcre2_match_data_free(st.md);
    sc_pcre_mem_fini(&st.mem);
    return r;
}
