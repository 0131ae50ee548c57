/* The public chat document: parse, walk, accessors, replacements, write. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "chat.h"
#include "error.h"
#include "options.h"
#include "utf8.h"

static void chat_doc_destroy(void *obj)
{
    sanctum_chat_doc *d = obj;
    for (size_t i = 0; i < d->ne; i++)
        sc_free(d->e[i].repl);
    for (size_t i = 0; i < d->nsubs; i++) {
        sc_json_doc_clear(&d->subs[i].doc);
        sc_free(d->subs[i].src);
    }
    sc_free(d->e);
    sc_free(d->subs);
    sc_free(d->text);
    sc_free(d->paths);
    sc_json_doc_clear(&d->json);
}

/* Which of the keys the walk decides on ("role", "type") key token t spells in any case: 1, 2, or 0. */
static int governing_key(const sc_json_doc *j, uint32_t t)
{
    size_t n;
    const uint8_t *raw = sc_json_str_raw(j, t, &n);
    uint8_t buf[24];
    if (j->tok[t].flags & SC_JF_ESCAPES) {
        if (n > sizeof buf) /* (six bytes an escaped letter: longer is no four-letter key) */
            return 0;
        n = sc_json_decode(raw, n, buf);
        raw = buf;
    }
    if (n != 4)
        return 0;
    char low[4];
    for (size_t i = 0; i < 4; i++)
        low[i] = (char)(raw[i] >= 'A' && raw[i] <= 'Z' ? raw[i] + ('a' - 'A') : raw[i]);
    return memcmp(low, "role", 4) == 0 ? 1 : memcmp(low, "type", 4) == 0 ? 2 : 0;
}

/* An object spelling "role" or "type" twice, in different cases ("role" and "Role"), is refused as a
 * duplicate key is: readers that match members case-insensitively (Go's encoding/json keeps the last)
 * would read another role or block type than the walk did, such as a system message the walk keeps
 * unscanned read as the user's. One spelling in another case alone is an unknown key (scanned). */
static sanctum_status check_key_cases(const sc_json_doc *j, sanctum_error *err)
{
    for (uint32_t o = 0; o < j->ntok; o++) {
        if (j->tok[o].type != SC_JT_OBJECT)
            continue;
        int seen = 0;
        for (uint32_t k = o + 1; k < j->tok[o].next; k = j->tok[k + 1].next) {
            int g = governing_key(j, k);
            if (g == 0)
                continue;
            if (seen & g)
                return sc_error(err, SANCTUM_E_PARSE, j->tok[k].start,
                                "the same key in another case in one object: expected one spelling of role/type");
            seen |= g;
        }
    }
    return SANCTUM_OK;
}

sanctum_status sanctum_chat_doc_new(sanctum_chat_doc **out, sanctum_ctx *ctx, int32_t format,
                                    const uint8_t *ptr, size_t len, sanctum_error *err)
{
    return sanctum_chat_doc_new_ex(out, ctx, format, 0, ptr, len, err);
}

static const char *json_type_name(uint8_t t)
{
    static const char *const names[] = {"?", "an object", "an array", "a key", "a string", "a number", "true",
                                        "false", "null"};
    return t < sizeof names / sizeof names[0] ? names[t] : "?";
}

/* SANCTUM_CHAT_STRICT_SHAPE: the document is one the walker knows, and a request's list of messages
 * is a list (else nothing in it would be scanned, and nothing said). */
static sanctum_status check_shape(const sanctum_chat_doc *d, sanctum_error *err)
{
    const sc_json_doc *j = &d->json;
    if (j->ntok == 0 || j->tok[0].type != SC_JT_OBJECT)
        return sc_error(err, SANCTUM_E_PARSE, j->ntok ? j->tok[0].start : 0,
                        "a chat document is a JSON object, not %s", j->ntok ? json_type_name(j->tok[0].type) : "empty");
    if (d->shape == SANCTUM_CHAT_SHAPE_UNKNOWN)
        return sc_error(err, SANCTUM_E_PARSE, 0,
                        "not a chat request, response, stream event or error: the object has none of messages, "
                        "contents, input, choices, candidates, object or type");
    if (d->shape != SANCTUM_CHAT_SHAPE_REQUEST)
        return SANCTUM_OK;
    const char *field = d->format == SANCTUM_CHAT_GEMINI ? "contents"
                        : d->format == SANCTUM_CHAT_OPENAI_RESPONSES ? "input" : "messages";
    uint32_t k = sc_json_obj_get(j, 0, field, strlen(field));
    if (k == 0)
        return SANCTUM_OK; /* a Responses request may carry only instructions or previous_response_id */
    uint8_t t = j->tok[k].type;
    bool ok = t == SC_JT_ARRAY || (t == SC_JT_OBJECT && d->format == SANCTUM_CHAT_GEMINI) ||
              (t == SC_JT_STRING && d->format == SANCTUM_CHAT_OPENAI_RESPONSES);
    if (ok)
        return SANCTUM_OK;
    return sc_error(err, SANCTUM_E_PARSE, j->tok[k].start, "%s is %s where a request (%s) has %s", field,
                    json_type_name(t), sanctum_chat_format_name(d->format),
                    d->format == SANCTUM_CHAT_GEMINI ? "an array of contents (or one content object)"
                    : d->format == SANCTUM_CHAT_OPENAI_RESPONSES ? "a string or an array of items"
                                                                 : "an array of messages");
}

