/* Rules: the text format (docs/scan.md), its validation, PCRE2 compilation through the audited
 * allocator, and the Aho-Corasick keyword automaton. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "scan/scan_internal.h"

/* ---- PCRE2 through sc_alloc ---- */

static void *pcre_malloc_cb(size_t n, void *data)
{
    sc_pcre_mem *m = data;
    void *p = sc_alloc(m->ctx, n, 0);
    if (p == NULL)
        m->failed = true;
    return p;
}

static void pcre_free_cb(void *p, void *data)
{
    (void)data;
    sc_free(p);
}

bool sc_pcre_mem_init(sc_pcre_mem *m, sanctum_ctx *ctx)
{
    m->ctx = ctx;
    m->failed = false;
    m->gctx = pcre2_general_context_create(pcre_malloc_cb, pcre_free_cb, m);
    return m->gctx != NULL;
}

void sc_pcre_mem_fini(sc_pcre_mem *m)
{
    if (m->gctx != NULL)
        pcre2_general_context_free(m->gctx);
    m->gctx = NULL;
}

/* ---- parser ---- */

typedef struct parser {
    sc_ruleset *rs;
    sc_pcre_mem *mem;
    pcre2_compile_context *cctx;
    const uint8_t *text;
    size_t len;
    const char *label;
    sanctum_error *err;
    uint32_t line;
    size_t line_off;
    int section;           /* 0 none, 1 rule, 2 allow */
    /* rule under construction */
    sc_rule cur;
    uint32_t cur_first_kw;
    uint32_t seen;         /* bit per single-valued key */
    size_t rule_off;
    uint32_t rule_line;
    bool secret_group_set;
    size_t regex_off, regex_len;
} parser;

static sanctum_status perr(parser *p, sanctum_status code, size_t off, const char *what)
{
    if (code == SANCTUM_E_NOMEM)
        return sc_error_nomem(p->err);
    size_t col = off >= p->line_off ? off - p->line_off + 1 : 1;
    return sc_error(p->err, code, (uint64_t)off, "%s line %u column %zu: %s", p->label, p->line, col, what);
}

static sanctum_status list_add(sanctum_ctx *ctx, sc_regex_list *l, pcre2_code *code)
{
    pcre2_code **n = sc_realloc(ctx, l->codes, (l->n + 1) * sizeof *n);
    if (n == NULL)
        return SANCTUM_E_NOMEM;
    l->codes = n;
    l->codes[l->n++] = code;
    return SANCTUM_OK;
}

static void list_free(sc_regex_list *l)
{
    for (uint32_t i = 0; i < l->n; i++)
        pcre2_code_free(l->codes[i]);
    sc_free(l->codes);
    l->codes = NULL;
    l->n = 0;
}

static void rule_free(sc_rule *r)
{
    sc_free(r->id);
    sc_free(r->description);
    if (r->code != NULL)
        pcre2_code_free(r->code);
    if (r->anchored != NULL)
        pcre2_code_free(r->anchored);
    list_free(&r->allow);
    list_free(&r->allow_match);
    list_free(&r->allow_path);
    memset(r, 0, sizeof *r);
}

void sc_ruleset_free(sc_ruleset *rs)
{
    for (uint32_t i = 0; i < rs->n_rules; i++)
        rule_free(&rs->rules[i]);
    sc_free(rs->rules);
    for (uint32_t i = 0; i < rs->n_kw; i++)
        sc_free(rs->kw[i].bytes);
    sc_free(rs->kw);
    list_free(&rs->allow_path);
    list_free(&rs->allow_secret);
    for (uint32_t i = 0; i < rs->n_stop; i++)
        sc_free(rs->stop[i].bytes);
    sc_free(rs->stop);
    memset(rs, 0, sizeof *rs);
}

