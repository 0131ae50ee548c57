#define _GNU_SOURCE 1
/* Git history and staged-change scanning for `sanctum scan` (see scan_git.h). Three steps:
 *   1. walk: commits in topological order, parents first; each commit's changes against its first
 *      parent name (path, blob) pairs; blobs enter the scan set once (keyed by object id);
 *   2. scan: the distinct blobs on N threads, one libgit2 repository handle per thread;
 *   3. report: changes in walk order; a finding is reported the first time its (rule, secret, path)
 *      is seen, i.e. at the commit that introduced it, with that commit's .sanctumignore and
 *      baseline applied. */
#include <git2.h>
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scan/baseline.h"
#include "scan_git.h"

/* ---- small containers ---- */

/* Open-addressing set of object ids -> index. */
typedef struct oid_map {
    git_oid *keys;
    uint32_t *vals;
    size_t cap, n;
} oid_map;

static size_t oid_hash(const git_oid *id)
{
    size_t h;
    memcpy(&h, id->id, sizeof h);
    return h;
}

static int oid_map_grow(oid_map *m)
{
    size_t nc = m->cap ? m->cap * 2 : 1024;
    git_oid *k = calloc(nc, sizeof *k);
    uint32_t *v = malloc(nc * sizeof *v);
    if (k == NULL || v == NULL) {
        free(k);
        free(v);
        return -1;
    }
    for (size_t i = 0; i < nc; i++)
        v[i] = UINT32_MAX;
    for (size_t i = 0; i < m->cap; i++)
        if (m->vals[i] != UINT32_MAX) {
            size_t j = oid_hash(&m->keys[i]) & (nc - 1);
            while (v[j] != UINT32_MAX)
                j = (j + 1) & (nc - 1);
            k[j] = m->keys[i];
            v[j] = m->vals[i];
        }
    free(m->keys);
    free(m->vals);
    m->keys = k;
    m->vals = v;
    m->cap = nc;
    return 0;
}

