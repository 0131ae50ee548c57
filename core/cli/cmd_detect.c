/* sanctum detect: print the personal data found in a text (or in the "text" field of JSON lines). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char USAGE[] =
    "usage: sanctum detect [FILE|-] [--jsonl] [--threshold X] [--explain] [--lists FILE]\n"
    "                      [--entities TYPE,TYPE...] [--identities FILE]\n";
static const char HELP[] =
    "\n"
    "Without --jsonl: one JSON line per entity {\"type\",\"start\",\"end\",\"score\",\"text\"}\n"
    "(UTF-8 byte offsets into the input).\n"
    "--jsonl      each input line is a JSON object with a \"text\" string (and maybe \"id\");\n"
    "             writes {\"id\":..., \"entities\":[...]} per line as each is read (a pipe gets\n"
    "             its answers as lines come); blank lines are skipped, so match answers to lines\n"
    "             by \"id\"; the input limit holds per line.\n"
    "--threshold  report entities scoring at least X (0..1, default 0.7).\n"
    "--explain    add \"recognizer\" and \"evidence\" to each entity, and list the candidates\n"
    "             that were dropped (\"rejected\": true).\n"
    "--lists      allow/deny list file (docs/pii.md).\n"
    "--identities known identities file (docs/mapper.md): always reported, score 1.0.\n"
    "--entities   only these types (PERSON, EMAIL_ADDRESS, PHONE_NUMBER, CREDIT_CARD, US_SSN,\n"
    "             US_BANK_NUMBER, IBAN_CODE).\n"
    "Exit status: 0 done (entities found or not), 2 error (bad option, unreadable file, input\n"
    "refused; with --jsonl, after answering every other line, when a line was refused).\n";

enum { O_JSONL, O_THRESHOLD, O_EXPLAIN, O_LISTS, O_ENTITIES, O_IDENTITIES };
static const cli_opt OPTS[] = {
    [O_JSONL] = {"--jsonl", NULL, 0, 0},
    [O_THRESHOLD] = {"--threshold", NULL, CLI_OPT_VALUE, 0},
    [O_EXPLAIN] = {"--explain", NULL, 0, 0},
    [O_LISTS] = {"--lists", NULL, CLI_OPT_VALUE, 0},
    [O_ENTITIES] = {"--entities", NULL, CLI_OPT_VALUE, 0},
    [O_IDENTITIES] = {"--identities", NULL, CLI_OPT_VALUE, 0},
};

static void print_entity(FILE *f, const sanctum_pii_entity *e, const uint8_t *text, int explain, int rejected)
{
    fprintf(f, "{\"type\":\"%s\",\"start\":%llu,\"end\":%llu,\"score\":%.2f,\"text\":",
            sanctum_entity_type_name(e->type), (unsigned long long)e->start, (unsigned long long)e->end, e->score);
    cli_json_string(f, text + e->start, (size_t)(e->end - e->start));
    if (explain) {
        fprintf(f, ",\"recognizer\":\"%s\",\"evidence\":[", sanctum_recognizer_name(e->recognizer));
        int first = 1;
        for (uint32_t b = 1; b != 0 && b <= e->evidence; b <<= 1)
            if ((e->evidence & b) && sanctum_evidence_name(b) != NULL) {
                fprintf(f, "%s\"%s\"", first ? "" : ",", sanctum_evidence_name(b));
                first = 0;
            }
        fputc(']', f);
        if (rejected)
            fputs(",\"rejected\":true", f);
    }
    fputc('}', f);
}

/* ---- a small JSON reader for one object per line: finds "text" (decoded) and "id" (raw) ---- */
typedef struct jr {
    const uint8_t *p;
    size_t n, i;
    int depth;
} jr;

static void ws(jr *r)
{
    while (r->i < r->n && (r->p[r->i] == ' ' || r->p[r->i] == '\t' || r->p[r->i] == '\r' || r->p[r->i] == '\n'))
        r->i++;
}