/* Compiles a regex value; JIT when the platform allows it. */
static sanctum_status compile_regex_opts(parser *p, const uint8_t *v, size_t vl, size_t voff, uint32_t options,
                                         pcre2_code **out)
{
    *out = NULL;
    if (vl == 0)
        return perr(p, SANCTUM_E_PARSE, voff, "expected a regular expression after '='");
    if (vl > SC_SCAN_MAX_REGEX_LEN)
        return perr(p, SANCTUM_E_LIMIT, voff, "regular expression longer than 4096 bytes");
    int ec = 0;
    PCRE2_SIZE eo = 0;
    p->mem->failed = false;
    pcre2_code *code = pcre2_compile(v, vl, options, &ec, &eo, p->cctx);
    if (code == NULL) {
        if (p->mem->failed || ec == PCRE2_ERROR_HEAPLIMIT)
            return perr(p, SANCTUM_E_NOMEM, voff, "");
        char msg[160];
        PCRE2_UCHAR buf[120];
        if (pcre2_get_error_message(ec, buf, sizeof buf) < 0)
            strcpy((char *)buf, "invalid pattern");
        snprintf(msg, sizeof msg, "invalid regular expression: %s", (const char *)buf);
        return perr(p, SANCTUM_E_PARSE, voff + (eo <= vl ? eo : 0), msg);
    }
    int jr = p->rs->no_jit ? 0 : pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    if (jr != 0 && p->mem->failed) {
        pcre2_code_free(code);
        return perr(p, SANCTUM_E_NOMEM, voff, "");
    }
    *out = code;
    return SANCTUM_OK;
}

static sanctum_status compile_regex(parser *p, const uint8_t *v, size_t vl, size_t voff, pcre2_code **out)
{
    return compile_regex_opts(p, v, vl, voff, 0, out);
}

static bool parse_uint(const uint8_t *v, size_t vl, uint32_t max, uint32_t *out)
{
    if (vl == 0 || vl > 9)
        return false;
    uint32_t x = 0;
    for (size_t i = 0; i < vl; i++) {
        if (v[i] < '0' || v[i] > '9')
            return false;
        x = x * 10u + (uint32_t)(v[i] - '0');
    }
    if (x > max)
        return false;
    *out = x;
    return true;
}

static bool parse_float(const uint8_t *v, size_t vl, double *out)
{
    /* d[.ddd], 0..8 */
    if (vl == 0 || vl > 8)
        return false;
    double x = 0, scale = 0;
    for (size_t i = 0; i < vl; i++) {
        if (v[i] == '.' && scale == 0 && i > 0) {
            scale = 1;
            continue;
        }
        if (v[i] < '0' || v[i] > '9')
            return false;
        if (scale == 0)
            x = x * 10 + (v[i] - '0');
        else {
            scale /= 10;
            x += (v[i] - '0') * scale;
        }
    }
    if (v[vl - 1] == '.' || x > 8.0)
        return false;
    *out = x;
    return true;
}

static uint8_t fold(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
}

sanctum_status sc_rules_add_trigger(sc_ruleset *rs, const char *keyword, uint32_t trigger)
{
    size_t wl = strlen(keyword);
    if (rs->n_kw == rs->cap_kw) {
        uint32_t nc = rs->cap_kw ? rs->cap_kw * 2 : 64;
        void *n = sc_realloc(rs->ctx, rs->kw, nc * sizeof *rs->kw);
        if (n == NULL)
            return SANCTUM_E_NOMEM;
        rs->kw = n;
        rs->cap_kw = nc;
    }
    uint8_t *b = sc_alloc(rs->ctx, wl, 0);
    if (b == NULL)
        return SANCTUM_E_NOMEM;
    for (size_t i = 0; i < wl; i++)
        b[i] = fold((uint8_t)keyword[i]);
    rs->kw[rs->n_kw].rule = SC_TRIGGER_BASE + trigger;
    rs->kw[rs->n_kw].len = (uint32_t)wl;
    rs->kw[rs->n_kw].bytes = b;
    rs->n_kw++;
    return SANCTUM_OK;
}

