/* Report writers (text, JSON lines, SARIF 2.1.0) and baselines of fingerprints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "json/json.h"
#include "scan/baseline.h"
#include "scan/scan_internal.h"
#include "utf8.h"

struct sanctum_scan_report {
    sanctum_ctx *ctx;
    const sanctum_scanner *scanner;
    int32_t format;
    uint32_t flags;
    uint8_t *fps;        /* sorted 32-byte fingerprints of the baseline */
    size_t n_fps;
    uint8_t *prefixes;   /* sorted 8-byte fingerprint prefixes (the 16 hex digits a text report prints) */
    size_t n_prefixes;
    uint8_t *buf;        /* secret block: may hold full secrets with NO_REDACT */
    size_t len, cap;
    bool any_result;
    bool closed;
    bool oom;
    char *repo_uri;      /* SARIF versionControlProvenance repositoryUri (NULL: none) */
    char (*commits)[65]; /* distinct commits of findings added, in order of first appearance */
    size_t n_commits, cap_commits;
};

static void report_destroy(void *obj)
{
    sanctum_scan_report *r = obj;
    sc_free(r->fps);
    sc_free(r->prefixes);
    sc_free(r->buf);
    sc_free(r->repo_uri);
    sc_free(r->commits);
}

static bool reserve(sanctum_scan_report *r, size_t n)
{
    if (r->oom)
        return false;
    if (r->cap - r->len < n) {
        size_t nc = r->cap ? r->cap : 1024;
        while (nc - r->len < n) {
            if (nc > SIZE_MAX / 2) {
                r->oom = true;
                return false;
            }
            nc *= 2;
        }
        uint8_t *nb = r->buf == NULL ? sc_alloc(r->ctx, nc, SC_ALLOC_SECRET) : sc_realloc(r->ctx, r->buf, nc);
        if (nb == NULL) {
            r->oom = true;
            return false;
        }
        r->buf = nb;
        r->cap = nc;
    }
    return true;
}

static void put(sanctum_scan_report *r, const void *p, size_t n)
{
    if (!reserve(r, n))
        return;
    if (n != 0)
        memcpy(r->buf + r->len, p, n);
    r->len += n;
}

static void puts_(sanctum_scan_report *r, const char *s)
{
    put(r, s, strlen(s));
}

static void putu(sanctum_scan_report *r, uint64_t v)
{
    char t[24];
    int n = snprintf(t, sizeof t, "%llu", (unsigned long long)v);
    put(r, t, (size_t)n);
}

/* JSON string body (no quotes) by the library's one escaper: invalid UTF-8 becomes \ufffd. */
static void put_json(sanctum_scan_report *r, const uint8_t *s, size_t n)
{
    size_t need = sc_json_encoded_len(s, n, &sc_json_style_plain);
    if (need != 0 && reserve(r, need))
        r->len += sc_json_encode(s, n, &sc_json_style_plain, r->buf + r->len);
}

/* A file label in a text report line: control bytes (C0, DEL, and C1 U+0080-U+009F, which 8-bit
 * terminals read as CSI and the like) and bytes of no valid UTF-8 sequence as \xHH, '\' as "\\", so a
 * name chosen by a scanned tree can neither send terminal escapes nor split its line (a text report is
 * also a baseline). */
static void put_label(sanctum_scan_report *r, const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp = s[i];
        size_t l = s[i] < 0x80 ? 1 : sc_utf8_decode(s + i, n - i, &cp);
        if (l == 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
            size_t k = l == 0 ? 1 : l;
            for (size_t j = 0; j < k; j++) {
                char e[5];
                snprintf(e, sizeof e, "\\x%02X", s[i + j]);
                put(r, e, 4);
            }
            i += k;
        } else if (s[i] == '\\') {
            put(r, "\\\\", 2);
            i++;
        } else {
            put(r, s + i, l);
            i += l;
        }
    }
}

static void put_uri(sanctum_scan_report *r, const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '.' || c == '_' || c == '~' || c == '/') {
            put(r, &c, 1);
        } else {
            char e[4];
            snprintf(e, sizeof e, "%%%02X", c);
            put(r, e, 3);
        }
    }
}

static bool is_hex(uint8_t c)
{
    return sc_json_hex[c] != 0xFF;
}

static int fp_cmp(const void *a, const void *b)
{
    return memcmp(a, b, 32);
}

