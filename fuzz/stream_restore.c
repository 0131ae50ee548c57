/* Fuzz harness: streamed restore of an SSE stream under a fuzzer-chosen chunking equals the restore of
 * the whole stream in one chunk (same status, same bytes); no leaks. Input: format byte, 4 chunking
 * bytes, then the stream. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sanctum.h"

typedef struct out {
    uint8_t *p;
    size_t n;
} out;

static void append(out *o, uint8_t *p, size_t n)
{
    o->p = realloc(o->p, o->n + n + 1);
    if (n)
        memcpy(o->p + o->n, p, n);
    o->n += n;
    sanctum_free(p);
}

static sanctum_status run(sanctum_session *s, int32_t format, const uint8_t *d, size_t n, const uint8_t *sizes,
                          out *o)
{
    sanctum_stream_restorer *r = NULL;
    if (sanctum_stream_restorer_new(&r, s, format, NULL) != SANCTUM_OK)
        abort();
    sanctum_status st = SANCTUM_OK;
    size_t i = 0, k = 0;
    while (st == SANCTUM_OK && i < n) {
        size_t c = sizes ? (size_t)(sizes[k++ % 4] % 64) + 1 : n;
        if (c > n - i)
            c = n - i;
        uint8_t *p = NULL;
        size_t pn = 0;
        st = sanctum_stream_restorer_feed(r, d + i, c, &p, &pn, NULL);
        if (st == SANCTUM_OK)
            append(o, p, pn);
        i += c;
    }
    if (st == SANCTUM_OK) {
        uint8_t *p = NULL;
        size_t pn = 0;
        st = sanctum_stream_restorer_finish(r, &p, &pn, NULL);
        if (st == SANCTUM_OK)
            append(o, p, pn);
    }
    sanctum_free(r);
    return st;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5 || size > 16384)
        return 0;
    int32_t format = data[0] % 4;
    const uint8_t *sizes = data + 1;
    data += 5;
    size -= 5;
    sanctum_ctx *ctx = NULL;
    if (sanctum_ctx_new(&ctx, NULL, NULL) != SANCTUM_OK)
        abort();
    sanctum_detector_options o;
    sanctum_detector_options_init(&o);
    const char *deny[] = {"Ann \"Q\" Bell", "ann@example.com"};
    const int32_t types[] = {SANCTUM_ENTITY_PERSON, SANCTUM_ENTITY_EMAIL_ADDRESS};
    o.deny_terms = deny;
    o.deny_types = types;
    o.deny_count = 2;
    sanctum_detector *det = NULL;
    sanctum_session *s = NULL;
    uint8_t *a = NULL;
    size_t an = 0;
    const char *t = "Ann \"Q\" Bell <ann@example.com> and Jane Roe";
    if (sanctum_detector_new(&det, ctx, &o, NULL) != SANCTUM_OK ||
        sanctum_session_new(&s, ctx, det, NULL, NULL) != SANCTUM_OK ||
        sanctum_session_anonymize_text(s, (const uint8_t *)t, strlen(t), &a, &an, NULL) != SANCTUM_OK)
        abort();
    sanctum_free(a);
    out whole = {NULL, 0}, chunked = {NULL, 0};
    sanctum_status s1 = run(s, format, data, size, NULL, &whole);
    sanctum_status s2 = run(s, format, data, size, sizes, &chunked);
    if (s1 != s2)
        abort();
    if (s1 == SANCTUM_OK && (whole.n != chunked.n || (whole.n && memcmp(whole.p, chunked.p, whole.n) != 0)))
        abort();
    free(whole.p);
    free(chunked.p);
    sanctum_free(s);
    sanctum_free(det);
    fuzz_ctx_free_checked(ctx);
    return 0;
}
