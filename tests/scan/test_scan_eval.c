/* Labelled evaluation set: FAKE credentials generated at run time (fakegen.c) inside realistic files,
 * near-miss look-alikes with broken checksums, placeholders, documented example keys and hard
 * negatives. Asserts recall >= 0.95, precision >= 0.97 and zero near-miss/placeholder reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fakegen.h"
#include "sanctum.h"
#include "test_util.h"

/* Files a single-token credential is planted in (%s = the token). */
static const char *const TEMPLATES[] = {
    /* .env */
    "# billing service\nAPP_ENV=production\nLOG_LEVEL=info\nSERVICE_TOKEN=%s\nPORT=8080\n",
    /* YAML */
    "service:\n  name: billing\n  replicas: 3\n  upstream:\n    credential: %s\n  region: eu-west-1\n",
    /* JSON */
    "{\n  \"name\": \"billing\",\n  \"version\": \"1.4.2\",\n  \"upstream\": {\"key\": \"%s\"},\n  \"retries\": 3\n}\n",
    /* Python */
    "import os\n\nclient = Client(\n    endpoint=\"https://api.internal\",\n    key=\"%s\",\n    timeout=30,\n)\n",
    /* shell */
    "#!/bin/sh\nset -eu\nexport DEPLOY_KEY='%s'\ncurl -fsS https://deploy.internal/hook >/dev/null\n",
    /* log */
    "2024-05-01T10:22:01Z INFO request id=4f1c2d user=svc\n2024-05-01T10:22:02Z DEBUG upstream header "
    "X-Key: %s\n2024-05-01T10:22:03Z INFO done in 12ms\n",
    /* minified JS */
    "!function(e){var t={};function n(r){if(t[r])return t[r].exports;var o=t[r]={i:r,l:!1,exports:{}};return "
    "e[r].call(o.exports,o,o.exports,n),o.l=!0,o.exports}n.k=\"%s\";n.c=t}([]);\n",
    /* git config */
    "[core]\n\trepositoryformatversion = 0\n\tbare = false\n[remote \"origin\"]\n\turl = "
    "https://github.com/acme/tools.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n# deploy key %s\n",
};
#define N_TEMPLATES (sizeof TEMPLATES / sizeof TEMPLATES[0])

/* Files a whole credential line (or block) is planted in. */
static const char *const LINE_TEMPLATES[] = {
    "# generated configuration\nname = billing\nretries = 3\n%s\ntimeout = 30\n",
    "version: \"3.9\"\nservices:\n  api:\n    image: acme/api:1.4\n    environment:\n      - MODE=prod\n%s\n",
    "[default]\nregion = eu-west-1\noutput = json\n%s\n",
};
#define N_LINE_TEMPLATES (sizeof LINE_TEMPLATES / sizeof LINE_TEMPLATES[0])

/* Placeholders, example keys and documented dummies: none may be reported. All literal and fake. */
static const char *const PLACEHOLDERS[] = {
    "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n",
    "token: <your-token>\n",
    "API_KEY=${API_KEY}\n",
    "OPENAI_API_KEY=sk-...\n",
    "api_key = \"your_api_key_here\"\n",
    "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n",
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
    "password = \"changeme\"\n",
    "DB_PASSWORD=${DB_PASSWORD}\n",
    "api_key = os.environ[\"API_KEY\"]\n",
    "token: {{ .Values.apiToken }}\n",
    "# BotFather example: 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11\n",
    "DATABASE_URL=postgres://user:password@localhost:5432/app\n",
    "git clone https://user:<password>@github.com/org/repo\n",
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----\n",
    "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n",
    "STRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n",
    "client_secret: \"<CLIENT_SECRET>\"\n",
    "password: \"********\"\n",
    "secret_key = \"REPLACE_ME_WITH_A_REAL_KEY\"\n",
    ("AZURE_STORAGE=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCD"
     "XJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;\n"), /* one entry, split for width */
    "MINIO_ROOT_PASSWORD=minioadmin\n",
    "slack_token = \"xoxb-your-token-here\"\n",
    "password: \"{{ vault_db_password }}\"\n",
    "export GITHUB_TOKEN=\"$(gh auth token)\"\n",
    "auth_token = \"%s\" % token\n",
    "api_key: sk-proj-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n",
    "Authorization: Bearer ${ACCESS_TOKEN}\n",
    "url = https://oauth2:${CI_JOB_TOKEN}@gitlab.example.com/group/project.git\n",
    "password = \"<password>\"\n",
    "API_SECRET=insert-your-secret-here\n",
    "client_secret = \"0000000000000000000000000000000000\"\n",
    "access_token = \"abcdefghijklmnopqrstuvwxyz123456\"\n",
    "machine api.example.com login me password ${NETRC_PASSWORD}\n",
    "AGE-SECRET-KEY-1XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n",
};
#define N_PLACEHOLDERS (sizeof PLACEHOLDERS / sizeof PLACEHOLDERS[0])

