#define _GNU_SOURCE 1
/* Scanner throughput beside secretlint, in one run.
 *
 *   bench_scan [--dir DIR] [--size-mib N] [--threads N] [--secretlint-mib N] [--no-secretlint]
 *
 * 1. Writes DIR/tree: source-like files (C, Python, JS, YAML, JSON, Markdown, shell, minified JS) of
 *    N MiB in total (default 256) with a few FAKE credentials planted (made by tests/scan/fakegen.c).
 * 2. Scans the whole tree with the built-in rules from the page cache: one thread, then all threads.
 * 3. When npm is on PATH: installs secretlint + @secretlint/secretlint-rule-preset-recommend into
 *    DIR/node (once), runs it on the first --secretlint-mib MiB of files (default 24; secretlint runs
 *    at a few MiB/s) and scans the same subset with ours, so the rates compare like for like.
 * Nothing here runs in CI. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fakegen.h"
#include "sanctum.h"
#include "srcgen.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void mkdirs(const char *path)
{
    char b[4096];
    snprintf(b, sizeof b, "%s", path);
    for (char *p = b + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(b, 0755);
            *p = '/';
        }
    mkdir(b, 0755);
}


typedef struct file_list {
    char **paths;
    size_t *sizes;
    size_t n, cap;
} file_list;

static void add_file(file_list *l, const char *p, size_t size)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 1024;
        l->paths = realloc(l->paths, l->cap * sizeof *l->paths);
        l->sizes = realloc(l->sizes, l->cap * sizeof *l->sizes);
        if (!l->paths || !l->sizes)
            abort();
    }
    l->paths[l->n] = strdup(p);
    l->sizes[l->n] = size;
    l->n++;
}

static size_t planted;

static void generate(const char *tree, uint64_t target, file_list *files)
{
    fg_rng r = {20261128};
    char *buf = malloc(1 << 20);
    char path[4096];
    uint64_t total = 0;
    size_t i = 0;
    fg_token *tok = malloc(sizeof *tok);
    while (total < target) {
        int kind = (int)fg_below(&r, 8);
        snprintf(path, sizeof path, "%s/pkg%03zu/mod%02zu", tree, i / 400, (i / 20) % 20);
        mkdirs(path);
        snprintf(path + strlen(path), sizeof path - strlen(path), "/%s_%zu%s", sg_word(&r), i, SG_EXT[kind]);
        size_t want = 8192 + fg_below(&r, 56 * 1024), n = 0;
        while (n < want)
            n += (size_t)sg_line(&r, kind, buf + n, (1 << 20) - n);
        if (i % 97 == 13) { /* a few planted fake secrets */
            const fg_kind *k = &FG_KINDS[fg_below(&r, (uint32_t)FG_N_KINDS)];
            k->gen(&r, tok, true);
            n += (size_t)snprintf(buf + n, (1 << 20) - n, "\n%s%s\n", k->context ? "" : "value = ", tok->text);
            planted++;
        }
        FILE *f = fopen(path, "wb");
        if (f == NULL || fwrite(buf, 1, n, f) != n)
            abort();
        fclose(f);
        add_file(files, path, n);
        total += n;
        i++;
    }
    free(tok);
    free(buf);
}

static void list_tree(const char *dir, file_list *files)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    struct dirent *de;
    char p[4096];
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
        struct stat st;
        if (lstat(p, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            list_tree(p, files);
        else if (S_ISREG(st.st_mode))
            add_file(files, p, (size_t)st.st_size);
    }
    closedir(d);
}

typedef struct run {
    const sanctum_scanner *s;
    file_list *files;
    size_t limit;
    _Atomic size_t next;
    _Atomic uint64_t bytes, findings;
} run;

static void *worker(void *p)
{
    run *r = p;
    for (;;) {
        size_t i = atomic_fetch_add(&r->next, 1);
        if (i >= r->limit)
            break;
        int fd = open(r->files->paths[i], O_RDONLY);
        if (fd < 0)
            continue;
        size_t len = r->files->sizes[i];
        void *m = len ? mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0) : NULL;
        close(fd);
        if (m == MAP_FAILED)
            continue;
        sanctum_scan_result *res = NULL;
        sanctum_error err;
        if (sanctum_scan_buffer(r->s, &res, m, len, NULL, 0, &err) == SANCTUM_OK) {
            atomic_fetch_add(&r->findings, res->count);
            atomic_fetch_add(&r->bytes, len);
        }
        sanctum_free(res);
        if (m)
            munmap(m, len);
    }
    return NULL;
}

static double scan_files(const sanctum_scanner *s, file_list *files, size_t limit, int threads, uint64_t *bytes,
                         uint64_t *findings)
{
    run r;
    memset(&r, 0, sizeof r);
    r.s = s;
    r.files = files;
    r.limit = limit;
    pthread_t th[256];
    double t0 = now();
    for (int i = 1; i < threads; i++)
        pthread_create(&th[i], NULL, worker, &r);
    worker(&r);
    for (int i = 1; i < threads; i++)
        pthread_join(th[i], NULL);
    double t = now() - t0;
    *bytes = r.bytes;
    *findings = r.findings;
    return t;
}

static void warm(file_list *files, size_t limit)
{
    char buf[65536];
    for (size_t i = 0; i < limit; i++) {
        int fd = open(files->paths[i], O_RDONLY);
        if (fd < 0)
            continue;
        while (read(fd, buf, sizeof buf) > 0) {
        }
        close(fd);
    }
}

