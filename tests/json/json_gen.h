/* Deterministic generator of random JSON documents in several writer styles (tests only). */
#ifndef SANCTUM_TEST_JSON_GEN_H
#define SANCTUM_TEST_JSON_GEN_H

#include <stddef.h>
#include <stdint.h>

typedef struct jgen {
    uint64_t state;
    uint8_t *buf;
    size_t len, cap;
    int style; /* 0 raw UTF-8 compact, 1 Python (\uXXXX, ", "), 2 Go (\u003c), 3 pretty with tabs/CRLF */
} jgen;

/* Generates one document (malloc'd into g->buf, g->len) from seed; returns 0 on success. */
int jgen_document(jgen *g, uint64_t seed, int style, int max_depth);
void jgen_free(jgen *g);

#endif