static sanctum_status add_keyword(parser *p, const uint8_t *w, size_t wl, size_t off)
{
    sc_ruleset *rs = p->rs;
    if (wl > SC_SCAN_MAX_KEYWORD_LEN)
        return perr(p, SANCTUM_E_LIMIT, off, "keyword longer than 64 bytes");
    if (p->cur.n_keywords >= SC_SCAN_MAX_KEYWORDS)
        return perr(p, SANCTUM_E_LIMIT, off, "more than 64 keywords in one rule");
    if (rs->n_kw == rs->cap_kw) {
        uint32_t nc = rs->cap_kw ? rs->cap_kw * 2 : 64;
        void *n = sc_realloc(rs->ctx, rs->kw, nc * sizeof *rs->kw);
        if (n == NULL)
            return perr(p, SANCTUM_E_NOMEM, off, "");
        rs->kw = n;
        rs->cap_kw = nc;
    }
    uint8_t *b = sc_alloc(rs->ctx, wl, 0);
    if (b == NULL)
        return perr(p, SANCTUM_E_NOMEM, off, "");
    for (size_t i = 0; i < wl; i++)
        b[i] = fold(w[i]);
    rs->kw[rs->n_kw].rule = rs->n_rules;
    rs->kw[rs->n_kw].len = (uint32_t)wl;
    rs->kw[rs->n_kw].bytes = b;
    rs->n_kw++;
    p->cur.n_keywords++;
    return SANCTUM_OK;
}

enum {
    K_ID = 1u << 0, K_DESC = 1u << 1, K_REGEX = 1u << 2, K_GROUP = 1u << 3, K_KEYWORDS = 1u << 4,
    K_ENTROPY = 1u << 5, K_CHECK = 1u << 6, K_MINLEN = 1u << 7, K_MAXLEN = 1u << 8,
    K_WINDOW = 1u << 9, K_TIER = 1u << 10, K_PLACEHOLDERS = 1u << 11, K_KWPOS = 1u << 12
};