int main(int argc, char **argv)
{
    const char *dir = "/tmp/sanctum-bench-scan";
    uint64_t size_mib = 256, sl_mib = 24;
    int threads = (int)sysconf(_SC_NPROCESSORS_ONLN);
    int secretlint = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "--size-mib") == 0 && i + 1 < argc)
            size_mib = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
            threads = atoi(argv[++i]);
        else if (strcmp(argv[i], "--secretlint-mib") == 0 && i + 1 < argc)
            sl_mib = strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--no-secretlint") == 0)
            secretlint = 0;
        else {
            fprintf(stderr, "usage: bench_scan [--dir DIR] [--size-mib N] [--threads N] [--secretlint-mib N] "
                            "[--no-secretlint]\n");
            return 2;
        }
    }
    if (threads < 1 || threads > 256)
        threads = 1;
    char tree[4096], stamp[4200];
    snprintf(tree, sizeof tree, "%s/tree", dir);
    snprintf(stamp, sizeof stamp, "%s/tree-%llu.done", dir, (unsigned long long)size_mib);
    file_list files = {0};
    mkdirs(dir);
    if (access(stamp, F_OK) != 0) {
        char cmd[8400];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tree);
        if (system(cmd) != 0)
            return 1;
        printf("generating %llu MiB source-like tree in %s ...\n", (unsigned long long)size_mib, tree);
        double t0 = now();
        generate(tree, size_mib << 20, &files);
        FILE *f = fopen(stamp, "w");
        if (f)
            fclose(f);
        printf("  %zu files, %zu fake secrets planted, %.1f s\n", files.n, planted, now() - t0);
    } else {
        list_tree(tree, &files);
        printf("reusing %s (%zu files)\n", tree, files.n);
    }
    uint64_t total = 0;
    for (size_t i = 0; i < files.n; i++)
        total += files.sizes[i];

    sanctum_ctx *ctx = NULL;
    sanctum_error err;
    sanctum_scanner *s = NULL;
    if (sanctum_ctx_new(&ctx, NULL, &err) != SANCTUM_OK || sanctum_scanner_new(&s, ctx, NULL, NULL, 0, &err) != SANCTUM_OK) {
        fprintf(stderr, "scanner: %s\n", err.message);
        return 1;
    }
    warm(&files, files.n);
    uint64_t bytes, found;
    double t1 = scan_files(s, &files, files.n, 1, &bytes, &found);
    double mib = (double)bytes / (1 << 20);
    printf("\nsanctum scan (%u rules), %.1f MiB in %zu files, page cache warm:\n", sanctum_scanner_rule_count(s), mib,
           files.n);
    printf("  1 thread : %7.1f MiB/s  (%.2f s, %llu findings)\n", mib / t1, t1, (unsigned long long)found);
    double tn = scan_files(s, &files, files.n, threads, &bytes, &found);
    printf("  %d threads: %7.1f MiB/s  (%.2f s, %llu findings)\n", threads, mib / tn, tn, (unsigned long long)found);

    if (secretlint) {
        if (system("command -v npm >/dev/null 2>&1") != 0) {
            printf("\nsecretlint: skipped (npm not found)\n");
        } else {
            char node[4096], cmd[16384];
            snprintf(node, sizeof node, "%s/node", dir);
            mkdirs(node);
            snprintf(cmd, sizeof cmd,
                     "cd '%s' && { [ -x node_modules/.bin/secretlint ] || npm install --silent --no-audit --no-fund "
                     "secretlint @secretlint/secretlint-rule-preset-recommend >/dev/null 2>&1; }",
                     node);
            if (system(cmd) != 0) {
                printf("\nsecretlint: skipped (npm install failed)\n");
            } else {
                /* the subset: the first files up to sl_mib MiB, copied to their own directory */
                char sub[4200];
                snprintf(sub, sizeof sub, "%s/subset", dir);
                snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", sub, sub);
                if (system(cmd) != 0)
                    return 1;
                file_list subset = {0};
                uint64_t sb = 0;
                for (size_t i = 0; i < files.n && sb < (sl_mib << 20); i++) {
                    char dst[8400];
                    snprintf(dst, sizeof dst, "%s/f%05zu_%s", sub, i, strrchr(files.paths[i], '/') + 1);
                    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", files.paths[i], dst);
                    if (system(cmd) != 0)
                        return 1;
                    add_file(&subset, dst, files.sizes[i]);
                    sb += files.sizes[i];
                }
                snprintf(cmd, sizeof cmd, "%s/.secretlintrc.json", sub);
                FILE *f = fopen(cmd, "w");
                if (f) {
                    fputs("{\"rules\":[{\"id\":\"@secretlint/secretlint-rule-preset-recommend\"}]}\n", f);
                    fclose(f);
                }
                warm(&subset, subset.n);
                double sm = (double)sb / (1 << 20);
                snprintf(cmd, sizeof cmd,
                         "cd '%s' && '%s/node_modules/.bin/secretlint' --secretlintrc .secretlintrc.json "
                         "--format json '**/*' > '%s/secretlint.json' 2>/dev/null",
                         sub, node, dir);
                double t0 = now();
                int rc = system(cmd);
                double ts = now() - t0;
                (void)rc;
                double to = scan_files(s, &subset, subset.n, 1, &bytes, &found);
                printf("\nsame run, subset of %.1f MiB in %zu files (secretlint is slow, so a subset):\n", sm, subset.n);
                printf("  secretlint + preset-recommend: %7.1f MiB/s  (%.2f s, 1 process)\n", sm / ts, ts);
                printf("  sanctum, 1 thread            : %7.1f MiB/s  (%.2f s, %llu findings)\n", sm / to, to,
                       (unsigned long long)found);
                printf("  ratio: %.0fx\n", (sm / to) / (sm / ts));
                printf("  (secretlint's report: %s/secretlint.json)\n", dir);
            }
        }
    }
    sanctum_free(s);
    sanctum_ctx_free(ctx);
    return 0;
}