static int fp8_cmp(const void *a, const void *b)
{
    return memcmp(a, b, 8);
}

/* Adds a fingerprint (64 hex digits: stored whole) or the first 16 a text report prints (stored as
 * an 8-byte prefix). Counting pass when r->fps/r->prefixes are still NULL. */
static void add_fp(sanctum_scan_report *r, const uint8_t *hex, size_t n, size_t *nf, size_t *np)
{
    if (n == 64) {
        if (r->fps != NULL)
            (void)sc_hex_decode(hex, 32, r->fps + *nf * 32); /* all hex: checked by the caller */
        (*nf)++;
    } else {
        if (r->prefixes != NULL)
            (void)sc_hex_decode(hex, 8, r->prefixes + *np * 8);
        (*np)++;
    }
}

typedef struct fp_count {
    sanctum_scan_report *r;
    size_t nf, np;
} fp_count;

static void baseline_fp(void *arg, const uint8_t *hex, size_t n)
{
    fp_count *c = arg;
    add_fp(c->r, hex, n, &c->nf, &c->np);
}

/* Reads the baseline twice: to count its fingerprints, then into sorted arrays. Unreadable content is
 * an error (with the line), never an empty baseline that suppresses nothing. */
static sanctum_status load_baseline(sanctum_scan_report *r, const uint8_t *b, size_t n, sanctum_error *err)
{
    size_t nf = 0, np = 0;
    for (int pass = 0; pass < 2; pass++) {
        fp_count c = {r, 0, 0};
        sanctum_status st = sc_baseline_read(r->ctx, b, n, pass == 0 ? SC_BASELINE_STRICT : SC_BASELINE_VALIDATED,
                                             baseline_fp, &c, err);
        if (st != SANCTUM_OK)
            return st;
        nf = c.nf;
        np = c.np;
        if (pass == 0) {
            if (nf == 0 && np == 0)
                return SANCTUM_OK;
            r->fps = sc_calloc(r->ctx, nf ? nf : 1, 32, 0);
            r->prefixes = sc_calloc(r->ctx, np ? np : 1, 8, 0);
            if (r->fps == NULL || r->prefixes == NULL)
                return sc_error_nomem(err);
        }
    }
    qsort(r->fps, nf, 32, fp_cmp);
    qsort(r->prefixes, np, 8, fp8_cmp);
    r->n_fps = nf;
    r->n_prefixes = np;
    return SANCTUM_OK;
}

static bool in_baseline(const sanctum_scan_report *r, const char *hex)
{
    if ((r->n_fps == 0 && r->n_prefixes == 0) || strlen(hex) != 64)
        return false;
    uint8_t fp[32];
    if (!sc_hex_decode((const uint8_t *)hex, 32, fp))
        return false;
    return (r->n_fps && bsearch(fp, r->fps, r->n_fps, 32, fp_cmp) != NULL) ||
           (r->n_prefixes && bsearch(fp, r->prefixes, r->n_prefixes, 8, fp8_cmp) != NULL);
}

static void sarif_header(sanctum_scan_report *r)
{
    puts_(r, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
             "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"sanctum\",\"semanticVersion\":\"");
    puts_(r, sanctum_version_string());
    puts_(r, "\",\"rules\":[");
    uint32_t n = sanctum_scanner_rule_count(r->scanner);
    for (uint32_t i = 0; i < n; i++) {
        const char *id = sanctum_scanner_rule_id(r->scanner, i);
        const char *d = sanctum_scanner_rule_description(r->scanner, i);
        if (i)
            puts_(r, ",");
        puts_(r, "{\"id\":\"");
        put_json(r, (const uint8_t *)id, strlen(id));
        puts_(r, "\",\"shortDescription\":{\"text\":\"");
        put_json(r, (const uint8_t *)d, strlen(d));
        puts_(r, "\"},\"defaultConfiguration\":{\"level\":\"error\"}}");
    }
    puts_(r, "]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[");
}

