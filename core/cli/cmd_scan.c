#define _GNU_SOURCE 1
/* sanctum scan: walk paths (gitignore-style excludes), scan files and git remote configuration with
 * N threads, and write text, JSON lines or SARIF. Exit 0 clean, 1 findings, 2 error. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
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
#include "scan_ignore.h"
#include "scan_text.h"

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
    "  --max-file-size BYTES     skip larger files (default 1 GiB; with --git-history/--staged,\n"
    "                            larger blobs, default 16 MiB); files over 16 MiB are scanned in\n"
    "                            overlapping windows, UTF-16 files (BOM or NUL-interleaved) as text\n"
    "  --fingerprint-key-file F  key for fingerprints (default $XDG_DATA_HOME/sanctum/scan.key,\n"
    "                            created 0600 with 32 random bytes when missing)\n"
    "Skipped files (binary: a NUL in the first 8 KiB; over --max-file-size) are counted on stderr.\n"
    "Exit status: 0 nothing found, 1 findings, 2 error.\n";

enum {
    O_GIT_REMOTES, O_NO_REDACT, O_NO_BUILTIN, O_NO_GITIGNORE, O_FORMAT, O_RULES, O_BASELINE, O_IGNORE_FILE,
    O_KEY_FILE, O_OUTPUT, O_EXCLUDE, O_MAX_FILE_SIZE, O_JOBS, O_GIT_HISTORY, O_SINCE, O_BRANCH, O_STAGED
};
static const cli_opt SCAN_OPTS[] = {
    [O_GIT_REMOTES] = {"--git-remotes", NULL, 0, 0},
    [O_NO_REDACT] = {"--no-redact", NULL, 0, 0},
    [O_NO_BUILTIN] = {"--no-builtin", NULL, 0, 0},
    [O_NO_GITIGNORE] = {"--no-gitignore", NULL, 0, 0},
    [O_FORMAT] = {"--format", NULL, CLI_OPT_VALUE, 0},
    [O_RULES] = {"--rules", NULL, CLI_OPT_VALUE, 0},
    [O_BASELINE] = {"--baseline", NULL, CLI_OPT_VALUE, 0},
    [O_IGNORE_FILE] = {"--ignore-file", NULL, CLI_OPT_VALUE, 0},
    [O_KEY_FILE] = {"--fingerprint-key-file", NULL, CLI_OPT_VALUE, 0},
    [O_OUTPUT] = {"--output", NULL, CLI_OPT_VALUE, 0},
    [O_EXCLUDE] = {"--exclude", NULL, CLI_OPT_VALUE | CLI_OPT_REPEAT, 0},
    [O_MAX_FILE_SIZE] = {"--max-file-size", NULL, CLI_OPT_VALUE, 0},
    [O_JOBS] = {"--jobs", "-j", CLI_OPT_VALUE, 0},
    [O_GIT_HISTORY] = {"--git-history", NULL, 0, 0},
    [O_SINCE] = {"--since", NULL, CLI_OPT_VALUE, 0},
    [O_BRANCH] = {"--branch", NULL, CLI_OPT_VALUE, 0},
    [O_STAGED] = {"--staged", NULL, 0, 0},
};

/* One file to scan: its path on disk and the name reported (relative to the root given). */
typedef struct job {
    char *path;
    char *label;
    size_t rel_off;    /* a file of a walked tree: path[rel_off..] is its path inside the tree (else 0) */
    bool named;        /* a PATH the user named: opened as named, through a symlink too */
    sanctum_scan_result *res;   /* the findings to report: one scan's, or &view */
    sanctum_scan_result **parts; /* windows of a large file, or the scan of a transcoded one */
    size_t n_parts;
    sanctum_scan_finding *merged; /* view's findings: in file offsets (borrowing the parts' strings) */
    sanctum_scan_result view;
    uint8_t *map;      /* kept for --no-redact reports */
    size_t map_len;
    bool is_mmap;
    bool transcoded;   /* UTF-16 scanned as UTF-8: no byte of the file is the secret's UTF-8 */
    _Atomic uintptr_t map_start, map_end; /* the file's mapping while it is read (on_sigbus) */
    _Atomic int shrank; /* the file shrank while mapped: pages past its end were read as zeros */
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

/* A mapped file can shrink while it is scanned (a log rotated, a file rewritten by a build): reading a
 * page past its new end raises SIGBUS, which killed the whole scan. The handler maps zeros over the
 * rest of the mapping, so the read goes on, and marks the job, whose result is then an error. Only
 * addresses inside a registered mapping are handled; any other SIGBUS takes the default action. */
static job *_Atomic g_bus_jobs;
static _Atomic size_t g_bus_njobs;
static uintptr_t g_page_size;

static void on_sigbus(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    uintptr_t a = (uintptr_t)si->si_addr;
    job *jobs = atomic_load(&g_bus_jobs);
    size_t n = atomic_load(&g_bus_njobs);
    for (size_t i = 0; jobs != NULL && i < n; i++) {
        uintptr_t s = atomic_load(&jobs[i].map_start), e = atomic_load(&jobs[i].map_end);
        if (s == 0 || a < s || a >= e)
            continue;
        /* zeros from the faulting page to the end of the mapping: one fault, not one per page */
        uintptr_t page = a & ~(g_page_size - 1), stop = (e + g_page_size - 1) & ~(g_page_size - 1);
        if (mmap((void *)page, stop - page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
            atomic_store(&jobs[i].shrank, 1);
            return;
        }
        break;
    }
    signal(sig, SIG_DFL); /* not ours: the fault repeats and ends the process as it would have */
}

static void sigbus_guard(scan_run *r, bool on)
{
    static struct sigaction saved;
    if (on) {
        g_page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
        atomic_store(&g_bus_njobs, r->n_jobs);
        atomic_store(&g_bus_jobs, r->jobs);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_sigbus;
        sa.sa_flags = SA_SIGINFO;
        sigemptyset(&sa.sa_mask);
        (void)sigaction(SIGBUS, &sa, &saved);
    } else {
        (void)sigaction(SIGBUS, &saved, NULL);
        atomic_store(&g_bus_jobs, NULL);
        atomic_store(&g_bus_njobs, 0);
    }
}

static int add_job_at(scan_run *r, const char *path, const char *label, size_t rel_off);

static int add_job(scan_run *r, const char *path, const char *label) { return add_job_at(r, path, label, 0); }

/* A file found by the walk: path is the tree's root, then rel. */
static int add_tree_job(scan_run *r, const char *path, const char *rel)
{
    size_t pl = strlen(path), rl = strlen(rel);
    if (rl == 0 || rl >= pl || strcmp(path + pl - rl, rel) != 0)
        return add_job(r, path, rel);
    return add_job_at(r, path, rel, pl - rl);
}

static int add_job_at(scan_run *r, const char *path, const char *label, size_t rel_off)
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
    j->rel_off = rel_off;
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

/* Opens a file found inside a scanned tree for reading: only a regular file, never through a final
 * symlink (a tree must not point the scan at /dev/tty or elsewhere), and without blocking on a FIFO
 * (open() of a FIFO waits for a writer). -1 with errno set otherwise. */
static int open_tree_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        errno = EINVAL;
        return -1;
    }
    return fd;
}

