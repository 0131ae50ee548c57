#define _GNU_SOURCE 1
/* sanctum scan: walk paths (gitignore-style excludes), scan files and git remote configuration with
 * N threads, and write text, JSON lines or SARIF. Exit 0 clean, 1 findings, 2 error. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "scan_git.h"

static const char SCAN_USAGE[] =
    "usage: sanctum scan [PATH...] [--git-remotes] [--format text|jsonl|sarif] [--rules FILE]\n"
    "                    [--baseline FILE] [--no-redact] [-j N] [options]\n"
    "\n"
    "Scans files under each PATH (default: .) for exposed credentials.\n"
    "  --git-remotes             also read each repository's git config (remote URLs, extraheaders)\n"
    "  --git-history             scan the history of the repository at PATH (default .): every commit\n"
    "                            reachable from any ref, each finding at the commit that introduced it\n"
    "  --since REV               with --git-history: only commits not reachable from REV\n"
    "  --branch NAME             with --git-history: only commits reachable from branch NAME\n"
    "  --staged                  scan what is staged in the index of the repository at PATH (pre-commit)\n"
    "  --format FMT              text (default), jsonl or sarif (SARIF 2.1.0)\n"
    "  --output FILE             write the report to FILE instead of stdout\n"
    "  --rules FILE              custom rules (docs/scan.md), added to the built-in set\n"
    "  --no-builtin              use only the rules given with --rules\n"
    "  --baseline FILE           leave out findings whose fingerprint FILE holds (an earlier report)\n"
    "  --no-redact               print whole secrets (local use and evaluation only)\n"
    "  -j N, --jobs N            scan with N threads (default: online CPUs)\n"
    "  --ignore-file FILE        extra gitignore-style excludes (default: PATH/.sanctumignore)\n"
    "  --exclude PATTERN         exclude a gitignore-style pattern (repeatable)\n"
    "  --no-gitignore            do not read .gitignore files\n"
    "  --max-file-size BYTES     skip larger files (default 16 MiB)\n"
    "  --fingerprint-key-file F  key for fingerprints (default $XDG_DATA_HOME/sanctum/scan.key,\n"
    "                            created 0600 with 32 random bytes when missing)\n"
    "Exit status: 0 nothing found, 1 findings, 2 error.\n";

typedef struct strvec {
    char **v;
    size_t n, cap;
} strvec;

static int sv_push(strvec *s, const char *str)
{
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 64;
        char **nv = realloc(s->v, nc * sizeof *nv);
        if (nv == NULL)
            return -1;
        s->v = nv;
        s->cap = nc;
    }
    s->v[s->n] = strdup(str);
    if (s->v[s->n] == NULL)
        return -1;
    s->n++;
    return 0;
}

static void sv_free(strvec *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* One file to scan: its path on disk and the name reported (relative to the root given). */
typedef struct job {
    char *path;
    char *label;
    sanctum_scan_result *res;
    uint8_t *map;      /* kept for --no-redact reports */
    size_t map_len;
    bool is_mmap;
    int status;        /* 0 ok, 1 skipped, 2 error */
    char why[256];
} job;

typedef struct scan_run {
    const sanctum_scanner *scanner;
    job *jobs;
    size_t n_jobs, cap_jobs;
    _Atomic size_t next;
    uint64_t max_file;
    bool keep_maps;
} scan_run;

static int add_job(scan_run *r, const char *path, const char *label)
{
    if (r->n_jobs == r->cap_jobs) {
        size_t nc = r->cap_jobs ? r->cap_jobs * 2 : 256;
        job *nj = realloc(r->jobs, nc * sizeof *nj);
        if (nj == NULL)
            return -1;
        r->jobs = nj;
        r->cap_jobs = nc;
    }
    job *j = &r->jobs[r->n_jobs];
    memset(j, 0, sizeof *j);
    j->path = strdup(path);
    j->label = strdup(label);
    if (j->path == NULL || j->label == NULL) {
        free(j->path);
        free(j->label);
        return -1;
    }
    r->n_jobs++;
    return 0;
}

static char *path_join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *p = malloc(la + lb + 2);
    if (p == NULL)
        return NULL;
    memcpy(p, a, la);
    size_t o = la;
    if (la != 0 && a[la - 1] != '/')
        p[o++] = '/';
    memcpy(p + o, b, lb + 1);
    return p;
}

