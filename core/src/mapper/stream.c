/* Streamed restore of server-sent events. Bytes are buffered until an event is complete (blank line),
 * so splits inside JSON escapes or UTF-8 sequences never matter. Each complete event's data is parsed
 * as a chat stream event; its scan strings are restored. The last top-level string under a "delta"
 * key is the event's "field": text at its end that might still become a placeholder with the next delta
 * of the same field (same JSON path) is held back and prepended to that delta; when an event with data
 * arrives that does not continue the field, the held text is sent first in a copy of the field's last
 * event. Events without data lines (comments, keep-alives) pass through and keep the field open.
 * A field is its path plus the "index" members that number choices, tool calls and blocks (field_key);
 * the fields of other choices (OpenAI's n > 1 interleaves them) stay open meanwhile, up to STREAM_FIELDS.
 * Events whose data the chat parser refuses (invalid UTF-8) are restored as plain text.
 * Output therefore depends only on the byte stream, never on how it was chunked. */
#include <string.h>

#include "../alloc.h"
#include "../error.h"
#include "../json/json.h"
#include "mapper.h"

#define STREAM_FIELDS 8 /* fields open at once: one per choice of an interleaved n > 1 stream */

/* An open field: its key, the text held back at its end, and its last event (raw bytes), a copy of
 * which carries the held text out when the field ends. */
typedef struct field {
    char *key;       /* field_key: the lane, '|', the path and the index members under it */
    size_t lane_len; /* key[0..lane_len): the choice (or block) the field belongs to */
    bool prev_word;
    sc_buf held;
    uint8_t *last_event;
    size_t last_event_len;
} field;

struct sanctum_stream_restorer {
    sanctum_session *s;
    int32_t format;
    bool failed;
    sc_buf pend;       /* bytes of events not yet complete */
    size_t scan;       /* where the line scan resumes in pend */
    size_t line_start; /* start of the current line in pend */
    field fields[STREAM_FIELDS]; /* the open fields, oldest first */
    size_t nfields;
};

/* Closes field k (its held text already written), keeping the others in order. */
static void field_close(sanctum_stream_restorer *r, size_t k)
{
    field *f = &r->fields[k];
    sc_free(f->key);
    sc_free(f->last_event);
    sc_buf_free(&f->held);
    memmove(f, f + 1, (r->nfields - k - 1) * sizeof *f);
    r->nfields--;
    field *last = &r->fields[r->nfields];
    memset(last, 0, sizeof *last);
    sc_buf_init(&last->held, r->s->ctx);
}

static void restorer_destroy(void *obj)
{
    sanctum_stream_restorer *r = obj;
    while (r->nfields > 0)
        field_close(r, r->nfields - 1);
    sc_buf_free(&r->pend);
}

sanctum_status sanctum_stream_restorer_new(sanctum_stream_restorer **out, sanctum_session *s, int32_t format,
                                           sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || s == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL argument");
    if (format < SANCTUM_CHAT_AUTO || format > SANCTUM_CHAT_GEMINI)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "unknown chat format");
    sanctum_stream_restorer *r = sc_object_new(s->ctx, sizeof *r, restorer_destroy);
    if (r == NULL)
        return sc_error_nomem(err);
    r->s = s;
    r->format = format;
    sc_buf_init(&r->pend, s->ctx);
    for (size_t k = 0; k < STREAM_FIELDS; k++)
        sc_buf_init(&r->fields[k].held, s->ctx);
    *out = r;
    return SANCTUM_OK;
}

static bool is_delta_path(const char *p)
{
    if (strchr(p, '>') != NULL)
        return false;
    size_t n = strlen(p);
    if (strncmp(p, "$.candidates[", 13) == 0) /* Gemini: each chunk's parts carry only the new text */
        return strstr(p, "].content.parts[") != NULL && n >= 5 && strcmp(p + n - 5, ".text") == 0;
    /* Ollama's native stream (one object a line, fed as events by the proxy): /api/chat's message
     * text and thinking, /api/generate's response and thinking; each line carries only the new text. */
    static const char *const ollama[] = {"$.message.content", "$.message.thinking", "$.response", "$.thinking"};
    for (size_t k = 0; k < sizeof ollama / sizeof ollama[0]; k++)
        if (strcmp(p, ollama[k]) == 0)
            return true;
    return strncmp(p, "$.delta", 7) == 0 || strstr(p, ".delta.") != NULL ||
           (n >= 6 && strcmp(p + n - 6, ".delta") == 0);
}