/* Index of id, inserting next_val when absent (*inserted set). UINT32_MAX on allocation failure. */
static uint32_t oid_map_get(oid_map *m, const git_oid *id, uint32_t next_val, bool *inserted)
{
    *inserted = false;
    if ((m->n + 1) * 2 > m->cap && oid_map_grow(m) != 0)
        return UINT32_MAX;
    size_t j = oid_hash(id) & (m->cap - 1);
    while (m->vals[j] != UINT32_MAX) {
        if (git_oid_equal(&m->keys[j], id))
            return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = *id;
    m->vals[j] = next_val;
    m->n++;
    *inserted = true;
    return next_val;
}

static void oid_map_free(oid_map *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* A set of 32-byte digests (findings already reported, baseline fingerprints). */
typedef struct dig_set {
    uint8_t (*keys)[32];
    uint8_t *used;
    size_t cap, n;
} dig_set;

static bool dig_set_add(dig_set *s, const uint8_t d[32], bool *was_there)
{
    *was_there = false;
    if ((s->n + 1) * 2 > s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 256;
        uint8_t(*k)[32] = malloc(nc * sizeof *k);
        uint8_t *u = calloc(nc, 1);
        if (k == NULL || u == NULL) {
            free(k);
            free(u);
            return false;
        }
        for (size_t i = 0; i < s->cap; i++)
            if (s->used[i]) {
                size_t h;
                memcpy(&h, s->keys[i], sizeof h);
                size_t j = h & (nc - 1);
                while (u[j])
                    j = (j + 1) & (nc - 1);
                memcpy(k[j], s->keys[i], 32);
                u[j] = 1;
            }
        free(s->keys);
        free(s->used);
        s->keys = k;
        s->used = u;
        s->cap = nc;
    }
    size_t h;
    memcpy(&h, d, sizeof h);
    size_t j = h & (s->cap - 1);
    while (s->used[j]) {
        if (memcmp(s->keys[j], d, 32) == 0) {
            *was_there = true;
            return true;
        }
        j = (j + 1) & (s->cap - 1);
    }
    memcpy(s->keys[j], d, 32);
    s->used[j] = 1;
    s->n++;
    return true;
}

static bool dig_set_has(const dig_set *s, const uint8_t d[32])
{
    if (s->cap == 0)
        return false;
    size_t h;
    memcpy(&h, d, sizeof h);
    for (size_t j = h & (s->cap - 1); s->used[j]; j = (j + 1) & (s->cap - 1))
        if (memcmp(s->keys[j], d, 32) == 0)
            return true;
    return false;
}

static void dig_set_free(dig_set *s)
{
    if (s->keys != NULL)
        sodium_memzero(s->keys, s->cap * sizeof *s->keys);
    free(s->keys);
    free(s->used);
    memset(s, 0, sizeof *s);
}

/* ---- the walk ---- */

typedef struct change {
    uint32_t commit;   /* index into commits (0 for --staged) */
    uint32_t blob;     /* index into blobs */
    char *path;
} change;

typedef struct commit_info {
    git_oid id;
    int64_t time;
    uint32_t policy;   /* index into policies: .sanctumignore and baseline as they stood */
} commit_info;

/* The .sanctumignore and baseline of some commits (shared by every commit with the same blobs). */
typedef struct policy {
    git_oid ignore_id, baseline_id; /* zero: absent */
    sanctum_scan_ignore *ig;
    dig_set baseline;               /* fingerprints, binary */
} policy;

typedef struct blob_job {
    git_oid id;
    sanctum_scan_result *res;
    uint8_t (*digests)[32]; /* per finding: BLAKE2b(rule id, 0, secret), in memory only */
    uint8_t *content;       /* kept for --no-redact */
    size_t content_len;
    int status;             /* 0 scanned, 1 not scanned (binary, too large), 2 error */
    size_t first_change;    /* its path labels the scan (rules' allow_path) */
} blob_job;

typedef struct git_run {
    const scan_git_opts *o;
    sanctum_ctx *ctx;
    const sanctum_scanner *scanner;
    git_repository *repo;
    commit_info *commits;
    size_t n_commits, cap_commits;
    change *changes;
    size_t n_changes, cap_changes;
    blob_job *blobs;
    size_t n_blobs, cap_blobs;
    oid_map blob_ids;
    policy *policies;
    size_t n_policies, cap_policies;
    uint8_t *extra_ignore;  /* --ignore-file contents */
    size_t extra_ignore_len;
    _Atomic size_t next;
    _Atomic uint64_t bytes;
    scan_git_stats *stats;
    int errors;
} git_run;

static void git_fail(const char *what)
{
    const git_error *e = git_error_last();
    fprintf(stderr, "sanctum scan: %s: %s\n", what, e != NULL && e->message != NULL ? e->message : "libgit2 error");
}

static int grow(void **p, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 256;
    void *q = realloc(*p, nc * elem);
    if (q == NULL)
        return -1;
    *p = q;
    *cap = nc;
    return 0;
}

/* The 16 hex digits a text report prints stand for every fingerprint that starts with them: kept as
 * those 8 bytes followed by 24 zero bytes (no keyed BLAKE2b output ends so). */
static void prefix_key(const uint8_t fp[32], uint8_t out[32])
{
    memcpy(out, fp, 8);
    memset(out + 8, 0, 24);
}

static void baseline_fp(void *arg, const uint8_t *hex, size_t len)
{
    uint8_t d[32] = {0};
    size_t bl;
    if (sodium_hex2bin(d, sizeof d, (const char *)hex, len, NULL, &bl, NULL) == 0 && bl == len / 2) {
        bool dup;
        (void)dig_set_add(arg, d, &dup);
    }
}

/* The baseline as it stood in a commit, read as sanctum_scan_report_new reads one (docs/scan.md), but
 * leniently (a commit's baseline cannot be fixed): lines that are none of the forms are skipped. */
static void parse_baseline(dig_set *set, const uint8_t *t, size_t n)
{
    sanctum_error err;
    (void)sc_baseline_read(NULL, t, n, SC_BASELINE_LENIENT, baseline_fp, set, &err);
}

static int blob_text(git_repository *repo, const git_oid *id, uint64_t max, git_blob **out)
{
    if (git_blob_lookup(out, repo, id) != 0)
        return -1;
    if (git_blob_rawsize(*out) > max) {
        git_blob_free(*out);
        *out = NULL;
        return -1;
    }
    return 0;
}

/* The policy for a tree (or the index, for --staged): ids of .sanctumignore and the baseline. */
static uint32_t policy_for(git_run *r, const git_oid *ignore_id, const git_oid *baseline_id)
{
    for (size_t i = 0; i < r->n_policies; i++)
        if (git_oid_equal(&r->policies[i].ignore_id, ignore_id) && git_oid_equal(&r->policies[i].baseline_id, baseline_id))
            return (uint32_t)i;
    if (grow((void **)&r->policies, &r->cap_policies, r->n_policies, sizeof *r->policies) != 0)
        return UINT32_MAX;
    policy *p = &r->policies[r->n_policies];
    memset(p, 0, sizeof *p);
    p->ignore_id = *ignore_id;
    p->baseline_id = *baseline_id;
    sanctum_error err;
    if (sanctum_scan_ignore_new(&p->ig, r->ctx, NULL, 0, &err) != SANCTUM_OK) {
        cli_print_error("scan", &err);
        return UINT32_MAX;
    }
    git_blob *b = NULL;
    if (!git_oid_is_zero(ignore_id) && blob_text(r->repo, ignore_id, 16u << 20, &b) == 0) {
        if (sanctum_scan_ignore_add(p->ig, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b), &err) != SANCTUM_OK)
            cli_print_error("scan", &err);
        git_blob_free(b);
    }
    if (r->extra_ignore != NULL)
        (void)sanctum_scan_ignore_add(p->ig, r->extra_ignore, r->extra_ignore_len, &err);
    for (size_t e = 0; e < r->o->n_excludes; e++)
        (void)sanctum_scan_ignore_add(p->ig, (const uint8_t *)r->o->excludes[e], strlen(r->o->excludes[e]), &err);
    if (!git_oid_is_zero(baseline_id) && blob_text(r->repo, baseline_id, 1u << 30, &b) == 0) {
        parse_baseline(&p->baseline, git_blob_rawcontent(b), (size_t)git_blob_rawsize(b));
        git_blob_free(b);
    }
    r->n_policies++;
    return (uint32_t)(r->n_policies - 1);
}

static void entry_id(git_tree *tree, const char *path, git_oid *out)
{
    memset(out, 0, sizeof *out);
    git_tree_entry *e = NULL;
    if (path != NULL && tree != NULL && git_tree_entry_bypath(&e, tree, path) == 0) {
        if (git_tree_entry_type(e) == GIT_OBJECT_BLOB)
            *out = *git_tree_entry_id(e);
        git_tree_entry_free(e);
    }
}

/* Whether path is excluded: any parent directory, then the file (gitignore semantics). */
static bool ignored(const policy *p, const sanctum_scanner *s, const char *path)
{
    size_t n = strlen(path);
    for (size_t i = 0; i < n; i++)
        if (path[i] == '/' && sanctum_scan_ignore_match(p->ig, (const uint8_t *)path, i, 1))
            return true;
    return sanctum_scan_ignore_match(p->ig, (const uint8_t *)path, n, 0) ||
           sanctum_scanner_path_allowed(s, (const uint8_t *)path, n);
}

/* Records blob id at path in commit ci (unless the commit's policy excludes the path). */
static int add_change(git_run *r, uint32_t ci, uint32_t pol, const char *path, const git_oid *id)
{
    if (ignored(&r->policies[pol], r->scanner, path))
        return 0;
    r->stats->blob_refs++;
    bool fresh;
    uint32_t bi = oid_map_get(&r->blob_ids, id, (uint32_t)r->n_blobs, &fresh);
    if (bi == UINT32_MAX)
        return -1;
    if (fresh) {
        if (grow((void **)&r->blobs, &r->cap_blobs, r->n_blobs, sizeof *r->blobs) != 0)
            return -1;
        memset(&r->blobs[r->n_blobs], 0, sizeof *r->blobs);
        r->blobs[r->n_blobs].id = *id;
        r->blobs[r->n_blobs].first_change = r->n_changes;
        r->n_blobs++;
    } else {
        r->stats->blobs_skipped++;
    }
    if (grow((void **)&r->changes, &r->cap_changes, r->n_changes, sizeof *r->changes) != 0)
        return -1;
    char *p = strdup(path);
    if (p == NULL)
        return -1;
    r->changes[r->n_changes++] = (change){ci, bi, p};
    return 0;
}

static bool is_file_mode(git_filemode_t m)
{
    return m == GIT_FILEMODE_BLOB || m == GIT_FILEMODE_BLOB_EXECUTABLE;
}

/* The blobs of tree that old (NULL: none) does not have at the same path. Subtrees with the same id
 * are skipped whole, so a commit costs what it changed, not the size of its tree. path holds the
 * directory prefix (plen bytes, '/'-terminated unless empty); cap is its size. */
static int tree_changes(git_run *r, uint32_t ci, uint32_t pol, git_tree *old, git_tree *tree, char *path,
                        size_t plen, size_t cap, unsigned depth)
{
    if (depth > 256)
        return 0;
    size_t n = git_tree_entrycount(tree);
    for (size_t i = 0; i < n; i++) {
        const git_tree_entry *e = git_tree_entry_byindex(tree, i);
        const char *name = git_tree_entry_name(e);
        const git_tree_entry *oe = old != NULL ? git_tree_entry_byname(old, name) : NULL;
        git_filemode_t mode = git_tree_entry_filemode(e);
        if (oe != NULL && git_tree_entry_filemode(oe) == mode && git_oid_equal(git_tree_entry_id(oe), git_tree_entry_id(e)))
            continue;
        size_t nl = strlen(name);
        if (plen + nl + 2 > cap)
            continue; /* a path longer than PATH_MAX-ish: not a file a checkout could hold */
        memcpy(path + plen, name, nl + 1);
        if (mode == GIT_FILEMODE_TREE) {
            if (sanctum_scan_ignore_match(r->policies[pol].ig, (const uint8_t *)path, plen + nl, 1))
                continue;
            git_tree *sub = NULL, *osub = NULL;
            if (git_tree_lookup(&sub, r->repo, git_tree_entry_id(e)) != 0) {
                git_fail("reading a tree");
                return -1;
            }
            if (oe != NULL && git_tree_entry_filemode(oe) == GIT_FILEMODE_TREE)
                (void)git_tree_lookup(&osub, r->repo, git_tree_entry_id(oe));
            path[plen + nl] = '/';
            path[plen + nl + 1] = 0;
            int rc = tree_changes(r, ci, pol, osub, sub, path, plen + nl + 1, cap, depth + 1);
            git_tree_free(osub);
            git_tree_free(sub);
            if (rc != 0)
                return rc;
        } else if (is_file_mode(mode)) {
            if (add_change(r, ci, pol, path, git_tree_entry_id(e)) != 0) {
                fprintf(stderr, "sanctum scan: out of memory\n");
                return -1;
            }
        }
    }
    path[plen] = 0;
    return 0;
}

static void diff_opts(git_diff_options *dopts)
{
    git_diff_options_init(dopts, GIT_DIFF_OPTIONS_VERSION);
    dopts->flags |= GIT_DIFF_SKIP_BINARY_CHECK | GIT_DIFF_IGNORE_SUBMODULES;
}

static int push_roots(git_run *r, git_revwalk *walk)
{
    const scan_git_opts *o = r->o;
    git_object *obj = NULL;
    if (o->branch != NULL) {
        char ref[1024];
        snprintf(ref, sizeof ref, "refs/heads/%s", o->branch);
        git_oid id;
        if (git_reference_name_to_id(&id, r->repo, ref) != 0 && git_reference_name_to_id(&id, r->repo, o->branch) != 0) {
            fprintf(stderr, "sanctum scan: --branch %s: no such branch\n", o->branch);
            return -1;
        }
        if (git_revwalk_push(walk, &id) != 0) {
            git_fail("--branch");
            return -1;
        }
    } else {
        if (git_revwalk_push_glob(walk, "refs/*") != 0) {
            git_fail("walking refs");
            return -1;
        }
        (void)git_revwalk_push_head(walk); /* a detached HEAD; an unborn one has nothing */
        git_error_clear();
    }
    if (o->since != NULL) {
        if (git_revparse_single(&obj, r->repo, o->since) != 0) {
            fprintf(stderr, "sanctum scan: --since %s: no such revision\n", o->since);
            return -1;
        }
        git_object *c = NULL;
        int rc = git_object_peel(&c, obj, GIT_OBJECT_COMMIT);
        git_object_free(obj);
        if (rc != 0 || git_revwalk_hide(walk, git_object_id(c)) != 0) {
            git_object_free(c);
            fprintf(stderr, "sanctum scan: --since %s: not a commit\n", o->since);
            return -1;
        }
        git_object_free(c);
    }
    return 0;
}

static int walk_history(git_run *r)
{
    git_revwalk *walk = NULL;
    if (git_revwalk_new(&walk, r->repo) != 0) {
        git_fail("revwalk");
        return -1;
    }
    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME | GIT_SORT_REVERSE);
    int rc = push_roots(r, walk);
    git_oid id;
    int next = 0;
    while (rc == 0 && (next = git_revwalk_next(&id, walk)) == 0) {
        git_commit *c = NULL;
        git_tree *tree = NULL, *ptree = NULL;
        if (git_commit_lookup(&c, r->repo, &id) != 0 || git_commit_tree(&tree, c) != 0) {
            git_fail("reading a commit");
            rc = -1;
        } else {
            git_commit *parent = NULL;
            if (git_commit_parentcount(c) > 0 && git_commit_parent(&parent, c, 0) == 0) {
                (void)git_commit_tree(&ptree, parent);
                git_commit_free(parent);
            }
            git_oid ig_id, bl_id;
            entry_id(tree, ".sanctumignore", &ig_id);
            entry_id(tree, r->o->baseline_rel, &bl_id);
            uint32_t pol = policy_for(r, &ig_id, &bl_id);
            if (pol == UINT32_MAX ||
                grow((void **)&r->commits, &r->cap_commits, r->n_commits, sizeof *r->commits) != 0) {
                rc = -1;
            } else {
                uint32_t ci = (uint32_t)r->n_commits++;
                r->commits[ci] = (commit_info){id, (int64_t)git_commit_author(c)->when.time, pol};
                char path[4096] = "";
                rc = tree_changes(r, ci, pol, ptree, tree, path, 0, sizeof path, 0);
            }
        }
        git_tree_free(ptree);
        git_tree_free(tree);
        git_commit_free(c);
    }
    /* The walk ends with GIT_ITEROVER; anything else (a missing parent, a corrupt object) would
     * otherwise pass for a complete history with nothing in it. */
    if (rc == 0 && next != GIT_ITEROVER) {
        git_fail(git_repository_is_shallow(r->repo) == 1
                     ? "walking history (a shallow clone: 'git fetch --unshallow' gives the commits it lacks)"
                     : "walking history");
        rc = -1;
    }
    git_revwalk_free(walk);
    r->stats->commits = r->n_commits;
    return rc;
}