/* Reads a small file into malloc'd memory (NUL-terminated). in_tree: a file of the scanned tree
 * (open_tree_file; silently NULL when it is missing or not a regular file), else a path the user
 * gave (a FIFO such as <(...) is fine). */
static uint8_t *slurp(const char *path, uint64_t max, size_t *len, bool in_tree)
{
    cli_input in;
    if (in_tree) {
        int fd = open_tree_file(path);
        FILE *f = fd < 0 ? NULL : fdopen(fd, "rb");
        if (f == NULL) {
            if (fd >= 0)
                close(fd);
            return NULL;
        }
        int rc = cli_read_stream(f, path, max, &in);
        fclose(f);
        if (rc != 0)
            return NULL;
    } else {
        FILE *probe = fopen(path, "rb");
        if (probe == NULL)
            return NULL;
        fclose(probe);
        if (cli_read_input(path, max, &in) != 0)
            return NULL;
    }
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
static void add_gitignore(sanctum_scan_ignore *ig, scan_ig_sources *src, const char *dir, const char *rel)
{
    char *p = path_join(dir, ".gitignore");
    if (p == NULL)
        return;
    size_t len = 0;
    uint8_t *t = slurp(p, 1u << 20, &len, true);
    if (t == NULL) {
        free(p);
        return;
    }
    if (rel[0] == '\0') {
        sanctum_error err;
        scan_ig_add(ig, src, p, t, len, &err, false);
        free(p);
        free(t);
        return;
    }
    size_t o = 0;
    char *out = NULL;
    int r = scan_gitignore_anchor(t, len, rel, &out, &o);
    if (r != 0) {
        if (r > 0) {
            fputs("sanctum scan: '", stderr);
            cli_put_label(stderr, dir);
            fputs("/.gitignore': too many patterns for its depth, not used\n", stderr);
        }
        free(p);
        free(t);
        return;
    }
    sanctum_error err;
    scan_ig_add(ig, src, p, (const uint8_t *)out, o, &err, false);
    free(p);
    free(out);
    free(t);
}

typedef struct walker {
    scan_run *run;
    sanctum_scan_ignore *ig;
    scan_ig_sources *src;
    bool gitignore;
    cli_strvec *repos;       /* rel paths of repositories found (for --git-remotes) */
    cli_strvec *repo_paths;
    int errors;
} walker;

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void dir_open_failed(walker *w, const char *dir, int e)
{
    fputs("sanctum scan: cannot open directory '", stderr);
    cli_put_label(stderr, dir);
    fprintf(stderr, "': %s\n", strerror(e));
    w->errors++;
}

/* Walks the directory open on fd (taken: closed here), at path dir (for labels and jobs). Each
 * subdirectory is opened relative to its parent's fd with O_NOFOLLOW, so a directory swapped for a
 * symlink between the stat and the open is refused (ELOOP) instead of followed out of the tree. */
static void walk_dir(walker *w, int fd, const char *dir, const char *rel, unsigned depth)
{
    if (depth > 256) {
        /* as an unreadable directory: nothing is left out without a word */
        close(fd);
        fputs("sanctum scan: '", stderr);
        cli_put_label(stderr, dir);
        fputs("': more than 256 directories deep, not scanned\n", stderr);
        w->errors++;
        return;
    }
    if (w->gitignore && depth > 0)
        add_gitignore(w->ig, w->src, dir, rel);
    DIR *d = fdopendir(fd);
    if (d == NULL) {
        int e = errno;
        close(fd);
        dir_open_failed(w, dir, e);
        return;
    }
    cli_strvec names = {0};
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (cli_sv_push(&names, de->d_name) != 0)
            break;
    }
    /* deterministic order */
    if (names.n > 1)
        qsort(names.v, names.n, sizeof *names.v, name_cmp);
    int dfd = dirfd(d);
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
        if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            free(full);
            free(r);
            continue;
        }
        if (strcmp(name, ".git") == 0) {
            if (w->repos != NULL) {
                cli_sv_push(w->repos, rel[0] ? rel : ".");
                cli_sv_push(w->repo_paths, full);
            }
        } else if (S_ISDIR(st.st_mode)) {
            if (!scan_ig_match(w->ig, w->src, r, 1)) {
                int sub = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (sub < 0)
                    dir_open_failed(w, full, errno);
                else
                    walk_dir(w, sub, full, r, depth + 1);
            }
        } else if (S_ISREG(st.st_mode)) {
            if (!scan_ig_match(w->ig, w->src, r, 0) &&
                !sanctum_scanner_path_allowed(w->run->scanner, (const uint8_t *)r, strlen(r)))
                add_tree_job(w->run, full, r);
        }
        free(full);
        free(r);
    }
    closedir(d);
    cli_sv_free(&names);
}

