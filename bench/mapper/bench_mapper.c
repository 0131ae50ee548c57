/* bench_mapper: cost of anonymize/restore beside a plain parse+write (sanctum_chat_doc_new +
 * sanctum_chat_doc_write, no edits) of the same documents, in the same run. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sanctum.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static const char *FIRST[] = {"Jane", "Omar", "Laura", "Maria", "John", "Wei", "Fatima", "Peter"};
static const char *LAST[] = {"Roe", "Haddad", "Chen", "Garcia", "Smith", "Zhang", "Khan", "Novak"};
static const char *FILL[] = {
    "Could you look at the deployment logs from yesterday and tell me why the job failed? ",
    "The function returns a list of dicts; I need it sorted by the created_at key. ",
    "Please summarise the meeting notes below in three bullet points. ",
    "Thanks, that worked. Now the tests fail with a timeout on CI only. ",
};

/* A chat request of about `target` bytes: user/assistant turns with names, e-mails, phones, cards. */
static char *make_request(size_t target, size_t *len)
{
    size_t cap = target + 4096, n = 0;
    char *d = malloc(cap);
    n += (size_t)snprintf(d + n, cap - n, "{\"model\":\"gpt-4o\",\"messages\":[");
    unsigned k = 0;
    while (n + 600 < target) {
        char msg[1024];
        const char *f = FIRST[k % 8], *l = LAST[(k / 8 + k) % 8];
        int m = snprintf(msg, sizeof msg,
                         "%s{\"role\":\"%s\",\"content\":\"Hi, I am %s %s (%c.%s@example.com, call me at +1 202-555-01%02u). "
                         "%s%sMy card is 4111 1111 1111 1111.\"}",
                         k ? "," : "", (k & 1) ? "assistant" : "user", f, l, f[0] | 32, l, k % 100,
                         FILL[k % 4], FILL[(k + 1) % 4]);
        memcpy(d + n, msg, (size_t)m);
        n += (size_t)m;
        k++;
    }
    n += (size_t)snprintf(d + n, cap - n, "],\"temperature\":0.2}");
    *len = n;
    return d;
}

typedef sanctum_status (*op_fn)(sanctum_ctx *, const sanctum_detector *, const uint8_t *, size_t, void *);

static sanctum_status op_parse_write(sanctum_ctx *ctx, const sanctum_detector *det, const uint8_t *p, size_t n, void *u)
{
    (void)det;
    (void)u;
    sanctum_chat_doc *doc = NULL;
    uint8_t *o = NULL;
    size_t on = 0;
    sanctum_status st = sanctum_chat_doc_new(&doc, ctx, SANCTUM_CHAT_AUTO, p, n, NULL);
    if (st == SANCTUM_OK)
        st = sanctum_chat_doc_write(doc, &o, &on, NULL);
    sanctum_free(o);
    sanctum_free(doc);
    return st;
}

static sanctum_status op_anonymize(sanctum_ctx *ctx, const sanctum_detector *det, const uint8_t *p, size_t n, void *u)
{
    (void)u;
    sanctum_session *s = NULL;
    uint8_t *o = NULL;
    size_t on = 0;
    sanctum_status st = sanctum_session_new(&s, ctx, det, NULL, NULL);
    if (st == SANCTUM_OK)
        st = sanctum_session_anonymize_request(s, SANCTUM_CHAT_AUTO, p, n, &o, &on, NULL);
    sanctum_free(o);
    sanctum_free(s);
    return st;
}

static sanctum_status op_restore(sanctum_ctx *ctx, const sanctum_detector *det, const uint8_t *p, size_t n, void *u)
{
    (void)ctx;
    (void)det;
    uint8_t *o = NULL;
    size_t on = 0;
    sanctum_status st = sanctum_session_restore_response(u, SANCTUM_CHAT_AUTO, p, n, &o, &on, NULL);
    sanctum_free(o);
    return st;
}

