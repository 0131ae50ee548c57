/* bench_pii: the PII detector's speed on chat-like text, beside memchr over the same bytes.
 *
 *   bench_pii [SECONDS]
 *
 * The text: the labelled evaluation cases (tests/pii/eval, dense with names and numbers, one message
 * per line) interleaved with ordinary chat and code lines (no entities), repeated to 8 MiB. Prints
 * throughput over the whole buffer, the median and p99 latency of sanctum_detect on 4 KiB messages
 * cut from it, the same for memchr('@') over the same bytes (the floor of any scan), and the
 * evaluation's per-type precision/recall/F1 at the default threshold. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eval_score.h"
#include "sanctum.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static const char *const PLAIN[] = {
    "ok sounds good, I'll push the fix after lunch and ping you when CI is green",
    "The deploy failed again because the migration timed out after 300 seconds.",
    "can you check why `make test` hangs on the arm64 runner? it worked yesterday",
    "    for (size_t i = 0; i < n; i++) { total += values[i] * weights[i]; }",
    "Let's move the standup to 10:30 tomorrow, the room is booked until then.",
    "I think the cache key should include the tenant id, otherwise we leak across orgs.",
    "Upgraded numpy to 1.26.4 and the benchmark went from 12.3s to 9.8s.",
    "Thanks! That worked. The issue was a missing newline at the end of the config file.",
    "Could you summarize this article in three bullet points for the newsletter?",
    "SELECT count(*) FROM events WHERE created_at > now() - interval '7 days';",
};

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Loads the evaluation cases without their marks. */
static size_t load_cases(char *buf, size_t cap)
{
    const char *files[] = {SANCTUM_SOURCE_DIR "/tests/pii/eval/generated.txt",
                           SANCTUM_SOURCE_DIR "/tests/pii/eval/handwritten.txt"};
    size_t n = 0;
    char line[8192];
    for (int f = 0; f < 2; f++) {
        FILE *fp = fopen(files[f], "r");
        if (fp == NULL)
            continue;
        while (fgets(line, sizeof line, fp) != NULL) {
            if (line[0] == '#')
                continue;
            for (const char *p = line; *p && n + 2 < cap; p++) {
                if (p[0] == '[' && p[1] == '[') {
                    const char *bar = strchr(p, '|');
                    if (bar != NULL) {
                        p = bar;
                        continue;
                    }
                }
                if (p[0] == ']' && p[1] == ']') {
                    p++;
                    continue;
                }
                if (p[0] == '\\' && p[1] == 'n') {
                    buf[n++] = '\n';
                    p++;
                    continue;
                }
                buf[n++] = *p;
            }
            /* three plain lines per case: chat is mostly not personal data */
            for (int k = 0; k < 3 && n + 200 < cap; k++) {
                const char *pl = PLAIN[(n / 7 + (size_t)k) % (sizeof PLAIN / sizeof PLAIN[0])];
                size_t l = strlen(pl);
                memcpy(buf + n, pl, l);
                n += l;
                buf[n++] = '\n';
            }
        }
        fclose(fp);
    }
    return n;
}

int main(int argc, char **argv)
{
    double secs = argc > 1 ? atof(argv[1]) : 2.0;
    size_t cap = 8u << 20;
    char *text = malloc(cap);
    char *one = malloc(1u << 20);
    if (text == NULL || one == NULL)
        return 1;
    size_t base = load_cases(one, 1u << 20);
    if (base == 0) {
        fprintf(stderr, "bench_pii: cannot read the evaluation files\n");
        return 1;
    }
    size_t n = 0;
    while (n + base <= cap) {
        memcpy(text + n, one, base);
        n += base;
    }
    sanctum_ctx_options co;
    sanctum_ctx_options_init(&co);
    sanctum_ctx *ctx = NULL;
    sanctum_detector *det = NULL;
    if (sanctum_ctx_new(&ctx, &co, NULL) != SANCTUM_OK || sanctum_detector_new(&det, ctx, NULL, NULL) != SANCTUM_OK)
        return 1;

    /* throughput over the whole buffer */
    size_t entities = 0, reps = 0;
    double t0 = now(), t;
    do {
        sanctum_detection *d = NULL;
        if (sanctum_detect(&d, det, (const uint8_t *)text, n, 0, NULL) != SANCTUM_OK)
            return 1;
        entities = d->count;
        sanctum_free(d);
        reps++;
        t = now() - t0;
    } while (t < secs);
    double mbs = (double)n * (double)reps / t / 1e6;
    size_t hits = 0, mreps = 0;
    t0 = now();
    do {
        hits = 0;
        for (const char *p = text; (p = memchr(p, '@', (size_t)(text + n - p))) != NULL; p++)
            hits++;
        mreps++;
        t = now() - t0;
    } while (t < secs / 4);
    double memchr_mbs = (double)n * (double)mreps / t / 1e6;

    /* 4 KiB messages (cut at a line end so no UTF-8 sequence is split) */
    enum { MSG = 4096, SAMPLES = 20000 };
    double *lat = malloc(SAMPLES * sizeof *lat), *mlat = malloc(SAMPLES * sizeof *mlat);
    if (lat == NULL || mlat == NULL)
        return 1;
    size_t off = 0;
    volatile size_t sink = 0;
    for (int i = 0; i < SAMPLES; i++) {
        if (off + MSG > n)
            off = 0;
        size_t len = MSG;
        while (len > 1 && text[off + len - 1] != '\n')
            len--;
        double a = now();
        sanctum_detection *d = NULL;
        if (sanctum_detect(&d, det, (const uint8_t *)text + off, len, 0, NULL) != SANCTUM_OK)
            return 1;
        sink += d->count;
        sanctum_free(d);
        double b = now();
        const char *p = text + off;
        size_t h = 0;
        while ((p = memchr(p, '@', (size_t)(text + off + len - p))) != NULL) {
            h++;
            p++;
        }
        sink += h;
        double c = now();
        lat[i] = (b - a) * 1e6;
        mlat[i] = (c - b) * 1e6;
        off += len;
    }
    qsort(lat, SAMPLES, sizeof *lat, cmp_double);
    qsort(mlat, SAMPLES, sizeof *mlat, cmp_double);

    printf("PII detector benchmark (%.1f MB of chat-like text, %zu entities per pass)\n", (double)n / 1e6, entities);
    printf("%-34s %10s %14s %14s\n", "", "MB/s", "4 KiB median", "4 KiB p99");
    printf("%-34s %10.1f %11.2f us %11.2f us\n", "sanctum_detect (threshold 0.7)", mbs, lat[SAMPLES / 2],
           lat[SAMPLES * 99 / 100]);
    printf("%-34s %10.1f %11.2f us %11.2f us\n", "memchr('@') over the same bytes", memchr_mbs, mlat[SAMPLES / 2],
           mlat[SAMPLES * 99 / 100]);
    printf("targets: >= 100 MB/s, <= 50 us median per 4 KiB message (%zu '@' seen)\n\n", hits + (sink & 0));

    const char *files[] = {SANCTUM_SOURCE_DIR "/tests/pii/eval/generated.txt",
                           SANCTUM_SOURCE_DIR "/tests/pii/eval/handwritten.txt",
                           SANCTUM_SOURCE_DIR "/tests/pii/eval/holdout.txt"};
    eval_result r;
    if (eval_files(det, files, 3, &r, NULL) == 0) {
        printf("evaluation at threshold 0.7 (tests/pii/eval):\n");
        eval_print(stdout, &r);
    }
    sanctum_free(det);
    sanctum_ctx_free(ctx);
    free(lat);
    free(mlat);
    free(text);
    free(one);
    return 0;
}
