/* Pattern recognizers: caller-given regexes compiled with PCRE2 through the audited allocator and
 * matched like Python's re.finditer (per pattern, left to right, non-overlapping, empty matches skipped),
 * so a Presidio ad-hoc recognizer finds what it would find in Presidio. Independent of the detector. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "utf8.h"

#define PATTERN_MAX_LEN 4096u
#define PATTERN_MAX_COUNT 256u
#define PATTERN_DEFAULT_MATCH_LIMIT 1000000u
#define PATTERN_DEFAULT_MAX_MATCHES 10000u
#define PATTERN_FLAGS_ALL 7u

typedef struct pattern_mem {
    sanctum_ctx *ctx;
    bool failed;
} pattern_mem;

struct sanctum_pattern_set {
    sanctum_ctx *ctx;
    uint64_t match_limit;
    uint32_t count;
    pcre2_code **codes;
    pattern_mem mem;              /* compile-time allocations (single-threaded by contract) */
    pcre2_general_context *gctx;
    pcre2_compile_context *cctx;
};

static void *mem_alloc(size_t n, void *data)
{
    pattern_mem *m = data;
    void *p = sc_alloc(m->ctx, n, 0);
    if (p == NULL)
        m->failed = true;
    return p;
}

static void mem_free(void *p, void *data)
{
    (void)data;
    sc_free(p);
}

static void set_destroy(void *obj)
{
    sanctum_pattern_set *s = obj;
    for (uint32_t i = 0; i < s->count; i++)
        pcre2_code_free(s->codes[i]);
    sc_free(s->codes);
    if (s->cctx != NULL)
        pcre2_compile_context_free(s->cctx);
    if (s->gctx != NULL)
        pcre2_general_context_free(s->gctx);
}

sanctum_status sanctum_pattern_set_new(sanctum_pattern_set **out, sanctum_ctx *ctx, uint64_t match_limit,
                                       sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ctx == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out and ctx are required");
    *out = NULL;
    if (match_limit > UINT32_MAX)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "match_limit is above 4294967295");
    sanctum_pattern_set *s = sc_object_new(ctx, sizeof *s, set_destroy);
    if (s == NULL)
        return sc_error_nomem(err);
    s->ctx = ctx;
    s->match_limit = match_limit ? match_limit : PATTERN_DEFAULT_MATCH_LIMIT;
    s->mem.ctx = ctx;
    s->gctx = pcre2_general_context_create(mem_alloc, mem_free, &s->mem);
    s->cctx = s->gctx != NULL ? pcre2_compile_context_create(s->gctx) : NULL;
    if (s->cctx == NULL) {
        sanctum_free(s);
        return sc_error_nomem(err);
    }
    *out = s;
    return SANCTUM_OK;
}

sanctum_status sanctum_pattern_set_add(sanctum_pattern_set *set, const uint8_t *regex, size_t len, uint32_t flags,
                                       sanctum_error *err)
{
    sanctum_error_clear(err);
    if (set == NULL || (regex == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "set and regex are required");
    if (len == 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "the regex is empty");
    if (flags & ~PATTERN_FLAGS_ALL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "unknown pattern flag");
    if (len > PATTERN_MAX_LEN)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "the regex is longer than 4096 bytes");
    if (set->count >= PATTERN_MAX_COUNT)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "a pattern set holds at most 256 patterns");
    size_t valid = sc_utf8_valid_prefix(regex, len);
    if (valid != len)
        return sc_error(err, SANCTUM_E_UTF8, (uint64_t)valid, "the regex is not valid UTF-8");
    uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK;
    if (flags & SANCTUM_PATTERN_CASELESS)
        options |= PCRE2_CASELESS;
    if (flags & SANCTUM_PATTERN_MULTILINE)
        options |= PCRE2_MULTILINE;
    if (flags & SANCTUM_PATTERN_DOTALL)
        options |= PCRE2_DOTALL;
    pcre2_code **grown = sc_realloc(set->ctx, set->codes, ((size_t)set->count + 1) * sizeof *grown);
    if (grown == NULL)
        return sc_error_nomem(err);
    set->codes = grown;
    int ec = 0;
    PCRE2_SIZE eo = 0;
    set->mem.failed = false;
    pcre2_code *code = pcre2_compile(regex, len, options, &ec, &eo, set->cctx);
    if (code == NULL) {
        if (set->mem.failed || ec == PCRE2_ERROR_HEAPLIMIT)
            return sc_error_nomem(err);
        PCRE2_UCHAR why[120];
        if (pcre2_get_error_message(ec, why, sizeof why) < 0)
            memcpy(why, "invalid pattern", sizeof "invalid pattern");
        return sc_error(err, SANCTUM_E_PARSE, eo <= len ? (uint64_t)eo : SANCTUM_NO_OFFSET,
                        "invalid regular expression: %s", (const char *)why);
    }
    /* JIT is an optimisation: without platform support the interpreter runs; a refused allocation is
     * still reported, so a failing budget never goes unnoticed. */
    if (pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) != 0 && set->mem.failed) {
        pcre2_code_free(code);
        return sc_error_nomem(err);
    }
    set->codes[set->count++] = code;
    return SANCTUM_OK;
}