static sanctum_status op_stream(sanctum_ctx *ctx, const sanctum_detector *det, const uint8_t *p, size_t n, void *u)
{
    (void)ctx;
    (void)det;
    sanctum_stream_restorer *r = NULL;
    sanctum_status st = sanctum_stream_restorer_new(&r, u, SANCTUM_CHAT_OPENAI_CHAT, NULL);
    for (size_t i = 0; st == SANCTUM_OK && i < n; i += 512) {
        uint8_t *o = NULL;
        size_t on = 0;
        st = sanctum_stream_restorer_feed(r, p + i, n - i < 512 ? n - i : 512, &o, &on, NULL);
        sanctum_free(o);
    }
    uint8_t *o = NULL;
    size_t on = 0;
    if (st == SANCTUM_OK)
        st = sanctum_stream_restorer_finish(r, &o, &on, NULL);
    sanctum_free(o);
    sanctum_free(r);
    return st;
}

static void measure(const char *name, sanctum_ctx *ctx, const sanctum_detector *det, op_fn op, const uint8_t *p,
                    size_t n, void *u, int iters)
{
    double *t = malloc(sizeof(double) * (size_t)iters);
    for (int i = 0; i < 3; i++)
        op(ctx, det, p, n, u);
    double t0 = now();
    for (int i = 0; i < iters; i++) {
        double a = now();
        if (op(ctx, det, p, n, u) != SANCTUM_OK) {
            fprintf(stderr, "%s failed\n", name);
            exit(1);
        }
        t[i] = now() - a;
    }
    double total = now() - t0;
    qsort(t, (size_t)iters, sizeof *t, cmp_d);
    printf("  %-34s %7zu B  median %8.1f us  p99 %8.1f us  %8.1f MB/s\n", name, n, t[iters / 2] * 1e6,
           t[(size_t)((double)iters * 0.99)] * 1e6, (double)n * iters / total / 1e6);
    free(t);
}

/* An OpenAI SSE stream whose deltas (about 24 bytes each) carry the anonymized text of a request. */
static char *make_stream(const uint8_t *text, size_t tn, size_t *len)
{
    size_t cap = tn * 8 + 1024, n = 0;
    char *d = malloc(cap);
    for (size_t i = 0; i < tn; i += 24) {
        size_t c = tn - i < 24 ? tn - i : 24;
        n += (size_t)snprintf(d + n, cap - n,
                              "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"");
        for (size_t k = 0; k < c; k++) {
            char ch = (char)text[i + k];
            if (ch == '"' || ch == '\\')
                d[n++] = '\\';
            d[n++] = (ch == '\n') ? ' ' : ch;
        }
        n += (size_t)snprintf(d + n, cap - n, "\"},\"finish_reason\":null}]}\n\n");
    }
    n += (size_t)snprintf(d + n, cap - n, "data: [DONE]\n\n");
    *len = n;
    return d;
}

int main(void)
{
    sanctum_ctx *ctx = NULL;
    sanctum_detector *det = NULL;
    if (sanctum_ctx_new(&ctx, NULL, NULL) != SANCTUM_OK || sanctum_detector_new(&det, ctx, NULL, NULL) != SANCTUM_OK)
        return 1;
    printf("bench_mapper (one core; each line beside a plain parse+write of the same document)\n");
    size_t sizes[] = {4096, 65536};
    int iters[] = {2000, 200};
    for (int k = 0; k < 2; k++) {
        size_t n = 0;
        char *req = make_request(sizes[k], &n);
        printf("request of %zu bytes:\n", n);
        measure("parse+write (no edits)", ctx, det, op_parse_write, (const uint8_t *)req, n, NULL, iters[k]);
        measure("anonymize_request (new session)", ctx, det, op_anonymize, (const uint8_t *)req, n, NULL, iters[k]);
        sanctum_session *s = NULL;
        uint8_t *a = NULL;
        size_t an = 0;
        if (sanctum_session_new(&s, ctx, det, NULL, NULL) != SANCTUM_OK ||
            sanctum_session_anonymize_request(s, SANCTUM_CHAT_AUTO, (const uint8_t *)req, n, &a, &an, NULL) != SANCTUM_OK)
            return 1;
        measure("parse+write anonymized (no edits)", ctx, det, op_parse_write, a, an, NULL, iters[k]);
        measure("restore_response", ctx, det, op_restore, a, an, s, iters[k]);
        size_t sn = 0;
        char *sse = make_stream(a, an, &sn);
        measure("stream restore (512 B chunks)", ctx, det, op_stream, (const uint8_t *)sse, sn, s, iters[k] / 4);
        free(sse);
        sanctum_free(a);
        sanctum_free(s);
        free(req);
    }
    sanctum_free(det);
    sanctum_ctx_free(ctx);
    return 0;
}