/* Four hex digits at p (a \u escape) as a number; the CLI's one hex decoder is libsodium's. */
static int hex4(const uint8_t *p, unsigned *v)
{
    uint8_t b[2];
    size_t n = 0;
    if (sodium_hex2bin(b, sizeof b, (const char *)p, 4, NULL, &n, NULL) != 0 || n != 2)
        return -1;
    *v = (unsigned)b[0] << 8 | b[1];
    return 0;
}

/* Parses a string at r->i (at '"'); when out is not NULL, appends the decoded UTF-8 there. */
static int jstring(jr *r, uint8_t *out, size_t *outlen)
{
    if (r->i >= r->n || r->p[r->i] != '"')
        return -1;
    r->i++;
    size_t m = 0;
    while (r->i < r->n) {
        uint8_t c = r->p[r->i++];
        if (c == '"') {
            if (outlen)
                *outlen = m;
            return 0;
        }
        if (c < 0x20)
            return -1;
        if (c != '\\') {
            if (out)
                out[m] = c;
            m++;
            continue;
        }
        if (r->i >= r->n)
            return -1;
        uint8_t e = r->p[r->i++];
        uint32_t cp;
        switch (e) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = 8; break;
        case 'f': cp = 12; break;
        case 'n': cp = 10; break;
        case 'r': cp = 13; break;
        case 't': cp = 9; break;
        case 'u': {
            unsigned v;
            if (r->i + 4 > r->n || hex4(r->p + r->i, &v) != 0)
                return -1;
            r->i += 4;
            cp = v;
            if (v >= 0xD800 && v <= 0xDBFF) {
                unsigned lo;
                if (r->i + 6 > r->n || r->p[r->i] != '\\' || r->p[r->i + 1] != 'u' || hex4(r->p + r->i + 2, &lo) != 0 ||
                    lo < 0xDC00 || lo > 0xDFFF)
                    return -1;
                r->i += 6;
                cp = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
            } else if (v >= 0xDC00 && v <= 0xDFFF) {
                return -1;
            }
            break;
        }
        default: return -1;
        }
        uint8_t buf[4];
        size_t l = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (l == 1) buf[0] = (uint8_t)cp;
        else if (l == 2) { buf[0] = (uint8_t)(0xC0 | (cp >> 6)); buf[1] = (uint8_t)(0x80 | (cp & 63)); }
        else if (l == 3) { buf[0] = (uint8_t)(0xE0 | (cp >> 12)); buf[1] = (uint8_t)(0x80 | ((cp >> 6) & 63)); buf[2] = (uint8_t)(0x80 | (cp & 63)); }
        else { buf[0] = (uint8_t)(0xF0 | (cp >> 18)); buf[1] = (uint8_t)(0x80 | ((cp >> 12) & 63)); buf[2] = (uint8_t)(0x80 | ((cp >> 6) & 63)); buf[3] = (uint8_t)(0x80 | (cp & 63)); }
        if (out)
            memcpy(out + m, buf, l);
        m += l;
    }
    return -1;
}

static int jvalue(jr *r)
{
    ws(r);
    if (r->i >= r->n)
        return -1;
    uint8_t c = r->p[r->i];
    if (c == '"')
        return jstring(r, NULL, NULL);
    if (c == '{' || c == '[') {
        if (++r->depth > 256)
            return -1;
        uint8_t close = c == '{' ? '}' : ']';
        r->i++;
        ws(r);
        if (r->i < r->n && r->p[r->i] == close) {
            r->i++;
            r->depth--;
            return 0;
        }
        for (;;) {
            if (c == '{') {
                ws(r);
                if (jstring(r, NULL, NULL) != 0)
                    return -1;
                ws(r);
                if (r->i >= r->n || r->p[r->i] != ':')
                    return -1;
                r->i++;
            }
            if (jvalue(r) != 0)
                return -1;
            ws(r);
            if (r->i < r->n && r->p[r->i] == ',') {
                r->i++;
                continue;
            }
            if (r->i < r->n && r->p[r->i] == close) {
                r->i++;
                r->depth--;
                return 0;
            }
            return -1;
        }
    }
    size_t s = r->i;
    while (r->i < r->n && (strchr("+-0123456789.eE", r->p[r->i]) != NULL || (r->p[r->i] >= 'a' && r->p[r->i] <= 'z')))
        r->i++;
    size_t l = r->i - s;
    if (l == 0)
        return -1;
    if ((r->p[s] >= 'a' && r->p[s] <= 'z') && !((l == 4 && memcmp(r->p + s, "true", 4) == 0) ||
                                                (l == 5 && memcmp(r->p + s, "false", 5) == 0) ||
                                                (l == 4 && memcmp(r->p + s, "null", 4) == 0)))
        return -1;
    return 0;
}