sanctum_status sanctum_scan_report_new(sanctum_scan_report **out, const sanctum_scanner *scanner, int32_t format,
                                       uint32_t flags, const uint8_t *baseline, size_t baseline_len,
                                       sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out is NULL");
    *out = NULL;
    if (scanner == NULL || (baseline == NULL && baseline_len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "scanner or baseline is NULL");
    if (format < SANCTUM_SCAN_FORMAT_TEXT || format > SANCTUM_SCAN_FORMAT_SARIF)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "unknown report format %d", (int)format);
    if (flags & ~1u)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "unknown report flags");
    sanctum_ctx *ctx = sc_block_ctx(scanner);
    if ((uint64_t)baseline_len > ctx->opts.max_input_bytes)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "baseline is larger than max_input_bytes");
    sanctum_scan_report *r = sc_object_new(ctx, sizeof *r, report_destroy);
    if (r == NULL)
        return sc_error_nomem(err);
    r->ctx = ctx;
    r->scanner = scanner;
    r->format = format;
    r->flags = flags;
    sanctum_status st = load_baseline(r, baseline, baseline_len, err);
    if (st != SANCTUM_OK) {
        sanctum_free(r);
        return st;
    }
    if (format == SANCTUM_SCAN_FORMAT_SARIF)
        sarif_header(r);
    if (r->oom) {
        sanctum_free(r);
        return sc_error_nomem(err);
    }
    *out = r;
    return SANCTUM_OK;
}

static void put_secret(sanctum_scan_report *r, const sanctum_scan_finding *f, const uint8_t *buf, size_t len)
{
    if ((r->flags & SANCTUM_SCAN_REPORT_NO_REDACT) && buf != NULL && f->secret_offset + f->secret_length <= len)
        put_json(r, buf + f->secret_offset, (size_t)f->secret_length);
    else
        puts_(r, f->redacted);
}

/* ISO 8601 UTC from Unix seconds (proleptic Gregorian, civil-from-days). */
static void iso_date(int64_t t, char out[80])
{
    int64_t days = t / 86400, rem = t % 86400;
    if (rem < 0) {
        rem += 86400;
        days--;
    }
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2)
        y++;
    /* the caller bounds t to years 1-9999, so every field fits an int */
    snprintf(out, 80, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)y, (int)m, (int)d, (int)(rem / 3600),
             (int)(rem / 60 % 60), (int)(rem % 60));
}

typedef struct provenance {
    char commit[65];
    char date[80];
} provenance;

