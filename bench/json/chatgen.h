/* Deterministic generator of realistic chat API documents for the JSON benchmark. */
#ifndef SANCTUM_BENCH_CHATGEN_H
#define SANCTUM_BENCH_CHATGEN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum { CG_JS = 0, CG_PY = 1, CG_GO = 2 };                 /* client writer styles */
enum { CG_OPENAI_REQ = 0, CG_OPENAI_RESP = 1, CG_ANTHROPIC_REQ = 2, CG_ANTHROPIC_RESP = 3, CG_RESPONSES_REQ = 4 };

typedef struct cg_doc {
    uint8_t *data; /* malloc'd */
    size_t len;
    int style, kind;
} cg_doc;

/* Document i of a corpus of n (sizes spread log-uniformly from 1 KiB to 1 MiB, stratified), from a
 * fixed seed: the same on every run and machine. */
cg_doc cg_generate(uint64_t seed, size_t i, size_t n);
/* One document of about target bytes in the given style and kind. */
cg_doc cg_generate_one(uint64_t seed, size_t target, int style, int kind);
void cg_free(cg_doc *d);

#ifdef __cplusplus
}
#endif

#endif
