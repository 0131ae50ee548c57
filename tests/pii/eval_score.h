/* The PII evaluation scorer, shared by the test suite (floors) and the benchmark (figures). */
#ifndef SANCTUM_PII_EVAL_SCORE_H
#define SANCTUM_PII_EVAL_SCORE_H

#include <stddef.h>
#include <stdio.h>

#include "sanctum.h"

typedef struct eval_counts {
    size_t gold, found, tp_recall, tp_precision, predicted;
} eval_counts;

typedef struct eval_result {
    eval_counts per[SANCTUM_ENTITY_COUNT];
    size_t cases, free_cases, free_touched;
    size_t leaked;      /* gold entities no prediction of any type covers: left in clear */
    size_t bytes;
} eval_result;

/* Scores detector det over every case of the files (format: tests/pii/gen_eval.py). A gold entity is
 * found when a prediction of its type covers all of it; a prediction is right when it overlaps a gold
 * entity of its type. Prints misses and false positives to log when not NULL. Returns 0 on success. */
int eval_files(const sanctum_detector *det, const char *const *paths, size_t npaths, eval_result *out,
               FILE *log);

double eval_recall(const eval_counts *c);
double eval_precision(const eval_counts *c);
void eval_print(FILE *f, const eval_result *r);

#endif