static bool id_ok(const uint8_t *v, size_t vl)
{
    if (vl == 0 || vl > SC_SCAN_MAX_ID_LEN)
        return false;
    for (size_t i = 0; i < vl; i++) {
        uint8_t c = v[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return false;
    }
    return true;
}

static bool key_is(const uint8_t *k, size_t kl, const char *name)
{
    return strlen(name) == kl && memcmp(k, name, kl) == 0;
}

/* Ends the rule under construction: checks required keys, resolves the secret group, appends it. */
static sanctum_status finish_rule(parser *p)
{
    sc_ruleset *rs = p->rs;
    sc_rule *r = &p->cur;
    size_t off = p->rule_off;
    if (!(p->seen & K_ID) || !(p->seen & K_REGEX)) {
        uint32_t l = p->line;
        p->line = p->rule_line;
        size_t lo = p->line_off;
        p->line_off = p->rule_off;
        sanctum_status st = perr(p, SANCTUM_E_PARSE, off,
                                 (p->seen & K_ID) ? "rule has no 'regex'" : "rule has no 'id'");
        p->line = l;
        p->line_off = lo;
        return st;
    }
    uint32_t ncap = 0;
    pcre2_pattern_info(r->code, PCRE2_INFO_CAPTURECOUNT, &ncap);
    if (p->secret_group_set) {
        if (r->secret_group > ncap)
            return perr(p, SANCTUM_E_PARSE, off, "secret_group is larger than the number of groups in regex");
    } else {
        int g = pcre2_substring_number_from_name(r->code, (PCRE2_SPTR) "secret");
        r->secret_group = g > 0 ? (uint32_t)g : 0;
    }
    if (r->kwpos == SC_KWPOS_START && r->n_keywords != 0 && r->anchored == NULL) {
        sanctum_status ast = compile_regex_opts(p, p->text + p->regex_off, p->regex_len, p->regex_off,
                                                PCRE2_ANCHORED, &r->anchored);
        if (ast != SANCTUM_OK)
            return ast;
    }
    if (r->min_len && r->max_len && r->min_len > r->max_len)
        return perr(p, SANCTUM_E_PARSE, off, "min_length is larger than max_length");
    for (uint32_t i = 0; i < rs->n_rules; i++)
        if (strcmp(rs->rules[i].id, r->id) == 0)
            return perr(p, SANCTUM_E_EXISTS, off, "a rule with this id already exists");
    if (rs->n_rules >= SC_SCAN_MAX_RULES)
        return perr(p, SANCTUM_E_LIMIT, off, "more than 4096 rules");
    if (rs->n_rules == rs->cap_rules) {
        uint32_t nc = rs->cap_rules ? rs->cap_rules * 2 : 32;
        void *n = sc_realloc(rs->ctx, rs->rules, nc * sizeof *rs->rules);
        if (n == NULL)
            return perr(p, SANCTUM_E_NOMEM, off, "");
        rs->rules = n;
        rs->cap_rules = nc;
    }
    rs->rules[rs->n_rules++] = *r;
    memset(r, 0, sizeof *r);
    p->section = 0;
    return SANCTUM_OK;
}

static void start_rule(parser *p, size_t off)
{
    memset(&p->cur, 0, sizeof p->cur);
    p->cur.window = SC_SCAN_DEFAULT_WINDOW;
    p->cur.placeholders = true;
    p->cur_first_kw = p->rs->n_kw;
    p->seen = 0;
    p->secret_group_set = false;
    p->rule_off = off;
    p->rule_line = p->line;
    p->section = 1;
}

/* Drops the keywords of an abandoned rule. */
static void abandon_rule(parser *p)
{
    sc_ruleset *rs = p->rs;
    while (rs->n_kw > p->cur_first_kw) {
        rs->n_kw--;
        sc_free(rs->kw[rs->n_kw].bytes);
    }
    rule_free(&p->cur);
}

static sanctum_status rule_key(parser *p, const uint8_t *k, size_t kl, const uint8_t *v, size_t vl,
                               size_t koff, size_t voff)
{
    sc_rule *r = &p->cur;
    sanctum_ctx *ctx = p->rs->ctx;
    uint32_t bit = 0;
    sanctum_status st = SANCTUM_OK;
#define SINGLE(b)                                                                   \
    do {                                                                            \
        bit = (b);                                                                  \
        if (p->seen & bit)                                                          \
            return perr(p, SANCTUM_E_PARSE, koff, "key given twice in one rule");   \
        p->seen |= bit;                                                             \
    } while (0)
    if (key_is(k, kl, "id")) {
        SINGLE(K_ID);
        if (!id_ok(v, vl))
            return perr(p, SANCTUM_E_PARSE, voff, "expected an id of 1-64 characters from a-z 0-9 - _ .");
        r->id = sc_memdup(ctx, v, vl, 0);
        if (r->id == NULL)
            return perr(p, SANCTUM_E_NOMEM, voff, "");
    } else if (key_is(k, kl, "description")) {
        SINGLE(K_DESC);
        if (vl > SC_SCAN_MAX_DESC_LEN)
            return perr(p, SANCTUM_E_LIMIT, voff, "description longer than 256 bytes");
        for (size_t i = 0; i < vl; i++)
            if (v[i] < 0x20 || v[i] == 0x7f || v[i] == '"' || v[i] == '\\')
                return perr(p, SANCTUM_E_PARSE, voff + i,
                            "description may not hold control characters, quotes or backslashes");
        r->description = sc_memdup(ctx, v, vl, 0);
        if (r->description == NULL)
            return perr(p, SANCTUM_E_NOMEM, voff, "");
    } else if (key_is(k, kl, "regex")) {
        SINGLE(K_REGEX);
        p->regex_off = voff;
        p->regex_len = vl;
        return compile_regex(p, v, vl, voff, &r->code);
    } else if (key_is(k, kl, "secret_group")) {
        SINGLE(K_GROUP);
        if (!parse_uint(v, vl, 99, &r->secret_group))
            return perr(p, SANCTUM_E_PARSE, voff, "expected a group number 0-99");
        p->secret_group_set = true;
    } else if (key_is(k, kl, "keywords")) {
        SINGLE(K_KEYWORDS);
        size_t i = 0;
        while (i < vl) {
            while (i < vl && (v[i] == ' ' || v[i] == '\t'))
                i++;
            size_t s = i;
            while (i < vl && v[i] != ' ' && v[i] != '\t')
                i++;
            if (i > s && (st = add_keyword(p, v + s, i - s, voff + s)) != SANCTUM_OK)
                return st;
        }
        if (r->n_keywords == 0)
            return perr(p, SANCTUM_E_PARSE, voff, "expected one or more keywords separated by spaces");
    } else if (key_is(k, kl, "entropy")) {
        SINGLE(K_ENTROPY);
        if (!parse_float(v, vl, &r->entropy))
            return perr(p, SANCTUM_E_PARSE, voff, "expected an entropy in bits per byte from 0 to 8");
    } else if (key_is(k, kl, "check")) {
        SINGLE(K_CHECK);
        if (!sc_check_from_name(v, vl, &r->check))
            return perr(p, SANCTUM_E_PARSE, voff,
                        "expected a check: none, crc32-base62, gitlab-routable, age-bech32, pgp-crc24, "
                        "jwt, pem-key, basic-auth, generic, aws-key-id");
    } else if (key_is(k, kl, "min_length")) {
        SINGLE(K_MINLEN);
        if (!parse_uint(v, vl, SC_SCAN_MAX_WINDOW, &r->min_len))
            return perr(p, SANCTUM_E_PARSE, voff, "expected a length from 0 to 1048576");
    } else if (key_is(k, kl, "max_length")) {
        SINGLE(K_MAXLEN);
        if (!parse_uint(v, vl, SC_SCAN_MAX_WINDOW, &r->max_len))
            return perr(p, SANCTUM_E_PARSE, voff, "expected a length from 0 to 1048576");
    } else if (key_is(k, kl, "window")) {
        SINGLE(K_WINDOW);
        if (!parse_uint(v, vl, SC_SCAN_MAX_WINDOW, &r->window) || r->window < 16)
            return perr(p, SANCTUM_E_PARSE, voff, "expected a window from 16 to 1048576 bytes");
    } else if (key_is(k, kl, "tier")) {
        SINGLE(K_TIER);
        if (key_is(v, vl, "generic"))
            r->generic = true;
        else if (key_is(v, vl, "specific"))
            r->generic = false;
        else
            return perr(p, SANCTUM_E_PARSE, voff, "expected 'specific' or 'generic'");
    } else if (key_is(k, kl, "placeholders")) {
        SINGLE(K_PLACEHOLDERS);
        if (key_is(v, vl, "reject"))
            r->placeholders = true;
        else if (key_is(v, vl, "keep"))
            r->placeholders = false;
        else
            return perr(p, SANCTUM_E_PARSE, voff, "expected 'reject' or 'keep'");
    } else if (key_is(k, kl, "keyword_position")) {
        SINGLE(K_KWPOS);
        if (key_is(v, vl, "start"))
            r->kwpos = SC_KWPOS_START;
        else if (key_is(v, vl, "near"))
            r->kwpos = SC_KWPOS_NEAR;
        else if (key_is(v, vl, "any"))
            r->kwpos = SC_KWPOS_ANY;
        else
            return perr(p, SANCTUM_E_PARSE, voff, "expected 'start', 'near' or 'any'");
    } else if (key_is(k, kl, "allow") || key_is(k, kl, "allow_match") || key_is(k, kl, "allow_path")) {
        sc_regex_list *l = kl == 5 ? &r->allow : (k[6] == 'm' ? &r->allow_match : &r->allow_path);
        if (l->n >= SC_SCAN_MAX_ALLOWS)
            return perr(p, SANCTUM_E_LIMIT, koff, "more than 64 allow patterns of one kind");
        pcre2_code *code;
        if ((st = compile_regex(p, v, vl, voff, &code)) != SANCTUM_OK)
            return st;
        if (list_add(ctx, l, code) != SANCTUM_OK) {
            pcre2_code_free(code);
            return perr(p, SANCTUM_E_NOMEM, voff, "");
        }
    } else {
        return perr(p, SANCTUM_E_PARSE, koff,
                    "unknown key in [rule]; expected id, description, regex, secret_group, keywords, "
                    "entropy, check, min_length, max_length, window, keyword_position, tier, "
                    "placeholders, allow, allow_match or allow_path");
    }
#undef SINGLE
    return SANCTUM_OK;
}

static sanctum_status allow_key(parser *p, const uint8_t *k, size_t kl, const uint8_t *v, size_t vl,
                                size_t koff, size_t voff)
{
    sc_ruleset *rs = p->rs;
    sanctum_status st;
    if (key_is(k, kl, "path") || key_is(k, kl, "secret")) {
        sc_regex_list *l = kl == 4 ? &rs->allow_path : &rs->allow_secret;
        if (l->n >= SC_SCAN_MAX_ALLOWS * 16)
            return perr(p, SANCTUM_E_LIMIT, koff, "more than 1024 global allow patterns of one kind");
        pcre2_code *code;
        if ((st = compile_regex(p, v, vl, voff, &code)) != SANCTUM_OK)
            return st;
        if (list_add(rs->ctx, l, code) != SANCTUM_OK) {
            pcre2_code_free(code);
            return perr(p, SANCTUM_E_NOMEM, voff, "");
        }
        return SANCTUM_OK;
    }
    if (key_is(k, kl, "stopword")) {
        if (vl == 0 || vl > SC_SCAN_MAX_KEYWORD_LEN)
            return perr(p, SANCTUM_E_PARSE, voff, "expected a stopword of 1-64 bytes");
        if (rs->n_stop >= SC_SCAN_MAX_ALLOWS * 16)
            return perr(p, SANCTUM_E_LIMIT, koff, "more than 1024 stopwords");
        if (rs->n_stop == rs->cap_stop) {
            uint32_t nc = rs->cap_stop ? rs->cap_stop * 2 : 32;
            void *n = sc_realloc(rs->ctx, rs->stop, nc * sizeof *rs->stop);
            if (n == NULL)
                return perr(p, SANCTUM_E_NOMEM, voff, "");
            rs->stop = n;
            rs->cap_stop = nc;
        }
        uint8_t *b = sc_alloc(rs->ctx, vl, 0);
        if (b == NULL)
            return perr(p, SANCTUM_E_NOMEM, voff, "");
        for (size_t i = 0; i < vl; i++)
            b[i] = fold(v[i]);
        rs->stop[rs->n_stop].len = (uint32_t)vl;
        rs->stop[rs->n_stop].bytes = b;
        rs->n_stop++;
        return SANCTUM_OK;
    }
    return perr(p, SANCTUM_E_PARSE, koff, "unknown key in [allow]; expected path, secret or stopword");
}

static bool is_space(uint8_t c)
{
    return c == ' ' || c == '\t';
}

sanctum_status sc_rules_load(sc_ruleset *rs, sc_pcre_mem *mem, const uint8_t *text, size_t len,
                             const char *label, uint64_t match_limit, sanctum_error *err)
{
    (void)match_limit;
    parser p;
    memset(&p, 0, sizeof p);
    p.rs = rs;
    p.mem = mem;
    p.text = text;
    p.len = len;
    p.label = label;
    p.err = err;
    p.cctx = pcre2_compile_context_create(mem->gctx);
    if (p.cctx == NULL)
        return sc_error_nomem(err);
    pcre2_set_max_pattern_length(p.cctx, SC_SCAN_MAX_REGEX_LEN);
    sanctum_status st = SANCTUM_OK;
    size_t pos = 0;
    while (pos < len && st == SANCTUM_OK) {
        p.line++;
        p.line_off = pos;
        const uint8_t *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t next = nl ? end + 1 : len;
        size_t s = pos, e = end;
        if (e > s && text[e - 1] == '\r')
            e--;
        for (size_t i = s; i < e; i++)
            if (text[i] == 0 || (text[i] < 0x20 && text[i] != '\t')) {
                st = perr(&p, SANCTUM_E_PARSE, i, "control character in rules text");
                goto done;
            }
        while (s < e && is_space(text[s]))
            s++;
        while (e > s && is_space(text[e - 1]))
            e--;
        pos = next;
        if (s == e || text[s] == '#')
            continue;
        if (text[s] == '[') {
            bool is_rule = e - s == 6 && memcmp(text + s, "[rule]", 6) == 0;
            bool is_allow = e - s == 7 && memcmp(text + s, "[allow]", 7) == 0;
            if (!is_rule && !is_allow) {
                st = perr(&p, SANCTUM_E_PARSE, s, "unknown section; expected [rule] or [allow]");
                break;
            }
            if (p.section == 1 && (st = finish_rule(&p)) != SANCTUM_OK)
                break;
            if (is_rule)
                start_rule(&p, s);
            else
                p.section = 2;
            continue;
        }
        size_t k0 = s, k1 = s;
        while (k1 < e && text[k1] != '=' && !is_space(text[k1]))
            k1++;
        size_t eq = k1;
        while (eq < e && is_space(text[eq]))
            eq++;
        if (k1 == k0 || eq >= e || text[eq] != '=') {
            st = perr(&p, SANCTUM_E_PARSE, s, "expected 'key = value', a [section] or a # comment");
            break;
        }
        size_t v0 = eq + 1;
        while (v0 < e && is_space(text[v0]))
            v0++;
        if (p.section == 0) {
            st = perr(&p, SANCTUM_E_PARSE, k0, "key outside a section; start with [rule] or [allow]");
            break;
        }
        if (p.section == 1)
            st = rule_key(&p, text + k0, k1 - k0, text + v0, e - v0, k0, v0);
        else
            st = allow_key(&p, text + k0, k1 - k0, text + v0, e - v0, k0, v0);
    }
    if (st == SANCTUM_OK && p.section == 1)
        st = finish_rule(&p);
done:
    if (st != SANCTUM_OK && p.section == 1)
        abandon_rule(&p);
    pcre2_compile_context_free(p.cctx);
    return st;
}

/* ---- Aho-Corasick ---- */

void sc_ac_free(sc_ac *ac)
{
    sc_free(ac->delta);
    sc_free(ac->out_start);
    sc_free(ac->out_len);
    sc_free(ac->out_rules);
    sc_free(ac->out_kwlen);
    memset(ac, 0, sizeof *ac);
}

sanctum_status sc_ac_build(sc_ac *ac, sanctum_ctx *ctx, const sc_ruleset *rs, sanctum_error *err)
{
    memset(ac, 0, sizeof *ac);
    /* classes */
    uint32_t ncls = 1;
    uint8_t cls_of[256];
    memset(cls_of, 0, sizeof cls_of);
    size_t total = 1;
    for (uint32_t i = 0; i < rs->n_kw; i++) {
        total += rs->kw[i].len;
        if (rs->kw[i].len > ac->max_kw_len)
            ac->max_kw_len = rs->kw[i].len;
        for (uint32_t k = 0; k < rs->kw[i].len; k++) {
            uint8_t c = rs->kw[i].bytes[k];
            if (cls_of[c] == 0)
                cls_of[c] = (uint8_t)ncls++;
        }
    }
    if (ncls > 255 || total > (1u << 22))
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "keyword set too large");
    for (int c = 0; c < 256; c++)
        ac->byte_class[c] = cls_of[fold((uint8_t)c)];
    ac->n_classes = ncls;
    uint32_t *delta = sc_calloc(ctx, total * ncls, sizeof *delta, 0);
    uint32_t *fail = sc_calloc(ctx, total, sizeof *fail, 0);
    uint32_t *queue = sc_calloc(ctx, total, sizeof *queue, 0);
    uint32_t *own_first = sc_calloc(ctx, total, sizeof *own_first, 0); /* 1 + kw index list head */
    uint32_t *kw_next = sc_calloc(ctx, rs->n_kw + 1, sizeof *kw_next, 0);
    uint32_t *out_start = sc_calloc(ctx, total + 1, sizeof *out_start, 0);
    uint32_t *out_rules = NULL;
    uint8_t *out_kwlen = NULL;
    sanctum_status st = SANCTUM_OK;
    if (!delta || !fail || !queue || !own_first || !kw_next || !out_start) {
        st = sc_error_nomem(err);
        goto out;
    }
    uint32_t n = 1;
    for (uint32_t i = 0; i < rs->n_kw; i++) {
        uint32_t s = 0;
        for (uint32_t k = 0; k < rs->kw[i].len; k++) {
            uint32_t c = cls_of[rs->kw[i].bytes[k]];
            if (delta[(size_t)s * ncls + c] == 0)
                delta[(size_t)s * ncls + c] = n++;
            s = delta[(size_t)s * ncls + c];
        }
        kw_next[i] = own_first[s];
        own_first[s] = i + 1;
    }
    /* BFS: fail links and the full transition function */
    uint32_t qh = 0, qt = 0;
    for (uint32_t c = 0; c < ncls; c++) {
        uint32_t t = delta[c];
        if (t != 0) {
            fail[t] = 0;
            queue[qt++] = t;
        }
    }
    while (qh < qt) {
        uint32_t s = queue[qh++];
        for (uint32_t c = 0; c < ncls; c++) {
            uint32_t t = delta[(size_t)s * ncls + c];
            if (t != 0) {
                fail[t] = delta[(size_t)fail[s] * ncls + c];
                queue[qt++] = t;
            } else {
                delta[(size_t)s * ncls + c] = delta[(size_t)fail[s] * ncls + c];
            }
        }
    }
    /* outputs in BFS order: own rules + the fail state's (already final) list, deduplicated */
    size_t cap = 256, used = 0;
    out_rules = sc_alloc(ctx, cap * sizeof *out_rules, 0);
    out_kwlen = sc_alloc(ctx, cap, 0);
    if (out_rules == NULL || out_kwlen == NULL) {
        st = sc_error_nomem(err);
        goto out;
    }
    /* Per state: its slice [ostart, ostart + olen) of out_rules. The BFS order is copied out of
     * queue[], whose memory then holds olen. */
    uint32_t *ostart = out_start, *olen = queue;
    uint32_t *bfs = sc_alloc(ctx, ((size_t)qt + 1) * sizeof *bfs, 0);
    if (bfs == NULL) {
        st = sc_error_nomem(err);
        goto out;
    }
    memcpy(bfs, queue, (size_t)qt * sizeof *bfs);
    memset(olen, 0, total * sizeof *olen);
    for (uint32_t qi = 0; qi < qt; qi++) {
        uint32_t s = bfs[qi];
        size_t start = used;
        uint32_t f = fail[s];
        uint32_t n_own = 0;
        for (uint32_t k = own_first[s]; k != 0; k = kw_next[k - 1])
            n_own++;
        uint32_t total_here = n_own + olen[f];
        for (uint32_t q = 0; q < total_here; q++) {
            uint32_t r, l;
            if (q < n_own) {
                uint32_t k = own_first[s];
                for (uint32_t z = 0; z < q; z++)
                    k = kw_next[k - 1];
                r = rs->kw[k - 1].rule;
                l = rs->kw[k - 1].len;
            } else {
                r = out_rules[ostart[f] + q - n_own];
                l = out_kwlen[ostart[f] + q - n_own];
            }
            bool dup = false;
            for (size_t j = start; j < used; j++)
                if (out_rules[j] == r && out_kwlen[j] == l)
                    dup = true;
            if (dup)
                continue;
            if (used == cap) {
                if (cap >= (1u << 24)) {
                    sc_free(bfs);
                    st = sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "keyword set too large");
                    goto out;
                }
                uint32_t *nr = sc_realloc(ctx, out_rules, cap * 2 * sizeof *out_rules);
                if (nr != NULL)
                    out_rules = nr;
                uint8_t *nl = nr ? sc_realloc(ctx, out_kwlen, cap * 2) : NULL;
                if (nl != NULL)
                    out_kwlen = nl;
                if (nr == NULL || nl == NULL) {
                    sc_free(bfs);
                    st = sc_error_nomem(err);
                    goto out;
                }
                cap *= 2;
            }
            out_rules[used] = r;
            out_kwlen[used] = (uint8_t)l;
            used++;
        }
        ostart[s] = (uint32_t)start;
        olen[s] = (uint32_t)(used - start);
    }
    sc_free(bfs);
    /* final form: delta entries hold target*ncls, with bit 31 set when the target has outputs */
    for (size_t i = 0; i < (size_t)n * ncls; i++) {
        uint32_t t = delta[i];
        delta[i] = (uint32_t)(t * ncls) | (olen[t] ? 0x80000000u : 0u);
    }
    uint32_t *lens = sc_alloc(ctx, (size_t)n * sizeof *lens, 0);
    if (lens == NULL) {
        st = sc_error_nomem(err);
        goto out;
    }
    memcpy(lens, olen, (size_t)n * sizeof *lens);
    ac->delta = delta;
    ac->out_start = out_start;
    ac->out_len = lens;
    ac->out_rules = out_rules;
    ac->out_kwlen = out_kwlen;
    ac->n_states = n;
    delta = NULL;
    out_start = NULL;
    out_rules = NULL;
    out_kwlen = NULL;
out:
    sc_free(delta);
    sc_free(fail);
    sc_free(queue);
    sc_free(own_first);
    sc_free(kw_next);
    sc_free(out_start);
    sc_free(out_rules);
    sc_free(out_kwlen);
    return st;
}