uint32_t sanctum_pattern_set_count(const sanctum_pattern_set *set)
{
    return set != NULL ? set->count : 0;
}

/* Per-call state: the caller's threads each get their own PCRE2 contexts. */
typedef struct match_state {
    pattern_mem mem;
    pcre2_general_context *gctx;
    pcre2_match_context *mctx;
    pcre2_match_data *md;
    sanctum_pattern_match *items;
    size_t count, cap, max;
    bool truncated;
} match_state;

static bool push(match_state *st, uint32_t pattern, size_t start, size_t end)
{
    if (st->count == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 16;
        if (cap > st->max)
            cap = st->max;
        sanctum_pattern_match *n = sc_alloc(st->mem.ctx, cap * sizeof *n, SC_ALLOC_SECRET);
        if (n == NULL)
            return false;
        if (st->count)
            memcpy(n, st->items, st->count * sizeof *n);
        sc_free(st->items);
        st->items = n;
        st->cap = cap;
    }
    st->items[st->count++] = (sanctum_pattern_match){.pattern = pattern, .start = start, .end = end};
    return true;
}

/* Length of the code point at text[at] (the text is valid UTF-8). */
static size_t char_len(const uint8_t *text, size_t len, size_t at)
{
    uint32_t cp;
    size_t n = sc_utf8_decode(text + at, len - at, &cp);
    return n ? n : 1;
}

/* One pcre2_match call: 1 matched (*start, *end set), 0 no match, or an error status through *rc. */
static int match_at(match_state *st, const pcre2_code *code, uint32_t index, const uint8_t *subject, size_t len,
                    size_t at, uint32_t options, size_t *start, size_t *end, sanctum_status *rc, sanctum_error *err)
{
    int r = pcre2_match(code, subject, len, at, options | PCRE2_NO_UTF_CHECK, st->md, st->mctx);
    if (r == PCRE2_ERROR_NOMATCH)
        return 0;
    if (r < 0) {
        if (st->mem.failed || r == PCRE2_ERROR_NOMEMORY)
            *rc = sc_error_nomem(err);
        else if (r == PCRE2_ERROR_MATCHLIMIT || r == PCRE2_ERROR_DEPTHLIMIT || r == PCRE2_ERROR_HEAPLIMIT)
            *rc = sc_error(err, SANCTUM_E_LIMIT, (uint64_t)at, "pattern %u exceeded the match limit", index);
        else
            *rc = sc_error(err, SANCTUM_E_INTERNAL, (uint64_t)at, "pattern %u: match failed (%d)", index, r);
        return -1;
    }
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(st->md);
    *start = ov[0];
    *end = ov[1];
    return 1;
}

