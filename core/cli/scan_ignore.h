/* sanctum scan: ignore files for the walk (scan_ignore.c): which source each pattern came from, matching
 * that names an ignore file too costly to match, and a nested .gitignore anchored at the root. */
#ifndef SANCTUM_CLI_SCAN_IGNORE_H
#define SANCTUM_CLI_SCAN_IGNORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli.h"
#include "sanctum.h"

/* The names of the ignore sources in the order their patterns reached the matcher (its source numbers,
 * 0 = the empty set it was made with), to name an ignore file the matcher could not decide with. */
typedef struct scan_ig_sources {
    cli_strvec names; /* names.v[k] = NULL once warned about */
    size_t count;     /* sources handed over; names fall behind only when out of memory */
} scan_ig_sources;

/* Adds the patterns t[0, len) from the source `name` (errors printed when report). */
void scan_ig_add(sanctum_scan_ignore *ig, scan_ig_sources *src, const char *name, const uint8_t *t, size_t len,
                 sanctum_error *err, bool report);
/* Whether path r is ignored; a pattern that ran out of its step budget leaves it scanned, and its ignore
 * file is named once on stderr (its content never). */
int scan_ig_match(sanctum_scan_ignore *ig, scan_ig_sources *src, const char *r, int32_t is_dir);

/* The patterns of a .gitignore t[0, len) in the directory rel (relative to the root), rewritten to be
 * relative to the root, as a malloc'd *out of *out_len bytes: 0, or 1 when there are too many for its
 * depth (not used), -1 when out of memory. */
int scan_gitignore_anchor(const uint8_t *t, size_t len, const char *rel, char **out, size_t *out_len);

#endif