/* Finds "text" and "id" in a one-line object. text is decoded into a malloc'd buffer. */
static int parse_line(const uint8_t *p, size_t n, uint8_t **text, size_t *tlen, size_t *ids, size_t *ide)
{
    jr r = {p, n, 0, 0};
    *text = NULL;
    *ids = *ide = 0;
    ws(&r);
    if (r.i >= n || p[r.i] != '{')
        return -1;
    r.i++;
    ws(&r);
    if (r.i < n && p[r.i] == '}')
        return -1;
    for (;;) {
        ws(&r);
        size_t ks = r.i;
        if (jstring(&r, NULL, NULL) != 0)
            return -1;
        size_t ke = r.i;
        ws(&r);
        if (r.i >= n || p[r.i] != ':')
            return -1;
        r.i++;
        ws(&r);
        if (ke - ks == 6 && memcmp(p + ks, "\"text\"", 6) == 0) {
            if (*text != NULL || r.i >= n || p[r.i] != '"')
                return -1;
            jr probe = r;
            size_t need = 0;
            if (jstring(&probe, NULL, &need) != 0)
                return -1;
            *text = malloc(need + 1);
            if (*text == NULL || jstring(&r, *text, tlen) != 0)
                return -1;
        } else {
            size_t vs = r.i;
            if (jvalue(&r) != 0)
                return -1;
            if (ke - ks == 4 && memcmp(p + ks, "\"id\"", 4) == 0) {
                *ids = vs;
                *ide = r.i;
            }
        }
        ws(&r);
        if (r.i < n && p[r.i] == ',') {
            r.i++;
            continue;
        }
        if (r.i < n && p[r.i] == '}') {
            r.i++;
            break;
        }
        return -1;
    }
    ws(&r);
    if (r.i != n || *text == NULL)
        return -1;
    return 0;
}

static void free_text(uint8_t *t, size_t n)
{
    if (t != NULL) {
        sanctum_wipe(t, n);
        free(t);
    }
}

/* The detector's entities and the known identities' in one list by start; an identity wins an overlap. */
static sanctum_pii_entity *merge_identities(const sanctum_detection *d, const sanctum_identities *ids,
                                            const uint8_t *text, size_t len, size_t *count, sanctum_error *err)
{
    sanctum_detection *di = NULL;
    *count = 0;
    if (sanctum_identities_detect(&di, ids, text, len, err) != SANCTUM_OK)
        return NULL;
    sanctum_pii_entity *m = calloc(d->count + di->count + 1, sizeof *m);
    if (m != NULL) {
        size_t a = 0, b = 0;
        while (a < d->count || b < di->count) {
            const sanctum_pii_entity *x = &d->entities[a < d->count ? a : 0];
            if (b < di->count && (a >= d->count || di->entities[b].start <= x->start)) {
                m[(*count)++] = di->entities[b++];
                continue;
            }
            bool overlap = false;
            for (size_t k = 0; k < di->count && !overlap; k++)
                overlap = di->entities[k].start < x->end && x->start < di->entities[k].end;
            if (!overlap)
                m[(*count)++] = *x;
            a++;
        }
    }
    sanctum_free(di);
    return m;
}

typedef struct jsonl_env {
    sanctum_ctx *ctx;
    sanctum_detector *det;
    const sanctum_identities *known;
    uint32_t flags;
    int explain;
} jsonl_env;

