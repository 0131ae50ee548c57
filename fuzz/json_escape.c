/* Fuzz harness: sanctum_json_escape, the one JSON string escaper every output of the library uses.
 * Properties: the length query and the write agree; a buffer one byte short is refused and left
 * untouched; the output is at most 6 bytes per input byte; quoted, it is a valid JSON string in the
 * strict parser; it decodes back to the input when the input is valid UTF-8, and to valid UTF-8 in
 * any case. */
#include <string.h>

#include "fuzz.h"
#include "json/json.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    size_t need = 0;
    sanctum_status st = sanctum_json_escape(NULL, 0, &need, data, size, NULL);
    fuzz_must(st == SANCTUM_OK || (st == SANCTUM_E_BUFFER_TOO_SMALL && need != 0));
    fuzz_must(need <= 6 * size);

    uint8_t *buf = malloc(need + 2 + 1);
    fuzz_must(buf != NULL);
    if (need != 0) { /* one byte short: refused, nothing written */
        memset(buf, 0xA5, need + 3);
        size_t n2 = 0;
        fuzz_must(sanctum_json_escape(buf + 1, need - 1, &n2, data, size, NULL) == SANCTUM_E_BUFFER_TOO_SMALL);
        fuzz_must(n2 == need);
        for (size_t i = 0; i < need + 3; i++)
            fuzz_must(buf[i] == 0xA5);
    }
    size_t got = 0;
    fuzz_must(sanctum_json_escape(buf + 1, need, &got, data, size, NULL) == SANCTUM_OK && got == need);
    buf[0] = '"';
    buf[need + 1] = '"';

    sanctum_ctx *ctx = NULL;
    fuzz_must(sanctum_ctx_new(&ctx, NULL, NULL) == SANCTUM_OK);
    sc_json_doc doc;
    sanctum_error err;
    fuzz_must(sc_json_parse(ctx, buf, need + 2, 0, 0, &doc, &err) == SANCTUM_OK);
    fuzz_must(doc.ntok == 1 && doc.tok[0].type == SC_JT_STRING);
    size_t rawn = 0;
    const uint8_t *raw = sc_json_str_raw(&doc, 0, &rawn);
    uint8_t *dec = malloc(rawn + 1);
    fuzz_must(dec != NULL);
    size_t decn = sc_json_decode(raw, rawn, dec);
    fuzz_must(sc_utf8_valid_prefix(dec, decn) == decn);
    if (sc_utf8_valid_prefix(data, size) == size)
        fuzz_must(decn == size && (size == 0 || memcmp(dec, data, size) == 0));
    free(dec);
    sc_json_doc_clear(&doc);
    fuzz_ctx_free_checked(ctx);
    free(buf);
    return 0;
}