static sanctum_status add_impl(sanctum_scan_report *r, const sanctum_scan_result *res, const uint8_t *buf,
                               size_t len, const uint8_t *file, size_t file_len, const provenance *pv,
                               uint64_t *added, sanctum_error *err)
{
    size_t mark = r->len;
    bool any_before = r->any_result;
    uint64_t n = 0;
    for (uint64_t i = 0; i < res->count; i++) {
        const sanctum_scan_finding *f = &res->findings[i];
        if (in_baseline(r, f->fingerprint))
            continue;
        n++;
        switch (r->format) {
        case SANCTUM_SCAN_FORMAT_TEXT:
            put_label(r, file, file_len);
            puts_(r, ":");
            putu(r, f->line);
            puts_(r, ":");
            putu(r, f->column);
            puts_(r, ": ");
            puts_(r, f->rule_id);
            puts_(r, ": ");
            put_secret(r, f, buf, len);
            if (f->fingerprint[0]) {
                puts_(r, " (fingerprint ");
                put(r, f->fingerprint, 16);
                puts_(r, ")");
            }
            if (pv != NULL) {
                puts_(r, " (commit ");
                put(r, pv->commit, 12);
                puts_(r, " ");
                puts_(r, pv->date);
                puts_(r, ")");
            }
            puts_(r, "\n");
            break;
        case SANCTUM_SCAN_FORMAT_JSONL:
            puts_(r, "{\"rule\":\"");
            puts_(r, f->rule_id);
            puts_(r, "\",\"description\":\"");
            put_json(r, (const uint8_t *)f->description, strlen(f->description));
            puts_(r, "\",\"file\":\"");
            put_json(r, file, file_len);
            puts_(r, "\",\"line\":");
            putu(r, f->line);
            puts_(r, ",\"column\":");
            putu(r, f->column);
            puts_(r, ",\"end_line\":");
            putu(r, f->end_line);
            puts_(r, ",\"end_column\":");
            putu(r, f->end_column);
            puts_(r, ",\"offset\":");
            putu(r, f->secret_offset);
            puts_(r, ",\"length\":");
            putu(r, f->secret_length);
            puts_(r, ",\"secret\":\"");
            put_secret(r, f, buf, len);
            puts_(r, "\",\"redacted\":");
            puts_(r, (r->flags & SANCTUM_SCAN_REPORT_NO_REDACT) ? "false" : "true");
            puts_(r, ",\"fingerprint\":\"");
            puts_(r, f->fingerprint);
            if (pv != NULL) {
                puts_(r, "\",\"commit\":\"");
                puts_(r, pv->commit);
                puts_(r, "\",\"author_date\":\"");
                puts_(r, pv->date);
            }
            puts_(r, "\"}\n");
            break;
        default:
            if (r->any_result)
                puts_(r, ",");
            r->any_result = true;
            puts_(r, "{\"ruleId\":\"");
            puts_(r, f->rule_id);
            puts_(r, "\",\"ruleIndex\":");
            putu(r, f->rule_index);
            puts_(r, ",\"level\":\"error\",\"message\":{\"text\":\"");
            put_json(r, (const uint8_t *)f->description, strlen(f->description));
            puts_(r, ": ");
            put_secret(r, f, buf, len);
            puts_(r, "\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"");
            put_uri(r, file, file_len);
            puts_(r, "\"},\"region\":{\"startLine\":");
            putu(r, f->line);
            puts_(r, ",\"startColumn\":");
            putu(r, f->column);
            puts_(r, ",\"endLine\":");
            putu(r, f->end_line);
            puts_(r, ",\"endColumn\":");
            putu(r, f->end_column);
            puts_(r, ",\"byteOffset\":");
            putu(r, f->secret_offset);
            puts_(r, ",\"byteLength\":");
            putu(r, f->secret_length);
            puts_(r, "}}}]");
            if (f->fingerprint[0]) {
                puts_(r, ",\"partialFingerprints\":{\"sanctumSecret/v1\":\"");
                puts_(r, f->fingerprint);
                puts_(r, "\"}");
            }
            if (pv != NULL) {
                puts_(r, ",\"properties\":{\"commit\":\"");
                puts_(r, pv->commit);
                puts_(r, "\",\"authorDate\":\"");
                puts_(r, pv->date);
                puts_(r, "\"}");
            }
            puts_(r, "}");
            break;
        }
    }
    if (r->oom) {
        r->oom = false;
        if (r->buf != NULL)
            sanctum_wipe(r->buf + mark, r->len - mark);
        r->len = mark; /* no partial output */
        r->any_result = any_before;
        return sc_error_nomem(err);
    }
    if (added != NULL)
        *added = n;
    return SANCTUM_OK;
}

sanctum_status sanctum_scan_report_add(sanctum_scan_report *r, const sanctum_scan_result *res, const uint8_t *buf,
                                       size_t len, const uint8_t *file, size_t file_len, uint64_t *added,
                                       sanctum_error *err)
{
    sanctum_error_clear(err);
    if (added != NULL)
        *added = 0;
    if (r == NULL || res == NULL || (file == NULL && file_len != 0) || (buf == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "report, result, buf or file is NULL");
    if (r->closed)
        return sc_error(err, SANCTUM_E_STATE, SANCTUM_NO_OFFSET, "the report is already final");
    return add_impl(r, res, buf, len, file, file_len, NULL, added, err);
}

/* Remembers a commit for SARIF's versionControlProvenance (once each). */
static bool note_commit(sanctum_scan_report *r, const char *commit)
{
    for (size_t i = r->n_commits; i-- > 0;)
        if (strcmp(r->commits[i], commit) == 0)
            return true;
    if (r->n_commits == r->cap_commits) {
        size_t nc = r->cap_commits ? r->cap_commits * 2 : 16;
        char(*n)[65] = sc_realloc(r->ctx, r->commits, nc * sizeof *n);
        if (n == NULL)
            return false;
        r->commits = n;
        r->cap_commits = nc;
    }
    memcpy(r->commits[r->n_commits++], commit, 65);
    return true;
}

sanctum_status sanctum_scan_report_add_commit(sanctum_scan_report *r, const sanctum_scan_result *res,
                                              const uint8_t *buf, size_t len, const uint8_t *file, size_t file_len,
                                              const uint8_t *commit, size_t commit_len, int64_t author_time,
                                              uint64_t *added, sanctum_error *err)
{
    sanctum_error_clear(err);
    if (added != NULL)
        *added = 0;
    if (r == NULL || res == NULL || commit == NULL || (file == NULL && file_len != 0) || (buf == NULL && len != 0))
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "report, result, commit, buf or file is NULL");
    if (commit_len != 40 && commit_len != 64)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "commit id must be 40 or 64 hex digits");
    for (size_t i = 0; i < commit_len; i++)
        if (!is_hex(commit[i]))
            return sc_error(err, SANCTUM_E_INVALID_ARG, i, "commit id must be 40 or 64 hex digits");
    /* years 0001 to 9999 */
    if (author_time < -62135596800LL || author_time > 253402300799LL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "author_time is out of range");
    if (r->closed)
        return sc_error(err, SANCTUM_E_STATE, SANCTUM_NO_OFFSET, "the report is already final");
    provenance pv;
    for (size_t i = 0; i < commit_len; i++)
        pv.commit[i] = (char)(commit[i] >= 'A' && commit[i] <= 'F' ? commit[i] + 32 : commit[i]);
    pv.commit[commit_len] = 0;
    iso_date(author_time, pv.date);
    uint64_t n = 0;
    sanctum_status st = add_impl(r, res, buf, len, file, file_len, &pv, &n, err);
    if (st != SANCTUM_OK)
        return st;
    if (n != 0 && r->format == SANCTUM_SCAN_FORMAT_SARIF && !note_commit(r, pv.commit))
        return sc_error_nomem(err); /* the results are in; only the provenance entry is missing */
    if (added != NULL)
        *added = n;
    return SANCTUM_OK;
}