/* --staged: the index against HEAD's tree (an unborn HEAD: everything staged). */
static int walk_staged(git_run *r)
{
    git_index *index = NULL;
    git_tree *head = NULL;
    git_object *obj = NULL;
    git_diff *diff = NULL;
    int rc = -1;
    if (git_repository_index(&index, r->repo) != 0) {
        git_fail("reading the index");
        return -1;
    }
    if (git_revparse_single(&obj, r->repo, "HEAD^{tree}") == 0)
        head = (git_tree *)obj;
    git_error_clear();
    git_oid ig_id, bl_id;
    memset(&ig_id, 0, sizeof ig_id);
    memset(&bl_id, 0, sizeof bl_id);
    const git_index_entry *e = git_index_get_bypath(index, ".sanctumignore", 0);
    if (e != NULL)
        ig_id = e->id;
    if (r->o->baseline_rel != NULL && (e = git_index_get_bypath(index, r->o->baseline_rel, 0)) != NULL)
        bl_id = e->id;
    uint32_t pol = policy_for(r, &ig_id, &bl_id);
    git_diff_options dopts;
    diff_opts(&dopts);
    if (pol != UINT32_MAX && git_diff_tree_to_index(&diff, r->repo, head, index, &dopts) == 0) {
        rc = 0;
        size_t nd = git_diff_num_deltas(diff);
        for (size_t k = 0; k < nd && rc == 0; k++) {
            const git_diff_delta *d = git_diff_get_delta(diff, k);
            if (d->status != GIT_DELTA_DELETED && is_file_mode(d->new_file.mode))
                rc = add_change(r, 0, pol, d->new_file.path, &d->new_file.id);
        }
    } else if (pol != UINT32_MAX) {
        git_fail("diff of the index");
    }
    git_diff_free(diff);
    git_tree_free(head);
    git_index_free(index);
    return rc;
}

