/* Fuzz harness: baselines given to sanctum_scan_report_new (fingerprint lines, the text report's 16
 * digits, text report lines, JSON lines, SARIF, anything). Properties: a refusal is E_PARSE with an
 * offset inside the input and "baseline line N" in the message (N the line of that offset), or NOMEM
 * / LIMIT; nothing partial comes back. An accepted baseline that names a finding's fingerprint on a
 * line of its own (whole; or its first 16 digits, outside a JSON report) suppresses it. Nothing leaks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sanctum.h"

static sanctum_ctx *g_ctx;
static sanctum_scanner *g_scanner;
static sanctum_scan_result *g_res; /* one github-pat finding */
static char g_text[96];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sanctum_error err;
    if (sanctum_ctx_new(&g_ctx, NULL, &err) != SANCTUM_OK)
        abort();
    static const uint8_t key[32] = {7};
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    o.fingerprint_key = key;
    o.fingerprint_key_len = sizeof key;
    /* a custom rule, so the finding needs no checksummed token in this file */
    static const char rules[] = "[rule]\nid = fz-key\nregex = fzkey_[a-z]{12}\nkeywords = fzkey_\n";
    if (sanctum_scanner_new(&g_scanner, g_ctx, &o, (const uint8_t *)rules, strlen(rules), &err) != SANCTUM_OK)
        abort();
    snprintf(g_text, sizeof g_text, "k = fzkey_qmzrtxwvkpln\n");
    if (sanctum_scan_buffer(g_scanner, &g_res, (const uint8_t *)g_text, strlen(g_text), NULL, 0, &err) != SANCTUM_OK ||
        g_res->count != 1)
        abort();
    return 0;
}

/* Whether data holds fp (64 hex, lower case as written by reports) as a whole line, trimmed. */
static int has_line(const uint8_t *data, size_t size, const char *fp, size_t n)
{
    for (size_t i = 0; i < size;) {
        const uint8_t *nl = memchr(data + i, '\n', size - i);
        size_t e = nl ? (size_t)(nl - data) : size, a = i, z = e;
        while (a < z && (data[a] == ' ' || data[a] == '\t'))
            a++;
        while (z > a && (data[z - 1] == ' ' || data[z - 1] == '\t' || data[z - 1] == '\r'))
            z--;
        if (z - a == n && memcmp(data + a, fp, n) == 0)
            return 1;
        i = nl ? e + 1 : size;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (g_scanner == NULL)
        LLVMFuzzerInitialize(NULL, NULL);
    uint64_t before = fuzz_blocks(g_ctx);
    sanctum_scan_report *rep = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_scan_report_new(&rep, g_scanner, SANCTUM_SCAN_FORMAT_TEXT, 0, data, size, &err);
    if (st != SANCTUM_OK) {
        fuzz_must(rep == NULL);
        fuzz_must(st == SANCTUM_E_PARSE || st == SANCTUM_E_LIMIT);
        if (st == SANCTUM_E_PARSE) {
            fuzz_must(err.offset <= size);
            unsigned long line = 1;
            for (size_t i = 0; i < err.offset; i++)
                line += data[i] == '\n';
            char want[48];
            snprintf(want, sizeof want, "baseline line %lu: ", line);
            fuzz_must(strncmp(err.message, want, strlen(want)) == 0);
        }
        fuzz_must(fuzz_blocks(g_ctx) == before);
        return 0;
    }
    uint64_t added = 99;
    fuzz_must(sanctum_scan_report_add(rep, g_res, (const uint8_t *)g_text, strlen(g_text), (const uint8_t *)"f", 1,
                                      &added, &err) == SANCTUM_OK);
    const char *fp = g_res->findings[0].fingerprint;
    /* a line that is the fingerprint (whole, or its text-report 16 digits) always suppresses it; a
     * JSON report suppresses what it names anywhere; nothing else can (the fingerprint is keyed) */
    size_t a = 0;
    while (a < size && (data[a] == ' ' || data[a] == '\t' || data[a] == '\r' || data[a] == '\n'))
        a++;
    int json = a < size && (data[a] == '{' || data[a] == '[');
    int named = has_line(data, size, fp, 64) || (!json && has_line(data, size, fp, 16));
    if (named)
        fuzz_must(added == 0);
    uint8_t *out = NULL;
    size_t len = 0;
    fuzz_must(sanctum_scan_report_take(rep, 1, &out, &len, &err) == SANCTUM_OK);
    fuzz_must((added == 0) == (len == 0));
    sanctum_free(out);
    sanctum_free(rep);
    fuzz_must(fuzz_blocks(g_ctx) == before);
    return 0;
}
