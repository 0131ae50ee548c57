/* Fuzz harness: opening arbitrary bytes as a sealed vault. Properties: no crash; failure leaves no
 * session; every failure is one of the documented statuses; a file built by sealing a session and then
 * changed at fuzzer-chosen positions never opens; a session that opens re-seals and re-opens. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "sanctum.h"

static const uint8_t KEY[32] = {7, 7, 7, 7, 7, 7, 7, 7, 1, 2, 3, 4, 5, 6, 7, 8,
                                9, 9, 9, 9, 9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 0, 42};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sanctum_ctx *ctx = NULL;
    if (sanctum_ctx_new(&ctx, NULL, NULL) != SANCTUM_OK)
        abort();
    sanctum_session *s = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_session_open_sealed(&s, ctx, KEY, 32, data, size, &err);
    if (st == SANCTUM_OK) {
        uint8_t *v = NULL;
        size_t vn = 0;
        sanctum_session *s2 = NULL;
        if (sanctum_session_seal(s, KEY, 32, &v, &vn, NULL) != SANCTUM_OK ||
            sanctum_session_open_sealed(&s2, ctx, KEY, 32, v, vn, NULL) != SANCTUM_OK)
            abort();
        sanctum_free(v);
        sanctum_free(s2);
    } else if (s != NULL || !(st == SANCTUM_E_PARSE || st == SANCTUM_E_UNSUPPORTED || st == SANCTUM_E_TAMPERED)) {
        abort();
    }
    sanctum_free(s);
    s = NULL;
    /* a real vault, mutated by the input: never accepted */
    if (size >= 2) {
        sanctum_detector *det = NULL;
        uint8_t *a = NULL, *v = NULL;
        size_t an = 0, vn = 0;
        if (sanctum_detector_new(&det, ctx, NULL, NULL) != SANCTUM_OK ||
            sanctum_session_new(&s, ctx, det, NULL, NULL) != SANCTUM_OK ||
            sanctum_session_anonymize_text(s, (const uint8_t *)"Jane Roe jane@example.com", 25, &a, &an, NULL) !=
                SANCTUM_OK ||
            sanctum_session_seal(s, KEY, 32, &v, &vn, NULL) != SANCTUM_OK)
            abort();
        uint8_t *orig = malloc(vn);
        memcpy(orig, v, vn);
        for (size_t i = 0; i + 1 < size; i += 2) {
            uint8_t x = data[i + 1];
            v[data[i] % vn] ^= x;
        }
        sanctum_session *o = NULL;
        st = sanctum_session_open_sealed(&o, ctx, KEY, 32, v, vn, NULL);
        int changed = memcmp(orig, v, vn) != 0;
        free(orig);
        if (changed ? st == SANCTUM_OK : st != SANCTUM_OK)
            abort();
        sanctum_free(o);
        sanctum_free(a);
        sanctum_free(v);
        sanctum_free(s);
        sanctum_free(det);
    }
    fuzz_ctx_free_checked(ctx);
    return 0;
}