/* Appends ";NAME=VALUE" when object obj has a number member NAME. */
static bool put_index(const sc_json_doc *d, uint32_t obj, const char *name, sc_buf *key)
{
    uint32_t v = sc_json_obj_get(d, obj, name, strlen(name));
    if (v == 0 || d->tok[v].type != SC_JT_NUMBER)
        return true;
    return sc_buf_put(key, ";", 1) && sc_buf_put(key, name, strlen(name)) && sc_buf_put(key, "=", 1) &&
           sc_buf_put(key, d->src + d->tok[v].start, d->tok[v].len);
}

/* The key of a streamed field (NUL-terminated in key): the event's top-level "index", "output_index",
 * "content_index" and "summary_index" and the "index" member of the first array element on the path
 * (the field's lane: its choice or block), '|', the JSON path, then the "index" member of each later
 * array element on it. OpenAI numbers choices and tool calls by "index", one per chunk at array
 * position 0, and interleaves the choices of n > 1: by path alone, text held at the end of one choice
 * was carried into the next chunk of another (and its placeholders left unrestored). False when out
 * of memory. */
static bool field_key(sanctum_ctx *ctx, const uint8_t *json, size_t jl, const char *path, size_t plen, sc_buf *key,
                      size_t *lane_len)
{
    key->len = 0;
    *lane_len = 0;
    sc_json_doc d;
    sanctum_error perr;
    uint32_t flags = (uint32_t)SANCTUM_JSON_ALLOW_DUPLICATE_KEYS | (uint32_t)SANCTUM_JSON_ALLOW_LONE_SURROGATES;
    if (sc_json_parse(ctx, json, jl, 0, flags, &d, &perr) != SANCTUM_OK) /* the chat parser took it */
        return perr.code != SANCTUM_E_NOMEM && sc_buf_put(key, "|", 1) && sc_buf_put(key, path, plen) &&
               sc_buf_put(key, "", 1);
    sc_buf rest;
    sc_buf_init(&rest, ctx);
    static const char *const top[] = {"index", "output_index", "content_index", "summary_index"};
    bool ok = true, first = true;
    for (size_t k = 0; ok && k < sizeof top / sizeof top[0]; k++)
        ok = put_index(&d, 0, top[k], key);
    const char *p = path + 1, *end = path + plen; /* after the '$' */
    uint32_t t = 0;
    while (ok && p < end) {
        if (*p == '.') {
            const char *q = ++p;
            while (q < end && *q != '.' && *q != '[')
                q++;
            uint32_t v = sc_json_obj_get(&d, t, p, (size_t)(q - p));
            if (v == 0)
                break;
            t = v;
            p = q;
        } else if (*p == '[' && p + 1 < end && p[1] >= '0' && p[1] <= '9') {
            const char *q = p + 1;
            size_t n = 0;
            while (q < end && *q >= '0' && *q <= '9' && n < SIZE_MAX / 10)
                n = n * 10 + (size_t)(*q++ - '0');
            if (q >= end || *q != ']' || d.tok[t].type != SC_JT_ARRAY)
                break;
            uint32_t e = t + 1;
            for (size_t k = 0; k < n && e < d.tok[t].next; k++)
                e = d.tok[e].next;
            if (e >= d.tok[t].next)
                break;
            t = e;
            p = q + 1;
            ok = put_index(&d, t, "index", first ? key : &rest);
            first = false;
        } else {
            break; /* a quoted key: the members found so far tell the fields apart */
        }
    }
    sc_json_doc_clear(&d);
    *lane_len = key->len;
    ok = ok && sc_buf_put(key, "|", 1) && sc_buf_put(key, path, plen) &&
         (rest.len == 0 || sc_buf_put(key, rest.p, rest.len)) && sc_buf_put(key, "", 1);
    sc_buf_free(&rest);
    return ok;
}

/* One line of an event: [start, end) without its terminator, next = start of the next line. */
typedef struct line {
    size_t start, end, next;
} line;

