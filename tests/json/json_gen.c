/* Random JSON in several client styles, for identity tests over a generated corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_gen.h"

static uint64_t next(jgen *g)
{
    uint64_t z = (g->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static unsigned rnd(jgen *g, unsigned n) { return (unsigned)(next(g) % n); }

static void put(jgen *g, const void *p, size_t n)
{
    if (g->len + n > g->cap) {
        size_t nc = g->cap ? g->cap * 2 : 4096;
        while (nc < g->len + n)
            nc *= 2;
        g->buf = realloc(g->buf, nc);
        if (g->buf == NULL)
            abort();
        g->cap = nc;
    }
    memcpy(g->buf + g->len, p, n);
    g->len += n;
}

static void puts_(jgen *g, const char *s) { put(g, s, strlen(s)); }

static void ws(jgen *g)
{
    if (g->style == 3) {
        static const char *w[] = {"", " ", "\n  ", "\r\n\t", "\t"};
        puts_(g, w[rnd(g, 5)]);
    }
}

static void uesc(jgen *g, unsigned v, int upper)
{
    char b[8];
    const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    b[0] = '\\';
    b[1] = 'u';
    b[2] = hex[(v >> 12) & 15];
    b[3] = hex[(v >> 8) & 15];
    b[4] = hex[(v >> 4) & 15];
    b[5] = hex[v & 15];
    put(g, b, 6);
}

static void utf8(jgen *g, unsigned cp)
{
    uint8_t b[4];
    size_t n;
    if (cp < 0x80) { b[0] = (uint8_t)cp; n = 1; }
    else if (cp < 0x800) { b[0] = (uint8_t)(0xC0 | (cp >> 6)); b[1] = (uint8_t)(0x80 | (cp & 63)); n = 2; }
    else if (cp < 0x10000) { b[0] = (uint8_t)(0xE0 | (cp >> 12)); b[1] = (uint8_t)(0x80 | ((cp >> 6) & 63)); b[2] = (uint8_t)(0x80 | (cp & 63)); n = 3; }
    else { b[0] = (uint8_t)(0xF0 | (cp >> 18)); b[1] = (uint8_t)(0x80 | ((cp >> 12) & 63)); b[2] = (uint8_t)(0x80 | ((cp >> 6) & 63)); b[3] = (uint8_t)(0x80 | (cp & 63)); n = 4; }
    put(g, b, n);
}

static void string_body(jgen *g, int key)
{
    static const unsigned pool[] = {'a', 'Z', ' ', '"', '\\', '/', '<', '>', '&', '\n', '\t', 0x01, 0x1F, 0,
                                    0xE9, 0xFC, 0x4E2D, 0x2028, 0x1F600, 0x10FFFF, 0xFFFD, 0x7F};
    unsigned n = key ? 1 + rnd(g, 10) : rnd(g, 60);
    int upper = rnd(g, 4) == 0;
    for (unsigned i = 0; i < n; i++) {
        unsigned cp = rnd(g, 3) ? 'a' + rnd(g, 26) : pool[rnd(g, sizeof pool / sizeof pool[0])];
        if (cp == '"' || cp == '\\') { char b[2] = {'\\', (char)cp}; put(g, b, 2); continue; }
        if (cp == '\n') { puts_(g, rnd(g, 2) ? "\\n" : "\\u000a"); continue; }
        if (cp == '\t') { puts_(g, "\\t"); continue; }
        if (cp < 0x20) { uesc(g, cp, upper); continue; }
        if (cp == '/' && rnd(g, 3) == 0) { puts_(g, "\\/"); continue; }
        if (g->style == 2 && (cp == '<' || cp == '>' || cp == '&' || cp == 0x2028)) { uesc(g, cp, 0); continue; }
        if (cp >= 0x80 && (g->style == 1 || rnd(g, 8) == 0)) {
            if (cp >= 0x10000) { unsigned c = cp - 0x10000; uesc(g, 0xD800 + (c >> 10), upper); uesc(g, 0xDC00 + (c & 0x3FF), upper); }
            else uesc(g, cp, upper);
            continue;
        }
        utf8(g, cp);
    }
}

static void string(jgen *g, int key)
{
    puts_(g, "\"");
    string_body(g, key);
    puts_(g, "\"");
}

static void number(jgen *g)
{
    static const char *nums[] = {"0", "-0", "1.0", "1e-05", "9007199254740993", "0.30000000000000004", "1E400",
                                 "-12.5e+3", "123456789012345678901234567890", "3", "2.5E-7", "-1"};
    puts_(g, nums[rnd(g, sizeof nums / sizeof nums[0])]);
}

static void value(jgen *g, int depth, int max_depth)
{
    /* containers near the top (so documents have some size), scalars at the depth limit */
    unsigned t = depth >= max_depth ? 2 + rnd(g, 4) : depth < 2 ? rnd(g, 2) : rnd(g, 6);
    ws(g);
    switch (t) {
    case 0: {
        puts_(g, "{");
        unsigned n = rnd(g, 9);
        for (unsigned i = 0; i < n; i++) {
            if (i) puts_(g, g->style == 1 ? ", " : ",");
            ws(g);
            /* unique keys: a counter prefix keeps them distinct */
            char k[16];
            int kn = snprintf(k, sizeof k, "\"k%u_", i);
            put(g, k, (size_t)kn);
            string_body(g, 1);
            puts_(g, "\"");
            ws(g);
            puts_(g, g->style == 1 ? ": " : ":");
            value(g, depth + 1, max_depth);
        }
        ws(g);
        puts_(g, "}");
        break;
    }
    case 1: {
        puts_(g, "[");
        unsigned n = rnd(g, 9);
        for (unsigned i = 0; i < n; i++) {
            if (i) puts_(g, g->style == 1 ? ", " : ",");
            value(g, depth + 1, max_depth);
        }
        ws(g);
        puts_(g, "]");
        break;
    }
    case 2: case 3: string(g, 0); break;
    case 4: number(g); break;
    default: puts_(g, rnd(g, 3) == 0 ? "true" : rnd(g, 2) ? "false" : "null"); break;
    }
    ws(g);
}

int jgen_document(jgen *g, uint64_t seed, int style, int max_depth)
{
    g->state = seed;
    g->len = 0;
    g->style = style;
    value(g, 0, max_depth);
    if (rnd(g, 2))
        puts_(g, "\n");
    return 0;
}

void jgen_free(jgen *g)
{
    free(g->buf);
    g->buf = NULL;
    g->len = g->cap = 0;
}
