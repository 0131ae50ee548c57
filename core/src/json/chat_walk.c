/* The mechanics of the chat walk: paths, scan entries, leaf scans, JSON held in strings. */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "chat.h"
#include "error.h"

static bool grow(chat_walker *w, void **p, size_t *cap, size_t need, size_t elem, unsigned flags)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap < 16 ? 16 : *cap;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem) {
            w->st = sc_error(w->err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "chat document too large");
            return false;
        }
        ncap *= 2;
    }
    void *np = *p == NULL ? sc_alloc(w->doc->ctx, ncap * elem, flags) : sc_realloc(w->doc->ctx, *p, ncap * elem);
    if (np == NULL) {
        w->st = sc_error_nomem(w->err);
        return false;
    }
    *p = np;
    *cap = ncap;
    return true;
}

void chat_path_raw(chat_walker *w, const char *s, size_t n)
{
    if (w->st != SANCTUM_OK || !grow(w, (void **)&w->path, &w->pcap, w->plen + n + 1, 1, SC_ALLOC_SECRET))
        return;
    memcpy(w->path + w->plen, s, n);
    w->plen += n;
    w->path[w->plen] = '\0';
}

static bool ident_like(const uint8_t *s, size_t n)
{
    if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' ||
              (s[i] >= '0' && s[i] <= '9')))
            return false;
    return true;
}

void chat_path_key(chat_walker *w, uint32_t key)
{
    size_t n;
    const uint8_t *raw = sc_json_str_raw(w->j, key, &n);
    if (!(w->j->tok[key].flags & SC_JF_ESCAPES) && ident_like(raw, n)) {
        chat_path_raw(w, ".", 1);
        chat_path_raw(w, (const char *)raw, n);
        return;
    }
    /* the decoded key: .name when it is identifier-like, else ["..."] re-encoded minimally */
    uint8_t *dec = sc_alloc(w->doc->ctx, n + 1, SC_ALLOC_SECRET);
    if (dec == NULL) {
        w->st = sc_error_nomem(w->err);
        return;
    }
    size_t dn = sc_json_decode(raw, n, dec);
    if (ident_like(dec, dn)) {
        chat_path_raw(w, ".", 1);
        chat_path_raw(w, (const char *)dec, dn);
        sc_free(dec);
        return;
    }
    sc_json_style st = {0};
    size_t en = sc_json_encoded_len(dec, dn, &st);
    uint8_t *enc = sc_alloc(w->doc->ctx, en + 1, SC_ALLOC_SECRET);
    if (enc == NULL) {
        sc_free(dec);
        w->st = sc_error_nomem(w->err);
        return;
    }
    sc_json_encode(dec, dn, &st, enc);
    chat_path_raw(w, "[\"", 2);
    chat_path_raw(w, (const char *)enc, en);
    chat_path_raw(w, "\"]", 2);
    sc_free(enc);
    sc_free(dec);
}

void chat_path_index(chat_walker *w, uint32_t index)
{
    char buf[16];
    int n = snprintf(buf, sizeof buf, "[%u]", (unsigned)index);
    chat_path_raw(w, buf, (size_t)n);
}

void chat_add(chat_walker *w, uint32_t tok, int32_t role, int32_t kind)
{
    if (w->st != SANCTUM_OK || w->j->tok[tok].type != SC_JT_STRING)
        return;
    sanctum_chat_doc *d = w->doc;
    size_t n;
    const uint8_t *raw = sc_json_str_raw(w->j, tok, &n);
    bool esc = (w->j->tok[tok].flags & SC_JF_ESCAPES) != 0;
    if (!grow(w, (void **)&d->e, &d->cape, d->ne + 1, sizeof *d->e, 0) ||
        !grow(w, (void **)&d->paths, &d->paths_cap, d->paths_len + w->plen + 1, 1, SC_ALLOC_SECRET))
        return;
    chat_entry *e = &d->e[d->ne++];
    memset(e, 0, sizeof *e);
    e->sub = w->sub;
    e->tok = tok;
    e->role = role;
    e->kind = kind;
    if (esc) { /* decoded after the walk, into one wiped arena of the exact size (chat_decode_texts) */
        e->text_off = d->text_len;
        d->text_len += sc_json_decoded_len(raw, n);
    } else { /* no escapes: the raw bytes are the value; borrow them (no copy of personal data) */
        e->text_ptr = raw;
        e->text_len = n;
    }
    e->path_off = d->paths_len;
    e->path_len = w->plen;
    if (w->plen != 0)
        memcpy(d->paths + d->paths_len, w->path, w->plen);
    d->paths_len += w->plen;
    d->paths[d->paths_len++] = '\0';
}

