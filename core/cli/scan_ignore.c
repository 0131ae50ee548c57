/* sanctum scan: ignore files for the walk (scan_ignore.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan_ignore.h"

#define GITIGNORE_MAX ((size_t)32 << 20) /* bytes of one nested .gitignore's patterns once anchored */

void scan_ig_add(sanctum_scan_ignore *ig, scan_ig_sources *src, const char *name, const uint8_t *t, size_t len,
                 sanctum_error *err, bool report)
{
    if (src->names.n == src->count && cli_sv_push(&src->names, name) != 0)
        src->names.n = src->count; /* names stop here; warnings without a name */
    src->count++;
    if (sanctum_scan_ignore_add(ig, t, len, err) != SANCTUM_OK && report)
        cli_print_error("scan", err);
}

int scan_ig_match(sanctum_scan_ignore *ig, scan_ig_sources *src, const char *r, int32_t is_dir)
{
    int32_t m = sanctum_scan_ignore_match(ig, (const uint8_t *)r, strlen(r), is_dir);
    int64_t u = sanctum_scan_ignore_undecided(ig);
    if (u < 0)
        return m;
    size_t k = (size_t)u;
    if (k < src->names.n) {
        if (src->names.v[k] == NULL)
            return m;
        fputs("sanctum scan: '", stderr);
        cli_put_label(stderr, src->names.v[k]);
        fputs("': an ignore pattern too costly to match, paths it could not decide are scanned\n", stderr);
        free(src->names.v[k]);
        src->names.v[k] = NULL;
    } else if (src->count != SIZE_MAX) {
        fputs("sanctum scan: an ignore pattern too costly to match, paths it could not decide are scanned\n",
              stderr);
        src->count = SIZE_MAX; /* once */
    }
    return m;
}

int scan_gitignore_anchor(const uint8_t *t, size_t len, const char *rel, char **out_p, size_t *out_len)
{
    size_t rl = strlen(rel);
    /* Each pattern grows by its directory (rel) and at most 7 bytes: a 1 MiB .gitignore of one-letter
     * lines deep in a tree grew to gigabytes. Past the matcher's own limit of 100000 patterns, or past
     * GITIGNORE_MAX once anchored, the file is not used (its files are scanned: nothing is missed). */
    size_t patterns = 0;
    for (size_t pos = 0; pos < len;) {
        const uint8_t *nl = memchr(t + pos, '\n', len - pos);
        size_t e = nl ? (size_t)(nl - t) : len;
        patterns += e > pos && t[pos] != '#'; /* an over-count: blank lines are skipped below */
        pos = e + 1;
    }
    if (patterns > 100000 || patterns > (GITIGNORE_MAX - len) / (rl + 8))
        return 1;
    size_t cap = len + 64 + (rl + 8) * patterns;
    char *out = malloc(cap);
    if (out == NULL)
        return -1;
    size_t o = 0, pos = 0;
    while (pos < len) {
        const uint8_t *nl = memchr(t + pos, '\n', len - pos);
        size_t e = nl ? (size_t)(nl - t) : len;
        const char *line = (const char *)t + pos;
        size_t ll = e - pos;
        pos = nl ? e + 1 : len;
        while (ll > 0 && (line[ll - 1] == '\r' || line[ll - 1] == ' '))
            ll--;
        if (ll == 0 || line[0] == '#')
            continue;
        bool neg = line[0] == '!';
        if (neg) {
            line++;
            ll--;
        }
        bool dir_slash = ll > 0 && line[ll - 1] == '/';
        size_t core = dir_slash ? ll - 1 : ll;
        bool anchored = core > 0 && memchr(line, '/', core) != NULL;
        if (neg)
            out[o++] = '!';
        out[o++] = '/';
        memcpy(out + o, rel, rl);
        o += rl;
        out[o++] = '/';
        if (!anchored) {
            memcpy(out + o, "**/", 3);
            o += 3;
        } else if (line[0] == '/') {
            line++;
            ll--;
        }
        memcpy(out + o, line, ll);
        o += ll;
        out[o++] = '\n';
    }
    *out_p = out;
    *out_len = o;
    return 0;
}