/* Reads a small file into malloc'd memory (NUL-terminated). */
static uint8_t *slurp(const char *path, uint64_t max, size_t *len)
{
    cli_input in;
    FILE *probe = fopen(path, "rb");
    if (probe == NULL)
        return NULL;
    fclose(probe);
    if (cli_read_input(path, max, &in) != 0)
        return NULL;
    uint8_t *copy = malloc(in.len + 1);
    if (copy != NULL) {
        memcpy(copy, in.data, in.len);
        copy[in.len] = 0;
        *len = in.len;
    }
    cli_input_free(&in);
    return copy;
}

/* Adds the patterns of dir/.gitignore (rel = dir relative to the root, "" at the root), rewritten to
 * be relative to the root. */
static void add_gitignore(sanctum_scan_ignore *ig, const char *dir, const char *rel)
{
    char *p = path_join(dir, ".gitignore");
    if (p == NULL)
        return;
    size_t len = 0;
    uint8_t *t = slurp(p, 1u << 20, &len);
    free(p);
    if (t == NULL)
        return;
    if (rel[0] == '\0') {
        sanctum_error err;
        (void)sanctum_scan_ignore_add(ig, t, len, &err);
        free(t);
        return;
    }
    size_t rl = strlen(rel);
    size_t cap = len * 2 + 64 + (rl + 8) * (len / 2 + 2);
    char *out = malloc(cap);
    if (out == NULL) {
        free(t);
        return;
    }
    size_t o = 0, pos = 0;
    while (pos < len) {
        const uint8_t *nl = memchr(t + pos, '\n', len - pos);
        size_t e = nl ? (size_t)(nl - t) : len;
        const char *line = (const char *)t + pos;
        size_t ll = e - pos;
        pos = nl ? e + 1 : len;
        while (ll > 0 && (line[ll - 1] == '\r' || line[ll - 1] == ' '))
            ll--;
        if (ll == 0 || line[0] == '#')
            continue;
        bool neg = line[0] == '!';
        if (neg) {
            line++;
            ll--;
        }
        bool dir_slash = ll > 0 && line[ll - 1] == '/';
        size_t core = dir_slash ? ll - 1 : ll;
        bool anchored = core > 0 && memchr(line, '/', core) != NULL;
        if (neg)
            out[o++] = '!';
        out[o++] = '/';
        memcpy(out + o, rel, rl);
        o += rl;
        out[o++] = '/';
        if (!anchored) {
            memcpy(out + o, "**/", 3);
            o += 3;
        } else if (line[0] == '/') {
            line++;
            ll--;
        }
        memcpy(out + o, line, ll);
        o += ll;
        out[o++] = '\n';
    }
    sanctum_error err;
    (void)sanctum_scan_ignore_add(ig, (const uint8_t *)out, o, &err);
    free(out);
    free(t);
}

typedef struct walker {
    scan_run *run;
    sanctum_scan_ignore *ig;
    bool gitignore;
    strvec *repos;       /* rel paths of repositories found (for --git-remotes) */
    strvec *repo_paths;
    int errors;
} walker;

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(walker *w, const char *dir, const char *rel, unsigned depth)
{
    if (depth > 256)
        return;
    if (w->gitignore && depth > 0)
        add_gitignore(w->ig, dir, rel);
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "sanctum scan: cannot open directory '%s': %s\n", dir, strerror(errno));
        w->errors++;
        return;
    }
    strvec names = {0};
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (sv_push(&names, de->d_name) != 0)
            break;
    }
    closedir(d);
    /* deterministic order */
    if (names.n > 1)
        qsort(names.v, names.n, sizeof *names.v, name_cmp);
    for (size_t i = 0; i < names.n; i++) {
        const char *name = names.v[i];
        char *full = path_join(dir, name);
        char *r = rel[0] ? path_join(rel, name) : strdup(name);
        if (full == NULL || r == NULL) {
            free(full);
            free(r);
            continue;
        }
        struct stat st;
        if (lstat(full, &st) != 0) {
            free(full);
            free(r);
            continue;
        }
        if (strcmp(name, ".git") == 0) {
            if (w->repos != NULL) {
                sv_push(w->repos, rel[0] ? rel : ".");
                sv_push(w->repo_paths, full);
            }
        } else if (S_ISDIR(st.st_mode)) {
            if (!sanctum_scan_ignore_match(w->ig, (const uint8_t *)r, strlen(r), 1))
                walk_dir(w, full, r, depth + 1);
        } else if (S_ISREG(st.st_mode)) {
            if (!sanctum_scan_ignore_match(w->ig, (const uint8_t *)r, strlen(r), 0) &&
                !sanctum_scanner_path_allowed(w->run->scanner, (const uint8_t *)r, strlen(r)))
                add_job(w->run, full, r);
        }
        free(full);
        free(r);
    }
    sv_free(&names);
}