static bool is_base64_data_url(const sc_json_doc *j, uint32_t tok)
{
    size_t n;
    const uint8_t *raw = sc_json_str_raw(j, tok, &n);
    if (n < 5 || memcmp(raw, "data:", 5) != 0)
        return false;
    size_t lim = n < 256 ? n : 256; /* the media type comes first */
    for (size_t i = 5; i + 8 <= lim; i++) {
        if (raw[i] == ',')
            return false;
        if (memcmp(raw + i, ";base64,", 8) == 0)
            return true;
    }
    return false;
}

void chat_url(chat_walker *w, uint32_t tok, int32_t role)
{
    if (w->j->tok[tok].type == SC_JT_STRING && !is_base64_data_url(w->j, tok))
        chat_add(w, tok, role, SANCTUM_CHAT_KIND_URL);
}

/* Keys whose values a non-strict leaf scan leaves alone: enum tags, ids, signatures, opaque data. */
static bool skip_key(const sc_json_doc *j, uint32_t k)
{
    uint8_t buf[64];
    size_t n = sc_json_str_small(j, k, buf, sizeof buf);
    if (n == SIZE_MAX)
        return false;
#define IS(lit) (n == sizeof(lit) - 1 && memcmp(buf, lit, n) == 0)
    if (IS("type") || IS("id") || IS("signature") || IS("encrypted_content") || IS("encrypted_index") ||
        IS("obfuscation") || IS("cache_control") || IS("object") || IS("status") || IS("role") ||
        IS("media_type") || IS("logprobs"))
        return true;
    if (n > 3 && memcmp(buf + n - 3, "_id", 3) == 0 && !IS("user_id"))
        return true;
#undef IS
    return false;
}

void chat_scan_leaves(chat_walker *w, uint32_t tok, int32_t role, int32_t kind, bool strict)
{
    const sc_json_doc *j = w->j;
    uint8_t type = j->tok[tok].type;
    if (type == SC_JT_STRING) {
        if (strict || !is_base64_data_url(j, tok))
            chat_add(w, tok, role, kind);
        return;
    }
    if (type != SC_JT_OBJECT && type != SC_JT_ARRAY)
        return;
    size_t base = w->plen, top = 0;
    if (!grow(w, (void **)&w->stk, &w->stk_cap, 1, sizeof *w->stk, 0))
        return;
    w->stk[top++] = (leaf_frame){tok, tok + 1, 0, w->plen};
    while (top > 0 && w->st == SANCTUM_OK) {
        leaf_frame *f = &w->stk[top - 1];
        if (f->cur >= j->tok[f->container].next) {
            top--;
            continue;
        }
        w->plen = f->plen;
        uint32_t v;
        if (j->tok[f->container].type == SC_JT_OBJECT) {
            uint32_t k = f->cur;
            v = k + 1;
            f->cur = j->tok[v].next;
            if (!strict && skip_key(j, k))
                continue;
            chat_path_key(w, k);
        } else {
            v = f->cur;
            f->cur = j->tok[v].next;
            chat_path_index(w, f->index++);
        }
        uint8_t vt = j->tok[v].type;
        if (vt == SC_JT_STRING) {
            if (strict || !is_base64_data_url(j, v))
                chat_add(w, v, role, kind);
        } else if (vt == SC_JT_OBJECT || vt == SC_JT_ARRAY) {
            if (!grow(w, (void **)&w->stk, &w->stk_cap, top + 1, sizeof *w->stk, 0))
                break;
            w->stk[top++] = (leaf_frame){v, v + 1, 0, w->plen};
        }
    }
    w->plen = base;
    if (w->path != NULL)
        w->path[base] = '\0';
}