static bool next_line(const uint8_t *e, size_t m, size_t i, line *l)
{
    if (i >= m)
        return false;
    l->start = i;
    while (i < m && e[i] != '\n' && e[i] != '\r')
        i++;
    l->end = i;
    if (i < m && e[i] == '\r' && i + 1 < m && e[i + 1] == '\n')
        i += 2;
    else if (i < m)
        i++;
    l->next = i;
    return true;
}

static bool is_data_line(const uint8_t *e, const line *l, size_t *payload)
{
    if (l->end - l->start < 5 || memcmp(e + l->start, "data:", 5) != 0)
        return false;
    size_t p = l->start + 5;
    if (p < l->end && e[p] == ' ')
        p++;
    *payload = p;
    return true;
}

/* Writes event e with its data replaced by json (split at newlines into several data lines). */
static bool emit_rewritten(sc_buf *out, const uint8_t *e, size_t m, const uint8_t *json, size_t jl)
{
    line l;
    bool done = false;
    for (size_t i = 0; next_line(e, m, i, &l); i = l.next) {
        size_t pl = 0;
        if (!is_data_line(e, &l, &pl)) {
            if (!sc_buf_put(out, e + l.start, l.next - l.start))
                return false;
            continue;
        }
        if (done)
            continue;
        done = true;
        const uint8_t *term = e + l.end;
        size_t tl = l.next - l.end;
        size_t a = 0;
        for (;;) {
            size_t b = a;
            while (b < jl && json[b] != '\n' && json[b] != '\r')
                b++;
            if (!sc_buf_put(out, e + l.start, pl - l.start) || !sc_buf_put(out, json + a, b - a) ||
                !sc_buf_put(out, tl ? term : (const uint8_t *)"\n", tl ? tl : 1))
                return false;
            if (b >= jl)
                break;
            a = b + 1;
            if (json[b] == '\r' && a < jl && json[a] == '\n')
                a++;
        }
    }
    return true;
}

/* Joins the data lines of e; *json points into e (one line) or into tmp. False when there are none. */
static bool event_payload(const uint8_t *e, size_t m, sc_buf *tmp, const uint8_t **json, size_t *jl, bool *nomem)
{
    line l;
    size_t count = 0, first = 0, first_end = 0;
    *nomem = false;
    for (size_t i = 0; next_line(e, m, i, &l); i = l.next) {
        size_t pl = 0;
        if (!is_data_line(e, &l, &pl))
            continue;
        if (count == 0) {
            first = pl;
            first_end = l.end;
        } else {
            if (count == 1 && !sc_buf_put(tmp, e + first, first_end - first))
                return !(*nomem = true);
            if (!sc_buf_put(tmp, "\n", 1) || !sc_buf_put(tmp, e + pl, l.end - pl))
                return !(*nomem = true);
        }
        count++;
    }
    if (count == 0)
        return false;
    if (count == 1) {
        *json = e + first;
        *jl = first_end - first;
    } else {
        *json = tmp->p;
        *jl = tmp->len;
    }
    return true;
}

static sanctum_status get_text(const sanctum_chat_doc *doc, size_t i, sanctum_chat_text *t, sanctum_error *err)
{
    memset(t, 0, sizeof *t);
    t->struct_size = (uint32_t)sizeof *t;
    if (sanctum_chat_doc_text(doc, i, t) != SANCTUM_OK)
        return sc_error(err, SANCTUM_E_INTERNAL, SANCTUM_NO_OFFSET, "scan string lookup failed");
    return SANCTUM_OK;
}

/* Data that opens an object or an array after JSON's white space (RFC 8259 allows it before the value). */
static bool looks_like_json(const uint8_t *j, size_t n)
{
    size_t i = 0;
    while (i < n && (j[i] == ' ' || j[i] == '\t' || j[i] == '\r' || j[i] == '\n'))
        i++;
    return i < n && (j[i] == '{' || j[i] == '[');
}

/* An event whose data the chat parser refused is restored as text, as sanctum_session_restore_text does
 * for a whole answer that is not a chat document: its placeholders are never forwarded silently. Values
 * are JSON-escaped when the data looks like JSON. No field is held across such an event. */