/* The config of a repository: .git/config, or for a worktree/submodule .git file, the config of the
 * gitdir it names (its commondir when there is one). Nothing is executed. */
static char *repo_config_path(const char *dotgit)
{
    struct stat st;
    if (lstat(dotgit, &st) != 0)
        return NULL;
    if (S_ISDIR(st.st_mode))
        return path_join(dotgit, "config");
    if (!S_ISREG(st.st_mode))
        return NULL;
    size_t len = 0;
    uint8_t *t = slurp(dotgit, 4096, &len);
    if (t == NULL)
        return NULL;
    char *res = NULL;
    if (len > 8 && memcmp(t, "gitdir: ", 8) == 0) {
        char *g = (char *)t + 8;
        g[strcspn(g, "\r\n")] = 0;
        char *gitdir;
        if (g[0] == '/') {
            gitdir = strdup(g);
        } else {
            char *base = strdup(dotgit);
            if (base != NULL) {
                char *sl = strrchr(base, '/');
                if (sl != NULL)
                    *sl = 0;
                else
                    strcpy(base, ".");
            }
            gitdir = base ? path_join(base, g) : NULL;
            free(base);
        }
        if (gitdir != NULL) {
            char *cd = path_join(gitdir, "commondir");
            size_t cl = 0;
            uint8_t *c = cd ? slurp(cd, 4096, &cl) : NULL;
            free(cd);
            if (c != NULL) {
                char *cs = (char *)c;
                cs[strcspn(cs, "\r\n")] = 0;
                char *common = cs[0] == '/' ? strdup(cs) : path_join(gitdir, cs);
                res = common ? path_join(common, "config") : NULL;
                free(common);
                free(c);
            } else {
                res = path_join(gitdir, "config");
            }
            free(gitdir);
        }
    }
    free(t);
    return res;
}

static void scan_one(scan_run *r, job *j)
{
    int fd = open(j->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        j->status = 2;
        snprintf(j->why, sizeof j->why, "cannot open: %s", strerror(errno));
        return;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        j->status = 1;
        snprintf(j->why, sizeof j->why, "not a regular file");
        return;
    }
    if ((uint64_t)st.st_size > r->max_file) {
        close(fd);
        j->status = 1;
        snprintf(j->why, sizeof j->why, "larger than the size cap (%llu bytes)", (unsigned long long)r->max_file);
        return;
    }
    size_t len = (size_t)st.st_size;
    uint8_t *map = NULL;
    if (len != 0) {
        void *m = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m == MAP_FAILED) {
            close(fd);
            j->status = 2;
            snprintf(j->why, sizeof j->why, "cannot map: %s", strerror(errno));
            return;
        }
        map = m;
        (void)madvise(m, len, MADV_SEQUENTIAL);
    }
    close(fd);
    /* binary: a NUL byte in the first 8 KiB */
    if (len != 0 && memchr(map, 0, len < 8192 ? len : 8192) != NULL) {
        munmap(map, len);
        j->status = 1;
        snprintf(j->why, sizeof j->why, "binary");
        return;
    }
    sanctum_error err;
    sanctum_status st2 = sanctum_scan_buffer(r->scanner, &j->res, map, len, (const uint8_t *)j->label,
                                             strlen(j->label), &err);
    if (st2 != SANCTUM_OK) {
        j->status = 2;
        snprintf(j->why, sizeof j->why, "%s", err.message);
    }
    if (r->keep_maps && j->res != NULL && j->res->count != 0) {
        j->map = map;
        j->map_len = len;
        j->is_mmap = true;
    } else if (map != NULL) {
        munmap(map, len);
    }
}

