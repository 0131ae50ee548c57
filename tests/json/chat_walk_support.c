/* The chat-walk tests' shared helpers (chat_walk_support.h). */
#include "chat_walk_support.h"

uint8_t *read_example(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, EXAMPLES "%s", name);
    uint8_t *p = test_read_file(path, len);
    if (p == NULL)
        fail_msg("cannot read %s", path);
    return p;
}

uint32_t g_flags;

sanctum_chat_doc *new_doc(sanctum_ctx *ctx, int32_t format, const uint8_t *p, size_t n)
{
    sanctum_chat_doc *doc = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_chat_doc_new_ex(&doc, ctx, format, g_flags, p, n, &err);
    if (st != SANCTUM_OK)
        fail_msg("chat doc: %s at %llu: %s", sanctum_status_name(st), (unsigned long long)err.offset, err.message);
    return doc;
}

sanctum_chat_text text_at(const sanctum_chat_doc *doc, size_t i)
{
    sanctum_chat_text t;
    memset(&t, 0, sizeof t);
    t.struct_size = sizeof t;
    assert_int_equal(sanctum_chat_doc_text(doc, i, &t), SANCTUM_OK);
    return t;
}

/* Length of the JSON string token starting at p[0] == '"'. */
size_t string_token_len(const uint8_t *p, size_t n)
{
    assert_true(n > 0 && p[0] == '"');
    for (size_t i = 1; i < n; i++) {
        if (p[i] == '\\')
            i++;
        else if (p[i] == '"')
            return i + 1;
    }
    fail_msg("unterminated string token");
    return 0;
}


/* The whole check for one document: the scan strings are exactly `want`; replacing each with a
 * marker gives valid JSON whose scan strings are the markers, and whose bytes outside the replaced
 * string tokens are the original's. Returns the output (test-owned). */
char *check_doc(sanctum_ctx *ctx, const uint8_t *in, size_t n, int32_t want_format, int32_t want_shape,
                       const expect *want, size_t nwant)
{
    sanctum_chat_doc *doc = new_doc(ctx, SANCTUM_CHAT_AUTO, in, n);
    assert_int_equal(sanctum_chat_doc_format(doc), want_format);
    assert_int_equal(sanctum_chat_doc_shape(doc), want_shape);
    size_t cnt = sanctum_chat_doc_count(doc);
    for (size_t i = 0; i < cnt && i < nwant; i++) {
        sanctum_chat_text t = text_at(doc, i);
        if (strcmp(t.path, want[i].path) != 0 || t.role != want[i].role || t.kind != want[i].kind)
            fail_msg("scan string %zu: got %s (%s, %s), want %s (%s, %s)", i, t.path, sanctum_chat_role_name(t.role),
                     sanctum_chat_kind_name(t.kind), want[i].path, sanctum_chat_role_name(want[i].role),
                     sanctum_chat_kind_name(want[i].kind));
        assert_int_equal(strlen(t.path), t.path_len);
    }
    if (cnt != nwant)
        fail_msg("%zu scan strings, want %zu", cnt, nwant);
    /* identity without replacements */
    uint8_t *out = NULL;
    size_t out_len = 0;
    sanctum_error err;
    assert_int_equal(sanctum_chat_doc_write(doc, &out, &out_len, &err), SANCTUM_OK);
    assert_int_equal(out_len, n);
    assert_memory_equal(out, in, n);
    sanctum_free(out);
    /* replace every scan string with a marker */
    for (size_t i = 0; i < cnt; i++) {
        char mark[32];
        int mn = snprintf(mark, sizeof mark, "<MARK_%zu>", i);
        assert_int_equal(sanctum_chat_doc_set_replacement(doc, i, (const uint8_t *)mark, (size_t)mn, &err), SANCTUM_OK);
    }
    assert_int_equal(sanctum_chat_doc_write(doc, &out, &out_len, &err), SANCTUM_OK);
    /* the output walks to the markers, in order, at the same paths */
    sanctum_chat_doc *again = new_doc(ctx, SANCTUM_CHAT_AUTO, out, out_len);
    assert_int_equal(sanctum_chat_doc_count(again), cnt);
    for (size_t i = 0; i < cnt; i++) {
        char mark[32];
        int mn = snprintf(mark, sizeof mark, "<MARK_%zu>", i);
        sanctum_chat_text a = text_at(again, i), b = text_at(doc, i);
        assert_int_equal(a.text_len, (size_t)mn);
        assert_memory_equal(a.text, mark, (size_t)mn);
        assert_string_equal(a.path, b.path);
    }
    /* every byte outside the replaced (outer) string tokens is unchanged */
    size_t ip = 0, op = 0;
    uint64_t last = UINT64_MAX;
    for (size_t i = 0; i < cnt; i++) {
        sanctum_chat_text t = text_at(doc, i);
        if (t.offset == last)
            continue; /* several nested strings in one outer string */
        last = t.offset;
        size_t gap = (size_t)t.offset - ip;
        assert_true(op + gap <= out_len);
        assert_memory_equal(out + op, in + ip, gap);
        ip += gap;
        op += gap;
        ip += string_token_len(in + ip, n - ip);
        op += string_token_len(out + op, out_len - op);
    }
    assert_int_equal(out_len - op, n - ip);
    assert_memory_equal(out + op, in + ip, n - ip);
    sanctum_free(again);
    sanctum_free(doc);
    char *s = malloc(out_len + 1);
    memcpy(s, out, out_len);
    s[out_len] = '\0';
    sanctum_free(out);
    return s;
}

void must_contain(const char *s, const char *part)
{
    if (strstr(s, part) == NULL)
        fail_msg("output lost: %s", part);
}

void must_not_contain(const char *s, const char *part)
{
    if (strstr(s, part) != NULL)
        fail_msg("output still holds: %s", part);
}