static sanctum_status restore_raw_event(sanctum_session *s, const uint8_t *e, size_t m, bool json_data, sc_buf *rb,
                                        sc_buf *out, sanctum_error *err)
{
    bool changed = false;
    size_t consumed = 0;
    rb->len = 0;
    sanctum_status st = sc_restore_text(s, e, m, false, false, json_data, rb, &consumed, &changed, err);
    if (st != SANCTUM_OK)
        return st;
    bool ok = changed ? sc_buf_put(out, rb->p, rb->len) : sc_buf_put(out, e, m);
    return ok ? SANCTUM_OK : sc_error_nomem(err);
}

static sanctum_status process_event(sanctum_stream_restorer *r, const uint8_t *e, size_t m, field *hf, sc_buf *out,
                                    sanctum_error *err);

/* Ends open field k: its held text goes out in a copy of its last event, then it is closed. */
static sanctum_status field_end(sanctum_stream_restorer *r, size_t k, sc_buf *out, sanctum_error *err)
{
    field *f = &r->fields[k];
    sanctum_status st = SANCTUM_OK;
    if (f->held.len > 0) {
        uint8_t *ev = f->last_event;
        size_t evl = f->last_event_len;
        f->last_event = NULL;
        st = process_event(r, ev, evl, f, out, err);
        sc_free(ev);
    }
    if (st == SANCTUM_OK)
        field_close(r, k);
    return st;
}

static sanctum_status end_all(sanctum_stream_restorer *r, sc_buf *out, sanctum_error *err)
{
    sanctum_status st = SANCTUM_OK;
    while (st == SANCTUM_OK && r->nfields > 0)
        st = field_end(r, 0, out, err);
    return st;
}

/* Handles one complete event. hf: NULL, or the field whose last event e is, re-sent carrying only its
 * held text (restored with the end closed). */
