#define _GNU_SOURCE 1
/* History scanning beside scanning the same distinct blobs as files, in one run.
 *
 *   bench_scan_git [--dir DIR] [--commits N] [--files N] [--threads N] [--keep]
 *
 * 1. Writes DIR/repo with libgit2: an initial commit of --files source-like files (default 600, in
 *    24 directories), then --commits commits (default 2500) that each rewrite one to three files
 *    (6-20 KiB each) or now and then restore an earlier version (a blob seen before). A few commits
 *    add a FAKE token (tests/scan/fakegen.c) that the next commit removes.
 * 2. Writes every distinct blob of the repository as a file under DIR/blobs.
 * 3. Times `sanctum scan --git-history DIR/repo` and `sanctum scan DIR/blobs` (same threads, same
 *    rules, output to /dev/null; best of three, wall and CPU time) and prints both rates and their
 *    ratio; when git is on PATH, packs the repository (git gc) and times the history scan again.
 * Exit status 1 when the history scan does not report each planted token exactly once. Nothing here
 * runs in CI beyond a smoke run with a tiny repository. */
#include <errno.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fakegen.h"
#include "srcgen.h"

#ifndef SANCTUM_CLI
#error "SANCTUM_CLI (path of the sanctum binary) must be defined"
#endif

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
    const git_error *e = git_error_last();
    fprintf(stderr, "bench_scan_git: %s: %s\n", what, e ? e->message : strerror(errno));
    exit(2);
}

static size_t file_text(fg_rng *r, int kind, char *buf, size_t cap)
{
    size_t target = 6144 + fg_below(r, 14336), n = 0;
    while (n < target && cap - n > 4096)
        n += (size_t)sg_line(r, kind, buf + n, cap - n);
    return n;
}

typedef struct gen {
    git_repository *repo;
    git_index *index;
    git_oid parent;
    int have_parent;
    git_signature *sig;
    time_t t;
} gen;

static void put_file(gen *g, const char *path, const char *data, size_t len)
{
    git_oid id;
    if (git_blob_create_from_buffer(&id, g->repo, data, len) != 0)
        die("blob");
    git_index_entry e;
    memset(&e, 0, sizeof e);
    e.mode = GIT_FILEMODE_BLOB;
    e.id = id;
    e.path = path;
    if (git_index_add(g->index, &e) != 0)
        die("index add");
}

static void put_blob(gen *g, const char *path, const git_oid *id)
{
    git_index_entry e;
    memset(&e, 0, sizeof e);
    e.mode = GIT_FILEMODE_BLOB;
    e.id = *id;
    e.path = path;
    if (git_index_add(g->index, &e) != 0)
        die("index add");
}

static void commit(gen *g, const char *msg)
{
    git_oid tree_id, cid;
    git_tree *tree = NULL;
    git_commit *parent = NULL;
    if (git_index_write_tree_to(&tree_id, g->index, g->repo) != 0 || git_tree_lookup(&tree, g->repo, &tree_id) != 0)
        die("tree");
    if (g->have_parent && git_commit_lookup(&parent, g->repo, &g->parent) != 0)
        die("parent");
    git_signature_free(g->sig);
    if (git_signature_new(&g->sig, "bench", "bench@example.org", g->t, 0) != 0)
        die("signature");
    g->t += 3600;
    const git_commit *parents[1] = {parent};
    if (git_commit_create(&cid, g->repo, "refs/heads/main", g->sig, g->sig, NULL, msg, tree, parent ? 1 : 0, parents) != 0)
        die("commit");
    g->parent = cid;
    g->have_parent = 1;
    git_commit_free(parent);
    git_tree_free(tree);
}

typedef struct blob_dump {
    git_odb *odb;
    const char *dir;
    uint64_t bytes, n;
} blob_dump;

static int dump_one(const git_oid *id, void *p)
{
    blob_dump *d = p;
    git_odb_object *o = NULL;
    if (git_odb_read(&o, d->odb, id) != 0)
        return -1;
    if (git_odb_object_type(o) == GIT_OBJECT_BLOB) {
        char hex[GIT_OID_HEXSZ + 1], path[4096];
        git_oid_tostr(hex, sizeof hex, id);
        snprintf(path, sizeof path, "%s/%.2s", d->dir, hex);
        mkdir(path, 0755);
        snprintf(path, sizeof path, "%s/%.2s/%s.txt", d->dir, hex, hex + 2);
        FILE *f = fopen(path, "wb");
        if (f == NULL)
            return -1;
        size_t n = git_odb_object_size(o);
        fwrite(git_odb_object_data(o), 1, n, f);
        fclose(f);
        d->bytes += n;
        d->n++;
    }
    git_odb_object_free(o);
    return 0;
}

