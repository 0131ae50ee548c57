/* The scanner's ignore matcher under hostile ignore files (a .gitignore inside a scanned tree is input):
 * its cost stays bounded and a pattern it cannot decide within its budget leaves the path scanned. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "sanctum.h"
#include "test_util.h"

static int32_t ig(const sanctum_scan_ignore *i, const char *p, int dir)
{
    return sanctum_scan_ignore_match(i, (const uint8_t *)p, strlen(p), dir);
}

/* A .gitignore inside a scanned tree is input: many '**' against a long path name must cost time
 * proportional to their product, not to the number of ways to split the path (that hung the scan). */
static void ignore_many_double_stars(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    const char *pat = "**a**a**a**a**a**a**a**a**a**a**a**b\n"
                      "*?**/c\n";
    sanctum_scan_ignore *i = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_scan_ignore_new(&i, ctx, (const uint8_t *)pat, strlen(pat), &err), SANCTUM_OK);
    char path[4001];
    memset(path, 'a', sizeof path - 1);
    path[sizeof path - 1] = 0;
    struct timespec t0, t1;
    timespec_get(&t0, TIME_UTC);
    assert_int_equal(ig(i, path, 0), 0);
    path[sizeof path - 2] = 'b';
    assert_int_equal(ig(i, path, 0), 1);
    timespec_get(&t1, TIME_UTC);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    assert_true(secs < 2.0);
    /* '**' + '/' matching nothing after an earlier '*': backtracking gave up at the '**' */
    assert_int_equal(ig(i, "xyc", 0), 1);
    sanctum_free(i);
    test_ctx_free_checked(ctx);
}

/* A nested .gitignore deep in a tree: its patterns are anchored at its directory (the directory, a
 * double star, then the pattern), and matching them must not cost the directory's length times the
 * path's for every pattern and path. */
static void ignore_deep_anchored(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    enum { DEPTH = 15, SEG = 200, PATS = 500 };
    size_t dl = DEPTH * (SEG + 1);
    char *dir = malloc(dl + 1);
    assert_non_null(dir);
    for (size_t k = 0; k < DEPTH; k++) {
        memset(dir + k * (SEG + 1), 'd', SEG);
        dir[k * (SEG + 1) + SEG] = '/';
    }
    dir[dl - 1] = 0; /* "ddd/ddd/.../ddd" */
    size_t cap = PATS * (dl + 32);
    char *pat = malloc(cap), *path = malloc(dl + 32);
    assert_non_null(pat);
    assert_non_null(path);
    size_t o = 0;
    for (int k = 0; k < PATS; k++)
        o += (size_t)snprintf(pat + o, cap - o, "/%s/**/x%d\n", dir, k);
    sanctum_scan_ignore *i = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_scan_ignore_new(&i, ctx, (const uint8_t *)pat, o, &err), SANCTUM_OK);
    clock_t c0 = clock();
    for (int k = 0; k < 20; k++) {
        snprintf(path, dl + 32, "%s/f%d", dir, k);
        assert_int_equal(ig(i, path, 0), 0);
    }
    snprintf(path, dl + 32, "%s/x7", dir);
    assert_int_equal(ig(i, path, 0), 1);
    snprintf(path, dl + 32, "%s/sub/x499", dir);
    assert_int_equal(ig(i, path, 0), 1);
    double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    sanctum_free(i);
    if (secs > 5.0) /* linear: 0.05 s (ASan 2 s); before, tens of minutes */
        fail_msg("22 deep paths against %d anchored patterns: %.2f CPU seconds", PATS, secs);
    /* the literal lead is compared exactly: escapes, classes and '?' are still the matcher's */
    const char *small = "/a\\*b\n/c?d\n/e[xy]f\n/lit/exact\n";
    assert_int_equal(sanctum_scan_ignore_new(&i, ctx, (const uint8_t *)small, strlen(small), &err), SANCTUM_OK);
    assert_int_equal(ig(i, "a*b", 0), 1);
    assert_int_equal(ig(i, "aXb", 0), 0);
    assert_int_equal(ig(i, "cxd", 0), 1);
    assert_int_equal(ig(i, "c/d", 0), 0);
    assert_int_equal(ig(i, "eyf", 0), 1);
    assert_int_equal(ig(i, "lit/exact", 0), 1);
    assert_int_equal(ig(i, "lit/exac", 0), 0);
    assert_int_equal(ig(i, "lit/exactly", 0), 0);
    assert_int_equal(ig(i, "lit/exact/under", 0), 1); /* under an ignored directory */
    sanctum_free(i);
    free(pat);
    free(path);
    free(dir);
    test_ctx_free_checked(ctx);
}