static void *worker(void *arg)
{
    scan_run *r = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&r->next, 1);
        if (i >= r->n_jobs)
            break;
        scan_one(r, &r->jobs[i]);
    }
    return NULL;
}

/* The fingerprint key: --fingerprint-key-file, else $XDG_DATA_HOME/sanctum/scan.key (or
 * ~/.local/share/sanctum/scan.key), created with 32 random bytes and mode 0600 when missing. */
static int load_key(const char *explicit_path, uint8_t key[64], size_t *key_len)
{
    char buf[4096];
    const char *path = explicit_path;
    if (path == NULL) {
        const char *xdg = getenv("XDG_DATA_HOME");
        const char *home = getenv("HOME");
        if (xdg != NULL && xdg[0] == '/')
            snprintf(buf, sizeof buf, "%s/sanctum", xdg);
        else if (home != NULL && home[0] == '/')
            snprintf(buf, sizeof buf, "%s/.local/share/sanctum", home);
        else
            return -1;
        /* mkdir -p with mode 0700 for the parts that do not exist */
        for (char *p = buf + 1; *p; p++)
            if (*p == '/') {
                *p = 0;
                (void)mkdir(buf, 0700);
                *p = '/';
            }
        (void)mkdir(buf, 0700);
        size_t l = strlen(buf);
        if (l + 10 >= sizeof buf)
            return -1;
        memcpy(buf + l, "/scan.key", 10);
        path = buf;
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd >= 0) {
            uint8_t k[32];
            randombytes_buf(k, sizeof k);
            ssize_t w = write(fd, k, sizeof k);
            sodium_memzero(k, sizeof k);
            close(fd);
            if (w != (ssize_t)sizeof k) {
                unlink(path);
                return -1;
            }
        }
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fprintf(stderr, "sanctum scan: cannot open fingerprint key '%s': %s\n", path, strerror(errno));
        return -1;
    }
    ssize_t n = read(fd, key, 64);
    uint8_t extra;
    ssize_t more = n == 64 ? read(fd, &extra, 1) : 0;
    close(fd);
    if (n < 16 || more > 0) {
        fprintf(stderr, "sanctum scan: fingerprint key '%s' must hold 16 to 64 bytes\n", path);
        sodium_memzero(key, 64);
        return -1;
    }
    *key_len = (size_t)n;
    return 0;
}

static int write_all(FILE *f, const uint8_t *p, size_t n)
{
    return n == 0 || fwrite(p, 1, n, f) == n ? 0 : -1;
}

