/* Fuzz harness: the rules loader over arbitrary text (custom rules only). Properties: failure leaves
 * *out NULL and fills the error (code = status, offset inside the text or none, a message); success
 * gives a scanner whose rules all have ids and which scans its own text and a sample; nothing leaks. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sanctum.h"

static sanctum_ctx *g_ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sanctum_error err;
    sanctum_ctx_options o;
    sanctum_ctx_options_init(&o);
    o.max_input_bytes = 1 << 20;
    if (sanctum_ctx_new(&g_ctx, &o, &err) != SANCTUM_OK)
        abort();
    return 0;
}

static const char SAMPLE[] = "TOKEN=abc123 password = \"Vq8#rT2m!Lp4zX\" key-0123456789abcdef0123456789abcdef\n"
                             "url = https://u:p4ssw0rd@host.internal/x\n"; /* sanctum:allow (fake sample) */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (g_ctx == NULL)
        LLVMFuzzerInitialize(NULL, NULL);
    uint64_t before = fuzz_blocks(g_ctx);
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    o.flags = SANCTUM_SCAN_NO_BUILTIN;
    o.match_limit = 20000;
    sanctum_scanner *s = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_scanner_new(&s, g_ctx, &o, data, size, &err);
    if (st != SANCTUM_OK) {
        if (s != NULL || err.code != st || err.message[0] == '\0' || memchr(err.message, 0, sizeof err.message) == NULL)
            abort();
        if (err.offset != SANCTUM_NO_OFFSET && err.offset > size)
            abort();
    } else {
        uint32_t n = sanctum_scanner_rule_count(s);
        if (n == 0)
            abort();
        for (uint32_t i = 0; i < n; i++)
            if (sanctum_scanner_rule_id(s, i) == NULL || sanctum_scanner_rule_description(s, i) == NULL)
                abort();
        sanctum_scan_result *res = NULL;
        if (sanctum_scan_buffer(s, &res, (const uint8_t *)SAMPLE, sizeof SAMPLE - 1, NULL, 0, &err) != SANCTUM_OK)
            abort();
        sanctum_free(res);
        res = NULL;
        if (size <= 4096) {
            if (sanctum_scan_buffer(s, &res, data, size, NULL, 0, &err) != SANCTUM_OK)
                abort();
            for (uint64_t i = 0; i < res->count; i++)
                if (res->findings[i].secret_offset + res->findings[i].secret_length > size)
                    abort();
            sanctum_free(res);
        }
        sanctum_free(s);
    }
    if (fuzz_blocks(g_ctx) != before)
        abort();
    return 0;
}
