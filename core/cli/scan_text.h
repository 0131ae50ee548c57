/* sanctum scan: a file's bytes into text the scanner reads (scan_text.c). */
#ifndef SANCTUM_CLI_SCAN_TEXT_H
#define SANCTUM_CLI_SCAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sanctum.h"

/* UTF-16 text: 1 little-endian, 2 big-endian, 0 neither; *bom: the byte-order mark's length. */
int scan_utf16_kind(const uint8_t *p, size_t n, size_t *bom);
/* UTF-16 p[bom..n) as malloc'd UTF-8 (*out_len bytes); NULL when out of memory. */
uint8_t *scan_utf16_to_utf8(const uint8_t *p, size_t n, size_t bom, bool be, size_t *out_len);
/* The findings' offsets and lengths in the transcoded text back into the UTF-16 file's bytes; false
 * when out of memory. */
bool scan_utf16_offsets_back(const uint8_t *p, size_t n, size_t bom, bool be, sanctum_scan_finding *f,
                             uint64_t count);
/* A file whose size reads 0, read up to max bytes: 0 read (*out NULL when empty), 1 larger than max,
 * -1 read error (errno set). */
int scan_read_unsized(int fd, uint64_t max, uint8_t **out, size_t *out_len);

#endif