/* Whether path (resolved: symlinks and ..) lies inside one of the PATHs the user named. */
static bool inside_named(const cli_strvec *named, const char *path)
{
    char *real = realpath(path, NULL);
    if (real == NULL)
        return false;
    bool in = false;
    for (size_t i = 0; i < named->n && !in; i++) {
        char *root = realpath(named->v[i], NULL);
        if (root == NULL)
            continue;
        size_t rl = strlen(root);
        in = strncmp(real, root, rl) == 0 && (real[rl] == '/' || real[rl] == '\0' || (rl == 1 && root[0] == '/'));
        free(root);
    }
    free(real);
    return in;
}

/* The config of a repository: .git/config, or for a worktree/submodule .git file, the config of the
 * gitdir it names (its commondir when there is one). Nothing is executed. A .git file is only
 * followed into the trees the user named (named): a planted `gitdir: /elsewhere` must not make the
 * scan read /elsewhere/config; then NULL with *outside set. */
static char *repo_config_path(const char *dotgit, const cli_strvec *named, bool *outside)
{
    *outside = false;
    struct stat st;
    if (lstat(dotgit, &st) != 0)
        return NULL;
    if (S_ISDIR(st.st_mode))
        return path_join(dotgit, "config");
    if (!S_ISREG(st.st_mode))
        return NULL;
    size_t len = 0;
    uint8_t *t = slurp(dotgit, 4096, &len, true);
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
        if (gitdir != NULL && !inside_named(named, gitdir)) {
            *outside = true;
            free(gitdir);
            gitdir = NULL;
        }
        if (gitdir != NULL) {
            char *cd = path_join(gitdir, "commondir");
            size_t cl = 0;
            uint8_t *c = cd ? slurp(cd, 4096, &cl, true) : NULL;
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
        if (res != NULL && !inside_named(named, res)) { /* a commondir elsewhere */
            *outside = true;
            free(res);
            res = NULL;
        }
    }
    free(t);
    return res;
}

static sanctum_status sc_cli_nomem(sanctum_error *err)
{
    err->code = SANCTUM_E_NOMEM;
    err->offset = SANCTUM_NO_OFFSET;
    snprintf(err->message, sizeof err->message, "out of memory");
    return SANCTUM_E_NOMEM;
}

/* Files larger than SCAN_WINDOW are scanned in windows that overlap by SCAN_OVERLAP. A match and its
 * keyword lie within SCAN_REACH bytes of the secret (a rule's window is at most 1 MiB on either side
 * of a keyword of at most 64 bytes, docs/scan.md). Ownership splits at the middle of the overlap:
 * window i reports secrets before step + OVERLAP/2, window i+1 those from its OVERLAP/2 on, so the
 * overlap must be at least 2 * SCAN_REACH for each window to hold the whole context of its secrets. */
#define SCAN_WINDOW (16u << 20)
#define SCAN_REACH (2u * (1u << 20) + 64u)
#define SCAN_OVERLAP (6u << 20)
_Static_assert(SCAN_OVERLAP >= 2 * SCAN_REACH && SCAN_OVERLAP < SCAN_WINDOW, "windows must overlap enough");

/* Scans t[0..n): whole when it fits a window and was not transcoded (j->res), else window by window
 * into j->parts with the findings gathered in j->view (offsets, lines and columns in t). */