sanctum_status sanctum_chat_doc_new_ex(sanctum_chat_doc **out, sanctum_ctx *ctx, int32_t format, uint32_t flags,
                                       const uint8_t *ptr, size_t len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ctx == NULL || (ptr == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL argument");
    *out = NULL;
    if (format < SANCTUM_CHAT_AUTO || format > SANCTUM_CHAT_GEMINI)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "unknown chat format %d", (int)format);
    const uint32_t known = SANCTUM_CHAT_ALLOW_LONE_SURROGATES | SANCTUM_CHAT_SCRUB_SYSTEM | SANCTUM_CHAT_NUMBERS |
                           SANCTUM_CHAT_STRICT_SHAPE | SANCTUM_CHAT_REFUSE_ATTACHMENTS;
    if ((flags & ~known) != 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "unknown chat flags");
    sanctum_chat_doc *d = sc_object_new(ctx, sizeof *d, chat_doc_destroy);
    if (d == NULL)
        return sc_error_nomem(err);
    d->ctx = ctx;
    sanctum_status st = sc_json_parse(ctx, ptr, len, 0, flags & SANCTUM_CHAT_ALLOW_LONE_SURROGATES, &d->json, err);
    if (st != SANCTUM_OK) {
        sanctum_free(d);
        return st;
    }
    if ((st = check_key_cases(&d->json, err)) != SANCTUM_OK) {
        sanctum_free(d);
        return st;
    }
    int32_t detected, shape;
    chat_detect(&d->json, &detected, &shape);
    d->format = format != SANCTUM_CHAT_AUTO ? format : detected;
    d->shape = shape;
    if ((flags & SANCTUM_CHAT_STRICT_SHAPE) && (st = check_shape(d, err)) != SANCTUM_OK) {
        sanctum_free(d);
        return st;
    }
    chat_walker w;
    memset(&w, 0, sizeof w);
    w.doc = d;
    w.err = err;
    w.j = &d->json;
    w.depth_left = ctx->opts.max_depth;
    w.flags = flags;
    chat_walk_document(&w);
    chat_decode_texts(&w);
    sc_free(w.path);
    sc_free(w.stk);
    if (w.st != SANCTUM_OK) {
        sanctum_free(d);
        return w.st;
    }
    *out = d;
    return SANCTUM_OK;
}

int32_t sanctum_chat_doc_format(const sanctum_chat_doc *doc)
{
    return doc == NULL ? SANCTUM_CHAT_AUTO : doc->format;
}

int32_t sanctum_chat_doc_shape(const sanctum_chat_doc *doc)
{
    return doc == NULL ? SANCTUM_CHAT_SHAPE_UNKNOWN : doc->shape;
}

size_t sanctum_chat_doc_count(const sanctum_chat_doc *doc)
{
    return doc == NULL ? 0 : doc->ne;
}

sanctum_status sanctum_chat_doc_text(const sanctum_chat_doc *doc, size_t index, sanctum_chat_text *out)
{
    if (doc == NULL || out == NULL)
        return SANCTUM_E_INVALID_ARG;
    /* version 1 ended after offset */
    if (out->struct_size < SC_SIZE_THROUGH(sanctum_chat_text, offset))
        return SANCTUM_E_INVALID_ARG;
    if (index >= doc->ne)
        return SANCTUM_E_NOT_FOUND;
    const chat_entry *e = &doc->e[index];
    sanctum_chat_text t, *caller = out;
    memset(&t, 0, sizeof t);
    out = &t;
    out->role = e->role;
    out->kind = e->kind;
    out->nested = e->sub != 0;
    out->text = e->text_ptr != NULL ? e->text_ptr : doc->text + e->text_off;
    out->text_len = e->text_len;
    out->path = doc->paths + e->path_off;
    out->path_len = e->path_len;
    uint32_t outer = e->sub == 0 ? e->tok : doc->subs[e->sub - 1].outer_tok;
    out->offset = doc->json.tok[outer].start;
    out->key_type = e->key_type;
    out->number = e->number;
    out->json_text = e->json_text;
    return sc_struct_write(caller, &t, sizeof t, SC_SIZE_THROUGH(sanctum_chat_text, offset), false, "text", NULL);
}

