/* Source-like text for the scanner benches (srcgen.c). */
#ifndef SANCTUM_BENCH_SRCGEN_H
#define SANCTUM_BENCH_SRCGEN_H

#include <stddef.h>

#include "fakegen.h"

#define SG_N_KINDS 8
/* File name extension of each kind. */
extern const char *const SG_EXT[SG_N_KINDS];
/* A random identifier-like word. */
const char *sg_word(fg_rng *r);
/* Writes one line (or a few) of kind 0..7 into o (cap bytes); returns its length. */
int sg_line(fg_rng *r, int kind, char *o, size_t cap);

#endif
