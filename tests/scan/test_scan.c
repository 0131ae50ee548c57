/* Token-pattern scanner: checksums, suppressions, baseline, rules loader errors, report formats,
 * threads, limits and allocation-failure sweeps. All credentials are FAKE, generated at run time. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "fakegen.h"
#include "alloc.h"
#include "scan/scan_internal.h"
#include "sweep.h"
#include "test_util.h"

static const uint8_t KEY1[32] = {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 1, 2, 3};
static const uint8_t KEY2[32] = {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 1, 2, 3};

static sanctum_scanner *new_scanner(sanctum_ctx *ctx, const char *rules, uint32_t flags, const uint8_t *key)
{
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    o.flags = flags;
    if (key != NULL) {
        o.fingerprint_key = key;
        o.fingerprint_key_len = 32;
    }
    sanctum_scanner *s = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_scanner_new(&s, ctx, &o, (const uint8_t *)rules, rules ? strlen(rules) : 0, &err);
    if (st != SANCTUM_OK)
        fail_msg("scanner_new: %s (%s)", err.message, sanctum_status_name(st));
    return s;
}

static sanctum_scan_result *scan_path(const sanctum_scanner *s, const char *text, const char *path)
{
    sanctum_scan_result *res = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_scan_buffer(s, &res, (const uint8_t *)text, strlen(text), (const uint8_t *)path,
                                            strlen(path), &err);
    if (st != SANCTUM_OK)
        fail_msg("scan: %s", err.message);
    return res;
}

static sanctum_scan_result *scan(const sanctum_scanner *s, const char *text)
{
    return scan_path(s, text, "");
}

/* Number of findings of rule (NULL = any). */
static size_t hits(const sanctum_scanner *s, const char *text, const char *rule)
{
    sanctum_scan_result *r = scan(s, text);
    size_t n = 0;
    for (uint64_t i = 0; i < r->count; i++)
        if (rule == NULL || strcmp(r->findings[i].rule_id, rule) == 0)
            n++;
    sanctum_free(r);
    return n;
}

typedef struct fixture {
    sanctum_ctx *ctx;
    sanctum_scanner *s;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->ctx = test_ctx_new();
    f->s = new_scanner(f->ctx, NULL, 0, KEY1);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    sanctum_free(f->s);
    test_ctx_free_checked(f->ctx);
    free(f);
    return 0;
}

/* ---- validators ---- */

static void validator_vectors(void **state)
{
    (void)state;
    assert_int_equal(sc_crc32(0, (const uint8_t *)"123456789", 9), 0xCBF43926u);
    assert_int_equal(sc_crc24((const uint8_t *)"", 0), 0xB704CEu);
    /* BIP-173 valid strings, and a one-character change of each */
    const char *v1 = "A12UEL5L", *v2 = "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw";
    assert_true(sc_check_secret(SC_CHECK_AGE_BECH32, (const uint8_t *)v1, strlen(v1)));
    assert_true(sc_check_secret(SC_CHECK_AGE_BECH32, (const uint8_t *)v2, strlen(v2)));
    assert_false(sc_check_secret(SC_CHECK_AGE_BECH32, (const uint8_t *)"A12UEL5X", 8));
    assert_false(sc_check_secret(SC_CHECK_AGE_BECH32, (const uint8_t *)"abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx", 45));
    double e0 = sc_entropy((const uint8_t *)"aaaaaaaa", 8), e3 = sc_entropy((const uint8_t *)"abcdefgh", 8);
    assert_true(e0 < 0.001 && e3 > 2.999 && e3 < 3.001);
    assert_true(sc_looks_placeholder((const uint8_t *)"your_token_here", 15));
    assert_true(sc_looks_placeholder((const uint8_t *)"abc123456def", 12));
    assert_false(sc_looks_placeholder((const uint8_t *)"q8Zr2LmX7vTw", 12));
}

/* Each checksummed format: generated valid tokens are reported by their rule, tokens whose checksum
 * was broken are reported by nothing, in several contexts. */
static void checksums(void **state)
{
    fixture *f = *state;
    static const char *const RULES[] = {"github-pat", "github-oauth-token", "github-user-to-server-token",
                                        "github-server-to-server-token", "github-refresh-token", "npm-access-token",
                                        "gitlab-routable-token", "age-secret-key", "pgp-private-key"};
    static const char *const CTX[] = {"TOKEN=%s\n", "{\"api_key\": \"%s\"}\n", "password: %s\n", "x %s y\n"};
    fg_rng r = {12345};
    fg_token *t = malloc(sizeof *t);
    char *buf = malloc(sizeof t->text + 64);
    for (size_t i = 0; i < sizeof RULES / sizeof RULES[0]; i++) {
        const fg_kind *k = fg_find(RULES[i]);
        assert_non_null(k);
        assert_true(k->checksum);
        for (int rep = 0; rep < 12; rep++) {
            const char *c = CTX[rep % 4];
            const char *pct = strstr(c, "%s");
            k->gen(&r, t, true);
            snprintf(buf, sizeof t->text + 64, "%.*s%s%s", (int)(pct - c), c, t->text, pct + 2);
            if (hits(f->s, buf, RULES[i]) != 1)
                fail_msg("valid %s not reported once in context %d", RULES[i], rep % 4);
            k->gen(&r, t, false);
            snprintf(buf, sizeof t->text + 64, "%.*s%s%s", (int)(pct - c), c, t->text, pct + 2);
            if (hits(f->s, buf, NULL) != 0)
                fail_msg("%s with a broken checksum was reported (context %d)", RULES[i], rep % 4);
        }
    }
    free(buf);
    free(t);
}