sanctum_status sanctum_chat_doc_set_replacement(sanctum_chat_doc *doc, size_t index, const uint8_t *ptr,
                                                size_t len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (doc == NULL || (ptr == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL argument");
    if (index >= doc->ne)
        return sc_error(err, SANCTUM_E_NOT_FOUND, SANCTUM_NO_OFFSET, "no scan string %zu", index);
    size_t ok = sc_json_utf8_valid_prefix(ptr, len);
    if (ok != len)
        return sc_error(err, SANCTUM_E_UTF8, ok, "replacement is not valid UTF-8");
    if (len > SC_JSON_MAX_LEN)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "replacement too large");
    uint8_t *copy = sc_alloc(doc->ctx, len == 0 ? 1 : len, 0);
    if (copy == NULL)
        return sc_error_nomem(err);
    sc_mark_secret(copy); /* wiped on free; no zeroing pass since it is filled at once */
    if (len != 0)
        memcpy(copy, ptr, len);
    chat_entry *e = &doc->e[index];
    sc_free(e->repl);
    e->repl = copy;
    e->repl_len = len;
    e->has_repl = true;
    return SANCTUM_OK;
}

/* Writes sub k (0-based) with its replaced entries [first, end) applied; *out is secret. */
static sanctum_status write_sub(const sanctum_chat_doc *d, uint32_t k, size_t first, size_t end,
                                sc_json_edit *edits, uint8_t **out, size_t *out_len, sanctum_error *err)
{
    size_t n = 0;
    for (size_t i = first; i < end; i++)
        if (d->e[i].has_repl)
            edits[n++] = (sc_json_edit){d->e[i].tok, d->e[i].repl, d->e[i].repl_len};
    return sc_json_write(&d->subs[k].doc, edits, n, out, out_len, err);
}

static int edit_cmp(const void *a, const void *b)
{
    uint32_t x = ((const sc_json_edit *)a)->tok, y = ((const sc_json_edit *)b)->tok;
    return x < y ? -1 : x > y;
}

sanctum_status sanctum_chat_doc_write(const sanctum_chat_doc *doc, uint8_t **out, size_t *out_len,
                                      sanctum_error *err)
{
    sanctum_error_clear(err);
    if (doc == NULL || out == NULL || out_len == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL argument");
    *out = NULL;
    *out_len = 0;
    size_t nrepl = 0;
    for (size_t i = 0; i < doc->ne; i++)
        nrepl += doc->e[i].has_repl;
    sc_json_edit *edits = NULL, *sub_edits = NULL;
    uint8_t **inner = NULL; /* rewritten inner JSON texts, one per touched sub */
    size_t ninner = 0, nedits = 0;
    sanctum_status st = SANCTUM_OK;
    if (nrepl != 0) {
        edits = sc_calloc(doc->ctx, nrepl, sizeof *edits, 0);
        sub_edits = sc_calloc(doc->ctx, nrepl, sizeof *sub_edits, 0);
        inner = sc_calloc(doc->ctx, nrepl, sizeof *inner, 0);
        if (edits == NULL || sub_edits == NULL || inner == NULL) {
            st = sc_error_nomem(err);
            goto done;
        }
    }
    for (size_t i = 0; i < doc->ne && nrepl != 0;) {
        const chat_entry *e = &doc->e[i];
        if (e->sub == 0) {
            if (e->has_repl)
                edits[nedits++] = (sc_json_edit){e->tok, e->repl, e->repl_len};
            i++;
            continue;
        }
        /* the run of entries of one sub */
        size_t end = i, any = 0;
        while (end < doc->ne && doc->e[end].sub == e->sub)
            any += doc->e[end++].has_repl;
        if (any != 0) {
            size_t ilen;
            st = write_sub(doc, e->sub - 1, i, end, sub_edits, &inner[ninner], &ilen, err);
            if (st != SANCTUM_OK)
                goto done;
            edits[nedits++] = (sc_json_edit){doc->subs[e->sub - 1].outer_tok, inner[ninner], ilen};
            ninner++;
        }
        i = end;
    }
    if (nedits > 1)
        qsort(edits, nedits, sizeof *edits, edit_cmp);
    st = sc_json_write(&doc->json, edits, nedits, out, out_len, err);
done:
    for (size_t i = 0; i < ninner; i++)
        sc_free(inner[i]);
    sc_free(inner);
    sc_free(edits);
    sc_free(sub_edits);
    return st;
}
