/* pii_dump: every entity and rejected candidate sanctum_detect gives (type, recognizer, span, score to the
 * last bit, evidence), with and without explain mode, for each file given: the whole file, each line as
 * it is, each line without its [[TYPE|...]] marks, and the marked-free lines joined and cut into 4 KiB
 * messages at line ends as bench_pii cuts them. compare.sh diffs two builds' output. Not part of the
 * build: a developer tool (it uses plain malloc). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sanctum.h"

static sanctum_detector *det;

static void dump(const char *tag, size_t idx, const char *p, size_t n)
{
    for (uint32_t flags = 0; flags < 2; flags++) {
        sanctum_detection *d = NULL;
        sanctum_error err;
        memset(&err, 0, sizeof err);
        sanctum_status st = sanctum_detect(&d, det, (const uint8_t *)p, n, flags, &err);
        if (st != SANCTUM_OK) {
            printf("%s %zu f%u status %d\n", tag, idx, flags, (int)st);
            continue;
        }
        for (size_t i = 0; i < d->count; i++) {
            const sanctum_pii_entity *e = &d->entities[i];
            printf("%s %zu f%u E %d %d %llu %llu %a %u\n", tag, idx, flags, e->type, e->recognizer,
                   (unsigned long long)e->start, (unsigned long long)e->end, e->score, e->evidence);
        }
        for (size_t i = 0; i < d->rejected_count; i++) {
            const sanctum_pii_entity *e = &d->rejected[i];
            printf("%s %zu f%u R %d %d %llu %llu %a %u\n", tag, idx, flags, e->type, e->recognizer,
                   (unsigned long long)e->start, (unsigned long long)e->end, e->score, e->evidence);
        }
        sanctum_free(d);
    }
}

static size_t strip(const char *line, char *buf)
{
    size_t n = 0;
    for (const char *p = line; *p; p++) {
        if (p[0] == '[' && p[1] == '[') {
            const char *bar = strchr(p, '|');
            if (bar != NULL) { p = bar; continue; }
        }
        if (p[0] == ']' && p[1] == ']') { p++; continue; }
        if (p[0] == '\\' && p[1] == 'n') { buf[n++] = '\n'; p++; continue; }
        buf[n++] = *p;
    }
    return n;
}

int main(int argc, char **argv)
{
    sanctum_ctx_options co;
    sanctum_ctx_options_init(&co);
    sanctum_ctx *ctx = NULL;
    if (sanctum_ctx_new(&ctx, &co, NULL) != SANCTUM_OK || sanctum_detector_new(&det, ctx, NULL, NULL) != SANCTUM_OK)
        return 1;
    static char line[1 << 16], sbuf[1 << 16];
    size_t cap = 64u << 20;
    char *all = malloc(cap), *joined = malloc(cap);
    size_t jn = 0;
    for (int a = 1; a < argc; a++) {
        FILE *fp = fopen(argv[a], "rb");
        if (fp == NULL) { perror(argv[a]); return 1; }
        size_t n = fread(all, 1, cap, fp);
        fclose(fp);
        printf("FILE %s\n", argv[a]);
        dump("whole", 0, all, n);
        fp = fopen(argv[a], "rb");
        size_t li = 0;
        while (fgets(line, sizeof line, fp) != NULL) {
            li++;
            size_t l = strlen(line);
            dump("raw", li, line, l);
            size_t sn = strip(line, sbuf);
            dump("strip", li, sbuf, sn);
            if (jn + sn < cap) { memcpy(joined + jn, sbuf, sn); jn += sn; }
        }
        fclose(fp);
    }
    /* 4 KiB chunks cut at line ends, as bench_pii cuts its messages, and the joined text whole */
    printf("JOINED\n");
    dump("joined", 0, joined, jn);
    size_t off = 0, ci = 0;
    while (off < jn) {
        size_t len = jn - off < 4096 ? jn - off : 4096;
        while (len > 1 && joined[off + len - 1] != '\n' && off + len < jn)
            len--;
        dump("chunk", ci++, joined + off, len);
        off += len;
    }
    sanctum_free(det);
    sanctum_ctx_free(ctx);
    free(all);
    free(joined);
    return 0;
}