static void structure_checks(void **state)
{
    fixture *f = *state;
    fg_rng r = {777};
    fg_token t;
    /* private keys: DER/openssh bodies pass, a truncated or garbage body does not */
    for (int i = 0; i < 8; i++) {
        fg_find("private-key")->gen(&r, &t, true);
        assert_int_equal(hits(f->s, t.text, "private-key"), 1);
    }
    fg_find("openssh-private-key")->gen(&r, &t, true);
    assert_int_equal(hits(f->s, t.text, "openssh-private-key"), 1);
    t.text[40] = t.text[40] == 'A' ? 'B' : 'A'; /* corrupt the magic */
    assert_int_equal(hits(f->s, t.text, NULL), 0);
    assert_int_equal(hits(f->s, "-----BEGIN EC PRIVATE KEY-----\nthis is not base64 at all, just words here ok\n"
                                "-----END EC PRIVATE KEY-----\n", NULL), 0);
    /* JWT: header must decode to JSON with alg; alg none is not a credential */
    fg_find("jwt")->gen(&r, &t, true);
    assert_int_equal(hits(f->s, t.text, "jwt"), 1);
    assert_int_equal(hits(f->s, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXNpZ25hdHVyZQ", NULL), 0);
    /* AWS key ids: base32 body only */
    assert_int_equal(hits(f->s, "AKIA" "QZ2XN7VW3KR4TB6Y", "aws-access-key-id"), 1);
    assert_int_equal(hits(f->s, "AKIA" "QZ2XN7VW3KR4TB6Y0", NULL), 0);
    assert_int_equal(hits(f->s, "AKIA" "QZ1XN8VW3KR4TB9Y", NULL), 0);
    /* specific wins over generic on the same bytes */
    fg_find("github-pat")->gen(&r, &t, true);
    char line[256];
    snprintf(line, sizeof line, "api_key = \"%s\"\n", t.text);
    sanctum_scan_result *res = scan(f->s, line);
    assert_int_equal(res->count, 1);
    assert_string_equal(res->findings[0].rule_id, "github-pat");
    sanctum_free(res);
}

/* ---- findings ---- */

static void finding_fields(void **state)
{
    fixture *f = *state;
    fg_rng r = {99};
    fg_token t;
    fg_find("github-pat")->gen(&r, &t, true);
    char text[512];
    snprintf(text, sizeof text, "line one\n\xc3\xa9t\xc3\xa9 = \"%s\"\n", t.text);
    sanctum_scan_result *res = scan(f->s, text);
    assert_int_equal(res->count, 1);
    const sanctum_scan_finding *x = &res->findings[0];
    assert_int_equal(x->line, 2);
    assert_int_equal(x->column, 8); /* "été = \"" is 7 code points */
    assert_int_equal(x->end_line, 2);
    assert_int_equal(x->end_column, 48);
    assert_int_equal(x->secret_length, 40);
    assert_memory_equal(text + x->secret_offset, t.text, 40);
    assert_string_equal(x->redacted, "ghp_*****");
    assert_int_equal(strlen(x->fingerprint), 64);
    assert_null(strstr(x->redacted, t.text + 4));
    char fp1[65];
    strcpy(fp1, x->fingerprint);
    sanctum_free(res);
    /* same secret elsewhere: same fingerprint; other key: another */
    char other[512];
    snprintf(other, sizeof other, "# moved\n\n\nTOKEN=%s\n", t.text);
    res = scan(f->s, other);
    assert_string_equal(res->findings[0].fingerprint, fp1);
    assert_int_equal(res->findings[0].line, 4);
    sanctum_free(res);
    sanctum_scanner *s2 = new_scanner(f->ctx, NULL, 0, KEY2);
    res = scan(s2, other);
    assert_string_not_equal(res->findings[0].fingerprint, fp1);
    sanctum_free(res);
    sanctum_free(s2);
    /* no key: no fingerprint */
    s2 = new_scanner(f->ctx, NULL, 0, NULL);
    res = scan(s2, other);
    assert_string_equal(res->findings[0].fingerprint, "");
    sanctum_free(res);
    sanctum_free(s2);
    /* multi-line secret: end line */
    fg_find("pgp-private-key")->gen(&r, &t, true);
    res = scan(f->s, t.text);
    assert_int_equal(res->count, 1);
    assert_true(res->findings[0].end_line > res->findings[0].line + 3);
    sanctum_free(res);
}

/* ---- suppressions ---- */

static void inline_allow(void **state)
{
    fixture *f = *state;
    fg_rng r = {5};
    fg_token t;
    fg_find("github-pat")->gen(&r, &t, true);
    char text[512];
    snprintf(text, sizeof text, "TOKEN=%s # sanctum:allow test fixture\nOTHER=%s\n", t.text, t.text);
    sanctum_scan_result *res = scan(f->s, text);
    assert_int_equal(res->count, 1);
    assert_int_equal(res->findings[0].line, 2);
    sanctum_free(res);
    sanctum_scanner *s2 = new_scanner(f->ctx, NULL, SANCTUM_SCAN_NO_INLINE_ALLOW, NULL);
    assert_int_equal(hits(s2, text, "github-pat"), 2);
    sanctum_free(s2);
}

static void placeholders_and_examples(void **state)
{
    fixture *f = *state;
    static const char *const P[] = {
        "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
        "token = \"<your-token>\"\napi_key: ${API_KEY}\nOPENAI_API_KEY=sk-...\nsecret: xxxxxxxxxxxxxxxxxxxx\n",
        "password = \"changeme\"\npassword: {{ .Values.password }}\n",
        "\"integrity\": \"sha512-Dk3hY4vmP8fkq2ZLtAaFcZuZ0nqWOptRUQ7ow9hK2m0mTq1Ag9xkY1gBRqzD0EFFUDRmGJ3v8xk0wGZJ3Q9E7w==\"\n",
        "request_token = \"0f8fad5b-d9cb-469f-a165-70867728950e\"\n",
        "secret_sha256 = \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"\n"};
    for (size_t i = 0; i < sizeof P / sizeof P[0]; i++)
        if (hits(f->s, P[i], NULL) != 0)
            fail_msg("placeholder/example set %zu was reported", i);
}

static const char CUSTOM[] = "# custom rules\n"
                             "[allow]\n"
                             "path = (?:^|/)fixtures/\n"
                             "secret = ^acme_demo_\n"
                             "stopword = sandbox\n"
                             "\n"
                             "[rule]\n"
                             "id = acme-key\n"
                             "description = ACME internal API key\n"
                             "regex = \\b(?<secret>acme_[a-z]+_[A-Za-z0-9]{24})\\b\n"
                             "keywords = acme_\n"
                             "entropy = 3.0\n"
                             "allow = _test_\n"
                             "allow_match = acme_ci_\n"
                             "allow_path = \\.md$\n";

static void allow_patterns(void **state)
{
    fixture *f = *state;
    sanctum_scanner *s = new_scanner(f->ctx, CUSTOM, SANCTUM_SCAN_NO_BUILTIN, KEY1);
    assert_int_equal(sanctum_scanner_rule_count(s), 1);
    assert_string_equal(sanctum_scanner_rule_id(s, 0), "acme-key");
    assert_string_equal(sanctum_scanner_rule_description(s, 0), "ACME internal API key");
    assert_null(sanctum_scanner_rule_id(s, 1));
    const char *good = "k = acme_live_Q8zR2mX7vTwL4pN9sK3dF6hJ\n";
    assert_int_equal(hits(s, good, "acme-key"), 1);
    assert_int_equal(hits(s, "k = acme_test_Q8zR2mX7vTwL4pN9sK3dF6hJ\n", NULL), 0);  /* rule allow */
    assert_int_equal(hits(s, "k = acme_ci_Q8zR2mX7vTwL4pN9sK3dF6hJ\n", NULL), 0);    /* allow_match */
    assert_int_equal(hits(s, "k = acme_demo_Q8zR2mX7vTwL4pN9sK3dF6hJ\n", NULL), 0);  /* [allow] secret */
    assert_int_equal(hits(s, "k = acme_sandbox_Q8zR2mX7vTwL4pN9sKdF6h\n", NULL), 0); /* stopword */
    assert_int_equal(hits(s, "k = acme_live_aaaaaaaaaaaaaaaaaaaaaaab\n", NULL), 0);  /* entropy/placeholder */
    sanctum_scan_result *res = scan_path(s, good, "docs/readme.md"); /* rule allow_path */
    assert_int_equal(res->count, 0);
    sanctum_free(res);
    res = scan_path(s, good, "test/fixtures/keys.txt"); /* [allow] path */
    assert_int_equal(res->count, 0);
    sanctum_free(res);
    assert_int_equal(sanctum_scanner_path_allowed(s, (const uint8_t *)"a/fixtures/x", 12), 1);
    assert_int_equal(sanctum_scanner_path_allowed(s, (const uint8_t *)"src/x.c", 7), 0);
    res = scan_path(s, good, "src/keys.txt");
    assert_int_equal(res->count, 1);
    sanctum_free(res);
    sanctum_free(s);
    /* custom rules add to the built-in set */
    s = new_scanner(f->ctx, CUSTOM, 0, NULL);
    assert_true(sanctum_scanner_rule_count(s) > 100);
    assert_int_equal(hits(s, good, "acme-key"), 1);
    sanctum_free(s);
}

static int32_t ig(const sanctum_scan_ignore *i, const char *p, int dir)
{
    return sanctum_scan_ignore_match(i, (const uint8_t *)p, strlen(p), dir);
}

static void ignore_file(void **state)
{
    fixture *f = *state;
    const char *pat = "# comment\n"
                      "*.log\n"
                      "!keep.log\n"
                      "build/\n"
                      "/top.txt\n"
                      "docs/**/secret*.md\n"
                      "node_modules\n"
                      "a/**/b\n"
                      "[Tt]emp?\n";
    sanctum_scan_ignore *i = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_scan_ignore_new(&i, f->ctx, (const uint8_t *)pat, strlen(pat), &err), SANCTUM_OK);
    assert_int_equal(ig(i, "x.log", 0), 1);
    assert_int_equal(ig(i, "deep/dir/x.log", 0), 1);
    assert_int_equal(ig(i, "deep/keep.log", 0), 0);
    assert_int_equal(ig(i, "build", 1), 1);
    assert_int_equal(ig(i, "build", 0), 0); /* dir-only pattern */
    assert_int_equal(ig(i, "src/build/out.c", 0), 1);
    assert_int_equal(ig(i, "top.txt", 0), 1);
    assert_int_equal(ig(i, "sub/top.txt", 0), 0); /* anchored */
    assert_int_equal(ig(i, "docs/secret1.md", 0), 1);
    assert_int_equal(ig(i, "docs/x/y/secret-notes.md", 0), 1);
    assert_int_equal(ig(i, "docs/x/notes.md", 0), 0);
    assert_int_equal(ig(i, "web/node_modules/pkg/index.js", 0), 1);
    assert_int_equal(ig(i, "a/b", 0), 1);
    assert_int_equal(ig(i, "a/x/y/b", 0), 1);
    assert_int_equal(ig(i, "Temp1", 0), 1);
    assert_int_equal(ig(i, "temp12", 0), 0);
    assert_int_equal(ig(i, "src/main.c", 0), 0);
    assert_int_equal(sanctum_scan_ignore_add(i, (const uint8_t *)"src/\n", 5, &err), SANCTUM_OK);
    assert_int_equal(ig(i, "src/main.c", 0), 1);
    sanctum_free(i);
}

static uint8_t *report_of(const sanctum_scanner *s, int32_t fmt, uint32_t flags, const char *baseline,
                          const char *text, const char *file, size_t *len, uint64_t *added)
{
    sanctum_scan_report *r = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_scan_report_new(&r, s, fmt, flags, (const uint8_t *)baseline,
                                             baseline ? strlen(baseline) : 0, &err),
                     SANCTUM_OK);
    sanctum_scan_result *res = scan(s, text);
    assert_int_equal(sanctum_scan_report_add(r, res, (const uint8_t *)text, strlen(text), (const uint8_t *)file,
                                             strlen(file), added, &err),
                     SANCTUM_OK);
    uint8_t *out = NULL;
    assert_int_equal(sanctum_scan_report_take(r, 1, &out, len, &err), SANCTUM_OK);
    uint8_t *again = NULL;
    size_t again_len = 0;
    assert_int_equal(sanctum_scan_report_add(r, res, NULL, 0, NULL, 0, NULL, &err), SANCTUM_E_STATE);
    assert_int_equal(sanctum_scan_report_take(r, 1, &again, &again_len, &err), SANCTUM_E_STATE);
    assert_null(again);
    sanctum_free(res);
    sanctum_free(r);
    return out;
}

/* The forms a baseline may take (docs/scan.md): the text report's 16-digit fingerprints and whole
 * text report lines suppress; a line that is none of the forms is E_PARSE naming the line. */
static void baseline_forms(void **state)
{
    fixture *f = *state;
    fg_rng r = {4242};
    fg_token a, b;
    fg_find("github-pat")->gen(&r, &a, true);
    fg_find("slack-bot-token")->gen(&r, &b, true);
    char text[512];
    snprintf(text, sizeof text, "A=%s\nB=%s\n", a.text, b.text);
    size_t len;
    uint64_t added;
    uint8_t *txt = report_of(f->s, SANCTUM_SCAN_FORMAT_TEXT, 0, NULL, text, "t.env", &len, &added);
    assert_int_equal(added, 2);
    /* the whole text report, as a baseline, suppresses both */
    uint8_t *again = report_of(f->s, SANCTUM_SCAN_FORMAT_JSONL, 0, (const char *)txt, text, "t.env", &len, &added);
    assert_int_equal(added, 0);
    sanctum_free(again);
    /* the 16 digits of the first line alone (with a comment and blank lines) suppress that one */
    const char *fp = strstr((char *)txt, "(fingerprint ");
    assert_non_null(fp);
    char base[128];
    snprintf(base, sizeof base, "# reviewed\n\n  %.16s \r\n", fp + 13);
    again = report_of(f->s, SANCTUM_SCAN_FORMAT_TEXT, 0, base, text, "t.env", &len, &added);
    assert_int_equal(added, 1);
    assert_non_null(strstr((char *)again, "slack-bot-token"));
    assert_null(strstr((char *)again, "github-pat"));
    sanctum_free(again);
    sanctum_free(txt);
    /* garbage is an error with the line (its offset), not an empty baseline */
    sanctum_scan_report *rep = NULL;
    sanctum_error err;
    const char *bad = "0123456789abcdef\nnot a fingerprint\n";
    assert_int_equal(sanctum_scan_report_new(&rep, f->s, SANCTUM_SCAN_FORMAT_TEXT, 0, (const uint8_t *)bad,
                                             strlen(bad), &err), SANCTUM_E_PARSE);
    assert_null(rep);
    assert_int_equal(err.offset, 17);
    assert_non_null(strstr(err.message, "baseline line 2: expected a fingerprint"));
    assert_null(strstr(err.message, "not a fingerprint")); /* the input is never quoted */
    const char *short_hex = "0123456789abcde\n"; /* 15 digits */
    assert_int_equal(sanctum_scan_report_new(&rep, f->s, SANCTUM_SCAN_FORMAT_TEXT, 0, (const uint8_t *)short_hex,
                                             strlen(short_hex), &err), SANCTUM_E_PARSE);
    const char *bad_json = "{\"fingerprint\":\"x\"}\n{\"rule\":\n";
    assert_int_equal(sanctum_scan_report_new(&rep, f->s, SANCTUM_SCAN_FORMAT_TEXT, 0, (const uint8_t *)bad_json,
                                             strlen(bad_json), &err), SANCTUM_E_PARSE);
    assert_non_null(strstr(err.message, "baseline line 2: not a line of a JSON report"));
    assert_int_equal(err.offset, 28);
}

static void baseline_and_formats(void **state)
{
    fixture *f = *state;
    fg_rng r = {31337};
    fg_token a, b;
    fg_find("github-pat")->gen(&r, &a, true);
    fg_find("slack-bot-token")->gen(&r, &b, true);
    char text[512];
    snprintf(text, sizeof text, "A=%s\nB=%s\n", a.text, b.text);
    size_t len;
    uint64_t added;
    uint8_t *jsonl = report_of(f->s, SANCTUM_SCAN_FORMAT_JSONL, 0, NULL, text, "dir/my file.env", &len, &added);
    assert_int_equal(added, 2);
    assert_non_null(strstr((char *)jsonl, "\"rule\":\"github-pat\",\"description\":"));
    assert_non_null(strstr((char *)jsonl, "\"file\":\"dir/my file.env\",\"line\":1,\"column\":3"));
    assert_null(strstr((char *)jsonl, a.text)); /* redacted */
    assert_null(strstr((char *)jsonl, b.text + 5));
    /* baseline: the first report suppresses both; with one line removed, one comes back */
    uint8_t *again = report_of(f->s, SANCTUM_SCAN_FORMAT_JSONL, 0, (const char *)jsonl, text, "x", &len, &added);
    assert_int_equal(added, 0);
    assert_int_equal(len, 0);
    sanctum_free(again);
    char *nl = strchr((char *)jsonl, '\n');
    again = report_of(f->s, SANCTUM_SCAN_FORMAT_JSONL, 0, nl + 1, text, "x", &len, &added);
    assert_int_equal(added, 1);
    assert_non_null(strstr((char *)again, "github-pat"));
    sanctum_free(again);
    /* a baseline made with another key suppresses nothing */
    sanctum_scanner *s2 = new_scanner(f->ctx, NULL, 0, KEY2);
    again = report_of(s2, SANCTUM_SCAN_FORMAT_JSONL, 0, (const char *)jsonl, text, "x", &len, &added);
    assert_int_equal(added, 2);
    sanctum_free(again);
    sanctum_free(s2);
    sanctum_free(jsonl);
    /* no-redact shows the secret */
    uint8_t *full = report_of(f->s, SANCTUM_SCAN_FORMAT_TEXT, SANCTUM_SCAN_REPORT_NO_REDACT, NULL, text, "t.env",
                              &len, &added);
    assert_non_null(strstr((char *)full, a.text));
    assert_non_null(strstr((char *)full, "t.env:2:3: slack-bot-token: xoxb-"));
    sanctum_free(full);
    /* SARIF: required fields present, uri escaped */
    uint8_t *sarif = report_of(f->s, SANCTUM_SCAN_FORMAT_SARIF, 0, NULL, text, "dir/my file.env", &len, &added);
    const char *sx = (const char *)sarif;
    assert_non_null(strstr(sx, "\"version\":\"2.1.0\""));
    assert_non_null(strstr(sx, "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"sanctum\""));
    assert_non_null(strstr(sx, "\"uri\":\"dir/my%20file.env\""));
    assert_non_null(strstr(sx, "\"message\":{\"text\":"));
    assert_non_null(strstr(sx, "\"partialFingerprints\":{\"sanctumSecret/v1\":\""));
    assert_true(len > 2 && sx[len - 1] == '\n' && sx[len - 2] == '}');
    sanctum_free(sarif);
}

/* ---- round 2: decoded base64 values, framework keys, command lines, URLs, commits ---- */

static void b64enc(const char *in, char *out)
{
    static const char A[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t n = strlen(in), o = 0;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)(uint8_t)in[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)(uint8_t)in[i + 1] << 8;
        if (i + 2 < n)
            v |= (uint8_t)in[i + 2];
        out[o++] = A[(v >> 18) & 63];
        out[o++] = A[(v >> 12) & 63];
        out[o++] = i + 1 < n ? A[(v >> 6) & 63] : '=';
        out[o++] = i + 2 < n ? A[v & 63] : '=';
    }
    out[o] = 0;
}

