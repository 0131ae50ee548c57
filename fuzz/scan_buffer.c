/* Fuzz harness: the scanner (built-in rules) over arbitrary bytes, then the JSON lines writer over its
 * result. Properties: spans lie inside the buffer and the secret inside its match, findings are in
 * order of secret offset with sane lines/columns, redacted forms are short printable ASCII ending in
 * "*****", fingerprints are 64 hex chars, the report has one line per finding, nothing leaks. Then
 * the commit form of the writer with the input's first 40 bytes as the commit id: accepted exactly
 * when they are hex (else the offset of the first bad byte and no output), one line per finding. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sanctum.h"

static sanctum_ctx *g_ctx;
static sanctum_scanner *g_scanner;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_scanner_new(&g_ctx, &g_scanner, 42, NULL, 0);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (g_scanner == NULL)
        LLVMFuzzerInitialize(NULL, NULL);
    uint64_t before = fuzz_blocks(g_ctx);
    sanctum_scan_result *res = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_scan_buffer(g_scanner, &res, data, size, (const uint8_t *)"f.txt", 5, &err);
    if (st != SANCTUM_OK) {
        if (res != NULL || st != SANCTUM_E_LIMIT)
            abort();
        return 0;
    }
    uint64_t prev = 0;
    for (uint64_t i = 0; i < res->count; i++) {
        const sanctum_scan_finding *f = &res->findings[i];
        if (f->offset + f->length > size || f->secret_offset < f->offset ||
            f->secret_offset + f->secret_length > f->offset + f->length || f->secret_length == 0)
            abort();
        if (f->secret_offset < prev || f->line == 0 || f->column == 0 || f->end_line < f->line)
            abort();
        prev = f->secret_offset;
        size_t rl = strlen(f->redacted);
        if (rl < 5 || rl > 64 || strcmp(f->redacted + rl - 5, "*****") != 0)
            abort();
        for (size_t k = 0; k < rl; k++)
            if (f->redacted[k] < 0x21 || f->redacted[k] > 0x7e)
                abort();
        if (strlen(f->fingerprint) != 64 || strspn(f->fingerprint, "0123456789abcdef") != 64)
            abort();
        if (sanctum_scanner_rule_id(g_scanner, f->rule_index) == NULL ||
            strcmp(sanctum_scanner_rule_id(g_scanner, f->rule_index), f->rule_id) != 0)
            abort();
    }
    sanctum_scan_report *rep = NULL;
    if (sanctum_scan_report_new(&rep, g_scanner, SANCTUM_SCAN_FORMAT_JSONL, SANCTUM_SCAN_REPORT_NO_REDACT, NULL, 0,
                                &err) != SANCTUM_OK)
        abort();
    uint64_t added = 0;
    if (sanctum_scan_report_add(rep, res, data, size, (const uint8_t *)"f.txt", 5, &added, &err) != SANCTUM_OK ||
        added != res->count)
        abort();
    uint8_t *out = NULL;
    size_t len = 0;
    if (sanctum_scan_report_take(rep, 1, &out, &len, &err) != SANCTUM_OK)
        abort();
    uint64_t lines = 0;
    for (size_t i = 0; i < len; i++) {
        if (out[i] == '\n')
            lines++;
        else if (out[i] < 0x20) /* JSON strings escape every control character */
            abort();
    }
    if (lines != res->count)
        abort();
    sanctum_free(out);
    sanctum_free(rep);
    if (size >= 40) {
        if (sanctum_scan_report_new(&rep, g_scanner, SANCTUM_SCAN_FORMAT_JSONL, 0, NULL, 0, &err) != SANCTUM_OK)
            abort();
        size_t bad = 0;
        while (bad < 40 && data[bad] != 0 && strchr("0123456789abcdefABCDEF", data[bad]) != NULL)
            bad++;
        int64_t t = (int64_t)((uint64_t)data[0] << 24 | (uint64_t)data[1] << 16 | (uint64_t)data[2] << 8) - (1 << 30);
        st = sanctum_scan_report_add_commit(rep, res, NULL, 0, (const uint8_t *)"f.txt", 5, data, 40, t, &added, &err);
        if ((bad >= 40) != (st == SANCTUM_OK) || (st != SANCTUM_OK && (st != SANCTUM_E_INVALID_ARG || err.offset != bad)))
            abort();
        if (sanctum_scan_report_take(rep, 1, &out, &len, &err) != SANCTUM_OK)
            abort();
        lines = 0;
        for (size_t i = 0; i < len; i++)
            lines += out[i] == '\n';
        if (lines != (st == SANCTUM_OK ? res->count : 0))
            abort();
        sanctum_free(out);
        sanctum_free(rep);
    }
    sanctum_free(res);
    if (fuzz_blocks(g_ctx) != before)
        abort();
    return 0;
}