/* Runs cmd three times; the best wall time and the best CPU time (user + system of the child) of
 * the three. The machine may be shared: CPU time is the steadier figure. */
typedef struct timing {
    double wall, cpu;
    int status;
} timing;

static double child_cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec / 1e6;
}

static timing timed(const char *cmd)
{
    timing best = {1e30, 1e30, -1};
    for (int k = 0; k < 3; k++) {
        double c0 = child_cpu(), t0 = now();
        int rc = system(cmd);
        double wall = now() - t0, cpu = child_cpu() - c0;
        best.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
        if (wall < best.wall)
            best.wall = wall;
        if (cpu < best.cpu)
            best.cpu = cpu;
    }
    return best;
}

static void print_timing(const char *what, timing t, double mib, const timing *ref)
{
    printf("%-44s wall %6.3f s %6.1f MiB/s | cpu %6.3f s %6.1f MiB/s (exit %d)", what, t.wall, mib / t.wall, t.cpu,
           mib / t.cpu, t.status);
    if (ref != NULL)
        printf(" | %.2fx wall, %.2fx cpu of the files'", t.wall / ref->wall, t.cpu / ref->cpu);
    printf("\n");
}

static void print_file(const char *path, const char *prefix)
{
    FILE *f = fopen(path, "r");
    char line[1024];
    while (f != NULL && fgets(line, sizeof line, f) != NULL)
        printf("%s%s", prefix, line);
    if (f != NULL)
        fclose(f);
}

static unsigned count_lines(const char *path)
{
    FILE *f = fopen(path, "r");
    unsigned n = 0;
    int c;
    while (f != NULL && (c = fgetc(f)) != EOF)
        n += c == '\n';
    if (f != NULL)
        fclose(f);
    return n;
}