static void decoded_values(void **state)
{
    fixture *f = *state;
    fg_rng r = {4242};
    fg_token t;
    fg_find("github-pat")->gen(&r, &t, true);
    char enc[128], enc2[256], text[1024];
    b64enc(t.text, enc);
    snprintf(text, sizeof text, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: gh\ndata:\n  token: %s\n", enc);
    sanctum_scan_result *res = scan(f->s, text);
    assert_int_equal(res->count, 1);
    assert_string_equal(res->findings[0].rule_id, "github-pat");
    /* reported at the encoded value */
    assert_int_equal(res->findings[0].secret_offset, (uint64_t)(strstr(text, enc) - text));
    assert_int_equal(res->findings[0].secret_length, strlen(enc));
    assert_int_equal(res->findings[0].line, 6);
    assert_int_equal(res->findings[0].column, 10);
    sanctum_free(res);
    /* quoted values too */
    snprintf(text, sizeof text, "kind: \"Secret\"\ndata:\n  token: \"%s\"\n", enc);
    assert_int_equal(hits(f->s, text, "github-pat"), 1);
    /* one level only: base64 of base64 is not decoded twice */
    b64enc(enc, enc2);
    snprintf(text, sizeof text, "kind: Secret\ndata:\n  gh: %s\n", enc2);
    assert_int_equal(hits(f->s, text, NULL), 0);
    /* a ConfigMap's data is not declared base64 */
    snprintf(text, sizeof text, "kind: ConfigMap\ndata:\n  gh: %s\n", enc);
    assert_int_equal(hits(f->s, text, NULL), 0);
    snprintf(text, sizeof text, "kind: Secret\ndata:\n  gh: %s\n", enc);
    assert_int_equal(hits(f->s, text, "github-pat"), 1);
    /* outside data: (metadata annotations) nothing is decoded */
    snprintf(text, sizeof text, "kind: Secret\nmetadata:\n  annotations:\n    gh: %s\ndata:\n  a: YQ==\n", enc);
    assert_int_equal(hits(f->s, text, NULL), 0);
    /* inline allow on the encoded value's line */
    snprintf(text, sizeof text, "kind: Secret\ndata:\n  token: %s # sanctum:allow\n", enc);
    assert_int_equal(hits(f->s, text, NULL), 0);
    /* a password: found by the key name of the decoded text; a placeholder once decoded is silent */
    b64enc("Vq8#rT2m!Lp4zX", enc);
    snprintf(text, sizeof text, "kind: Secret\ndata:\n  username: YWRtaW4=\n  password: %s\n", enc);
    assert_int_equal(hits(f->s, text, "generic-password"), 1);
    b64enc("<your-password-here>", enc);
    snprintf(text, sizeof text, "kind: Secret\ndata:\n  password: %s\n", enc);
    assert_int_equal(hits(f->s, text, NULL), 0);
    /* the JSON form (kubectl get secret -o json), with a placeholder beside it */
    b64enc(t.text, enc);
    b64enc("${TOKEN}", enc2);
    snprintf(text, sizeof text,
             "{\n  \"apiVersion\": \"v1\",\n  \"data\": {\n    \"gh\": \"%s\",\n    \"other\": \"%s\"\n  },\n"
             "  \"kind\": \"Secret\"\n}\n",
             enc, enc2);
    res = scan(f->s, text);
    assert_int_equal(res->count, 1);
    assert_string_equal(res->findings[0].rule_id, "github-pat");
    assert_int_equal(res->findings[0].secret_offset, (uint64_t)(strstr(text, enc) - text));
    assert_int_equal(res->findings[0].line, 4);
    sanctum_free(res);
    snprintf(text, sizeof text, "{\"kind\": \"ConfigMap\", \"data\": {\"gh\": \"%s\"}}\n", enc);
    assert_int_equal(hits(f->s, text, NULL), 0);
    /* npm: _password is base64 */
    b64enc("Vq8#rT2m!Lp4zX", enc);
    snprintf(text, sizeof text, "//npm.corp/:username=ci\n//npm.corp/:_password=%s\n", enc);
    assert_int_equal(hits(f->s, text, "generic-password"), 1);
    snprintf(text, sizeof text, "//npm.corp/:_password=${NPM_PASSWORD}\n");
    assert_int_equal(hits(f->s, text, NULL), 0);
}

static void round2_classes(void **state)
{
    fixture *f = *state;
    /* framework keys: the key name plus the strength check, never entropy alone */
    assert_int_equal(hits(f->s, "SECRET_KEY = 'k#9v!x2mQ7r$Lw4z@T8p(bN3)s5Hd6Yc'\n", "framework-secret-key"), 1);
    assert_int_equal(hits(f->s, "SECRET_KEY = 'django-insecure-example-key-for-docs'\n", NULL), 0);
    assert_int_equal(hits(f->s, "SECRET_KEY = 'ThisIsMyVerySecretKeyValue'\n", NULL), 0); /* a phrase */
    assert_int_equal(hits(f->s, "x = 'k#9v!x2mQ7r$Lw4z@T8p(bN3)s5Hd6Yc'\n", NULL), 0);        /* no key name */
    assert_int_equal(hits(f->s, "APP_KEY=base64:q3Zl0s9Xv1Yp7Gm2Rk8Tn4Wb6Hc5Jd0Fa1Se9Lu3Ei8=\n", "laravel-app-key"), 1);
    assert_int_equal(hits(f->s, "\"authToken\": \"9f2c4e8a1b7d3f6e0c5a9b2d8e4f1a7c\"\n", "auth-token-hex"), 1);
    assert_int_equal(hits(f->s, "\"authToken\": \"9f2c4e8a1b7d3f6e0c5a9b2d8e4f1a7\"\n", "auth-token-hex"), 0); /* 31 */
    assert_int_equal(hits(f->s, "\"authTokenHash\": \"9f2c4e8a1b7d3f6e0c5a9b2d8e4f1a7c\"\n", NULL), 0);
    assert_int_equal(hits(f->s, "jwt_secret: \"$JWT_SECRET_FROM_ENV\"\n", NULL), 0);
    /* command lines */
    assert_int_equal(hits(f->s, "curl -s -u deploy:Vx93kLp2Qz7m https://ci/\n", "cmdline-curl-user"), 1);
    assert_int_equal(hits(f->s, "curl -s -u deploy:$PASS https://ci/\n", NULL), 0);
    assert_int_equal(hits(f->s, "mysql -u root -pS3crQx9vLm2 db\n", "cmdline-mysql-password"), 1);
    assert_int_equal(hits(f->s, "mysql -u root -p db\n", NULL), 0);
    assert_int_equal(hits(f->s, "docker login -u ci -p Qm8vX2kLp9Rz reg\n", "cmdline-docker-login"), 1);
    assert_int_equal(hits(f->s, "docker login -u ci --password-stdin reg\n", NULL), 0);
    assert_int_equal(hits(f->s, "sshpass -p 'Tz4kQ9mLx2Vb' ssh h\n", "cmdline-sshpass"), 1);
    assert_int_equal(hits(f->s, "sshpass -p \"$SSHPASS\" ssh h\n", NULL), 0);
    /* URL credentials: the host does not make a password fake; placeholders do */
    assert_int_equal(hits(f->s, "url = https://bot:Wq7zLk2Xp9Vm@git.example.net/a.git\n", "url-credentials"), 1);
    assert_int_equal(hits(f->s, "url = https://bot:xxx@git.example.net/a.git\n", NULL), 0);
    assert_int_equal(hits(f->s, "url = https://bot:${TOKEN}@git.example.net/a.git\n", NULL), 0);
    /* AWS session token in an environment export (the rule anchors at "aws") */
    char text[1024] = "export AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjE";
    fg_rng r = {77};
    for (size_t i = strlen(text); i < 400; i++)
        text[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[fg_below(&r, 64)];
    text[400] = '\n';
    text[401] = 0;
    assert_int_equal(hits(f->s, text, "aws-session-token"), 1);
}

static void report_commit(void **state)
{
    fixture *f = *state;
    fg_rng r = {99};
    fg_token a;
    fg_find("github-pat")->gen(&r, &a, true);
    char text[256];
    snprintf(text, sizeof text, "t=%s\n", a.text);
    sanctum_scan_result *res = scan(f->s, text);
    const char *commit = "0123456789abcdef0123456789ABCDEF01234567";
    static const char *const EXPECT[3] = {" (commit 0123456789ab 2024-02-02T03:04:05Z)\n",
                                           "\"commit\":\"0123456789abcdef0123456789abcdef01234567\",\"author_date\":\"2024-02-02T03:04:05Z\"}",
                                           "\"properties\":{\"commit\":\"0123456789abcdef0123456789abcdef01234567\""};
    for (int fmt = 0; fmt < 3; fmt++) {
        sanctum_scan_report *rep = NULL;
        sanctum_error err;
        assert_int_equal(sanctum_scan_report_new(&rep, f->s, fmt, 0, NULL, 0, &err), SANCTUM_OK);
        assert_int_equal(sanctum_scan_report_set_repository(rep, (const uint8_t *)"file:///srv/r", 13, &err), SANCTUM_OK);
        uint64_t added = 0;
        assert_int_equal(sanctum_scan_report_add_commit(rep, res, (const uint8_t *)text, strlen(text),
                                                        (const uint8_t *)"a.env", 5, (const uint8_t *)commit, 40,
                                                        1706843045, &added, &err),
                         SANCTUM_OK);
        assert_int_equal(added, 1);
        /* the same commit twice: one provenance entry */
        assert_int_equal(sanctum_scan_report_add_commit(rep, res, NULL, 0, (const uint8_t *)"b.env", 5,
                                                        (const uint8_t *)commit, 40, 951868799, &added, &err),
                         SANCTUM_OK);
        uint8_t *out;
        size_t len;
        assert_int_equal(sanctum_scan_report_take(rep, 1, &out, &len, &err), SANCTUM_OK);
        assert_non_null(strstr((char *)out, EXPECT[fmt]));
        assert_non_null(strstr((char *)out, "2000-02-29T23:59:59Z"));
        if (fmt == SANCTUM_SCAN_FORMAT_SARIF) {
            const char *v = strstr((char *)out, "\"versionControlProvenance\":[{\"repositoryUri\":\"file:///srv/r\","
                                                "\"revisionId\":\"0123456789abcdef0123456789abcdef01234567\"}]}]}");
            assert_non_null(v);
        }
        sanctum_free(out);
        sanctum_free(rep);
    }
    /* bad input: no partial output */
    sanctum_scan_report *rep = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_scan_report_new(&rep, f->s, SANCTUM_SCAN_FORMAT_JSONL, 0, NULL, 0, &err), SANCTUM_OK);
    assert_int_equal(sanctum_scan_report_add_commit(rep, res, NULL, 0, (const uint8_t *)"a", 1,
                                                    (const uint8_t *)commit, 39, 0, NULL, &err),
                     SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_scan_report_add_commit(rep, res, NULL, 0, (const uint8_t *)"a", 1,
                                                    (const uint8_t *)"0123456789abcdef0123456789abcdef0123456g", 40, 0,
                                                    NULL, &err),
                     SANCTUM_E_INVALID_ARG);
    assert_int_equal(err.offset, 39);
    assert_int_equal(sanctum_scan_report_add_commit(rep, res, NULL, 0, (const uint8_t *)"a", 1,
                                                    (const uint8_t *)commit, 40, INT64_MAX, NULL, &err),
                     SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_scan_report_set_repository(rep, (const uint8_t *)"file:///a\"b", 11, &err),
                     SANCTUM_E_INVALID_ARG);
    assert_int_equal(sanctum_scan_report_add_commit(rep, res, NULL, 0, (const uint8_t *)"a", 1,
                                                    (const uint8_t *)commit, 40, -1, NULL, &err),
                     SANCTUM_OK);
    uint8_t *out;
    size_t len;
    assert_int_equal(sanctum_scan_report_take(rep, 1, &out, &len, &err), SANCTUM_OK);
    assert_non_null(strstr((char *)out, "\"author_date\":\"1969-12-31T23:59:59Z\""));
    assert_null(strchr(strchr((char *)out, '\n') + 1, '\n')); /* exactly one line */
    sanctum_free(out);
    sanctum_free(rep);
    sanctum_free(res);
}

/* ---- rules loader errors ---- */

static void expect_rules_error(sanctum_ctx *ctx, const char *rules, sanctum_status code, uint64_t offset,
                               const char *msg_part)
{
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    o.flags = SANCTUM_SCAN_NO_BUILTIN;
    sanctum_scanner *s = (sanctum_scanner *)(uintptr_t)1;
    sanctum_error err;
    sanctum_status st = sanctum_scanner_new(&s, ctx, &o, (const uint8_t *)rules, strlen(rules), &err);
    if (st != code)
        fail_msg("expected %s, got %s: %s", sanctum_status_name(code), sanctum_status_name(st), err.message);
    assert_null(s);
    assert_int_equal(err.code, code);
    if (offset != SANCTUM_NO_OFFSET && err.offset != offset)
        fail_msg("offset %llu, expected %llu: %s", (unsigned long long)err.offset, (unsigned long long)offset,
                 err.message);
    if (strstr(err.message, msg_part) == NULL)
        fail_msg("message '%s' lacks '%s'", err.message, msg_part);
}

static void rules_errors(void **state)
{
    fixture *f = *state;
    expect_rules_error(f->ctx, "[rule]\nregex = abc\n", SANCTUM_E_PARSE, 0, "line 1 column 1: rule has no 'id'");
    expect_rules_error(f->ctx, "[rule]\nid = x\n", SANCTUM_E_PARSE, 0, "rule has no 'regex'");
    expect_rules_error(f->ctx, "[rule]\nid = x\nregex = a(b\n", SANCTUM_E_PARSE, 25,
                       "line 3 column 12: invalid regular expression");
    expect_rules_error(f->ctx, "[rule]\nid = x\ncolour = red\n", SANCTUM_E_PARSE, 14, "line 3 column 1: unknown key");
    expect_rules_error(f->ctx, "id = x\n", SANCTUM_E_PARSE, 0, "key outside a section");
    expect_rules_error(f->ctx, "[rules]\n", SANCTUM_E_PARSE, 0, "expected [rule] or [allow]");
    expect_rules_error(f->ctx, "[rule]\nid = Bad Id\nregex = a\n", SANCTUM_E_PARSE, 12, "expected an id");
    expect_rules_error(f->ctx, "[rule]\nid = x\nregex = a\ncheck = crc99\n", SANCTUM_E_PARSE, 32, "expected a check");
    expect_rules_error(f->ctx, "[rule]\nid = x\nregex = a\nentropy = 9\n", SANCTUM_E_PARSE, 34, "entropy");
    expect_rules_error(f->ctx, "[rule]\nid = x\nregex = a\n[rule]\nid = x\nregex = b\n", SANCTUM_E_EXISTS,
                       SANCTUM_NO_OFFSET, "already exists");
    expect_rules_error(f->ctx, "[rule]\nid = x\nid = y\n", SANCTUM_E_PARSE, 14, "key given twice");
    expect_rules_error(f->ctx, "[rule]\nid = x\nregex = (a)\nsecret_group = 2\n", SANCTUM_E_PARSE, SANCTUM_NO_OFFSET,
                       "secret_group");
    expect_rules_error(f->ctx, "[rule]\nid = x\nregex\n", SANCTUM_E_PARSE, 14, "expected 'key = value'");
    expect_rules_error(f->ctx, "[rule]\nid = x\x01\n", SANCTUM_E_PARSE, 13, "control character");
    expect_rules_error(f->ctx, "[allow]\ncolour = 1\n", SANCTUM_E_PARSE, 8, "unknown key in [allow]");
    expect_rules_error(f->ctx, "# nothing\n", SANCTUM_E_INVALID_ARG, SANCTUM_NO_OFFSET, "no rules");
    /* a message never quotes the input */
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    o.flags = SANCTUM_SCAN_NO_BUILTIN;
    sanctum_scanner *s = NULL;
    sanctum_error err;
    const char *r = "[rule]\nid = x\nregex = SECRETVALUE(\n";
    assert_int_equal(sanctum_scanner_new(&s, f->ctx, &o, (const uint8_t *)r, strlen(r), &err), SANCTUM_E_PARSE);
    assert_null(strstr(err.message, "SECRETVALUE"));
}

/* ---- limits, hostile input, threads ---- */

static void limits(void **state)
{
    (void)state;
    sanctum_ctx_options co;
    sanctum_ctx_options_init(&co);
    co.max_input_bytes = 1000;
    sanctum_ctx *ctx = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_ctx_new(&ctx, &co, &err), SANCTUM_OK);
    const char *rules = "[rule]\nid = evil\nregex = (a+)+$\n";
    sanctum_scanner *s = new_scanner(ctx, rules, SANCTUM_SCAN_NO_BUILTIN, NULL);
    char big[1001];
    memset(big, 'a', sizeof big);
    sanctum_scan_result *res = NULL;
    assert_int_equal(sanctum_scan_buffer(s, &res, (const uint8_t *)big, 1001, NULL, 0, &err), SANCTUM_E_LIMIT);
    assert_null(res);
    big[999] = 'b';
    assert_int_equal(sanctum_scan_buffer(s, &res, (const uint8_t *)big, 1000, NULL, 0, &err), SANCTUM_OK);
    assert_int_equal(res->count, 0);
    assert_true(res->incomplete > 0); /* the match limit stopped the catastrophic backtracking */
    sanctum_free(res);
    assert_int_equal(sanctum_scan_buffer(s, &res, NULL, 0, NULL, 0, &err), SANCTUM_OK);
    assert_int_equal(res->count, 0);
    sanctum_free(res);
    assert_int_equal(sanctum_scan_buffer(NULL, &res, NULL, 0, NULL, 0, &err), SANCTUM_E_INVALID_ARG);
    sanctum_free(s);
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    o.fingerprint_key = KEY1;
    o.fingerprint_key_len = 8;
    assert_int_equal(sanctum_scanner_new(&s, ctx, &o, NULL, 0, &err), SANCTUM_E_INVALID_ARG);
    o.fingerprint_key = NULL;
    o.struct_size = 3;
    assert_int_equal(sanctum_scanner_new(&s, ctx, &o, NULL, 0, &err), SANCTUM_E_INVALID_ARG);
    sanctum_ctx_free(ctx);
}