static sanctum_status process_event(sanctum_stream_restorer *r, const uint8_t *e, size_t m, field *hf, sc_buf *out,
                                    sanctum_error *err)
{
    sanctum_session *s = r->s;
    bool flush = hf != NULL;
    field *f = NULL; /* the field this event continues or opens */
    size_t lane_len = 0;
    sc_buf tmp, rb, key;
    sc_buf_init(&tmp, s->ctx);
    sc_buf_init(&rb, s->ctx);
    sc_buf_init(&key, s->ctx);
    sanctum_chat_doc *doc = NULL;
    sanctum_status st = SANCTUM_OK;
    const uint8_t *json = NULL;
    size_t jl = 0;
    bool nomem = false, parsed = false, any = false;
    size_t count = 0, fi = SIZE_MAX;

    if (event_payload(e, m, &tmp, &json, &jl, &nomem)) {
        sanctum_error perr;
        st = sanctum_chat_doc_new_ex(&doc, s->ctx, r->format, sc_session_chat_flags(s), json, jl, &perr);
        if (st == SANCTUM_E_NOMEM) {
            st = sc_error_nomem(err);
            goto done;
        }
        parsed = st == SANCTUM_OK;
        st = SANCTUM_OK;
    } else if (nomem) {
        st = sc_error_nomem(err);
        goto done;
    } else if (!flush) {
        /* no data lines (a comment or an empty event): passes through without ending the field */
        if (!sc_buf_put(out, e, m))
            st = sc_error_nomem(err);
        goto done;
    }
    if (parsed) {
        count = sanctum_chat_doc_count(doc);
        for (size_t i = 0; i < count; i++) {
            sanctum_chat_text t;
            if ((st = get_text(doc, i, &t, err)) != SANCTUM_OK)
                goto done;
            if (!t.nested && is_delta_path(t.path))
                fi = i;
        }
    }
    if (!flush && fi != SIZE_MAX) {
        sanctum_chat_text t;
        if ((st = get_text(doc, fi, &t, err)) != SANCTUM_OK)
            goto done;
        if (!field_key(s->ctx, json, jl, t.path, t.path_len, &key, &lane_len)) {
            st = sc_error_nomem(err);
            goto done;
        }
    }
    if (flush) {
        if (fi == SIZE_MAX) { /* cannot happen: the stored event had the field */
            st = sc_error(err, SANCTUM_E_INTERNAL, SANCTUM_NO_OFFSET, "held field lost");
            goto done;
        }
    } else if (fi == SIZE_MAX) {
        /* data that continues no field: every open field ends, its held text first */
        if ((st = end_all(r, out, err)) != SANCTUM_OK)
            goto done;
    } else {
        size_t k = 0;
        while (k < r->nfields && strcmp(r->fields[k].key, (const char *)key.p) != 0)
            k++;
        if (k < r->nfields) {
            f = &r->fields[k];
        } else {
            /* a new field: the open one of its lane ends (a choice going from text to a tool call, as a
             * single stream always did); those of other lanes (interleaved choices) stay open, and the
             * oldest ends when every slot is taken */
            for (size_t j = 0; j < r->nfields;) {
                if (r->fields[j].lane_len == lane_len && memcmp(r->fields[j].key, key.p, lane_len) == 0) {
                    if ((st = field_end(r, j, out, err)) != SANCTUM_OK)
                        goto done;
                } else {
                    j++;
                }
            }
            if (r->nfields == STREAM_FIELDS && (st = field_end(r, 0, out, err)) != SANCTUM_OK)
                goto done;
            f = &r->fields[r->nfields];
            f->key = sc_memdup(s->ctx, key.p, key.len, 0);
            if (f->key == NULL) {
                st = sc_error_nomem(err);
                goto done;
            }
            f->lane_len = lane_len;
            f->prev_word = false;
            f->held.len = 0;
            r->nfields++;
        }
    }
    if (!parsed) {
        if (json != NULL) { /* data the chat parser refused (invalid UTF-8, say): restored as text */
            st = restore_raw_event(s, e, m, looks_like_json(json, jl), &rb, out, err);
            goto done;
        }
        if (!sc_buf_put(out, e, m))
            st = sc_error_nomem(err);
        goto done;
    }
    for (size_t i = 0; i < count; i++) {
        sanctum_chat_text t;
        if ((st = get_text(doc, i, &t, err)) != SANCTUM_OK)
            goto done;
        bool esc = t.json_text != 0;
        bool changed = false;
        size_t consumed = 0;
        rb.len = 0;
        if (flush && i != fi) {
            if (t.nested || t.text_len == 0)
                continue;
            changed = true;
        } else if (flush) {
            st = sc_restore_text(s, hf->held.p, hf->held.len, hf->prev_word, false, esc, &rb, &consumed, &changed, err);
            if (st != SANCTUM_OK)
                goto done;
            changed = true;
        } else if (i == fi) {
            bool had = f->held.len > 0;
            if (!sc_buf_put(&f->held, t.text, t.text_len)) {
                st = sc_error_nomem(err);
                goto done;
            }
            st = sc_restore_text(s, f->held.p, f->held.len, f->prev_word, true, esc, &rb, &consumed, &changed, err);
            if (st != SANCTUM_OK)
                goto done;
            if (consumed > 0)
                f->prev_word = sc_is_word_byte(f->held.p[consumed - 1]);
            if (consumed > 0) {
                memmove(f->held.p, f->held.p + consumed, f->held.len - consumed);
                f->held.len -= consumed;
            }
            changed = changed || had || f->held.len > 0;
            uint8_t *copy = sc_memdup(s->ctx, e, m, SC_ALLOC_SECRET); /* the answer's own text: wiped when freed */
            if (copy == NULL) {
                st = sc_error_nomem(err);
                goto done;
            }
            sc_free(f->last_event);
            f->last_event = copy;
            f->last_event_len = m;
        } else {
            st = sc_restore_text(s, t.text, t.text_len, false, false, esc, &rb, &consumed, &changed, err);
            if (st != SANCTUM_OK)
                goto done;
        }
        if (changed) {
            st = sanctum_chat_doc_set_replacement(doc, i, rb.p ? rb.p : (const uint8_t *)"", rb.len, err);
            if (st != SANCTUM_OK)
                goto done;
            any = true;
        }
    }
    if (!any) {
        if (!sc_buf_put(out, e, m))
            st = sc_error_nomem(err);
        goto done;
    }
    {
        uint8_t *w = NULL;
        size_t wl = 0;
        st = sanctum_chat_doc_write(doc, &w, &wl, err);
        if (st != SANCTUM_OK)
            goto done;
        if (!emit_rewritten(out, e, m, w, wl))
            st = sc_error_nomem(err);
        sanctum_free(w);
    }
done:
    sanctum_free(doc);
    sc_buf_free(&tmp);
    sc_buf_free(&rb);
    sc_buf_free(&key);
    return st;
}

