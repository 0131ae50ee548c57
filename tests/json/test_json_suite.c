/* JSON conformance and the identity property of the splice writer.
 *
 *   test_json_suite DIR        JSONTestSuite (an optional outside input, docs/json.md): every y_/n_/i_
 *                              file of DIR/test_parsing per policy, and DIR/test_transform. Exits 77
 *                              (ctest: skipped) when DIR is empty or absent.
 *   test_json_suite --own DIR  the project's own conformance cases (tests/json/conformance, same naming)
 *                              and a generated corpus: always run. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "json/json.h"
#include "json_gen.h"
#include "test_util.h"

#include <sys/stat.h>

static const char *suite_dir; /* DIR from the command line */

/* The implementation-defined files we accept: numbers we never convert, and 500-deep nesting. */
static int i_accepted(const char *name)
{
    return strncmp(name, "i_number_", 9) == 0 || strcmp(name, "i_structure_500_nested_arrays.json") == 0;
}

/* y_ files with a repeated key: valid RFC 8259 grammar, rejected by the default (strict) mode. */
static int y_duplicate(const char *name)
{
    return strcmp(name, "y_object_duplicated_key.json") == 0 ||
           strcmp(name, "y_object_duplicated_key_and_value.json") == 0;
}

typedef struct counts {
    int y_ok, y_total, n_rejected, n_total, i_as_policy, i_total, strict_dup_rejected, identity;
} counts;

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **list_dir(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    char **names = NULL;
    size_t cnt = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strstr(e->d_name, ".json") == NULL)
            continue;
        if (cnt == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            assert_non_null(names);
        }
        names[cnt++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, cnt, sizeof *names, cmp_names);
    *n = cnt;
    return names;
}

static void check_identity(sanctum_ctx *ctx, uint32_t flags, const uint8_t *data, size_t len, const char *what)
{
    uint8_t *out = NULL;
    size_t out_len = 0;
    sanctum_error err;
    sanctum_status st = sanctum_json_roundtrip(&out, &out_len, ctx, flags, data, len, &err);
    if (st != SANCTUM_OK)
        fail_msg("%s: round trip failed: %s", what, err.message);
    if (out_len != len || (len != 0 && memcmp(out, data, len) != 0))
        fail_msg("%s: parse -> write is not the identity", what);
    sanctum_free(out);
}

/* Checks every file of dir against the naming policy (y_ valid, n_ invalid, i_ per i_accepted). */
static counts check_parsing_dir(const char *dir, size_t min_files)
{
    sanctum_ctx *ctx = test_ctx_new();
    size_t n;
    char **names = list_dir(dir, &n);
    assert_true(n >= min_files);
    counts c = {0};
    for (size_t i = 0; i < n; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        uint8_t *data = test_read_file(path, &len);
        assert_non_null(data);
        sanctum_error err;
        sanctum_error_clear(&err);
        sanctum_status rfc = sanctum_json_validate(ctx, SANCTUM_JSON_ALLOW_DUPLICATE_KEYS, data, len, &err);
        if (rfc != SANCTUM_OK) {
            /* every rejection: a parse-class status, an in-bounds offset, a message */
            if (rfc != SANCTUM_E_PARSE && rfc != SANCTUM_E_UTF8 && rfc != SANCTUM_E_LIMIT)
                fail_msg("%s: unexpected status %s", names[i], sanctum_status_name(rfc));
            if (err.offset > len)
                fail_msg("%s: offset %llu beyond input of %zu bytes", names[i], (unsigned long long)err.offset, len);
            assert_true(err.message[0] != '\0');
        }
        sanctum_status strict = sanctum_json_validate(ctx, SANCTUM_JSON_STRICT, data, len, &err);
        char kind = names[i][0];
        if (kind == 'y') {
            c.y_total++;
            if (rfc == SANCTUM_OK)
                c.y_ok++;
            else
                fail_msg("%s: valid file rejected", names[i]);
            if (y_duplicate(names[i])) {
                assert_int_equal(strict, SANCTUM_E_PARSE);
                assert_non_null(strstr(err.message, "duplicate key"));
                c.strict_dup_rejected++;
            } else if (strict != SANCTUM_OK) {
                fail_msg("%s: rejected in strict mode", names[i]);
            }
        } else if (kind == 'n') {
            c.n_total++;
            if (rfc != SANCTUM_OK && strict != SANCTUM_OK)
                c.n_rejected++;
            else
                fail_msg("%s: invalid file accepted", names[i]);
        } else if (kind == 'i') {
            c.i_total++;
            int want = i_accepted(names[i]);
            if ((rfc == SANCTUM_OK) == want && (strict == SANCTUM_OK) == want)
                c.i_as_policy++;
            else
                fail_msg("%s: policy says %s", names[i], want ? "accept" : "reject");
        }
        if (rfc == SANCTUM_OK) {
            check_identity(ctx, SANCTUM_JSON_ALLOW_DUPLICATE_KEYS, data, len, names[i]);
            c.identity++;
        }
        /* the portable paths (no AVX2) give the same verdict at the same offset */
        {
            sanctum_error e1, e2;
            sc_json_doc d1, d2;
            sanctum_status s1 = sc_json_parse(ctx, data, len, 0, 0, &d1, &e1);
            sanctum_status s2 = sc_json_parse(ctx, data, len, 0, SC_JSON_PORTABLE, &d2, &e2);
            if (s1 != s2 || (s1 != SANCTUM_OK && e1.offset != e2.offset))
                fail_msg("%s: portable path differs", names[i]);
            if (s1 == SANCTUM_OK) {
                assert_int_equal(d1.ntok, d2.ntok);
                assert_memory_equal(d1.tok, d2.tok, (size_t)d1.ntok * sizeof *d1.tok);
                sc_json_doc_clear(&d1);
                sc_json_doc_clear(&d2);
            }
        }
        free(data);
        free(names[i]);
    }
    free(names);
    print_message("y accepted %d/%d, n rejected %d/%d, i per policy %d/%d (11 accepted), "
                  "strict rejects %d duplicate-key y files, identity on %d files\n",
                  c.y_ok, c.y_total, c.n_rejected, c.n_total, c.i_as_policy, c.i_total,
                  c.strict_dup_rejected, c.identity);
    test_ctx_free_checked(ctx);
    return c;
}