/* ---- scanning the distinct blobs ---- */

static void digest_findings(blob_job *b, const uint8_t *buf, size_t len)
{
    const sanctum_scan_result *res = b->res;
    b->digests = calloc(res->count, sizeof *b->digests);
    if (b->digests == NULL) {
        b->status = 2;
        return;
    }
    for (uint64_t i = 0; i < res->count; i++) {
        const sanctum_scan_finding *f = &res->findings[i];
        crypto_generichash_state h;
        crypto_generichash_init(&h, NULL, 0, 32);
        crypto_generichash_update(&h, (const uint8_t *)f->rule_id, strlen(f->rule_id) + 1);
        if (f->secret_offset + f->secret_length <= len)
            crypto_generichash_update(&h, buf + f->secret_offset, (size_t)f->secret_length);
        crypto_generichash_final(&h, b->digests[i], 32);
        sodium_memzero(&h, sizeof h);
    }
}

static void scan_blob(git_run *r, git_repository *repo, blob_job *b)
{
    git_blob *blob = NULL;
    if (git_blob_lookup(&blob, repo, &b->id) != 0) {
        b->status = 2;
        return;
    }
    uint64_t size = (uint64_t)git_blob_rawsize(blob);
    const uint8_t *p = git_blob_rawcontent(blob);
    if (size > r->o->max_file || (size != 0 && memchr(p, 0, size < 8192 ? size : 8192) != NULL)) {
        b->status = 1;
        git_blob_free(blob);
        return;
    }
    size_t len = (size_t)size;
    atomic_fetch_add(&r->bytes, (uint64_t)len);
    const char *label = r->changes[b->first_change].path;
    sanctum_error err;
    if (sanctum_scan_buffer(r->scanner, &b->res, p, len, (const uint8_t *)label, strlen(label), &err) != SANCTUM_OK) {
        b->status = 2;
    } else if (b->res->count != 0) {
        digest_findings(b, p, len);
        if (r->o->keep_content && (b->content = malloc(len ? len : 1)) != NULL) {
            memcpy(b->content, p, len);
            b->content_len = len;
        }
    }
    git_blob_free(blob);
}