typedef struct thread_arg {
    const sanctum_scanner *s;
    const char *text;
    uint64_t count;
    int ok;
} thread_arg;

static void *thread_scan(void *p)
{
    thread_arg *a = p;
    a->ok = 1;
    for (int i = 0; i < 30; i++) {
        sanctum_scan_result *res = NULL;
        sanctum_error err;
        if (sanctum_scan_buffer(a->s, &res, (const uint8_t *)a->text, strlen(a->text), NULL, 0, &err) != SANCTUM_OK ||
            res->count != a->count)
            a->ok = 0;
        sanctum_free(res);
    }
    return NULL;
}

static void threads(void **state)
{
    fixture *f = *state;
    fg_rng r = {4242};
    char text[8192] = "";
    for (size_t k = 0; k < FG_N_KINDS && strlen(text) < 6000; k += 3) {
        fg_token t;
        if (FG_KINDS[k].context)
            continue;
        FG_KINDS[k].gen(&r, &t, true);
        strcat(text, "value: ");
        strcat(text, t.text);
        strcat(text, "\n");
    }
    sanctum_scan_result *res = scan(f->s, text);
    uint64_t n = res->count;
    assert_true(n >= 8);
    sanctum_free(res);
    pthread_t th[4];
    thread_arg a[4];
    for (int i = 0; i < 4; i++) {
        a[i] = (thread_arg){f->s, text, n, 0};
        assert_int_equal(pthread_create(&th[i], NULL, thread_scan, &a[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(a[i].ok, 1);
    }
}

/* Hostile input: one 1.6 MB line holding 40,000 tokens. Findings stop at max_findings (truncated),
 * candidates are bounded, and inline-allow and column work stay linear (this would time out if not). */
static void hostile_long_line(void **state)
{
    fixture *f = *state;
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    o.max_findings = 100;
    sanctum_scanner *s = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_scanner_new(&s, f->ctx, &o, NULL, 0, &err), SANCTUM_OK);
    fg_rng r = {1};
    fg_token t;
    fg_find("github-pat")->gen(&r, &t, true);
    size_t tl = strlen(t.text), count = 40000, n = count * (tl + 1);
    char *buf = malloc(n + 1);
    assert_non_null(buf);
    for (size_t i = 0; i < count; i++) {
        memcpy(buf + i * (tl + 1), t.text, tl);
        buf[i * (tl + 1) + tl] = ' ';
    }
    buf[n] = 0;
    sanctum_scan_result *res = NULL;
    assert_int_equal(sanctum_scan_buffer(s, &res, (const uint8_t *)buf, n, NULL, 0, &err), SANCTUM_OK);
    assert_int_equal(res->count, 100);
    assert_int_equal(res->truncated, 1);
    assert_int_equal(res->findings[99].line, 1);
    assert_int_equal(res->findings[99].column, 99 * (tl + 1) + 1);
    sanctum_free(res);
    sanctum_free(s);
    free(buf);
}

/* A large buffer goes through the multi-lane prefilter: tokens at every offset modulo the lane size,
 * many across lane and chunk boundaries, are each found exactly once, at the right place. */
static void large_buffer_lanes(void **state)
{
    fixture *f = *state;
    size_t n = 400 * 1024;
    char *buf = malloc(n + 1);
    assert_non_null(buf);
    static const char FILL[] = "the quick brown fox jumps over the lazy dog while parsing options; ";
    for (size_t i = 0; i < n; i++)
        buf[i] = FILL[i % (sizeof FILL - 1)];
    buf[n] = 0;
    fg_rng r = {8080};
    size_t where[256];
    size_t planted = 0;
    for (size_t pos = 1000; pos + 200 < n && planted < 256; pos += 1371 + fg_below(&r, 60)) {
        fg_token t;
        fg_find(planted % 2 ? "github-pat" : "slack-bot-token")->gen(&r, &t, true);
        size_t tl = strlen(t.text);
        buf[pos - 1] = ' ';
        memcpy(buf + pos, t.text, tl);
        buf[pos + tl] = ' ';
        where[planted++] = pos;
    }
    sanctum_scan_result *res = scan(f->s, buf);
    assert_int_equal(res->count, planted);
    for (size_t i = 0; i < planted; i++)
        assert_int_equal(res->findings[i].secret_offset, where[i]);
    sanctum_free(res);
    free(buf);
}

/* ---- allocation-failure sweeps ---- */

/* A baseline of both entry kinds: one whole fingerprint and a text report's 16 digits. */
#define SWEEP_BASELINE "# known\n" "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n" "0011223344556677\n"

static sanctum_status op_scanner_new(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)user;
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    o.flags = SANCTUM_SCAN_NO_BUILTIN;
    o.fingerprint_key = KEY1;
    o.fingerprint_key_len = 32;
    static const char rules[] = "[allow]\nsecret = ^x\nstopword = demo\npath = \\.lock$\n"
                                "[rule]\nid = a\nregex = (?<secret>tok_[a-z0-9]{20})\nkeywords = tok_ token\n"
                                "allow = ^tok_test\nallow_match = x\nallow_path = y\ncheck = generic\n"
                                "[rule]\nid = b\nregex = key-[0-9a-f]{32}\nkeywords = key-\n"
                                "[rule]\nid = c\nregex = (?i)password\\s*=\\s*(\\S{8,})\nsecret_group = 1\n";
    sanctum_scanner *s = NULL;
    sanctum_status st = sanctum_scanner_new(&s, ctx, &o, (const uint8_t *)rules, sizeof rules - 1, err);
    sanctum_free(s);
    return st;
}

static void sweep_scanner_new(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    assert_sweep_clean(ctx, op_scanner_new, NULL);
    test_ctx_free_checked(ctx);
}

/* The built-in set is too large for a full sweep in CI time (about 2,500 allocations, each run
 * compiling up to 138 regexes twice with JIT), so allocation failures are injected at 150 points
 * spread over the whole creation, transient and persistent, with the sweep's checks. */
static void sampled_sweep_builtin(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_stats a = {0}, b = {0};
    a.struct_size = b.struct_size = sizeof a;
    sanctum_ctx_stats(ctx, &a);
    sanctum_scanner *s = new_scanner(ctx, NULL, 0, KEY1);
    sanctum_ctx_stats(ctx, &b);
    sanctum_free(s);
    uint64_t total = b.total_blocks - a.total_blocks;
    assert_true(total > 500);
    for (int persistent = 0; persistent <= 1; persistent++)
        for (uint64_t k = 0; k < 150; k++) {
            uint64_t nth = 1 + k * total / 150;
            sanctum_stats before = {0};
            before.struct_size = sizeof before;
            sanctum_ctx_stats(ctx, &before);
            sc_fault_arm(ctx, nth, persistent != 0);
            sanctum_scan_options o;
            sanctum_scan_options_init(&o);
            sanctum_scanner *x = NULL;
            sanctum_error err;
            sanctum_status st = sanctum_scanner_new(&x, ctx, &o, NULL, 0, &err);
            uint64_t injected = sc_fault_injected(ctx);
            sc_fault_disarm(ctx);
            sanctum_stats after = {0};
            after.struct_size = sizeof after;
            sanctum_ctx_stats(ctx, &after);
            if (injected == 0)
                fail_msg("no fault injected at allocation %llu", (unsigned long long)nth);
            if (st != SANCTUM_E_NOMEM || x != NULL || err.code != SANCTUM_E_NOMEM)
                fail_msg("failure at allocation %llu gave %s", (unsigned long long)nth, sanctum_status_name(st));
            if (after.current_blocks != before.current_blocks)
                fail_msg("failure at allocation %llu leaked %lld blocks", (unsigned long long)nth,
                         (long long)(after.current_blocks - before.current_blocks));
        }
    print_message("sampled sweep over %llu allocations of the built-in scanner\n", (unsigned long long)total);
    test_ctx_free_checked(ctx);
}

typedef struct scan_user {
    const sanctum_scanner *s;
    const char *text;
} scan_user;

static sanctum_status op_scan(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)ctx;
    scan_user *u = user;
    sanctum_scan_result *res = NULL;
    sanctum_status st = sanctum_scan_buffer(u->s, &res, (const uint8_t *)u->text, strlen(u->text),
                                            (const uint8_t *)"a/b.env", 7, err);
    if (st == SANCTUM_OK && res->count < 3)
        st = SANCTUM_E_INTERNAL;
    sanctum_free(res);
    return st;
}