static sanctum_status keep(match_state *st, uint32_t index, size_t start, size_t end, sanctum_error *err)
{
    if (st->count == st->max) {
        st->truncated = true;
        return SANCTUM_OK;
    }
    return push(st, index, start, end) ? SANCTUM_OK : sc_error_nomem(err);
}

/* re.finditer: after an empty match at p, the next attempt is at p again with an empty match there
 * refused (a non-empty one may start at p), then from the next character. Empty matches are not kept. */
static sanctum_status match_one(match_state *st, const pcre2_code *code, uint32_t index, const uint8_t *text,
                                size_t len, sanctum_error *err)
{
    const uint8_t *subject = len ? text : (const uint8_t *)"";
    size_t at = 0, start = 0, end = 0;
    sanctum_status rc = SANCTUM_OK;
    while (at <= len && !st->truncated) {
        int r = match_at(st, code, index, subject, len, at, 0, &start, &end, &rc, err);
        if (r <= 0)
            return rc;
        if (end > start) {
            if ((rc = keep(st, index, start, end, err)) != SANCTUM_OK)
                return rc;
            at = end;
            continue;
        }
        if (start >= len)
            return SANCTUM_OK;
        r = match_at(st, code, index, subject, len, start, PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED, &start, &end,
                     &rc, err);
        if (r < 0)
            return rc;
        if (r > 0 && end > start) {
            if ((rc = keep(st, index, start, end, err)) != SANCTUM_OK)
                return rc;
            at = end;
        } else {
            at = start + char_len(text, len, start);
        }
    }
    return SANCTUM_OK;
}

sanctum_status sanctum_pattern_set_match(const sanctum_pattern_set *set, const uint8_t *text, size_t len,
                                         uint32_t max_matches, sanctum_pattern_matches **out, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || set == NULL || (text == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out, set and text are required");
    *out = NULL;
    if ((uint64_t)len > set->ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "the text is larger than max_input_bytes");
    size_t valid = sc_utf8_valid_prefix(text, len);
    if (valid != len)
        return sc_error(err, SANCTUM_E_UTF8, (uint64_t)valid, "the text is not valid UTF-8");
    match_state st = {.mem = {.ctx = set->ctx}, .max = max_matches ? max_matches : PATTERN_DEFAULT_MAX_MATCHES};
    sanctum_status rc = SANCTUM_OK;
    st.gctx = pcre2_general_context_create(mem_alloc, mem_free, &st.mem);
    st.mctx = st.gctx != NULL ? pcre2_match_context_create(st.gctx) : NULL;
    st.md = st.gctx != NULL ? pcre2_match_data_create(1, st.gctx) : NULL;
    if (st.mctx == NULL || st.md == NULL) {
        rc = sc_error_nomem(err);
        goto done;
    }
    pcre2_set_match_limit(st.mctx, (uint32_t)set->match_limit);
    pcre2_set_depth_limit(st.mctx, 10000);
    pcre2_set_heap_limit(st.mctx, 8192); /* KiB, interpreter only */
    for (uint32_t i = 0; i < set->count && rc == SANCTUM_OK && !st.truncated; i++)
        rc = match_one(&st, set->codes[i], i, text, len, err);
    if (rc != SANCTUM_OK)
        goto done;
    sanctum_pattern_matches *res = sc_object_new(set->ctx, sizeof *res + st.count * sizeof *st.items, NULL);
    if (res == NULL) {
        rc = sc_error_nomem(err);
        goto done;
    }
    sc_mark_secret(res);
    sanctum_pattern_match *items = (sanctum_pattern_match *)(void *)(res + 1);
    if (st.count)
        memcpy(items, st.items, st.count * sizeof *items);
    res->struct_size = (uint32_t)sizeof *res;
    res->truncated = st.truncated ? 1u : 0u;
    res->count = st.count;
    res->matches = items;
    *out = res;
done:
    sc_free(st.items);
    if (st.md != NULL)
        pcre2_match_data_free(st.md);
    if (st.mctx != NULL)
        pcre2_match_context_free(st.mctx);
    if (st.gctx != NULL)
        pcre2_general_context_free(st.gctx);
    return rc;
}