/* One --jsonl input line (without its line end, not blank): its answer line on stdout. -1 when the
 * answer is an error line. */
static int jsonl_line(const jsonl_env *env, const uint8_t *line, size_t n, size_t lineno)
{
    sanctum_error err;
    /* Strict RFC 8259 first (the core's parser): the reader below only looks for "text" and "id",
     * and "id" is echoed as written, so a line that is not JSON (an id of 01 or +1, a duplicate
     * key, bytes that are not UTF-8) would give an output line that is not JSON either. */
    if (sanctum_json_validate(env->ctx, SANCTUM_JSON_STRICT, line, n, &err) != SANCTUM_OK) {
        char msg[320];
        snprintf(msg, sizeof msg, "line %zu: offset %llu: %s", lineno, (unsigned long long)err.offset,
                 err.message);
        fprintf(stderr, "sanctum detect: %s\n", msg);
        fputs("{\"error\":", stdout);
        cli_json_string(stdout, (const uint8_t *)msg, strlen(msg));
        fputs("}\n", stdout);
        return -1;
    }
    uint8_t *text = NULL;
    size_t tlen = 0, ids, ide;
    if (parse_line(line, n, &text, &tlen, &ids, &ide) != 0) {
        fprintf(stderr, "sanctum detect: line %zu: expected a JSON object with a \"text\" string\n", lineno);
        printf("{\"error\":\"line %zu: expected a JSON object with a text string\"}\n", lineno);
        free_text(text, tlen);
        return -1;
    }
    sanctum_detection *d = NULL;
    sanctum_status st = sanctum_detect(&d, env->det, text, tlen, env->flags, &err);
    sanctum_pii_entity *m = NULL;
    size_t mc = 0;
    if (st == SANCTUM_OK && env->known != NULL && (m = merge_identities(d, env->known, text, tlen, &mc, &err)) == NULL) {
        st = err.code != SANCTUM_OK ? err.code : SANCTUM_E_NOMEM;
        sanctum_free(d);
    }
    fputc('{', stdout);
    if (ide > ids) {
        fputs("\"id\":", stdout);
        fwrite(line + ids, 1, ide - ids, stdout);
        fputc(',', stdout);
    }
    if (st != SANCTUM_OK) {
        fprintf(stderr, "sanctum detect: line %zu: ", lineno);
        cli_print_error("detect", &err);
        fputs("\"error\":", stdout);
        cli_json_string(stdout, (const uint8_t *)err.message, strlen(err.message));
        fputs("}\n", stdout);
        free_text(text, tlen);
        return -1;
    }
    fputs("\"entities\":[", stdout);
    for (size_t i = 0; i < (m != NULL ? mc : d->count); i++) {
        if (i)
            fputc(',', stdout);
        print_entity(stdout, m != NULL ? &m[i] : &d->entities[i], text, env->explain, 0);
    }
    free(m);
    fputc(']', stdout);
    if (env->explain) {
        fputs(",\"rejected\":[", stdout);
        for (size_t i = 0; i < d->rejected_count; i++) {
            if (i)
                fputc(',', stdout);
            print_entity(stdout, &d->rejected[i], text, env->explain, 1);
        }
        fputc(']', stdout);
    }
    fputs("}\n", stdout);
    sanctum_free(d);
    free_text(text, tlen);
    return 0;
}

/* Reads the next line of f (without its '\n') into *buf. 1: a line, 0: the end, -1: a read error, -2:
 * out of memory. A line past max bytes is read to its end and flagged with *too_long. */