static sanctum_status op_report(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)ctx;
    scan_user *u = user;
    sanctum_scan_result *res = NULL;
    sanctum_scan_report *r = NULL;
    uint8_t *out = NULL;
    size_t len;
    sanctum_status st = sanctum_scan_buffer(u->s, &res, (const uint8_t *)u->text, strlen(u->text), NULL, 0, err);
    if (st == SANCTUM_OK)
        st = sanctum_scan_report_new(&r, u->s, SANCTUM_SCAN_FORMAT_SARIF, 0, (const uint8_t *)SWEEP_BASELINE,
                                     strlen(SWEEP_BASELINE), err);
    if (st == SANCTUM_OK)
        st = sanctum_scan_report_add(r, res, (const uint8_t *)u->text, strlen(u->text), (const uint8_t *)"f", 1, NULL,
                                     err);
    if (st == SANCTUM_OK)
        st = sanctum_scan_report_take(r, 1, &out, &len, err);
    sanctum_free(out);
    sanctum_free(r);
    sanctum_free(res);
    return st;
}

static sanctum_status op_report_commit(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)ctx;
    scan_user *u = user;
    sanctum_scan_result *res = NULL;
    sanctum_scan_report *r = NULL;
    uint8_t *out = NULL;
    size_t len;
    const uint8_t *commit = (const uint8_t *)"89abcdef0123456789abcdef0123456789abcdef";
    sanctum_status st = sanctum_scan_buffer(u->s, &res, (const uint8_t *)u->text, strlen(u->text), NULL, 0, err);
    if (st == SANCTUM_OK)
        st = sanctum_scan_report_new(&r, u->s, SANCTUM_SCAN_FORMAT_SARIF, 0, NULL, 0, err);
    if (st == SANCTUM_OK)
        st = sanctum_scan_report_set_repository(r, (const uint8_t *)"file:///r", 9, err);
    if (st == SANCTUM_OK)
        st = sanctum_scan_report_add_commit(r, res, NULL, 0, (const uint8_t *)"f", 1, commit, 40, 1700000000, NULL, err);
    if (st == SANCTUM_OK)
        st = sanctum_scan_report_take(r, 1, &out, &len, err);
    sanctum_free(out);
    sanctum_free(r);
    sanctum_free(res);
    return st;
}