typedef struct stats {
    size_t planted, found, wrong_rule;
    size_t findings, false_pos;
    size_t near_miss_files, near_miss_reports;
    size_t placeholder_reports, hard_neg_files, hard_neg_reports;
} stats;

static sanctum_scanner *make_scanner(sanctum_ctx *ctx)
{
    sanctum_scan_options o;
    sanctum_scan_options_init(&o);
    static const uint8_t key[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    o.fingerprint_key = key;
    o.fingerprint_key_len = sizeof key;
    sanctum_scanner *s = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_scanner_new(&s, ctx, &o, NULL, 0, &err);
    if (st != SANCTUM_OK)
        fail_msg("scanner_new: %s", err.message);
    return s;
}

static sanctum_scan_result *scan(const sanctum_scanner *s, const char *text, const char *path)
{
    sanctum_scan_result *res = NULL;
    sanctum_error err;
    sanctum_status st = sanctum_scan_buffer(s, &res, (const uint8_t *)text, strlen(text), (const uint8_t *)path,
                                            strlen(path), &err);
    if (st != SANCTUM_OK)
        fail_msg("scan: %s", err.message);
    return res;
}

/* Builds a file from a template, recording where the secret landed. */
static char *plant(const char *tmpl, const fg_token *t, size_t *secret_off)
{
    const char *pct = strstr(tmpl, "%s");
    size_t pre = (size_t)(pct - tmpl);
    size_t tl = strlen(t->text);
    char *out = malloc(strlen(tmpl) + tl + 1);
    assert_non_null(out);
    memcpy(out, tmpl, pre);
    memcpy(out + pre, t->text, tl);
    strcpy(out + pre + tl, pct + 2);
    *secret_off = pre + t->secret_off;
    return out;
}

static void eval_positive(const sanctum_scanner *s, stats *st, const fg_kind *k, const char *file, size_t off,
                          size_t len)
{
    sanctum_scan_result *res = scan(s, file, "config/app.txt");
    bool hit = false;
    for (uint64_t i = 0; i < res->count; i++) {
        const sanctum_scan_finding *f = &res->findings[i];
        st->findings++;
        bool overlap = f->secret_offset < off + len && f->secret_offset + f->secret_length > off;
        if (overlap) {
            if (!hit && strcmp(f->rule_id, k->rule) != 0) {
                st->wrong_rule++;
                print_message("  %s reported as %s\n", k->rule, f->rule_id);
            }
            hit = true;
        } else {
            st->false_pos++;
            print_message("  extra finding %s at line %llu in a %s file\n", f->rule_id, (unsigned long long)f->line,
                          k->rule);
        }
    }
    st->planted++;
    if (hit)
        st->found++;
    else
        print_message("  missed %s\n", k->rule);
    sanctum_free(res);
}

static size_t count(const sanctum_scanner *s, const char *text, const char *what)
{
    sanctum_scan_result *res = scan(s, text, "src/file.txt");
    size_t n = (size_t)res->count;
    for (uint64_t i = 0; i < res->count; i++)
        print_message("  %s reported by %s (line %llu)\n", what, res->findings[i].rule_id,
                      (unsigned long long)res->findings[i].line);
    sanctum_free(res);
    return n;
}

static void rnd_str(fg_rng *r, char *out, size_t n, const char *alpha)
{
    size_t an = strlen(alpha);
    for (size_t i = 0; i < n; i++)
        out[i] = alpha[fg_below(r, (uint32_t)an)];
    out[n] = 0;
}

/* Hard negatives: things that look like secrets to a careless scanner. Random parts made here. */
static void hard_negatives(const sanctum_scanner *s, fg_rng *r, stats *st)
{
    static const char HEX[] = "0123456789abcdef";
    static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    static const char B32L[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    static const char B32U[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    for (int round = 0; round < 6; round++) {
        char h64[65], h40[41], h32[33], u[37], b88[89], b500[501], age[59], aida[17], bc[54];
        rnd_str(r, h64, 64, HEX);
        rnd_str(r, h40, 40, HEX);
        rnd_str(r, h32, 32, HEX);
        rnd_str(r, b88, 86, B64);
        rnd_str(r, b500, 500, B64);
        rnd_str(r, age, 58, B32L);
        rnd_str(r, aida, 16, B32U);
        rnd_str(r, bc, 53, B64);
        snprintf(u, sizeof u, "%.8s-%.4s-%.4s-%.4s-%.12s", h64, h64 + 8, h64 + 12, h64 + 16, h64 + 20);
        char buf[8192];
        snprintf(buf, sizeof buf,
                 "{\n  \"name\": \"left-pad\",\n  \"resolved\": \"https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz\",\n"
                 "  \"integrity\": \"sha512-%s==\"\n}\n"
                 "request_id = \"%s\"\n"
                 "access_token: \"%s\"\n"
                 "checksum = \"%s\"\n"
                 "commit: %s\n"
                 "secret_hash = \"%s\"\n"
                 "password_hash = \"$2b$12$%s\"\n"
                 "etag: \"%s\"\n"
                 "publishable = \"pk_live_%.24s\"\n"
                 "recipient = age1%s\n"
                 "user_arn_id = AIDA%s\n"
                 "token_type: bearer\n"
                 "tokenizer: bert-base-uncased\n"
                 "secret_name: db-credentials\n"
                 "password_policy: strong\n"
                 "passwordField = document.getElementById('password')\n"
                 "if (password.length < MIN_PASSWORD_LENGTH) { throw new Error('short') }\n"
                 "SECRET_KEY = os.getenv('SECRET_KEY')\n"
                 "password = config.db.password\n"
                 "api_key = settings.API_KEY\n"
                 "secretKeyRef:\n  name: app-secrets\n  key: token\n"
                 "password: ENC[AES256_GCM,data:%.16s,iv:%.16s,tag:%.16s,type:str]\n"
                 "password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  %s\n"
                 "img = \"data:image/png;base64,%s\"\n"
                 "dsn = https://%s@o12345.ingest.sentry.io/678\n"
                 "git@github.com:acme/tools.git\n"
                 "color: #%.6s; background: #%.6s;\n"
                 "const re = /^[A-Za-z0-9+\\/]{40}$/;\n"
                 "let passwordConfirmation = form.passwordConfirmation.value;\n"
                 "public_key = \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI%.43s user@host\"\n",
                 b88, u, u, h64, h40, h64, bc, h32, b88, age, aida, b88, b88 + 16, b88 + 32, h64, b500, h32, h64,
                 h40, b88);
        st->hard_neg_files++;
        st->hard_neg_reports += count(s, buf, "hard negative");
    }
    /* a large minified bundle with identifiers, hashes and base64 blobs */
    size_t big = 256 * 1024;
    char *js = malloc(big + 1);
    assert_non_null(js);
    size_t o = 0;
    while (o + 400 < big) {
        char id[13], h[65], b[121];
        rnd_str(r, id, 12, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        rnd_str(r, h, 64, HEX);
        rnd_str(r, b, 120, B64);
        o += (size_t)snprintf(js + o, big - o,
                              "function %s(e,t){return e.hash=\"%s\",t.data=\"%s\",e.token=t.token||null,e}", id, h, b);
    }
    js[o] = 0;
    st->hard_neg_files++;
    st->hard_neg_reports += count(s, js, "minified bundle");
    free(js);
}

static void eval_set(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    sanctum_scanner *s = make_scanner(ctx);
    stats st;
    memset(&st, 0, sizeof st);
    fg_rng r = {0x5eed5eedu};
    fg_token *t = malloc(sizeof *t);
    assert_non_null(t);
    for (size_t k = 0; k < FG_N_KINDS; k++) {
        const fg_kind *kind = &FG_KINDS[k];
        size_t nt = kind->context ? N_LINE_TEMPLATES : N_TEMPLATES;
        for (int rep = 0; rep < 2; rep++)
            for (size_t ti = 0; ti < nt; ti++) {
                const char *tmpl = kind->context ? LINE_TEMPLATES[ti] : TEMPLATES[ti];
                kind->gen(&r, t, true);
                size_t off;
                char *file = plant(tmpl, t, &off);
                eval_positive(s, &st, kind, file, off, t->secret_len);
                free(file);
                if (kind->checksum) {
                    kind->gen(&r, t, false);
                    file = plant(tmpl, t, &off);
                    st.near_miss_files++;
                    st.near_miss_reports += count(s, file, "near miss");
                    free(file);
                }
            }
    }
    for (size_t i = 0; i < N_PLACEHOLDERS; i++)
        st.placeholder_reports += count(s, PLACEHOLDERS[i], "placeholder");
    hard_negatives(s, &r, &st);
    free(t);

    double recall = (double)st.found / (double)st.planted;
    size_t all = st.findings + st.hard_neg_reports + st.near_miss_reports + st.placeholder_reports;
    size_t fp = st.false_pos + st.hard_neg_reports + st.near_miss_reports + st.placeholder_reports;
    double precision = all ? (double)(all - fp) / (double)all : 1.0;
    print_message("eval: %zu kinds, %zu planted, %zu found (%zu with another rule id), recall %.4f\n", FG_N_KINDS,
                  st.planted, st.found, st.wrong_rule, recall);
    print_message("eval: %zu findings, %zu false positives, precision %.4f\n", all, fp, precision);
    print_message("eval: near-miss %zu files / %zu reports; placeholders %zu / %zu reports; hard negatives %zu files "
                  "/ %zu reports\n",
                  st.near_miss_files, st.near_miss_reports, N_PLACEHOLDERS, st.placeholder_reports, st.hard_neg_files,
                  st.hard_neg_reports);
    assert_true(st.planted > 500);
    assert_true(recall >= 0.95);
    assert_true(precision >= 0.97);
    assert_int_equal(st.near_miss_reports, 0);
    assert_int_equal(st.placeholder_reports, 0);
    assert_true(st.wrong_rule * 20 <= st.planted);
    sanctum_free(s);
    test_ctx_free_checked(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(eval_set)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
