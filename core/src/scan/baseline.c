/* Baseline reader shared by the report writer and the CLI's history scan. */
#include "scan/baseline.h"

#include <string.h>

#include "error.h"
#include "json/json.h"

static size_t hex_run(const uint8_t *p, size_t n)
{
    size_t i = 0;
    while (i < n && sc_json_hex[p[i]] != 0xFF)
        i++;
    return i;
}

static sanctum_status json_baseline(sanctum_ctx *ctx, const uint8_t *b, size_t n, int mode, sc_baseline_fp_fn fn,
                                    void *arg, sanctum_error *err)
{
    sanctum_error jerr;
    sanctum_status st = mode == SC_BASELINE_STRICT ? sanctum_json_validate(ctx, 0, b, n, &jerr) : SANCTUM_OK;
    if (st == SANCTUM_E_NOMEM)
        return sc_error_nomem(err);
    size_t line = 1;
    for (size_t i = 0; st != SANCTUM_OK && i < n; line++) { /* not one document: JSON lines */
        const uint8_t *nl = memchr(b + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - b) : n;
        size_t a = i;
        while (a < e && (b[a] == ' ' || b[a] == '\t' || b[a] == '\r'))
            a++;
        if (a < e) {
            sanctum_status ls = sanctum_json_validate(ctx, 0, b + a, e - a, &jerr);
            if (ls == SANCTUM_E_NOMEM)
                return sc_error_nomem(err);
            if (ls != SANCTUM_OK)
                return sc_error(err, SANCTUM_E_PARSE, a + jerr.offset,
                                "baseline line %zu: not a line of a JSON report (%s)", line, jerr.message);
        }
        i = nl ? e + 1 : n;
    }
    for (size_t i = 0; i < n;) {
        size_t h = hex_run(b + i, n - i);
        if (h == 64)
            fn(arg, b + i, 64);
        i += h ? h : 1;
    }
    return SANCTUM_OK;
}

static sanctum_status line_baseline(const uint8_t *b, size_t n, int mode, sc_baseline_fp_fn fn, void *arg,
                                    sanctum_error *err)
{
    static const char marker[] = " (fingerprint ";
    const size_t ml = sizeof marker - 1;
    size_t line = 1;
    for (size_t i = 0; i < n; line++) {
        const uint8_t *nl = memchr(b + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - b) : n;
        size_t a = i, z = e;
        i = nl ? e + 1 : n;
        while (a < z && (b[a] == ' ' || b[a] == '\t'))
            a++;
        while (z > a && (b[z - 1] == ' ' || b[z - 1] == '\t' || b[z - 1] == '\r'))
            z--;
        if (a == z || b[a] == '#')
            continue;
        size_t h = hex_run(b + a, z - a);
        if (h == z - a && (h == 64 || h == 16)) {
            fn(arg, b + a, h);
            continue;
        }
        bool found = false; /* the last marker: a redacted secret comes before it */
        for (size_t k = z - a >= ml + 17 ? z - ml - 17 + 1 : a; !found && k-- > a;) {
            if (memcmp(b + k, marker, ml) == 0 && hex_run(b + k + ml, 16) == 16 && b[k + ml + 16] == ')') {
                fn(arg, b + k + ml, 16);
                found = true;
            }
        }
        if (!found && mode != SC_BASELINE_LENIENT)
            return sc_error(err, SANCTUM_E_PARSE, a,
                            "baseline line %zu: expected a fingerprint (64 hex digits, or the 16 a text report "
                            "prints), a line of a text report with its fingerprint, or a JSON report", line);
    }
    return SANCTUM_OK;
}

sanctum_status sc_baseline_read(sanctum_ctx *ctx, const uint8_t *b, size_t n, int mode, sc_baseline_fp_fn fn,
                                void *arg, sanctum_error *err)
{
    size_t a = 0;
    while (a < n && (b[a] == ' ' || b[a] == '\t' || b[a] == '\r' || b[a] == '\n'))
        a++;
    if (a < n && (b[a] == '{' || b[a] == '['))
        return json_baseline(ctx, b, n, mode, fn, arg, err);
    return line_baseline(b, n, mode, fn, arg, err);
}