static sanctum_status op_ignore(sanctum_ctx *ctx, void *user, sanctum_error *err)
{
    (void)user;
    sanctum_scan_ignore *i = NULL;
    const char *p = "*.log\n!keep.log\nbuild/\n/a/b\n";
    sanctum_status st = sanctum_scan_ignore_new(&i, ctx, (const uint8_t *)p, strlen(p), err);
    if (st == SANCTUM_OK)
        st = sanctum_scan_ignore_add(i, (const uint8_t *)"x\ny\n", 4, err);
    sanctum_free(i);
    return st;
}

static void sweep_scan_and_report(void **state)
{
    fixture *f = *state;
    fg_rng r = {2024};
    fg_token a, b, c;
    fg_find("github-pat")->gen(&r, &a, true);
    fg_find("npm-access-token")->gen(&r, &b, true);
    fg_find("aws-access-key-id")->gen(&r, &c, true);
    char *text = malloc(24000);
    assert_non_null(text);
    snprintf(text, 24000, "x=%s\ny=%s\nz=%s\npassword = \"%s\"\n", a.text, b.text, c.text, "Vq8#rT2m!Lp4zX");
    scan_user u = {f->s, text};
    assert_sweep_clean(f->ctx, op_scan, &u);
    /* again with a buffer large enough for the multi-lane prefilter */
    size_t l = strlen(text);
    while (l < 20000)
        l += (size_t)snprintf(text + l, 24000 - l, "the token of the day is not here; key: value\n");
    assert_sweep_clean(f->ctx, op_scan, &u);
    assert_sweep_clean(f->ctx, op_report, &u);
    assert_sweep_clean(f->ctx, op_report_commit, &u);
    assert_sweep_clean(f->ctx, op_ignore, NULL);
    /* decoded values: a Kubernetes Secret with three encoded tokens */
    char e1[128], e2[128], e3[128];
    b64enc(a.text, e1);
    b64enc(b.text, e2);
    b64enc("Vq8#rT2m!Lp4zX", e3);
    snprintf(text, 24000, "apiVersion: v1\nkind: Secret\ndata:\n  a: %s\n  b: %s\n  password: %s\n", e1, e2, e3);
    assert_sweep_clean(f->ctx, op_scan, &u);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(validator_vectors),
        cmocka_unit_test_setup_teardown(checksums, setup, teardown),
        cmocka_unit_test_setup_teardown(structure_checks, setup, teardown),
        cmocka_unit_test_setup_teardown(finding_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(inline_allow, setup, teardown),
        cmocka_unit_test_setup_teardown(placeholders_and_examples, setup, teardown),
        cmocka_unit_test_setup_teardown(allow_patterns, setup, teardown),
        cmocka_unit_test_setup_teardown(ignore_file, setup, teardown),
        cmocka_unit_test_setup_teardown(baseline_and_formats, setup, teardown),
        cmocka_unit_test_setup_teardown(baseline_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(decoded_values, setup, teardown),
        cmocka_unit_test_setup_teardown(round2_classes, setup, teardown),
        cmocka_unit_test_setup_teardown(report_commit, setup, teardown),
        cmocka_unit_test_setup_teardown(rules_errors, setup, teardown),
        cmocka_unit_test(limits),
        cmocka_unit_test_setup_teardown(threads, setup, teardown),
        cmocka_unit_test_setup_teardown(large_buffer_lanes, setup, teardown),
        cmocka_unit_test_setup_teardown(hostile_long_line, setup, teardown),
        cmocka_unit_test(sweep_scanner_new),
        cmocka_unit_test(sampled_sweep_builtin),
        cmocka_unit_test_setup_teardown(sweep_scan_and_report, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
