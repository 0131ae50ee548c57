/* Public API of the mapper: sessions, anonymize, restore. */
#include <string.h>

#include "../alloc.h"
#include "../error.h"
#include "../options.h"
#include "mapper.h"

static void session_destroy(void *obj)
{
    sanctum_session *s = obj;
    sc_vault_free(&s->vault);
}

void sanctum_session_options_init(sanctum_session_options *opts)
{
    if (opts == NULL)
        return;
    memset(opts, 0, sizeof *opts);
    opts->struct_size = (uint32_t)sizeof *opts;
}

sanctum_status sanctum_session_new(sanctum_session **out, sanctum_ctx *ctx, const sanctum_detector *det,
                                   const sanctum_session_options *opts, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || ctx == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out and ctx must not be NULL");
    sanctum_session_options o;
    sanctum_session_options_init(&o);
    /* version 1 holds no setting yet: any struct_size from 4 bytes up (reserved is not read) */
    sanctum_status rd;
    if (opts != NULL &&
        (rd = sc_options_read(&o, sizeof o, opts, SC_SIZE_THROUGH(sanctum_session_options, struct_size), "options",
                              err)) != SANCTUM_OK)
        return rd;
    sanctum_session *s = sc_object_new(ctx, sizeof *s, session_destroy);
    if (s == NULL)
        return sc_error_nomem(err);
    s->ctx = ctx;
    s->det = det;
    sc_vault_init(&s->vault, ctx);
    *out = s;
    return SANCTUM_OK;
}