int main(int argc, char **argv)
{
    const char *dir = "/tmp/sanctum-bench-scan-git";
    unsigned commits = 2500, files = 600, threads = 1;
    int keep = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (strcmp(argv[i], "--commits") == 0 && i + 1 < argc)
            commits = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--files") == 0 && i + 1 < argc)
            files = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
            threads = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--keep") == 0)
            keep = 1;
        else {
            fprintf(stderr, "usage: bench_scan_git [--dir DIR] [--commits N] [--files N] [--threads N] [--keep]\n");
            return 2;
        }
    }
    if (files < 8)
        files = 8;
    if (threads < 1)
        threads = 1;
    char cmd[16384], repo[4096], blobs[4096], key[4096], err[4096];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
    if (system(cmd) != 0)
        die("scratch directory");
    snprintf(repo, sizeof repo, "%s/repo", dir);
    snprintf(blobs, sizeof blobs, "%s/blobs", dir);
    snprintf(key, sizeof key, "%s/scan.key", dir);
    snprintf(err, sizeof err, "%s/stderr", dir);
    mkdir(blobs, 0755);
    FILE *kf = fopen(key, "wb");
    if (kf == NULL)
        die("key file");
    fwrite("bench-fingerprint-key-0123456789", 1, 32, kf);
    fclose(kf);
    if (chmod(key, 0600) != 0) /* sanctum scan refuses a key others may read */
        die("key file mode");

    /* 1. the repository */
    git_libgit2_init();
    gen g;
    memset(&g, 0, sizeof g);
    g.t = 1700000000;
    double t0 = now();
    if (git_repository_init(&g.repo, repo, 0) != 0 || git_index_new(&g.index) != 0)
        die("init");
    fg_rng r = {20261204};
    size_t cap = 1u << 20;
    char *buf = malloc(cap);
    char **paths = calloc(files, sizeof *paths);
    int *kinds = calloc(files, sizeof *kinds);
    git_oid *history = calloc((size_t)commits * 3 + files, sizeof *history); /* earlier versions */
    size_t n_hist = 0;
    if (buf == NULL || paths == NULL || kinds == NULL || history == NULL)
        die("memory");
    for (unsigned i = 0; i < files; i++) {
        kinds[i] = (int)(i % SG_N_KINDS);
        char p[256];
        snprintf(p, sizeof p, "src/%s%02u/%s_%u%s", sg_word(&r), i % 24, sg_word(&r), i, SG_EXT[kinds[i]]);
        paths[i] = strdup(p);
        size_t n = file_text(&r, kinds[i], buf, cap);
        put_file(&g, paths[i], buf, n);
    }
    commit(&g, "initial import");
    unsigned planted = 0;
    fg_token *tok = malloc(sizeof *tok);
    if (tok == NULL)
        die("memory");
    unsigned plant_at = commits < 500 ? commits / 2 : 250;
    for (unsigned c = 0; c < commits; c++) {
        if (c % 500 == plant_at) { /* a token added here, removed in the next commit */
            fg_find("github-pat")->gen(&r, tok, 1);
            int n = snprintf(buf, cap, "GITHUB_TOKEN=%s\n", tok->text);
            put_file(&g, "deploy/ci.env", buf, (size_t)n);
            commit(&g, "ci: token");
            planted++;
            put_file(&g, "deploy/ci.env", "GITHUB_TOKEN=${GITHUB_TOKEN}\n", 29);
            commit(&g, "ci: token from the environment");
            continue;
        }
        unsigned nf = 1 + fg_below(&r, 3);
        for (unsigned k = 0; k < nf; k++) {
            unsigned f = fg_below(&r, files);
            if (n_hist > 10 && fg_below(&r, 10) == 0) { /* restore an earlier version */
                put_blob(&g, paths[f], &history[fg_below(&r, (uint32_t)n_hist)]);
                continue;
            }
            size_t n = file_text(&r, kinds[f], buf, cap);
            git_oid id;
            if (git_blob_create_from_buffer(&id, g.repo, buf, n) != 0)
                die("blob");
            history[n_hist++] = id;
            put_blob(&g, paths[f], &id);
        }
        commit(&g, "change");
    }
    double t_gen = now() - t0;

    /* 2. the distinct blobs as files */
    blob_dump d = {NULL, blobs, 0, 0};
    if (git_repository_odb(&d.odb, g.repo) != 0 || git_odb_foreach(d.odb, dump_one, &d) != 0)
        die("blob dump");
    git_odb_free(d.odb);
    printf("repository: %u commits, %u files, %llu distinct blobs (%.1f MiB), %u planted tokens; made in %.1f s\n",
           commits + 1 + planted, files, (unsigned long long)d.n, (double)d.bytes / 1048576.0, planted, t_gen);

    /* 3. timings, best of three each: files, history (loose), history (packed) */
    double mib = (double)d.bytes / 1048576.0;
    char what[128];
    snprintf(cmd, sizeof cmd,
             "'%s' scan --fingerprint-key-file '%s' --no-gitignore -j %u --format jsonl --output /dev/null '%s' 2>'%s'",
             SANCTUM_CLI, key, threads, blobs, err);
    timing files_t = timed(cmd);
    snprintf(what, sizeof what, "scan of the distinct blobs as files, -j %u:", threads);
    print_timing(what, files_t, mib, NULL);
    char hist_out[4096];
    snprintf(hist_out, sizeof hist_out, "%s/history.txt", dir);
    snprintf(cmd, sizeof cmd, "'%s' scan --fingerprint-key-file '%s' --git-history -j %u --output '%s' '%s' 2>'%s'",
             SANCTUM_CLI, key, threads, hist_out, repo, err);
    timing loose_t = timed(cmd);
    snprintf(what, sizeof what, "--git-history, loose objects, -j %u:", threads);
    print_timing(what, loose_t, mib, &files_t);
    print_file(err, "  ");
    unsigned reported = count_lines(hist_out);
    int ok = reported == planted;
    printf("  %u findings for %u planted tokens%s\n", reported, planted, ok ? "" : "  <-- MISMATCH");
    if (system("command -v git >/dev/null 2>&1") == 0) {
        snprintf(cmd, sizeof cmd, "git -C '%s' gc -q --prune=now 2>/dev/null", repo);
        if (system(cmd) == 0) {
            snprintf(cmd, sizeof cmd,
                     "'%s' scan --fingerprint-key-file '%s' --git-history -j %u --output '%s' '%s' 2>'%s'", SANCTUM_CLI,
                     key, threads, hist_out, repo, err);
            timing packed_t = timed(cmd);
            snprintf(what, sizeof what, "--git-history, packed (git gc), -j %u:", threads);
            print_timing(what, packed_t, mib, &files_t);
            if (count_lines(hist_out) != planted)
                ok = 0;
        }
    }
    git_index_free(g.index);
    git_signature_free(g.sig);
    git_repository_free(g.repo);
    git_libgit2_shutdown();
    for (unsigned i = 0; i < files; i++)
        free(paths[i]);
    free(paths);
    free(kinds);
    free(history);
    free(buf);
    free(tok);
    if (!keep) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            fprintf(stderr, "bench_scan_git: could not remove %s\n", dir);
    }
    return ok ? 0 : 1;
}