static sanctum_status scan_windows(scan_run *r, job *j, const uint8_t *t, size_t n, sanctum_error *err)
{
    const uint8_t *label = (const uint8_t *)j->label;
    size_t label_len = strlen(j->label);
    if (n <= SCAN_WINDOW && !j->transcoded)
        return sanctum_scan_buffer(r->scanner, &j->res, t, n, label, label_len, err);
    size_t step = SCAN_WINDOW - SCAN_OVERLAP, cap = 0;
    size_t n_windows = n <= SCAN_WINDOW ? 1 : (n - SCAN_OVERLAP + step - 1) / step;
    j->parts = calloc(n_windows, sizeof *j->parts);
    if (j->parts == NULL)
        return sc_cli_nomem(err);
    j->view.struct_size = (uint32_t)sizeof j->view;
    uint64_t lines_before = 0, cols_before = 0; /* newlines in t[0..counted), code points since the last */
    size_t counted = 0;
    for (size_t start = 0;; start += step) {
        size_t end = n - start > SCAN_WINDOW ? start + SCAN_WINDOW : n;
        bool last = end == n;
        sanctum_scan_result *part = NULL;
        sanctum_status st = sanctum_scan_buffer(r->scanner, &part, t + start, end - start, label, label_len, err);
        if (st != SANCTUM_OK)
            return st;
        j->parts[j->n_parts++] = part;
        for (; counted < start; counted++) { /* carried forward: each byte is looked at once */
            if (t[counted] == '\n') {
                lines_before++;
                cols_before = 0;
            } else {
                cols_before += (t[counted] & 0xC0) != 0x80;
            }
        }
        j->view.truncated |= part->truncated;
        j->view.incomplete += part->incomplete;
        for (uint64_t k = 0; k < part->count; k++) {
            sanctum_scan_finding f = part->findings[k];
            if (!last && f.secret_offset >= step + SCAN_OVERLAP / 2)
                continue; /* the next window, which holds all of its context, reports it */
            if (start != 0 && f.secret_offset < SCAN_OVERLAP / 2)
                continue; /* the previous window reported it */
            if (j->view.count == cap) {
                cap = cap ? cap * 2 : 16;
                sanctum_scan_finding *nm = realloc(j->merged, cap * sizeof *nm);
                if (nm == NULL)
                    return sc_cli_nomem(err);
                j->merged = nm;
            }
            f.offset += start;
            f.secret_offset += start;
            if (f.line == 1)
                f.column += cols_before;
            if (f.end_line == 1)
                f.end_column += cols_before;
            f.line += lines_before;
            f.end_line += lines_before;
            j->merged[j->view.count++] = f;
        }
        if (last)
            break;
    }
    j->view.findings = j->merged;
    j->res = &j->view;
    return SANCTUM_OK;
}

/* Unmaps a scanned file; the SIGBUS handler stops treating its range as ours first. A file read into
 * memory instead (scan_read_unsized) is wiped and freed. */
static void unmap_file(job *j, uint8_t *map, size_t len)
{
    atomic_store(&j->map_start, 0);
    if (j->is_mmap) {
        munmap(map, len);
    } else if (map != NULL) {
        sodium_memzero(map, len);
        free(map);
    }
}

/* Opens a file of a walked tree one directory at a time from the tree's root, never through a symlink:
 * the walk saw real directories, but one can be swapped for a symlink before its files are read, and
 * open() of the whole path would follow it out of the tree (the root itself is as the user named it). */
static int open_in_tree(const char *path, size_t rel_off, int flags)
{
    char *root = strndup(path, rel_off);
    if (root == NULL)
        return -1;
    int dfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(root);
    const char *p = path + rel_off;
    for (const char *sl; dfd >= 0 && (sl = strchr(p, '/')) != NULL; p = sl + 1) {
        char *name = strndup(p, (size_t)(sl - p));
        int sub = name == NULL ? -1 : openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        int e = errno;
        free(name);
        close(dfd);
        errno = e;
        dfd = sub;
    }
    if (dfd < 0)
        return -1;
    int fd = openat(dfd, p, flags);
    int e = errno;
    close(dfd);
    errno = e;
    return fd;
}