int cmd_scan(int argc, char **argv)
{
    strvec paths = {0}, excludes = {0};
    const char *format_s = "text", *rules_path = NULL, *baseline_path = NULL, *ignore_file = NULL;
    const char *key_path = NULL, *out_path = NULL, *since = NULL, *branch = NULL;
    bool git_history = false, staged = false;
    bool git_remotes = false, no_redact = false, no_builtin = false, gitignore = true;
    long jobs = sysconf(_SC_NPROCESSORS_ONLN);
    uint64_t max_file = 16u << 20;
    int rc = CLI_ERROR;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = NULL;
#define VALUE(name)                                                                            \
    (strcmp(a, name) == 0 ? (i + 1 < argc ? (v = argv[++i]) : NULL)                             \
                          : (strncmp(a, name "=", sizeof name) == 0 ? (v = a + sizeof name) : NULL))
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(SCAN_USAGE, stdout);
            sv_free(&paths);
            sv_free(&excludes);
            return CLI_OK;
        } else if (strcmp(a, "--git-remotes") == 0) {
            git_remotes = true;
        } else if (strcmp(a, "--git-history") == 0) {
            git_history = true;
        } else if (strcmp(a, "--staged") == 0) {
            staged = true;
        } else if (VALUE("--since")) {
            since = v;
        } else if (VALUE("--branch")) {
            branch = v;
        } else if (strcmp(a, "--no-redact") == 0) {
            no_redact = true;
        } else if (strcmp(a, "--no-builtin") == 0) {
            no_builtin = true;
        } else if (strcmp(a, "--no-gitignore") == 0) {
            gitignore = false;
        } else if (VALUE("--format")) {
            format_s = v;
        } else if (VALUE("--rules")) {
            rules_path = v;
        } else if (VALUE("--baseline")) {
            baseline_path = v;
        } else if (VALUE("--ignore-file")) {
            ignore_file = v;
        } else if (VALUE("--fingerprint-key-file")) {
            key_path = v;
        } else if (VALUE("--output")) {
            out_path = v;
        } else if (VALUE("--exclude")) {
            sv_push(&excludes, v);
        } else if (VALUE("--max-file-size")) {
            char *end;
            unsigned long long x = strtoull(v, &end, 10);
            if (*end != 0 || x == 0) {
                fprintf(stderr, "sanctum scan: --max-file-size needs a positive number of bytes\n");
                goto out;
            }
            max_file = x;
        } else if (VALUE("-j") || VALUE("--jobs")) {
            char *end;
            jobs = strtol(v, &end, 10);
            if (*end != 0 || jobs < 1 || jobs > 256) {
                fprintf(stderr, "sanctum scan: -j needs a number from 1 to 256\n");
                goto out;
            }
        } else if (strncmp(a, "-j", 2) == 0 && a[2] >= '0' && a[2] <= '9') {
            char *end;
            jobs = strtol(a + 2, &end, 10);
            if (*end != 0 || jobs < 1 || jobs > 256) {
                fprintf(stderr, "sanctum scan: -j needs a number from 1 to 256\n");
                goto out;
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            if (v == NULL && (strcmp(a, "--format") == 0 || strcmp(a, "--rules") == 0 || strcmp(a, "-j") == 0 ||
                              strcmp(a, "--baseline") == 0 || strcmp(a, "--output") == 0 ||
                              strcmp(a, "--exclude") == 0 || strcmp(a, "--ignore-file") == 0 ||
                              strcmp(a, "--jobs") == 0 || strcmp(a, "--max-file-size") == 0 ||
                              strcmp(a, "--since") == 0 || strcmp(a, "--branch") == 0 ||
                              strcmp(a, "--fingerprint-key-file") == 0))
                fprintf(stderr, "sanctum scan: %s needs a value\n", a);
            else
                fprintf(stderr, "sanctum scan: unknown option '%s'\n%s", a, SCAN_USAGE);
            goto out;
        } else {
            sv_push(&paths, a);
        }
#undef VALUE
    }
    if (jobs < 1)
        jobs = 1;
    int32_t format;
    if (strcmp(format_s, "text") == 0)
        format = SANCTUM_SCAN_FORMAT_TEXT;
    else if (strcmp(format_s, "jsonl") == 0)
        format = SANCTUM_SCAN_FORMAT_JSONL;
    else if (strcmp(format_s, "sarif") == 0)
        format = SANCTUM_SCAN_FORMAT_SARIF;
    else {
        fprintf(stderr, "sanctum scan: --format must be text, jsonl or sarif\n");
        goto out;
    }
    if (git_history && staged) {
        fprintf(stderr, "sanctum scan: --git-history and --staged exclude each other\n");
        goto out;
    }
    if ((since != NULL || branch != NULL) && !git_history) {
        fprintf(stderr, "sanctum scan: --since and --branch need --git-history\n");
        goto out;
    }
    if ((git_history || staged) && paths.n > 1) {
        fprintf(stderr, "sanctum scan: --git-history and --staged take one repository\n");
        goto out;
    }
    if (paths.n == 0)
        sv_push(&paths, ".");
    rc = CLI_ERROR;

    sanctum_ctx *ctx = NULL;
    sanctum_ctx_options copts;
    sanctum_ctx_options_init(&copts);
    copts.max_input_bytes = max_file > copts.max_input_bytes ? max_file : copts.max_input_bytes;
    sanctum_error err;
    if (sanctum_ctx_new(&ctx, &copts, &err) != SANCTUM_OK) {
        cli_print_error("scan", &err);
        goto out;
    }
    sanctum_scanner *scanner = NULL;
    sanctum_scan_report *report = NULL;
    scan_run run;
    memset(&run, 0, sizeof run);
    strvec repos = {0}, repo_paths = {0};
    uint8_t *rules = NULL, *baseline = NULL;
    size_t rules_len = 0, baseline_len = 0;
    uint8_t key[64];
    size_t key_len = 0;
    FILE *out = stdout;
    int file_errors = 0;
    uint64_t total_findings = 0;
    if (rules_path != NULL && (rules = slurp(rules_path, 64u << 20, &rules_len)) == NULL) {
        fprintf(stderr, "sanctum scan: cannot read rules file '%s'\n", rules_path);
        goto done;
    }
    if (baseline_path != NULL && (baseline = slurp(baseline_path, 1u << 30, &baseline_len)) == NULL) {
        fprintf(stderr, "sanctum scan: cannot read baseline '%s'\n", baseline_path);
        goto done;
    }
    if (load_key(key_path, key, &key_len) != 0) {
        if (key_path != NULL || baseline_path != NULL)
            goto done;
        fprintf(stderr, "sanctum scan: no fingerprint key available; findings carry no fingerprint\n");
        key_len = 0;
    }
    sanctum_scan_options so;
    sanctum_scan_options_init(&so);
    if (no_builtin)
        so.flags |= SANCTUM_SCAN_NO_BUILTIN;
    if (key_len != 0) {
        so.fingerprint_key = key;
        so.fingerprint_key_len = key_len;
    }
    if (sanctum_scanner_new(&scanner, ctx, &so, rules, rules_len, &err) != SANCTUM_OK) {
        if (err.offset != SANCTUM_NO_OFFSET && rules_path != NULL)
            fprintf(stderr, "sanctum scan: %s: %s\n", rules_path, err.message);
        else
            cli_print_error("scan", &err);
        goto done;
    }
    sodium_memzero(key, sizeof key);
    if (sanctum_scan_report_new(&report, scanner, format, no_redact ? SANCTUM_SCAN_REPORT_NO_REDACT : 0, baseline,
                                baseline_len, &err) != SANCTUM_OK) {
        cli_print_error("scan", &err);
        goto done;
    }
    run.scanner = scanner;
    run.max_file = max_file;
    run.keep_maps = no_redact;
    if (out_path != NULL && (out = fopen(out_path, "wb")) == NULL) {
        fprintf(stderr, "sanctum scan: cannot write '%s': %s\n", out_path, strerror(errno));
        out = stdout;
        goto done;
    }
    if (git_history || staged) {
        scan_git_opts go = {paths.v[0], since, branch, staged, (const char *const *)excludes.v, excludes.n,
                            ignore_file, baseline_path != NULL && baseline_path[0] != '/' ? baseline_path : NULL,
                            max_file, (unsigned)jobs, no_redact};
        scan_git_stats gs;
        if (scan_git_run(&go, ctx, scanner, report, format, out, &total_findings, &gs) != CLI_OK)
            file_errors++;
        fprintf(stderr,
                "sanctum scan: %s: %llu commits, %llu blob changes: %llu blobs scanned (%llu bytes), %llu skipped as "
                "already scanned, %llu binary or too large\n",
                staged ? "staged" : "history", (unsigned long long)gs.commits, (unsigned long long)gs.blob_refs,
                (unsigned long long)gs.blobs_scanned, (unsigned long long)gs.bytes_scanned,
                (unsigned long long)gs.blobs_skipped, (unsigned long long)gs.blobs_unscanned);
        goto finish;
    }
    for (size_t p = 0; p < paths.n; p++) {
        const char *root = paths.v[p];
        struct stat st;
        if (stat(root, &st) != 0) {
            fprintf(stderr, "sanctum scan: cannot access '%s': %s\n", root, strerror(errno));
            goto done;
        }
        if (!S_ISDIR(st.st_mode)) {
            add_job(&run, root, root);
            continue;
        }
        sanctum_scan_ignore *ig = NULL;
        if (sanctum_scan_ignore_new(&ig, ctx, NULL, 0, &err) != SANCTUM_OK) {
            cli_print_error("scan", &err);
            goto done;
        }
        char *ignf = ignore_file ? strdup(ignore_file) : path_join(root, ".sanctumignore");
        size_t il = 0;
        uint8_t *it = ignf ? slurp(ignf, 16u << 20, &il) : NULL;
        if (it == NULL && ignore_file != NULL) {
            fprintf(stderr, "sanctum scan: cannot read ignore file '%s'\n", ignore_file);
            free(ignf);
            sanctum_free(ig);
            goto done;
        }
        free(ignf);
        walker w = {&run, ig, gitignore, git_remotes ? &repos : NULL, &repo_paths, 0};
        if (gitignore)
            add_gitignore(ig, root, "");
        if (it != NULL) {
            if (sanctum_scan_ignore_add(ig, it, il, &err) != SANCTUM_OK)
                cli_print_error("scan", &err);
            free(it);
        }
        for (size_t e = 0; e < excludes.n; e++)
            (void)sanctum_scan_ignore_add(ig, (const uint8_t *)excludes.v[e], strlen(excludes.v[e]), &err);
        /* the root's .gitignore is already in; walk_dir adds those of subdirectories */
        walk_dir(&w, root, "", 0);
        file_errors += w.errors;
        /* git remotes: each repository's config is scanned as a file of its own */
        for (size_t k = 0; k < repos.n; k++) {
            char *cfg = repo_config_path(repo_paths.v[k]);
            if (cfg == NULL)
                continue;
            char *label = strcmp(repos.v[k], ".") == 0 ? strdup(".git/config") : path_join(repos.v[k], ".git/config");
            if (label != NULL && access(cfg, R_OK) == 0)
                add_job(&run, cfg, label);
            free(label);
            free(cfg);
        }
        sv_free(&repos);
        sv_free(&repo_paths);
        sanctum_free(ig);
    }
    /* scan with N threads */
    size_t nthreads = (size_t)jobs;
    if (nthreads > run.n_jobs)
        nthreads = run.n_jobs ? run.n_jobs : 1;
    pthread_t *th = calloc(nthreads, sizeof *th);
    size_t started = 0;
    if (th != NULL)
        for (; started + 1 < nthreads; started++)
            if (pthread_create(&th[started], NULL, worker, &run) != 0)
                break;
    worker(&run);
    for (size_t t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    free(th);

    for (size_t k = 0; k < run.n_jobs; k++) {
        job *j = &run.jobs[k];
        if (j->status == 2) {
            fprintf(stderr, "sanctum scan: %s: %s\n", j->label, j->why);
            file_errors++;
            continue;
        }
        if (j->res == NULL || j->res->count == 0)
            continue;
        uint64_t added = 0;
        if (sanctum_scan_report_add(report, j->res, j->map, j->map_len, (const uint8_t *)j->label, strlen(j->label),
                                    &added, &err) != SANCTUM_OK) {
            cli_print_error("scan", &err);
            goto done;
        }
        total_findings += added;
        if (j->res->truncated)
            fprintf(stderr, "sanctum scan: %s: too many findings, the rest were dropped\n", j->label);
        uint8_t *chunk;
        size_t cl;
        if (format != SANCTUM_SCAN_FORMAT_SARIF) {
            if (sanctum_scan_report_take(report, 0, &chunk, &cl, &err) != SANCTUM_OK) {
                cli_print_error("scan", &err);
                goto done;
            }
            int wr = write_all(out, chunk, cl);
            sanctum_free(chunk);
            if (wr != 0)
                goto done;
        }
    }
finish: {
        uint8_t *chunk;
        size_t cl;
        if (sanctum_scan_report_take(report, 1, &chunk, &cl, &err) != SANCTUM_OK) {
            cli_print_error("scan", &err);
            goto done;
        }
        int wr = write_all(out, chunk, cl);
        sanctum_free(chunk);
        if (wr != 0 || fflush(out) != 0) {
            fprintf(stderr, "sanctum scan: write error\n");
            goto done;
        }
    }
    rc = file_errors ? CLI_ERROR : (total_findings ? CLI_FINDINGS : CLI_OK);
done:
    sodium_memzero(key, sizeof key);
    if (out != stdout && out != NULL)
        fclose(out);
    for (size_t k = 0; k < run.n_jobs; k++) {
        job *j = &run.jobs[k];
        sanctum_free(j->res);
        if (j->map != NULL)
            munmap(j->map, j->map_len);
        free(j->path);
        free(j->label);
    }
    free(run.jobs);
    sv_free(&repos);
    sv_free(&repo_paths);
    if (rules != NULL) {
        sodium_memzero(rules, rules_len);
        free(rules);
    }
    if (baseline != NULL)
        free(baseline);
    sanctum_free(report);
    sanctum_free(scanner);
    sanctum_ctx_free(ctx);
out:
    sv_free(&paths);
    sv_free(&excludes);
    return rc;
}