/* A pattern that cannot decide a path within its step budget (a long wildcard run against a deep path:
 * pattern x path steps each) leaves the path not ignored, whatever earlier patterns say (scanning more
 * is the safe direction), and names its source; shorter paths are still decided exactly. */
static void ignore_budget_fail_safe(void **state)
{
    (void)state;
    sanctum_ctx *ctx = test_ctx_new();
    enum { RUN = 2000, DEEP = 3000 };
    char *costly = malloc(RUN + 4), *path = malloc(DEEP + 16);
    assert_non_null(costly);
    assert_non_null(path);
    memcpy(costly, "/**", 3); /* anchored: matched against the whole path, not its last name */
    memset(costly + 3, '?', RUN);
    costly[RUN + 3] = '\n';
    memset(path, 'd', DEEP);
    for (size_t k = 200; k < DEEP; k += 201)
        path[k] = '/';
    const char *first = "*.log\nbuild/\n";
    sanctum_scan_ignore *i = NULL;
    sanctum_error err;
    assert_int_equal(sanctum_scan_ignore_new(&i, ctx, (const uint8_t *)first, strlen(first), &err), SANCTUM_OK);
    assert_int_equal(sanctum_scan_ignore_undecided(i), -1);
    assert_int_equal(sanctum_scan_ignore_add(i, (const uint8_t *)"!keep.log\n", 10, &err), SANCTUM_OK);
    assert_int_equal(sanctum_scan_ignore_add(i, (const uint8_t *)costly, RUN + 4, &err), SANCTUM_OK);
    /* short paths: the costly pattern is asked and says no, the earlier ones decide as git does */
    assert_int_equal(ig(i, "a.log", 0), 1);
    assert_int_equal(ig(i, "keep.log", 0), 0);
    assert_int_equal(ig(i, "build/x.c", 0), 1);
    assert_int_equal(sanctum_scan_ignore_undecided(i), -1);
    /* deep: git ignores it (*.log), the matcher cannot decide the costly pattern first: scanned */
    memcpy(path + DEEP, "/a.log", 7);
    assert_int_equal(ig(i, path, 0), 0);
    assert_int_equal(sanctum_scan_ignore_undecided(i), 2);
    memcpy(path + DEEP, "/b.log", 7);
    assert_int_equal(ig(i, path, 0), 0); /* at once now: not tried again on a path as long */
    /* under an ignored directory: decided by the parent before the costly pattern sees the full path */
    memcpy(path, "build/", 6);
    assert_int_equal(ig(i, path, 0), 1);
    /* short paths after it: still exact */
    assert_int_equal(ig(i, "z.log", 0), 1);
    assert_int_equal(ig(i, "z.c", 0), 0);
    sanctum_free(i);
    /* a costly pattern in the first source is source 0; a NULL ignore has none */
    assert_int_equal(sanctum_scan_ignore_new(&i, ctx, (const uint8_t *)costly, RUN + 4, &err), SANCTUM_OK);
    memset(path, 'e', 6);
    path[DEEP] = 0;
    assert_int_equal(ig(i, path, 1), 0);
    assert_int_equal(sanctum_scan_ignore_undecided(i), 0);
    sanctum_free(i);
    assert_int_equal(sanctum_scan_ignore_undecided(NULL), -1);
    free(costly);
    free(path);
    test_ctx_free_checked(ctx);
}

/* ---- baseline and report formats ---- */

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ignore_many_double_stars),
        cmocka_unit_test(ignore_deep_anchored),
        cmocka_unit_test(ignore_budget_fail_safe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
