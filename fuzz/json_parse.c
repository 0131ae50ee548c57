/* Fuzz harness: the strict JSON parser, decoder and splice writer.
 * Properties (abort on violation):
 *  - the portable (non-AVX2) paths give the same verdict, offset and tape;
 *  - a rejected input has a parse-class status, an offset in [0, size] and a message;
 *  - strict acceptance implies acceptance with duplicate keys allowed, and a duplicate-key rejection
 *    is the only difference between the two modes;
 *  - parse -> write with no edits is the identity on every accepted input;
 *  - every string decodes to valid UTF-8, and re-encoding the decoded value (in the style the writer
 *    picks) and writing it back gives a document that parses and decodes to the same value;
 *  - SANCTUM_JSON_ALLOW_LONE_SURROGATES accepts a superset (same tape where both accept; the only
 *    extra acceptances are unpaired-surrogate rejections), and on what it accepts the identity write,
 *    decoding to valid UTF-8 (U+FFFD for each unpaired escape) and the decode -> rewrite -> decode
 *    round trip hold too. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "fuzz.h"
#include "json/json.h"
#include "utf8.h"

static void check_rejection(sanctum_status st, const sanctum_error *err, size_t size)
{
    if (st != SANCTUM_E_PARSE && st != SANCTUM_E_UTF8 && st != SANCTUM_E_LIMIT)
        abort();
    if (err->offset > size && err->offset != SANCTUM_NO_OFFSET)
        abort();
    if (err->message[0] == '\0')
        abort();
}

/* The lone-surrogate flag (see the header comment). rfc/rerr: the verdict without it. */
static void check_lone(sanctum_ctx *ctx, const uint8_t *data, size_t size, sanctum_status rfc,
                       const sanctum_error *rerr)
{
    const uint32_t fl = SANCTUM_JSON_ALLOW_DUPLICATE_KEYS | SANCTUM_JSON_ALLOW_LONE_SURROGATES;
    sc_json_doc d;
    sanctum_error err;
    sanctum_status st = sc_json_parse(ctx, data, size, 0, fl, &d, &err);
    if (st != SANCTUM_OK) {
        check_rejection(st, &err, size);
        if (rfc == SANCTUM_OK)
            abort(); /* the flag only ever accepts more */
        return;
    }
    if (rfc != SANCTUM_OK && (rfc != SANCTUM_E_UTF8 || strstr(rerr->message, "surrogate") == NULL))
        abort();
    sc_json_doc plain;
    if (rfc == SANCTUM_OK) {
        if (sc_json_parse(ctx, data, size, 0, SANCTUM_JSON_ALLOW_DUPLICATE_KEYS, &plain, &err) != SANCTUM_OK ||
            plain.ntok != d.ntok || memcmp(plain.tok, d.tok, (size_t)d.ntok * sizeof *d.tok) != 0)
            abort();
        sc_json_doc_clear(&plain);
    }
    uint8_t *out = NULL;
    size_t out_len = 0;
    if (sc_json_write(&d, NULL, 0, &out, &out_len, &err) != SANCTUM_OK || out_len != size ||
        (size != 0 && memcmp(out, data, size) != 0))
        abort();
    sc_free(out);
    int rewritten = 0;
    for (uint32_t t = 0; t < d.ntok; t++) {
        if (d.tok[t].type != SC_JT_STRING && d.tok[t].type != SC_JT_KEY)
            continue;
        size_t n;
        const uint8_t *raw = sc_json_str_raw(&d, t, &n);
        uint8_t *dec = malloc(n + 1);
        size_t dn = sc_json_decode(raw, n, dec);
        if (sc_utf8_valid_prefix(dec, dn) != dn || sc_json_decoded_len(raw, n) != dn)
            abort();
        if (d.tok[t].type == SC_JT_STRING && rewritten < 4) {
            rewritten++;
            sc_json_edit e = {t, dec, dn};
            if (sc_json_write(&d, &e, 1, &out, &out_len, &err) != SANCTUM_OK)
                abort();
            sc_json_doc d2;
            if (sc_json_parse(ctx, out, out_len, 0, fl, &d2, &err) != SANCTUM_OK || d2.ntok != d.ntok)
                abort();
            size_t n2;
            const uint8_t *raw2 = sc_json_str_raw(&d2, t, &n2);
            uint8_t *dec2 = malloc(n2 + 1);
            size_t dn2 = sc_json_decode(raw2, n2, dec2);
            if (dn2 != dn || memcmp(dec2, dec, dn) != 0)
                abort();
            /* the unpaired escapes are written back as they were: same U+FFFD sources */
            if ((d.tok[t].flags & SC_JF_LONE) != (d2.tok[t].flags & SC_JF_LONE))
                abort();
            free(dec2);
            sc_json_doc_clear(&d2);
            sc_free(out);
        }
        free(dec);
    }
    sc_json_doc_clear(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sanctum_ctx *ctx = NULL;
    sanctum_ctx_options o;
    sanctum_ctx_options_init(&o);
    o.max_depth = 256;
    if (sanctum_ctx_new(&ctx, &o, NULL) != SANCTUM_OK)
        return 0;
    sanctum_error err;
    /* the SIMD UTF-8 validator agrees with the scalar decoder, everywhere */
    if (sc_json_utf8_valid_prefix(data, size) != sc_utf8_valid_prefix(data, size))
        abort();
    sc_json_doc d;
    sanctum_status rfc = sc_json_parse(ctx, data, size, 0, SANCTUM_JSON_ALLOW_DUPLICATE_KEYS, &d, &err);
    if (rfc != SANCTUM_OK)
        check_rejection(rfc, &err, size);
    const sanctum_error rfc_err = err; /* err is reused below */
    if (rfc == SANCTUM_OK && sc_utf8_valid_prefix(data, size) != size)
        abort();
    {   /* the portable paths (no AVX2) agree: same verdict, offset and tape */
        sc_json_doc d2;
        sanctum_error e2;
        sanctum_status p2 = sc_json_parse(ctx, data, size, 0, SANCTUM_JSON_ALLOW_DUPLICATE_KEYS | SC_JSON_PORTABLE,
                                          &d2, &e2);
        if (p2 != rfc || (p2 != SANCTUM_OK && e2.offset != err.offset))
            abort();
        if (p2 == SANCTUM_OK) {
            if (d2.ntok != d.ntok || memcmp(d2.tok, d.tok, (size_t)d.ntok * sizeof *d.tok) != 0)
                abort();
            sc_json_doc_clear(&d2);
        }
    }
    sanctum_status strict = sanctum_json_validate(ctx, SANCTUM_JSON_STRICT, data, size, &err);
    if (strict != SANCTUM_OK) {
        check_rejection(strict, &err, size);
        if (rfc == SANCTUM_OK && strstr(err.message, "duplicate key") == NULL)
            abort();
    } else if (rfc != SANCTUM_OK) {
        abort();
    }
    if (rfc == SANCTUM_OK) {
        uint8_t *out = NULL;
        size_t out_len = 0;
        if (sc_json_write(&d, NULL, 0, &out, &out_len, &err) != SANCTUM_OK)
            abort();
        if (out_len != size || (size != 0 && memcmp(out, data, size) != 0))
            abort();
        sc_free(out);
        /* decode every string; re-encode the first few through the writer and compare */
        int rewritten = 0;
        for (uint32_t t = 0; t < d.ntok; t++) {
            if (d.tok[t].type != SC_JT_STRING && d.tok[t].type != SC_JT_KEY)
                continue;
            size_t n;
            const uint8_t *raw = sc_json_str_raw(&d, t, &n);
            uint8_t *dec = malloc(n + 1);
            size_t dn = sc_json_decode(raw, n, dec);
            if (sc_utf8_valid_prefix(dec, dn) != dn || sc_json_decoded_len(raw, n) != dn)
                abort();
            if (d.tok[t].type == SC_JT_STRING && rewritten < 4) {
                rewritten++;
                sc_json_edit e = {t, dec, dn};
                if (sc_json_write(&d, &e, 1, &out, &out_len, &err) != SANCTUM_OK)
                    abort();
                sc_json_doc d2;
                if (sc_json_parse(ctx, out, out_len, 0, SANCTUM_JSON_ALLOW_DUPLICATE_KEYS, &d2, &err) != SANCTUM_OK)
                    abort();
                if (d2.ntok != d.ntok)
                    abort();
                size_t n2;
                const uint8_t *raw2 = sc_json_str_raw(&d2, t, &n2);
                uint8_t *dec2 = malloc(n2 + 1);
                size_t dn2 = sc_json_decode(raw2, n2, dec2);
                if (dn2 != dn || memcmp(dec2, dec, dn) != 0)
                    abort();
                /* bytes before the string are untouched */
                if (memcmp(out, data, d.tok[t].start) != 0)
                    abort();
                free(dec2);
                sc_json_doc_clear(&d2);
                sc_free(out);
            }
            free(dec);
        }
        sc_json_doc_clear(&d);
    }
    check_lone(ctx, data, size, rfc, &rfc_err);
    fuzz_ctx_free_checked(ctx);
    return 0;
}
