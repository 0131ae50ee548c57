/* Anonymize one text: detected entities plus any text that restore could take for a placeholder
 * ("literal" spans: a type name, '_', digits, case-insensitive, with its brackets) become <TYPE_N>
 * placeholders, written with the proved span substitution. */
#include <stdlib.h>
#include <string.h>

#include "../alloc.h"
#include "../error.h"
#include "../proved/placeholder.h"
#include "../proved/subst.h"
#include "mapper.h"

static uint8_t upper(uint8_t c)
{
    return (c >= 'a' && c <= 'z') ? (uint8_t)(c - 32) : c;
}

static bool has_at(const uint8_t *t, size_t n, size_t i, const char *lit)
{
    size_t l = strlen(lit);
    return i <= n && l <= n - i && memcmp(t + i, lit, l) == 0;
}

/* A literal at t[i..): TYPE '_' digit+ (case-insensitive), no boundary needed. */
static bool literal_at(const uint8_t *t, size_t n, size_t i, aspan *sp)
{
    for (uint32_t ty = 0; ty < SANCTUM_ENTITY_COUNT; ty++) {
        size_t l = 0;
        const char *name = sc_type_name(ty, &l);
        if (l + 2 > n - i)
            continue;
        size_t k = 0;
        while (k < l && upper(t[i + k]) == (uint8_t)name[k])
            k++;
        if (k < l || t[i + l] != '_' || !(t[i + l + 1] >= '0' && t[i + l + 1] <= '9'))
            continue;
        size_t e = i + l + 1;
        while (e < n && t[e] >= '0' && t[e] <= '9')
            e++;
        size_t s = i;
        if (s >= 1 && e < n && ((t[s - 1] == '<' && t[e] == '>') || (t[s - 1] == '[' && t[e] == ']'))) {
            s--;
            e++;
        } else if (s >= 4 && has_at(t, n, s - 4, "&lt;") && has_at(t, n, e, "&gt;")) {
            s -= 4;
            e += 4;
        }
        sp->start = s;
        sp->end = e;
        sp->type = ty;
        sp->kind = SC_KEY_LITERAL;
        return true;
    }
    return false;
}