sanctum_status sanctum_scan_report_set_repository(sanctum_scan_report *r, const uint8_t *uri, size_t uri_len,
                                                  sanctum_error *err)
{
    sanctum_error_clear(err);
    if (r == NULL || uri == NULL || uri_len == 0)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "report or uri is NULL or empty");
    if (uri_len > 4096)
        return sc_error(err, SANCTUM_E_LIMIT, SANCTUM_NO_OFFSET, "uri longer than 4096 bytes");
    for (size_t i = 0; i < uri_len; i++)
        if (uri[i] < 0x21 || uri[i] > 0x7e || uri[i] == '"' || uri[i] == '\\')
            return sc_error(err, SANCTUM_E_INVALID_ARG, i, "uri must be printable ASCII without quotes or backslashes");
    char *c = sc_alloc(r->ctx, uri_len + 1, 0);
    if (c == NULL)
        return sc_error_nomem(err);
    memcpy(c, uri, uri_len);
    c[uri_len] = 0;
    sc_free(r->repo_uri);
    r->repo_uri = c;
    return SANCTUM_OK;
}

sanctum_status sanctum_scan_report_take(sanctum_scan_report *r, int32_t final, uint8_t **out, size_t *out_len,
                                        sanctum_error *err)
{
    sanctum_error_clear(err);
    if (out == NULL || out_len == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "out or out_len is NULL");
    *out = NULL;
    *out_len = 0;
    if (r == NULL)
        return sc_error(err, SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "report is NULL");
    if (r->closed)
        return sc_error(err, SANCTUM_E_STATE, SANCTUM_NO_OFFSET, "the report is already final");
    bool sarif = r->format == SANCTUM_SCAN_FORMAT_SARIF;
    size_t mark = r->len;
    if (final && sarif) {
        puts_(r, "]");
        if (r->repo_uri != NULL && r->n_commits != 0) {
            puts_(r, ",\"versionControlProvenance\":[");
            for (size_t i = 0; i < r->n_commits; i++) {
                puts_(r, i ? ",{\"repositoryUri\":\"" : "{\"repositoryUri\":\"");
                puts_(r, r->repo_uri);
                puts_(r, "\",\"revisionId\":\"");
                puts_(r, r->commits[i]);
                puts_(r, "\"}");
            }
            puts_(r, "]");
        }
        puts_(r, "}]}\n");
    }
    if (r->oom) {
        r->oom = false;
        r->len = mark;
        return sc_error_nomem(err);
    }
    size_t n = (sarif && !final) ? 0 : r->len;
    uint8_t *o = sc_alloc(r->ctx, n + 1, SC_ALLOC_SECRET);
    if (o == NULL) {
        r->len = mark;
        return sc_error_nomem(err);
    }
    if (n != 0) {
        memcpy(o, r->buf, n);
        sanctum_wipe(r->buf, n);
        r->len = 0;
    }
    o[n] = 0;
    if (final)
        r->closed = true;
    *out = o;
    *out_len = n;
    return SANCTUM_OK;
}