void chat_json_string(chat_walker *w, uint32_t tok, int32_t role, int32_t kind)
{
    if (w->st != SANCTUM_OK || w->j->tok[tok].type != SC_JT_STRING)
        return;
    if (w->sub != 0) { /* JSON in JSON in JSON: scan the inner string whole */
        chat_add(w, tok, role, kind);
        return;
    }
    sanctum_chat_doc *d = w->doc;
    size_t n;
    const uint8_t *raw = sc_json_str_raw(w->j, tok, &n);
    /* Only an object or array counts: a bare number or literal would hide its digits from the scan. */
    size_t i = 0;
    while (i < n && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r' || raw[i] == '\\')) {
        if (raw[i] == '\\') { /* escaped whitespace: \n \r \t */
            if (i + 1 < n && (raw[i + 1] == 'n' || raw[i + 1] == 'r' || raw[i + 1] == 't')) {
                i += 2;
                continue;
            }
            break;
        }
        i++;
    }
    if (i >= n || (raw[i] != '{' && raw[i] != '[')) {
        chat_add(w, tok, role, kind);
        return;
    }
    uint8_t *src = sc_alloc(d->ctx, n == 0 ? 1 : n, SC_ALLOC_SECRET);
    if (src == NULL) {
        w->st = sc_error_nomem(w->err);
        return;
    }
    size_t sn = sc_json_decode(raw, n, src);
    sc_json_doc inner;
    sanctum_error ierr;
    sanctum_status pst = sc_json_parse(d->ctx, src, sn, w->depth_left == 0 ? 1 : w->depth_left, 0, &inner,
                                      &ierr);
    if (pst == SANCTUM_E_NOMEM) {
        sc_free(src);
        w->st = sc_error_nomem(w->err);
        return;
    }
    if (pst != SANCTUM_OK) { /* not JSON after all (models emit broken JSON; stream fragments) */
        sc_free(src);
        chat_add(w, tok, role, kind);
        return;
    }
    if (!grow(w, (void **)&d->subs, &d->capsubs, d->nsubs + 1, sizeof *d->subs, 0)) {
        sc_json_doc_clear(&inner);
        sc_free(src);
        return;
    }
    chat_sub *s = &d->subs[d->nsubs++];
    s->outer_tok = tok;
    s->src = src;
    s->len = sn;
    s->doc = inner;
    const sc_json_doc *outer = w->j;
    size_t base = w->plen;
    chat_path_raw(w, ">$", 2);
    w->j = &s->doc;
    w->sub = (uint32_t)d->nsubs;
    chat_scan_leaves(w, 0, role, kind, true);
    w->j = outer;
    w->sub = 0;
    w->plen = base;
    if (w->path != NULL)
        w->path[base] = '\0';
}

void chat_decode_texts(chat_walker *w)
{
    sanctum_chat_doc *d = w->doc;
    if (w->st != SANCTUM_OK || d->text_len == 0)
        return;
    /* chat_add summed the exact decoded lengths */
    /* filled below (bytes past each decoded value are never read): no zeroing pass, secret at once */
    d->text = sc_alloc(d->ctx, d->text_len, 0);
    if (d->text == NULL) {
        w->st = sc_error_nomem(w->err);
        return;
    }
    sc_mark_secret(d->text);
    d->text_cap = d->text_len;
    for (size_t i = 0; i < d->ne; i++) {
        chat_entry *e = &d->e[i];
        if (e->text_ptr != NULL)
            continue;
        const sc_json_doc *j = e->sub == 0 ? &d->json : &d->subs[e->sub - 1].doc;
        size_t n;
        const uint8_t *raw = sc_json_str_raw(j, e->tok, &n);
        e->text_len = sc_json_decode(raw, n, d->text + e->text_off);
    }
}