bool sc_aspan_grow(sanctum_ctx *ctx, aspan **v, size_t *cap, size_t need)
{
    if (need <= *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 16;
    while (c < need)
        c *= 2;
    aspan *nv = *v ? sc_realloc(ctx, *v, c * sizeof **v) : sc_alloc(ctx, c * sizeof **v, 0);
    if (nv == NULL)
        return false;
    *v = nv;
    *cap = c;
    return true;
}

static int aspan_cmp(const void *a, const void *b)
{
    const aspan *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end > y->end ? -1 : x->end < y->end; /* longer first */
}

sanctum_status sc_anon_text(sanctum_session *s, const uint8_t *p, size_t n, sc_buf *out, bool *changed,
                            sanctum_error *err)
{
    const sc_anon_opts o = {.key_type = -1};
    return sc_anon_text_ex(s, p, n, &o, out, changed, err);
}

sanctum_status sc_anon_text_ex(sanctum_session *s, const uint8_t *p, size_t n, const sc_anon_opts *o, sc_buf *out,
                               bool *changed, sanctum_error *err)
{
    sanctum_status st;
    aspan *ents = NULL, *lits = NULL, *all = NULL;
    size_t ne = 0, cape = 0, nl = 0, capl = 0, na = 0, capa = 0;
    sc_span *spans = NULL;
    uint8_t *repl = NULL;

    if (s->det == NULL)
        return sc_error(err, SANCTUM_E_STATE, SANCTUM_NO_OFFSET, "this session has no detector");
    if (!o->identities_only) {
        st = sc_detect_spans(s, p, n, o->key_type, &ents, &ne, &cape, err);
        if (st != SANCTUM_OK)
            return st;
    }
    if (s->ids != NULL) {
        st = sc_identities_spans(s->ids, s->ctx, p, n, &ents, &ne, &cape, err);
        if (st != SANCTUM_OK) {
            sc_free(ents);
            return st;
        }
    }
    if (ne > 1)
        qsort(ents, ne, sizeof *ents, aspan_cmp);
    /* A literal has a '_' within the longest type name's reach of its start: the scan jumps to the
     * next '_' (one memchr), since chat text rarely holds one and most of its bytes are letters. */
    size_t reach = 0;
    for (uint32_t ty = 0; ty < SANCTUM_ENTITY_COUNT; ty++) {
        size_t l = 0;
        sc_type_name(ty, &l);
        reach = l > reach ? l : reach;
    }
    const uint8_t *under = NULL; /* the first '_' at or after p + i */
    for (size_t i = 0; i < n && !o->number; i++) {
        if (under == NULL || under < p + i) {
            under = memchr(p + i, '_', n - i);
            if (under == NULL)
                break;
        }
        size_t u = (size_t)(under - p);
        if (u > i + reach) {
            i = u - reach - 1; /* the loop's i++ lands on the first start that can reach this '_' */
            continue;
        }
        uint8_t c = p[i] | 32;
        if (c != 'p' && c != 'e' && c != 'c' && c != 'u' && c != 'i')
            continue;
        aspan sp;
        if (literal_at(p, n, i, &sp)) {
            if (!sc_aspan_grow(s->ctx, &lits, &capl, nl + 1))
                goto nomem;
            lits[nl++] = sp;
            i = sp.end - 1;
        }
    }
    /* Merge entities and literals (both sorted); overlapping spans are joined, keeping the entity's
     * type (a literal alone keeps its own). */
    if (!sc_aspan_grow(s->ctx, &all, &capa, ne + nl + 1))
        goto nomem;
    {
        size_t a = 0, b = 0;
        while (a < ne || b < nl) {
            aspan next;
            if (b >= nl || (a < ne && ents[a].start <= lits[b].start)) {
                next = ents[a++];
            } else {
                next = lits[b++];
            }
            if (next.end <= next.start || next.end > n)
                continue;
            if (na > 0 && next.start < all[na - 1].end) {
                aspan *last = &all[na - 1];
                if (next.end > last->end)
                    last->end = next.end;
                if (last->kind == SC_KEY_LITERAL && next.kind == SC_KEY_VALUE) {
                    last->type = next.type;
                    last->kind = SC_KEY_VALUE;
                }
                continue;
            }
            all[na++] = next;
        }
    }
    if (o->number && !(na == 1 && all[0].start == 0 && all[0].end == n))
        na = 0; /* a number is replaced whole or not at all */
    if (na == 0) {
        if (!sc_buf_put(out, p, n))
            goto nomem;
        st = SANCTUM_OK;
        goto done;
    }
    spans = sc_calloc(s->ctx, na, sizeof *spans, 0);
    repl = sc_alloc(s->ctx, na * SC_PLACEHOLDER_MAX, 0);
    if (spans == NULL || repl == NULL)
        goto nomem;
    for (size_t k = 0; k < na; k++) {
        uint32_t number = 0;
        bool variant = false;
        st = sc_vault_intern(&s->vault, all[k].type, all[k].kind, p + all[k].start, all[k].end - all[k].start,
                             &number, &variant, err);
        if (st != SANCTUM_OK)
            goto done;
        size_t tl = 0;
        const char *name = sc_type_name(all[k].type, &tl);
        uint8_t *r = repl + k * SC_PLACEHOLDER_MAX;
        size_t rl = sc_placeholder_format((const uint8_t *)name, tl, number, r, SC_PLACEHOLDER_MAX);
        if (rl == 0) {
            st = sc_error(err, SANCTUM_E_INTERNAL, SANCTUM_NO_OFFSET, "placeholder formatting failed");
            goto done;
        }
        spans[k].start = all[k].start;
        spans[k].end = all[k].end;
        spans[k].repl = r;
        spans[k].repl_len = rl;
        if (all[k].kind == SC_KEY_LITERAL)
            s->stats.literals++;
        else
            s->stats.occurrences[all[k].type]++;
        if (variant)
            s->stats.variant_spellings++;
    }
    size_t olen = 0;
    if (!sc_subst_length(n, spans, na, &olen)) {
        st = sc_error(err, SANCTUM_E_INTERNAL, SANCTUM_NO_OFFSET, "invalid substitution spans");
        goto done;
    }
    if (!sc_buf_reserve(out, olen))
        goto nomem;
    size_t wrote = 0;
    if (!sc_subst_apply(p, n, spans, na, out->p + out->len, olen, &wrote) || wrote != olen) {
        st = sc_error(err, SANCTUM_E_INTERNAL, SANCTUM_NO_OFFSET, "substitution failed");
        goto done;
    }
    out->len += olen;
    *changed = true;
    if (o->number)
        s->stats.numbers++;
    st = SANCTUM_OK;
    goto done;
nomem:
    st = sc_error_nomem(err);
done:
    sc_free(ents);
    sc_free(lits);
    sc_free(all);
    sc_free(spans);
    sc_free(repl);
    return st;
}

/* A participant name field ("name": "Jane_Roe") holds one identifier-shaped name, which the detector
 * rightly treats as code. Read '_', '-' and '.' as spaces; if that text holds a person, the whole field
 * becomes a PERSON placeholder of its own (interned as written, so restore gives back "Jane_Roe" exactly).
 * Anything else is anonymized as ordinary text. */
sanctum_status sc_anon_name_field(sanctum_session *s, const uint8_t *p, size_t n, sc_buf *out, bool *changed,
                                  sanctum_error *err)
{
    if (s->det == NULL)
        return sc_error(err, SANCTUM_E_STATE, SANCTUM_NO_OFFSET, "this session has no detector");
    if (n == 0 || n > 256)
        return sc_anon_text(s, p, n, out, changed, err);
    uint8_t *q = sc_alloc(s->ctx, n, SC_ALLOC_SECRET);
    if (q == NULL)
        return sc_error_nomem(err);
    for (size_t i = 0; i < n; i++)
        q[i] = (p[i] == '_' || p[i] == '-' || p[i] == '.') ? ' ' : p[i];
    sanctum_detection *det = NULL;
    sanctum_status st = sanctum_detect(&det, s->det, q, n, 0, err);
    bool person = false;
    for (size_t i = 0; st == SANCTUM_OK && i < det->count; i++)
        person = person || det->entities[i].type == SANCTUM_ENTITY_PERSON;
    sanctum_free(det);
    if (st != SANCTUM_OK || !person) {
        sc_free(q);
        return st != SANCTUM_OK ? st : sc_anon_text(s, p, n, out, changed, err);
    }
    sc_free(q);
    uint32_t number = 0;
    bool variant = false;
    st = sc_vault_intern(&s->vault, SANCTUM_ENTITY_PERSON, SC_KEY_VALUE, p, n, &number, &variant, err);
    if (st != SANCTUM_OK)
        return st;
    size_t tl = 0;
    const char *name = sc_type_name(SANCTUM_ENTITY_PERSON, &tl);
    uint8_t r[SC_PLACEHOLDER_MAX];
    size_t rl = sc_placeholder_format((const uint8_t *)name, tl, number, r, sizeof r);
    if (rl == 0)
        return sc_error(err, SANCTUM_E_INTERNAL, SANCTUM_NO_OFFSET, "placeholder formatting failed");
    if (!sc_buf_put(out, r, rl))
        return sc_error_nomem(err);
    s->stats.occurrences[SANCTUM_ENTITY_PERSON]++;
    if (variant)
        s->stats.variant_spellings++;
    *changed = true;
    return SANCTUM_OK;
}