/* Processes every complete event in pend; at finish also the rest. */
/* Whether the (possibly unterminated) event e has a data line. */
static bool has_data_line(const uint8_t *e, size_t m)
{
    line l;
    size_t pl;
    for (size_t i = 0; next_line(e, m, i, &l); i = l.next)
        if (is_data_line(e, &l, &pl))
            return true;
    return false;
}

static sanctum_status drain(sanctum_stream_restorer *r, bool finish, sc_buf *out, sanctum_error *err)
{
    sc_buf *p = &r->pend;
    size_t ev_start = 0, i = r->scan, ls = r->line_start;
    sanctum_status st;
    while (i < p->len) {
        uint8_t c = p->p[i];
        if (c != '\n' && c != '\r') {
            i++;
            continue;
        }
        size_t next;
        if (c == '\r') {
            if (i + 1 >= p->len && !finish)
                break; /* CR or CRLF: decided by the next byte */
            next = (i + 1 < p->len && p->p[i + 1] == '\n') ? i + 2 : i + 1;
        } else {
            next = i + 1;
        }
        bool blank = i == ls;
        i = next;
        ls = next;
        if (blank) {
            st = process_event(r, p->p + ev_start, next - ev_start, NULL, out, err);
            if (st != SANCTUM_OK)
                return st;
            ev_start = next;
        }
    }
    if (finish && ev_start < p->len) {
        st = process_event(r, p->p + ev_start, p->len - ev_start, NULL, out, err);
        if (st != SANCTUM_OK)
            return st;
        ev_start = p->len;
        i = ls = p->len;
    }
    if (ev_start > 0) {
        memmove(p->p, p->p + ev_start, p->len - ev_start);
        p->len -= ev_start;
    }
    r->scan = i - ev_start;
    r->line_start = ls - ev_start;
    if ((uint64_t)p->len > r->s->ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "stream event larger than max_input_bytes");
    return SANCTUM_OK;
}

sanctum_status sanctum_stream_restorer_feed(sanctum_stream_restorer *r, const uint8_t *ptr, size_t len,
                                            uint8_t **out, size_t *out_len, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (r == NULL || out == NULL || out_len == NULL || (ptr == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL argument");
    if (r->failed)
        return sc_error(err, SANCTUM_E_STATE, SANCTUM_NO_OFFSET, "the stream restorer failed earlier");
    sc_buf o;
    sc_buf_init(&o, r->s->ctx);
    sanctum_status st = SANCTUM_OK;
    if (!sc_buf_put(&r->pend, ptr, len))
        st = sc_error_nomem(err);
    if (st == SANCTUM_OK)
        st = drain(r, false, &o, err);
    if (st == SANCTUM_OK && !sc_buf_take(&o, out, out_len))
        st = sc_error_nomem(err);
    if (st != SANCTUM_OK) {
        sc_buf_free(&o);
        r->failed = true;
    }
    return st;
}

sanctum_status sanctum_stream_restorer_finish(sanctum_stream_restorer *r, uint8_t **out, size_t *out_len,
                                              sanctum_error *err)
{
    sanctum_error_clear(err);
    if (r == NULL || out == NULL || out_len == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL argument");
    if (r->failed)
        return sc_error(err, SANCTUM_E_STATE, SANCTUM_NO_OFFSET, "the stream restorer failed earlier");
    sc_buf o;
    sc_buf_init(&o, r->s->ctx);
    /* A stream cut inside an event without data (a comment, "dat"): that event comes after the held
     * text in the stream, so it is written after the held text's event, which it cannot continue; it
     * was written first, and the held event glued onto its unterminated line. */
    sanctum_status st = drain(r, false, &o, err);
    if (st == SANCTUM_OK && !has_data_line(r->pend.p, r->pend.len))
        st = end_all(r, &o, err);
    if (st == SANCTUM_OK)
        st = drain(r, true, &o, err);
    if (st == SANCTUM_OK)
        st = end_all(r, &o, err); /* the held text at the end of the stream, in its fields' last events */
    if (st == SANCTUM_OK && !sc_buf_take(&o, out, out_len))
        st = sc_error_nomem(err);
    if (st != SANCTUM_OK) {
        sc_buf_free(&o);
        r->failed = true;
    }
    return st;
}