static void scan_one(scan_run *r, job *j)
{
    /* O_NONBLOCK: a path that became a FIFO since the walk must not hang the scan (fstat refuses it).
     * A file of a walked tree is never opened through a symlink; a file the user named is opened as
     * named (a link such as ~/.env -> dotfiles/env, or /dev/stdin), as a named directory is walked. */
    const int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
    int fd = j->rel_off > 0 ? open_in_tree(j->path, j->rel_off, flags | O_NOFOLLOW)
                            : open(j->path, j->named ? flags : flags | O_NOFOLLOW);
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
    if (len == 0) {
        /* st_size 0 is no proof of emptiness: /proc files (environ, status) say 0 and hold text */
        int rr = scan_read_unsized(fd, r->max_file, &map, &len);
        if (rr != 0) {
            int e = errno;
            close(fd);
            j->status = rr == 1 ? 1 : 2;
            if (rr == 1)
                snprintf(j->why, sizeof j->why, "larger than the size cap (%llu bytes)",
                         (unsigned long long)r->max_file);
            else
                snprintf(j->why, sizeof j->why, "cannot read: %s", strerror(e));
            return;
        }
    } else {
        void *m = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m == MAP_FAILED) {
            close(fd);
            j->status = 2;
            snprintf(j->why, sizeof j->why, "cannot map: %s", strerror(errno));
            return;
        }
        map = m;
        j->is_mmap = true;
        atomic_store(&j->map_end, (uintptr_t)m + len);
        atomic_store(&j->map_start, (uintptr_t)m);
        (void)madvise(m, len, MADV_SEQUENTIAL);
    }
    close(fd);
    size_t bom = 0;
    int wide = scan_utf16_kind(map, len, &bom);
    /* binary: a NUL byte in the first 8 KiB (that is not UTF-16 text) */
    if (wide == 0 && len != 0 && memchr(map, 0, len < 8192 ? len : 8192) != NULL) {
        unmap_file(j, map, len);
        j->status = 1;
        snprintf(j->why, sizeof j->why, "binary");
        return;
    }
    const uint8_t *text = map;
    size_t text_len = len;
    uint8_t *u8 = NULL;
    if (wide != 0) {
        u8 = scan_utf16_to_utf8(map, len, bom, wide == 2, &text_len);
        if (u8 == NULL) {
            unmap_file(j, map, len);
            j->status = 2;
            snprintf(j->why, sizeof j->why, "UTF-16 file too large to transcode: %zu MiB of UTF-8 do not fit in memory",
                     text_len >> 20);
            return;
        }
        text = u8;
        j->transcoded = true;
    }
    sanctum_error err;
    sanctum_status st2 = scan_windows(r, j, text, text_len, &err);
    if (st2 != SANCTUM_OK) {
        j->status = 2;
        snprintf(j->why, sizeof j->why, "%s", err.message);
    } else if (u8 != NULL && !scan_utf16_offsets_back(map, len, bom, wide == 2, j->merged, j->view.count)) {
        j->status = 2;
        snprintf(j->why, sizeof j->why, "out of memory");
    }
    if (u8 != NULL) {
        sodium_memzero(u8, text_len);
        free(u8);
    }
    if (atomic_load(&j->shrank)) {
        j->status = 2;
        snprintf(j->why, sizeof j->why, "the file shrank while it was scanned (scan it again)");
    }
    if (r->keep_maps && j->status == 0 && j->res != NULL && j->res->count != 0 && !j->transcoded) {
        j->map = map;
        j->map_len = len;
    } else if (map != NULL) {
        unmap_file(j, map, len);
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


static int write_all(FILE *f, const uint8_t *p, size_t n)
{
    return n == 0 || fwrite(p, 1, n, f) == n ? 0 : -1;
}

/* ---- cmd_scan in steps: options, scanner and report, the work (files or git), the report's end ---- */

/* The command line. */
typedef struct scan_cfg {
    cli_strvec paths, excludes;
    const char *rules_path, *baseline_path, *ignore_file, *key_path, *out_path, *since, *branch;
    bool git_history, staged, git_remotes, no_redact, no_builtin, gitignore, max_file_given;
    long jobs;
    uint64_t max_file;
    int32_t format;
} scan_cfg;

/* What every mode shares: the context, scanner, report and output. */
typedef struct scan_env {
    sanctum_ctx *ctx;
    sanctum_scanner *scanner;
    sanctum_scan_report *report;
    uint8_t *baseline;
    size_t baseline_len;
    FILE *out;
    int32_t format;
    uint64_t findings;
    int errors;          /* files that could not be read or scanned */
    uint64_t skipped;    /* binary or over --max-file-size */
} scan_env;

/* Parses argv into c. Returns -1 to go on, else the exit code (help, or a bad option). */
static int parse_options(scan_cfg *c, int argc, char **argv)
{
    const char *format_s = "text";
    c->jobs = sysconf(_SC_NPROCESSORS_ONLN);
    c->max_file = 1u << 30;
    c->gitignore = true;
    cli_args args;
    cli_args_init(&args, "scan", SCAN_USAGE, SCAN_OPTS, sizeof SCAN_OPTS / sizeof SCAN_OPTS[0], argc, argv, 1);
    for (int o; (o = cli_args_next(&args)) != CLI_ARGS_DONE;) {
        const char *v = args.value;
        switch (o) {
        case CLI_ARGS_HELP: fputs(SCAN_USAGE, stdout); return CLI_OK;
        case CLI_ARGS_BAD: return CLI_ERROR;
        case O_GIT_REMOTES: c->git_remotes = true; break;
        case O_NO_REDACT: c->no_redact = true; break;
        case O_NO_BUILTIN: c->no_builtin = true; break;
        case O_NO_GITIGNORE: c->gitignore = false; break;
        case O_FORMAT: format_s = v; break;
        case O_RULES: c->rules_path = v; break;
        case O_BASELINE: c->baseline_path = v; break;
        case O_IGNORE_FILE: c->ignore_file = v; break;
        case O_KEY_FILE: c->key_path = v; break;
        case O_OUTPUT: c->out_path = v; break;
        case O_EXCLUDE: cli_sv_push(&c->excludes, v); break;
        case O_GIT_HISTORY: c->git_history = true; break;
        case O_SINCE: c->since = v; break;
        case O_BRANCH: c->branch = v; break;
        case O_STAGED: c->staged = true; break;
        case O_MAX_FILE_SIZE: {
            char *end;
            errno = 0;
            unsigned long long x = strtoull(v, &end, 10);
            /* strtoull takes "-5" as 2^64 - 5 and saturates on overflow: digits only, in range */
            if (v[0] < '0' || v[0] > '9' || *end != 0 || errno == ERANGE || x == 0)
                return cli_usage_error(&args, "--max-file-size needs a positive number of bytes");
            c->max_file = x;
            c->max_file_given = true;
            break;
        }
        case O_JOBS: {
            char *end;
            c->jobs = strtol(v, &end, 10);
            if (*end != 0 || c->jobs < 1 || c->jobs > 256)
                return cli_usage_error(&args, "-j needs a number from 1 to 256");
            break;
        }
        default: cli_sv_push(&c->paths, v);
        }
    }
    if (c->jobs < 1)
        c->jobs = 1;
    if (strcmp(format_s, "text") == 0)
        c->format = SANCTUM_SCAN_FORMAT_TEXT;
    else if (strcmp(format_s, "jsonl") == 0)
        c->format = SANCTUM_SCAN_FORMAT_JSONL;
    else if (strcmp(format_s, "sarif") == 0)
        c->format = SANCTUM_SCAN_FORMAT_SARIF;
    else
        return cli_usage_error(&args, "--format must be text, jsonl or sarif");
    if (c->git_history && c->staged)
        return cli_usage_error(&args, "--git-history and --staged exclude each other");
    if ((c->since != NULL || c->branch != NULL) && !c->git_history)
        return cli_usage_error(&args, "--since and --branch need --git-history");
    if ((c->git_history || c->staged) && (c->paths.n > 1 || c->git_remotes))
        return cli_usage_error(&args, "--git-history and --staged take one repository (and no --git-remotes)");
    if (c->paths.n == 0)
        cli_sv_push(&c->paths, ".");
    if ((c->git_history || c->staged) && !c->max_file_given)
        c->max_file = 16u << 20; /* a blob is scanned whole, in memory */
    return -1;
}

/* The context, the scanner (built-in and --rules, the fingerprint key), the report (--baseline) and
 * the output file. Messages printed; nonzero on failure. */
static int open_scanner(const scan_cfg *c, scan_env *e)
{
    sanctum_ctx_options copts;
    sanctum_ctx_options_init(&copts);
    /* files are scanned a window at a time; git blobs whole */
    uint64_t largest = c->git_history || c->staged ? c->max_file : SCAN_WINDOW;
    copts.max_input_bytes = largest > copts.max_input_bytes ? largest : copts.max_input_bytes;
    sanctum_error err;
    e->out = stdout;
    e->format = c->format;
    if (sanctum_ctx_new(&e->ctx, &copts, &err) != SANCTUM_OK) {
        cli_print_error("scan", &err);
        return -1;
    }
    uint8_t *rules = NULL;
    size_t rules_len = 0;
    uint8_t key[64];
    size_t key_len = 0;
    int rc = -1;
    if (c->rules_path != NULL && (rules = slurp(c->rules_path, 64u << 20, &rules_len, false)) == NULL) {
        fprintf(stderr, "sanctum scan: cannot read rules file '%s'\n", c->rules_path);
        goto out;
    }
    if (c->baseline_path != NULL &&
        (e->baseline = slurp(c->baseline_path, 1u << 30, &e->baseline_len, false)) == NULL) {
        fprintf(stderr, "sanctum scan: cannot read baseline '%s'\n", c->baseline_path);
        goto out;
    }
    if (cli_scan_key(c->key_path, key, &key_len) != 0) {
        if (c->key_path != NULL || c->baseline_path != NULL)
            goto out;
        fprintf(stderr, "sanctum scan: no fingerprint key available; findings carry no fingerprint\n");
        key_len = 0;
    }
    sanctum_scan_options so;
    sanctum_scan_options_init(&so);
    if (c->no_builtin)
        so.flags |= SANCTUM_SCAN_NO_BUILTIN;
    if (key_len != 0) {
        so.fingerprint_key = key;
        so.fingerprint_key_len = key_len;
    }
    if (sanctum_scanner_new(&e->scanner, e->ctx, &so, rules, rules_len, &err) != SANCTUM_OK) {
        if (err.offset != SANCTUM_NO_OFFSET && c->rules_path != NULL)
            fprintf(stderr, "sanctum scan: %s: %s\n", c->rules_path, err.message);
        else
            cli_print_error("scan", &err);
        goto out;
    }
    if (sanctum_scan_report_new(&e->report, e->scanner, c->format, c->no_redact ? SANCTUM_SCAN_REPORT_NO_REDACT : 0,
                                e->baseline, e->baseline_len, &err) != SANCTUM_OK) {
        if (err.code == SANCTUM_E_PARSE && c->baseline_path != NULL)
            fprintf(stderr, "sanctum scan: %s: %s\n", c->baseline_path, err.message);
        else
            cli_print_error("scan", &err);
        goto out;
    }
    /* 0600: with --no-redact the report holds whole secrets (and always their fingerprints) */
    int ofd = c->out_path == NULL ? -1 : open(c->out_path, O_WRONLY | O_CREAT | O_TRUNC | O_NOCTTY | O_CLOEXEC, 0600);
    if (c->out_path != NULL && (ofd < 0 || (e->out = fdopen(ofd, "wb")) == NULL)) {
        if (ofd >= 0)
            close(ofd);
        fprintf(stderr, "sanctum scan: cannot write '%s': %s\n", c->out_path, strerror(errno));
        e->out = stdout;
        goto out;
    }
    rc = 0;
out:
    sodium_memzero(key, sizeof key);
    if (rules != NULL) {
        sodium_memzero(rules, rules_len);
        free(rules);
    }
    return rc;
}

/* The files of one root directory (gitignore, .sanctumignore or --ignore-file, --exclude) and, with
 * --git-remotes, the config of each repository found there. */
static int collect_root(const scan_cfg *c, scan_env *e, scan_run *run, const char *root)
{
    sanctum_error err;
    sanctum_scan_ignore *ig = NULL;
    if (sanctum_scan_ignore_new(&ig, e->ctx, NULL, 0, &err) != SANCTUM_OK) {
        cli_print_error("scan", &err);
        return -1;
    }
    char *ignf = c->ignore_file ? strdup(c->ignore_file) : path_join(root, ".sanctumignore");
    size_t il = 0;
    uint8_t *it = ignf ? slurp(ignf, 16u << 20, &il, c->ignore_file == NULL) : NULL;
    if (it == NULL && c->ignore_file != NULL) {
        fprintf(stderr, "sanctum scan: cannot read ignore file '%s'\n", c->ignore_file);
        free(ignf);
        sanctum_free(ig);
        return -1;
    }
    scan_ig_sources src = {{0}, 0};
    if (cli_sv_push(&src.names, "") != 0) /* source 0: the empty set made above */
        src.names.n = 0;
    src.count = 1;
    cli_strvec repos = {0}, repo_paths = {0};
    walker w = {run, ig, &src, c->gitignore, c->git_remotes ? &repos : NULL, &repo_paths, 0};
    if (c->gitignore)
        add_gitignore(ig, &src, root, "");
    if (it != NULL) {
        scan_ig_add(ig, &src, ignf, it, il, &err, true);
        free(it);
    }
    free(ignf);
    for (size_t x = 0; x < c->excludes.n; x++)
        scan_ig_add(ig, &src, "--exclude", (const uint8_t *)c->excludes.v[x], strlen(c->excludes.v[x]), &err, false);
    /* the root's .gitignore is already in; walk_dir adds those of subdirectories */
    int rfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC); /* a root the user named may be a symlink */
    if (rfd < 0)
        dir_open_failed(&w, root, errno);
    else
        walk_dir(&w, rfd, root, "", 0);
    e->errors += w.errors;
    /* git remotes: each repository's config is scanned as a file of its own */
    for (size_t k = 0; k < repos.n; k++) {
        bool outside = false;
        char *cfg = repo_config_path(repo_paths.v[k], &c->paths, &outside);
        if (outside) {
            fputs("sanctum scan: ", stderr);
            cli_put_label(stderr, strcmp(repos.v[k], ".") == 0 ? "" : repos.v[k]);
            fputs(strcmp(repos.v[k], ".") == 0 ? ".git" : "/.git", stderr);
            fputs(": skipped, its gitdir lies outside the scanned tree (name that directory as a PATH to read its "
                  "config)\n",
                  stderr);
        }
        if (cfg == NULL)
            continue;
        char *label = strcmp(repos.v[k], ".") == 0 ? strdup(".git/config") : path_join(repos.v[k], ".git/config");
        if (label != NULL && access(cfg, R_OK) == 0)
            add_job(run, cfg, label);
        free(label);
        free(cfg);
    }
    cli_sv_free(&repos);
    cli_sv_free(&repo_paths);
    sanctum_free(ig);
    cli_sv_free(&src.names);
    return 0;
}