static void *scan_worker(void *arg)
{
    git_run *r = arg;
    git_repository *repo = NULL;
    if (git_repository_open(&repo, git_repository_path(r->repo)) != 0)
        return NULL; /* the main thread's share covers what this thread would have done */
    for (;;) {
        size_t i = atomic_fetch_add(&r->next, 1);
        if (i >= r->n_blobs)
            break;
        scan_blob(r, repo, &r->blobs[i]);
    }
    git_repository_free(repo);
    return NULL;
}

static void scan_blobs(git_run *r)
{
    unsigned nt = r->o->jobs ? r->o->jobs : 1;
    if (nt > r->n_blobs)
        nt = r->n_blobs ? (unsigned)r->n_blobs : 1;
    pthread_t *th = calloc(nt, sizeof *th);
    unsigned started = 0;
    if (th != NULL)
        for (; started + 1 < nt; started++)
            if (pthread_create(&th[started], NULL, scan_worker, r) != 0)
                break;
    /* the main thread uses the main handle */
    for (;;) {
        size_t i = atomic_fetch_add(&r->next, 1);
        if (i >= r->n_blobs)
            break;
        scan_blob(r, r->repo, &r->blobs[i]);
    }
    for (unsigned t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    free(th);
}

/* ---- reporting ---- */

static int flush_chunk(sanctum_scan_report *report, int32_t format, FILE *out)
{
    if (format == SANCTUM_SCAN_FORMAT_SARIF)
        return 0;
    uint8_t *chunk;
    size_t cl;
    sanctum_error err;
    if (sanctum_scan_report_take(report, 0, &chunk, &cl, &err) != SANCTUM_OK) {
        cli_print_error("scan", &err);
        return -1;
    }
    int rc = cl == 0 || fwrite(chunk, 1, cl, out) == cl ? 0 : -1;
    sanctum_free(chunk);
    return rc;
}

/* Fingerprint hex -> binary for the per-commit baseline. */
static bool fp_bin(const char *hex, uint8_t out[32])
{
    size_t bl;
    return hex[0] != 0 && sodium_hex2bin(out, 32, hex, strlen(hex), NULL, &bl, NULL) == 0 && bl == 32;
}

static int report_changes(git_run *r, sanctum_scan_report *report, int32_t format, FILE *out, uint64_t *findings)
{
    dig_set seen = {0};
    sanctum_scan_finding *keep = NULL;
    size_t cap_keep = 0;
    int rc = 0;
    for (size_t k = 0; k < r->n_changes && rc == 0; k++) {
        const change *c = &r->changes[k];
        blob_job *b = &r->blobs[c->blob];
        if (b->status == 2) {
            fputs("sanctum scan: ", stderr);
            cli_put_label(stderr, c->path);
            fputs(": cannot read or scan blob\n", stderr);
            b->status = 3; /* said once */
            r->errors++;
            continue;
        }
        if (b->res == NULL || b->res->count == 0 || b->digests == NULL)
            continue;
        const policy *pol = r->n_commits ? &r->policies[r->commits[c->commit].policy] : &r->policies[0];
        if (b->res->count > cap_keep) {
            free(keep);
            cap_keep = (size_t)b->res->count;
            if ((keep = malloc(cap_keep * sizeof *keep)) == NULL) {
                fprintf(stderr, "sanctum scan: out of memory\n");
                rc = -1;
                break;
            }
        }
        size_t nk = 0;
        size_t pl = strlen(c->path);
        for (uint64_t i = 0; i < b->res->count; i++) {
            /* the key: (rule, secret) digest bound to the path */
            uint8_t key[32];
            crypto_generichash(key, sizeof key, (const uint8_t *)c->path, pl, b->digests[i], 32);
            bool dup;
            if (!dig_set_add(&seen, key, &dup)) {
                fprintf(stderr, "sanctum scan: out of memory\n");
                rc = -1;
                break;
            }
            uint8_t fp[32];
            uint8_t pk[32];
            if (dup || (fp_bin(b->res->findings[i].fingerprint, fp) &&
                        (dig_set_has(&pol->baseline, fp) || (prefix_key(fp, pk), dig_set_has(&pol->baseline, pk)))))
                continue;
            keep[nk++] = b->res->findings[i];
        }
        if (nk == 0 || rc != 0)
            continue;
        sanctum_scan_result sub = *b->res;
        sub.count = nk;
        sub.findings = keep;
        uint64_t added = 0;
        sanctum_error err;
        sanctum_status st;
        if (r->n_commits != 0) {
            const commit_info *ci = &r->commits[c->commit];
            char hex[GIT_OID_HEXSZ + 1];
            git_oid_tostr(hex, sizeof hex, &ci->id);
            st = sanctum_scan_report_add_commit(report, &sub, b->content, b->content_len, (const uint8_t *)c->path, pl,
                                                (const uint8_t *)hex, strlen(hex), ci->time, &added, &err);
        } else {
            st = sanctum_scan_report_add(report, &sub, b->content, b->content_len, (const uint8_t *)c->path, pl,
                                         &added, &err);
        }
        if (st != SANCTUM_OK) {
            cli_print_error("scan", &err);
            rc = -1;
            break;
        }
        *findings += added;
        if (flush_chunk(report, format, out) != 0)
            rc = -1;
    }
    free(keep);
    dig_set_free(&seen);
    return rc;
}

static void run_free(git_run *r)
{
    for (size_t i = 0; i < r->n_changes; i++)
        free(r->changes[i].path);
    free(r->changes);
    for (size_t i = 0; i < r->n_blobs; i++) {
        if (r->blobs[i].digests != NULL)
            sodium_memzero(r->blobs[i].digests, (size_t)r->blobs[i].res->count * 32);
        free(r->blobs[i].digests);
        sanctum_free(r->blobs[i].res);
        if (r->blobs[i].content != NULL)
            sodium_memzero(r->blobs[i].content, r->blobs[i].content_len);
        free(r->blobs[i].content);
    }
    free(r->blobs);
    for (size_t i = 0; i < r->n_policies; i++) {
        sanctum_free(r->policies[i].ig);
        dig_set_free(&r->policies[i].baseline);
    }
    free(r->policies);
    free(r->commits);
    oid_map_free(&r->blob_ids);
    free(r->extra_ignore);
    git_repository_free(r->repo);
}

int scan_git_run(const scan_git_opts *o, sanctum_ctx *ctx, const sanctum_scanner *scanner,
                 sanctum_scan_report *report, int32_t format, FILE *out, uint64_t *findings,
                 scan_git_stats *stats)
{
    memset(stats, 0, sizeof *stats);
    *findings = 0;
    git_libgit2_init();
    /* Reading, not writing: re-hashing every object read (SHA-1 with collision detection) would cost
     * about as much as scanning it, and a corrupt object is at worst scanned as it is. */
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    git_run r;
    memset(&r, 0, sizeof r);
    r.o = o;
    r.ctx = ctx;
    r.scanner = scanner;
    r.stats = stats;
    int rc = CLI_ERROR;
    if (git_repository_open_ext(&r.repo, o->repo, 0, NULL) != 0) {
        git_fail(o->repo);
        goto out;
    }
    if (o->ignore_file != NULL) {
        cli_input in;
        if (cli_read_input(o->ignore_file, 16u << 20, &in) != 0)
            goto out;
        r.extra_ignore = malloc(in.len ? in.len : 1);
        if (r.extra_ignore == NULL) {
            cli_input_free(&in);
            fprintf(stderr, "sanctum scan: out of memory reading the ignore file\n");
            goto out;
        }
        memcpy(r.extra_ignore, in.data, in.len);
        r.extra_ignore_len = in.len;
        cli_input_free(&in);
    }
    {
        /* SARIF's versionControlProvenance names the repository by its work tree (a bare one by its
         * directory) */
        const char *wd = git_repository_is_bare(r.repo) ? git_repository_path(r.repo) : git_repository_workdir(r.repo);
        char *abs = wd ? realpath(wd, NULL) : NULL;
        if (abs != NULL) {
            size_t al = strlen(abs);
            char *uri = malloc(al * 3 + 8);
            if (uri != NULL) {
                size_t u = 0;
                memcpy(uri, "file://", 7);
                u = 7;
                for (size_t i = 0; i < al; i++) {
                    unsigned char ch = (unsigned char)abs[i];
                    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                        ch == '/' || ch == '-' || ch == '.' || ch == '_' || ch == '~')
                        uri[u++] = (char)ch;
                    else
                        u += (size_t)snprintf(uri + u, 4, "%%%02X", ch);
                }
                sanctum_error err;
                (void)sanctum_scan_report_set_repository(report, (const uint8_t *)uri, u, &err);
                free(uri);
            }
            free(abs);
        }
    }
    /* A shallow clone's history stops at its graft: libgit2 cannot walk past it, and scanning what
     * is there would report a partial history as clean. */
    if (!o->staged && o->since == NULL && git_repository_is_shallow(r.repo) == 1) {
        fprintf(stderr, "sanctum scan: %s: a shallow clone has no full history to scan; run "
                        "'git fetch --unshallow' (CI: fetch-depth: 0) or scan the work tree\n", o->repo);
        goto out;
    }
    if ((o->staged ? walk_staged(&r) : walk_history(&r)) != 0)
        goto out;
    scan_blobs(&r);
    stats->bytes_scanned = atomic_load(&r.bytes);
    for (size_t i = 0; i < r.n_blobs; i++) {
        if (r.blobs[i].status == 1)
            stats->blobs_unscanned++;
        else if (r.blobs[i].status == 0) {
            stats->blobs_scanned++;
        }
    }
    if (report_changes(&r, report, format, out, findings) != 0)
        goto out;
    rc = r.errors ? CLI_ERROR : CLI_OK;
out:
    run_free(&r);
    git_libgit2_shutdown();
    return rc;
}