static int next_line(FILE *f, uint8_t **buf, size_t *cap, size_t *len, size_t max, int *too_long)
{
    *len = 0;
    *too_long = 0;
    int c, any = 0;
    while ((c = getc_unlocked(f)) != EOF) {
        any = 1;
        if (c == '\n')
            return 1;
        if (*too_long)
            continue;
        if (*len == max) {
            *too_long = 1;
            continue;
        }
        if (*len == *cap) {
            size_t ncap = *cap == 0 ? 4096 : *cap * 2;
            uint8_t *nb = malloc(ncap);
            if (nb == NULL)
                return -2;
            if (*len != 0)
                memcpy(nb, *buf, *len);
            sanctum_wipe(*buf, *cap); /* never leave a stale copy of a line behind */
            free(*buf);
            *buf = nb;
            *cap = ncap;
        }
        (*buf)[(*len)++] = (uint8_t)c;
    }
    if (ferror(f))
        return -1;
    return any;
}

/* --jsonl: each line is answered as it is read, so a pipe (tail -f ... | sanctum detect --jsonl) gets
 * its answers as lines come (the input was read whole first: nothing came out before its end, and
 * more than the input limit in all was refused); the limit holds per line. */
static int detect_jsonl(const char *path, const jsonl_env *env, size_t max_line)
{
    int from_stdin = path == NULL || strcmp(path, "-") == 0;
    FILE *f = from_stdin ? stdin : fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "sanctum: cannot open '%s': %s\n", path, strerror(errno));
        return CLI_ERROR;
    }
    /* Answers are flushed line by line unless both ends are regular files (a batch nobody watches) */
    struct stat in_sb, out_sb;
    int live = fstat(fileno(f), &in_sb) != 0 || !S_ISREG(in_sb.st_mode) || fstat(fileno(stdout), &out_sb) != 0 ||
               !S_ISREG(out_sb.st_mode);
    uint8_t *buf = NULL;
    size_t cap = 0, len = 0, lineno = 0;
    int rc = CLI_OK, got, too_long;
    while ((got = next_line(f, &buf, &cap, &len, max_line, &too_long)) > 0) {
        lineno++;
        size_t le = len;
        if (le > 0 && buf[le - 1] == '\r')
            le--;
        size_t a = 0;
        while (a < le && (buf[a] == ' ' || buf[a] == '\t'))
            a++;
        if (too_long) {
            fprintf(stderr, "sanctum detect: line %zu: longer than the limit of %zu bytes\n", lineno, max_line);
            printf("{\"error\":\"line %zu: longer than the limit of %zu bytes\"}\n", lineno, max_line);
            rc = CLI_ERROR;
        } else if (a < le && jsonl_line(env, buf, le, lineno) != 0) {
            rc = CLI_ERROR;
        }
        sanctum_wipe(buf, len);
        if (live)
            fflush(stdout);
    }
    if (got < 0) {
        fprintf(stderr, got == -2 ? "sanctum: out of memory reading input\n" : "sanctum detect: read error\n");
        rc = CLI_ERROR;
    }
    sanctum_wipe(buf, cap);
    free(buf);
    if (!from_stdin)
        fclose(f);
    return rc;
}