/* Every PATH: a file is scanned as given, a directory walked. */
static int collect_files(const scan_cfg *c, scan_env *e, scan_run *run)
{
    for (size_t p = 0; p < c->paths.n; p++) {
        const char *root = c->paths.v[p];
        struct stat st;
        if (stat(root, &st) != 0) {
            fprintf(stderr, "sanctum scan: cannot access '%s': %s\n", root, strerror(errno));
            return -1;
        }
        if (!S_ISDIR(st.st_mode)) {
            if (add_job(run, root, root) == 0)
                run->jobs[run->n_jobs - 1].named = true;
            continue;
        }
        if (collect_root(c, e, run, root) != 0)
            return -1;
    }
    return 0;
}

static void scan_jobs(scan_run *run, long jobs)
{
    size_t nthreads = (size_t)jobs;
    if (nthreads > run->n_jobs)
        nthreads = run->n_jobs ? run->n_jobs : 1;
    pthread_t *th = calloc(nthreads, sizeof *th);
    size_t started = 0;
    if (th != NULL)
        for (; started + 1 < nthreads; started++)
            if (pthread_create(&th[started], NULL, worker, run) != 0)
                break;
    worker(run);
    for (size_t t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    free(th);
}

/* Findings into the report in file order; text and JSON lines are written as they come. */
static int report_jobs(scan_env *e, scan_run *run)
{
    sanctum_error err;
    for (size_t k = 0; k < run->n_jobs; k++) {
        job *j = &run->jobs[k];
        if (j->status == 1)
            e->skipped++;
        if (j->status == 2) {
            fputs("sanctum scan: ", stderr);
            cli_put_label(stderr, j->label);
            fprintf(stderr, ": %s\n", j->why);
            e->errors++;
            continue;
        }
        if (j->res == NULL || j->res->count == 0)
            continue;
        uint64_t added = 0;
        if (sanctum_scan_report_add(e->report, j->res, j->map, j->map_len, (const uint8_t *)j->label, strlen(j->label),
                                    &added, &err) != SANCTUM_OK) {
            cli_print_error("scan", &err);
            return -1;
        }
        e->findings += added;
        if (j->res->truncated) {
            fputs("sanctum scan: ", stderr);
            cli_put_label(stderr, j->label);
            fputs(": too many findings, the rest were dropped\n", stderr);
        }
        if (e->format != SANCTUM_SCAN_FORMAT_SARIF) {
            uint8_t *chunk;
            size_t cl;
            if (sanctum_scan_report_take(e->report, 0, &chunk, &cl, &err) != SANCTUM_OK) {
                cli_print_error("scan", &err);
                return -1;
            }
            int wr = write_all(e->out, chunk, cl);
            sanctum_free(chunk);
            if (wr != 0)
                return -1;
        }
    }
    return 0;
}

/* As --git-history's summary: nothing is left out without a word. Names the first few. */
static void print_skipped(const scan_run *run, uint64_t skipped)
{
    fprintf(stderr, "sanctum scan: %llu files scanned, %llu binary or too large (not scanned):",
            (unsigned long long)(run->n_jobs - skipped), (unsigned long long)skipped);
    unsigned shown = 0;
    for (size_t k = 0; k < run->n_jobs && shown < 5; k++)
        if (run->jobs[k].status == 1) {
            fputs(shown++ ? ", " : " ", stderr);
            cli_put_label(stderr, run->jobs[k].label);
            fprintf(stderr, " (%s)", run->jobs[k].why);
        }
    fprintf(stderr, "%s\n", skipped > shown ? ", ..." : "");
}

static void run_free(scan_run *run)
{
    for (size_t k = 0; k < run->n_jobs; k++) {
        job *j = &run->jobs[k];
        if (j->parts != NULL) {
            for (size_t p = 0; p < j->n_parts; p++)
                sanctum_free(j->parts[p]);
            free(j->parts);
            free(j->merged);
        } else {
            sanctum_free(j->res);
        }
        if (j->map != NULL)
            unmap_file(j, j->map, j->map_len);
        free(j->path);
        free(j->label);
    }
    free(run->jobs);
}

/* The files and directories given. */
static int scan_paths(const scan_cfg *c, scan_env *e)
{
    scan_run run;
    memset(&run, 0, sizeof run);
    run.scanner = e->scanner;
    run.max_file = c->max_file;
    run.keep_maps = c->no_redact;
    int rc = collect_files(c, e, &run);
    if (rc == 0) {
        sigbus_guard(&run, true);
        scan_jobs(&run, c->jobs);
        rc = report_jobs(e, &run);
        if (e->skipped != 0)
            print_skipped(&run, e->skipped);
        sigbus_guard(&run, false);
    }
    run_free(&run);
    return rc;
}

/* --git-history / --staged (scan_git.c); the summary goes to standard error. */
static int scan_repository(const scan_cfg *c, scan_env *e)
{
    /* a relative --baseline also names a file in each commit's tree */
    const char *baseline_rel = c->baseline_path != NULL && c->baseline_path[0] != '/' ? c->baseline_path : NULL;
    scan_git_opts go = {c->paths.v[0], c->since, c->branch, c->staged, (const char *const *)c->excludes.v,
                        c->excludes.n, c->ignore_file, baseline_rel, c->max_file, (unsigned)c->jobs, c->no_redact};
    scan_git_stats gs;
    uint64_t found = 0;
    int rc = scan_git_run(&go, e->ctx, e->scanner, e->report, e->format, e->out, &found, &gs);
    e->findings += found;
    if (rc != CLI_OK && gs.commits == 0 && gs.blob_refs == 0)
        return -1; /* nothing was walked (no such branch or revision, no repository): the error alone */
    fprintf(stderr,
            "sanctum scan: %s: %llu commits, %llu blob changes: %llu blobs scanned (%llu bytes), %llu skipped as "
            "already scanned, %llu binary or too large\n",
            c->staged ? "staged" : "history", (unsigned long long)gs.commits, (unsigned long long)gs.blob_refs,
            (unsigned long long)gs.blobs_scanned, (unsigned long long)gs.bytes_scanned,
            (unsigned long long)gs.blobs_skipped, (unsigned long long)gs.blobs_unscanned);
    if (rc != CLI_OK)
        e->errors++;
    return 0;
}

/* Closes the report (SARIF is written whole here) and flushes the output. */
static int finish_report(scan_env *e)
{
    sanctum_error err;
    uint8_t *chunk;
    size_t cl;
    if (sanctum_scan_report_take(e->report, 1, &chunk, &cl, &err) != SANCTUM_OK) {
        cli_print_error("scan", &err);
        return -1;
    }
    int wr = write_all(e->out, chunk, cl);
    sanctum_free(chunk);
    if (wr != 0 || fflush(e->out) != 0) {
        fprintf(stderr, "sanctum scan: write error\n");
        return -1;
    }
    return 0;
}

int cmd_scan(int argc, char **argv)
{
    scan_cfg c;
    memset(&c, 0, sizeof c);
    scan_env e;
    memset(&e, 0, sizeof e);
    int rc = parse_options(&c, argc, argv);
    if (rc < 0) {
        rc = CLI_ERROR;
        if (open_scanner(&c, &e) == 0 &&
            ((c.git_history || c.staged) ? scan_repository(&c, &e) : scan_paths(&c, &e)) == 0 && finish_report(&e) == 0)
            rc = e.errors ? CLI_ERROR : (e.findings ? CLI_FINDINGS : CLI_OK);
    }
    if (e.out != stdout && e.out != NULL)
        fclose(e.out);
    free(e.baseline);
    sanctum_free(e.report);
    sanctum_free(e.scanner);
    sanctum_ctx_free(e.ctx);
    cli_sv_free(&c.paths);
    cli_sv_free(&c.excludes);
    return rc;
}