static void suite_conformance(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/test_parsing", suite_dir);
    counts c = check_parsing_dir(dir, 318);
    assert_int_equal(c.y_total, 95);
    assert_int_equal(c.n_total, 188);
    assert_int_equal(c.i_total, 35);
    assert_int_equal(c.strict_dup_rejected, 2);
}

/* The project's own cases: every kind of value, escape and number, and one of each way to be wrong. */
static void own_conformance(void **state)
{
    (void)state;
    counts c = check_parsing_dir(suite_dir, 60);
    assert_true(c.y_total >= 25);
    assert_true(c.n_total >= 35);
    assert_int_equal(c.strict_dup_rejected, 1);
}

static void transform_inputs_identity(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    size_t n;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/test_transform", suite_dir);
    char **names = list_dir(dir, &n);
    assert_true(n >= 20);
    int accepted = 0;
    for (size_t i = 0; i < n; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        uint8_t *data = test_read_file(path, &len);
        assert_non_null(data);
        sanctum_error err;
        if (sanctum_json_validate(ctx, SANCTUM_JSON_ALLOW_DUPLICATE_KEYS, data, len, &err) == SANCTUM_OK) {
            check_identity(ctx, SANCTUM_JSON_ALLOW_DUPLICATE_KEYS, data, len, names[i]);
            accepted++;
        }
        /* duplicate keys are rejected in strict mode, whatever their values */
        if (strncmp(names[i], "object_same_key", 15) == 0)
            assert_int_equal(sanctum_json_validate(ctx, SANCTUM_JSON_STRICT, data, len, &err), SANCTUM_E_PARSE);
        free(data);
        free(names[i]);
    }
    free(names);
    assert_true(accepted >= 14);
    test_ctx_free_checked(ctx);
}

static void generated_corpus_identity(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    jgen g = {0};
    size_t total = 0, max = 0;
    for (uint64_t seed = 1; seed <= 1500; seed++) {
        int style = (int)(seed % 4);
        jgen_document(&g, seed * 7919u, style, 1 + (int)(seed % 9));
        sanctum_error err;
        sanctum_status st = sanctum_json_validate(ctx, SANCTUM_JSON_STRICT, g.buf, g.len, &err);
        if (st != SANCTUM_OK)
            fail_msg("generated doc %llu (style %d) rejected at %llu: %s", (unsigned long long)seed, style,
                     (unsigned long long)err.offset, err.message);
        char what[64];
        snprintf(what, sizeof what, "generated doc %llu", (unsigned long long)seed);
        check_identity(ctx, SANCTUM_JSON_STRICT, g.buf, g.len, what);
        total += g.len;
        max = g.len > max ? g.len : max;
        sc_json_doc d1, d2;
        assert_int_equal(sc_json_parse(ctx, g.buf, g.len, 0, 0, &d1, &err), SANCTUM_OK);
        assert_int_equal(sc_json_parse(ctx, g.buf, g.len, 0, SC_JSON_PORTABLE, &d2, &err), SANCTUM_OK);
        assert_int_equal(d1.ntok, d2.ntok);
        assert_memory_equal(d1.tok, d2.tok, (size_t)d1.ntok * sizeof *d1.tok);
        sc_json_doc_clear(&d1);
        sc_json_doc_clear(&d2);
    }
    jgen_free(&g);
    print_message("generated corpus: 1500 documents, %zu bytes, largest %zu\n", total, max);
    assert_true(total > 100000);
    test_ctx_free_checked(ctx);
}

static int is_dir(const char *path)
{
    struct stat st;
    return path[0] != '\0' && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--own") == 0) {
        suite_dir = argv[2];
        const struct CMUnitTest own[] = {
            cmocka_unit_test(own_conformance),
            cmocka_unit_test(generated_corpus_identity),
        };
        return cmocka_run_group_tests(own, NULL, NULL);
    }
    suite_dir = argc == 2 ? argv[1] : "";
    if (!is_dir(suite_dir)) {
        printf("skipped: JSONTestSuite not found (set SANCTUM_JSONTESTSUITE_DIR to its folder)\n");
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(suite_conformance),
        cmocka_unit_test(transform_inputs_identity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