static sanctum_status check_io(sanctum_session *s, const uint8_t *ptr, size_t len, uint8_t **out,
                               size_t *out_len, sanctum_error *err)
{
    if (s == NULL || out == NULL || out_len == NULL || (ptr == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "NULL argument");
    if ((uint64_t)len > s->ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "input larger than max_input_bytes");
    return SANCTUM_OK;
}

/* Per scan string: appends the new text to b and sets *changed when it differs. */
typedef sanctum_status (*text_fn)(sanctum_session *s, const sanctum_chat_text *t, sc_buf *b, bool *changed,
                                  sanctum_error *err);

static sanctum_status anon_one(sanctum_session *s, const sanctum_chat_text *t, sc_buf *b, bool *changed,
                               sanctum_error *err)
{
    return t->kind == SANCTUM_CHAT_KIND_NAME ? sc_anon_name_field(s, t->text, t->text_len, b, changed, err)
                                             : sc_anon_text(s, t->text, t->text_len, b, changed, err);
}

static sanctum_status restore_one(sanctum_session *s, const sanctum_chat_text *t, sc_buf *b, bool *changed,
                                  sanctum_error *err)
{
    /* a value restored into tool arguments that are not parsed JSON must be JSON-escaped there */
    bool esc = t->kind == SANCTUM_CHAT_KIND_TOOL_ARGUMENTS && !t->nested;
    size_t consumed = 0;
    return sc_restore_text(s, t->text, t->text_len, false, false, esc, b, &consumed, changed, err);
}

/* Parses a chat document, passes every scan string through fn in document order and writes the
 * document with the splice writer. No output on any error; an error inside a string points at it. */
static sanctum_status rewrite_doc(sanctum_session *s, int32_t format, const uint8_t *ptr, size_t len, text_fn fn,
                                  uint8_t **out, size_t *out_len, sanctum_error *err)
{
    sanctum_chat_doc *doc = NULL;
    sc_buf b;
    sc_buf_init(&b, s->ctx);
    sanctum_status st = sanctum_chat_doc_new(&doc, s->ctx, format, ptr, len, err);
    size_t count = st == SANCTUM_OK ? sanctum_chat_doc_count(doc) : 0;
    for (size_t i = 0; st == SANCTUM_OK && i < count; i++) {
        sanctum_chat_text t;
        memset(&t, 0, sizeof t);
        t.struct_size = (uint32_t)sizeof t;
        if (sanctum_chat_doc_text(doc, i, &t) != SANCTUM_OK) {
            st = sc_error(err, SANCTUM_E_INTERNAL, SANCTUM_NO_OFFSET, "scan string lookup failed");
            break;
        }
        b.len = 0;
        bool changed = false;
        st = fn(s, &t, &b, &changed, err);
        if (st != SANCTUM_OK) {
            if (err != NULL && err->offset != SANCTUM_NO_OFFSET)
                err->offset = t.offset;
        } else if (changed) {
            st = sanctum_chat_doc_set_replacement(doc, i, b.p, b.len, err);
        }
    }
    sc_buf_free(&b);
    if (st == SANCTUM_OK)
        st = sanctum_chat_doc_write(doc, out, out_len, err);
    sanctum_free(doc);
    return st;
}

/* One session operation: writes *out only on success. format is ignored by the text operations. */
typedef sanctum_status (*session_op)(sanctum_session *s, int32_t format, const uint8_t *ptr, size_t len,
                                     uint8_t **out, size_t *out_len, sanctum_error *err);

/* What every session entry point does around its operation: argument checks, then the operation on
 * a snapshot of the session (the vault's entries and the counters) that a failure puts back. Fail
 * closed: on any error there is no output and the session is as it was before the call. */
static sanctum_status guarded(sanctum_session *s, int32_t format, const uint8_t *ptr, size_t len, uint8_t **out,
                              size_t *out_len, bool needs_detector, session_op op, sanctum_error *err)
{
    sanctum_error_clear(err);
    sanctum_status st = check_io(s, ptr, len, out, out_len, err);
    if (st != SANCTUM_OK)
        return st;
    if (needs_detector && s->det == NULL)
        return sc_error(err, SANCTUM_E_STATE, SANCTUM_NO_OFFSET, "this session has no detector");
    sc_vault_mark mark;
    sc_vault_mark_get(&s->vault, &mark);
    sanctum_session_stats saved = s->stats;
    st = op(s, format, ptr, len, out, out_len, err);
    if (st != SANCTUM_OK) {
        sc_vault_rollback(&s->vault, &mark);
        s->stats = saved;
    }
    return st;
}

static sanctum_status anon_text_op(sanctum_session *s, int32_t format, const uint8_t *ptr, size_t len,
                                   uint8_t **out, size_t *out_len, sanctum_error *err)
{
    (void)format;
    sc_buf b;
    sc_buf_init(&b, s->ctx);
    bool changed = false;
    sanctum_status st = sc_anon_text(s, ptr, len, &b, &changed, err);
    if (st == SANCTUM_OK && !sc_buf_take(&b, out, out_len))
        st = sc_error_nomem(err);
    if (st != SANCTUM_OK)
        sc_buf_free(&b);
    return st;
}

static sanctum_status restore_text_op(sanctum_session *s, int32_t format, const uint8_t *ptr, size_t len,
                                      uint8_t **out, size_t *out_len, sanctum_error *err)
{
    (void)format;
    sc_buf b;
    sc_buf_init(&b, s->ctx);
    size_t consumed = 0;
    bool changed = false;
    sanctum_status st = sc_restore_text(s, ptr, len, false, false, false, &b, &consumed, &changed, err);
    if (st == SANCTUM_OK && !sc_buf_take(&b, out, out_len))
        st = sc_error_nomem(err);
    if (st != SANCTUM_OK)
        sc_buf_free(&b);
    return st;
}

static sanctum_status anon_doc_op(sanctum_session *s, int32_t format, const uint8_t *ptr, size_t len,
                                  uint8_t **out, size_t *out_len, sanctum_error *err)
{
    return rewrite_doc(s, format, ptr, len, anon_one, out, out_len, err);
}

static sanctum_status restore_doc_op(sanctum_session *s, int32_t format, const uint8_t *ptr, size_t len,
                                     uint8_t **out, size_t *out_len, sanctum_error *err)
{
    return rewrite_doc(s, format, ptr, len, restore_one, out, out_len, err);
}

sanctum_status sanctum_session_anonymize_text(sanctum_session *s, const uint8_t *ptr, size_t len,
                                              uint8_t **out, size_t *out_len, sanctum_error *err)
{
    return guarded(s, 0, ptr, len, out, out_len, false, anon_text_op, err);
}

sanctum_status sanctum_session_anonymize_request(sanctum_session *s, int32_t format, const uint8_t *ptr,
                                                 size_t len, uint8_t **out, size_t *out_len, sanctum_error *err)
{
    return guarded(s, format, ptr, len, out, out_len, true, anon_doc_op, err);
}

sanctum_status sanctum_session_restore_text(sanctum_session *s, const uint8_t *ptr, size_t len, uint8_t **out,
                                            size_t *out_len, sanctum_error *err)
{
    return guarded(s, 0, ptr, len, out, out_len, false, restore_text_op, err);
}

sanctum_status sanctum_session_restore_response(sanctum_session *s, int32_t format, const uint8_t *ptr,
                                                size_t len, uint8_t **out, size_t *out_len, sanctum_error *err)
{
    return guarded(s, format, ptr, len, out, out_len, false, restore_doc_op, err);
}

sanctum_status sanctum_session_get_stats(const sanctum_session *s, sanctum_session_stats *out)
{
    if (s == NULL || out == NULL)
        return SANCTUM_E_INVALID_ARG;
    sanctum_session_stats st = s->stats;
    for (int t = 0; t < SANCTUM_ENTITY_COUNT; t++)
        st.distinct[t] = s->vault.count[t];
    /* version 1 ended after malformed */
    return sc_struct_write(out, &st, sizeof st, SC_SIZE_THROUGH(sanctum_session_stats, malformed), false, "stats",
                           NULL);
}
