/* Baselines of fingerprints (docs/scan.md): one reader for sanctum_scan_report_new (strict) and the
 * CLI's git history scan (lenient: a baseline as it stood in a commit cannot be fixed). Not installed. */
#ifndef SANCTUM_SCAN_BASELINE_H
#define SANCTUM_SCAN_BASELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sanctum.h"

/* Called for each fingerprint: hex is 64 hex digits, or the 16 a text report prints (len 16). */
typedef void (*sc_baseline_fp_fn)(void *arg, const uint8_t *hex, size_t len);

enum {
    SC_BASELINE_STRICT = 0,    /* JSON validated (ctx needed), a line that is none of the forms is an error */
    SC_BASELINE_VALIDATED = 1, /* strict, the text already read once without error: no JSON validation */
    SC_BASELINE_LENIENT = 2    /* no validation, unreadable lines skipped: never fails */
};

/* A JSON report (JSON lines or SARIF; every run of exactly 64 hex digits is a fingerprint), else one
 * entry a line: a fingerprint (64 or 16 hex digits), a line of a text report ("... (fingerprint
 * 0123456789abcdef)"), blank or a '#' comment. Errors name the line, never quote it. */
sanctum_status sc_baseline_read(sanctum_ctx *ctx, const uint8_t *b, size_t n, int mode, sc_baseline_fp_fn fn,
                                void *arg, sanctum_error *err);

#endif