int cmd_detect(int argc, char **argv)
{
    const char *path = NULL, *lists_path = NULL, *ids_path = NULL;
    double threshold = 0.7;
    int explain = 0, jsonl = 0;
    uint32_t mask = SANCTUM_ENTITIES_ALL;
    cli_args args;
    cli_args_init(&args, "detect", USAGE, OPTS, sizeof OPTS / sizeof OPTS[0], argc, argv, 1);
    for (int o; (o = cli_args_next(&args)) != CLI_ARGS_DONE;) {
        const char *v = args.value;
        switch (o) {
        case CLI_ARGS_HELP: printf("%s%s", USAGE, HELP); return CLI_OK;
        case CLI_ARGS_BAD: return CLI_ERROR;
        case O_EXPLAIN: explain = 1; break;
        case O_JSONL: jsonl = 1; break;
        case O_THRESHOLD: {
            char *end;
            threshold = strtod(v, &end);
            if (*end != 0 || !(threshold >= 0 && threshold <= 1)) {
                fprintf(stderr, "sanctum detect: --threshold needs a number within [0, 1]\n");
                return CLI_ERROR;
            }
            break;
        }
        case O_LISTS: lists_path = v; break;
        case O_IDENTITIES: ids_path = v; break;
        case O_ENTITIES:
            mask = 0;
            while (*v) {
                const char *c = strchr(v, ',');
                size_t l = c ? (size_t)(c - v) : strlen(v);
                int32_t t = sanctum_entity_type_from_name((const uint8_t *)v, l);
                if (t < 0) {
                    fprintf(stderr, "sanctum detect: unknown entity type in --entities\n");
                    return CLI_ERROR;
                }
                mask |= 1u << (uint32_t)t;
                v += l + (c ? 1 : 0);
            }
            break;
        default:
            if (path != NULL)
                return cli_usage_error(&args, "one input at most");
            path = v;
        }
    }
    sanctum_ctx *ctx = cli_ctx_new("detect");
    if (ctx == NULL)
        return CLI_ERROR;
    sanctum_ctx_options co;
    sanctum_ctx_options_init(&co); /* struct_size: how much of co get_options may fill */
    sanctum_ctx_get_options(ctx, &co);
    sanctum_detector_options o;
    sanctum_detector_options_init(&o);
    o.threshold = threshold;
    o.entities = mask;
    sanctum_detector *det = NULL;
    sanctum_error err;
    sanctum_status st;
    if (lists_path != NULL) {
        cli_input li;
        if (cli_read_input(lists_path, co.max_input_bytes, &li) != 0) {
            sanctum_ctx_free(ctx);
            return CLI_ERROR;
        }
        st = sanctum_detector_new_with_lists(&det, ctx, &o, li.data, li.len, &err);
        cli_input_free(&li);
    } else {
        st = sanctum_detector_new(&det, ctx, &o, &err);
    }
    sanctum_identities *known = NULL;
    if (st == SANCTUM_OK && ids_path != NULL) {
        cli_input li;
        if (cli_read_input(ids_path, co.max_input_bytes, &li) != 0) {
            sanctum_free(det);
            sanctum_ctx_free(ctx);
            return CLI_ERROR;
        }
        st = sanctum_identities_load(&known, ctx, li.data, li.len, &err);
        cli_input_free(&li);
    }
    if (st != SANCTUM_OK) {
        cli_print_error("detect", &err);
        sanctum_free(det);
        sanctum_ctx_free(ctx);
        return CLI_ERROR;
    }
    cli_input in = {NULL, 0};
    if (!jsonl && cli_read_input(path, co.max_input_bytes, &in) != 0) {
        sanctum_free(det);
        sanctum_ctx_free(ctx);
        return CLI_ERROR;
    }
    uint32_t flags = explain ? SANCTUM_DETECT_EXPLAIN : 0;
    int rc = CLI_OK;
    if (!jsonl) {
        sanctum_detection *d = NULL;
        st = sanctum_detect(&d, det, in.data, in.len, flags, &err);
        sanctum_pii_entity *m = NULL;
        size_t mc = 0;
        if (st == SANCTUM_OK && known != NULL && (m = merge_identities(d, known, in.data, in.len, &mc, &err)) == NULL)
            st = err.code != SANCTUM_OK ? err.code : SANCTUM_E_NOMEM;
        if (st != SANCTUM_OK) {
            cli_print_error("detect", &err);
            rc = CLI_ERROR;
            sanctum_free(d);
        } else {
            for (size_t i = 0; i < (m != NULL ? mc : d->count); i++) {
                print_entity(stdout, m != NULL ? &m[i] : &d->entities[i], in.data, explain, 0);
                fputc('\n', stdout);
            }
            free(m);
            for (size_t i = 0; i < d->rejected_count; i++) {
                print_entity(stdout, &d->rejected[i], in.data, explain, 1);
                fputc('\n', stdout);
            }
            sanctum_free(d);
        }
    } else {
        jsonl_env env = {ctx, det, known, flags, explain};
        rc = detect_jsonl(path, &env, (size_t)co.max_input_bytes);
    }
    cli_input_free(&in);
    sanctum_free(known);
    sanctum_free(det);
    sanctum_ctx_free(ctx);
    return rc;
}
