/* sanctum scan --git-history / --staged: git objects read with libgit2 (never a git process), each
 * distinct blob scanned once, findings reported at the commit that introduced them. CLI-only, so
 * libsanctumcore does not depend on libgit2 (docs/scan.md, "Git history"). */
#ifndef SANCTUM_CLI_SCAN_GIT_H
#define SANCTUM_CLI_SCAN_GIT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "sanctum.h"

typedef struct scan_git_opts {
    const char *repo;            /* a path in the repository (work tree or .git) */
    const char *since;           /* --since REV: leave out commits reachable from REV (NULL: none) */
    const char *branch;          /* --branch NAME: only commits reachable from it (NULL: every ref) */
    bool staged;                 /* --staged: the index against HEAD instead of history */
    const char *const *excludes; /* --exclude patterns */
    size_t n_excludes;
    const char *ignore_file;     /* --ignore-file (read from disk, applies to every commit) */
    const char *baseline_rel;    /* --baseline path relative to the repository: its version in each
                                    commit is honoured for findings introduced there (NULL: none) */
    uint64_t max_file;
    unsigned jobs;
    bool keep_content;           /* --no-redact: keep blob bytes of findings for the report */
} scan_git_opts;

typedef struct scan_git_stats {
    uint64_t commits;
    uint64_t blob_refs;      /* blobs named by the changes walked (a blob once per commit and path) */
    uint64_t blobs_scanned;  /* distinct blobs scanned */
    uint64_t blobs_skipped;  /* references to a blob already scanned (or queued) */
    uint64_t blobs_unscanned;/* binary or over --max-file-size */
    uint64_t bytes_scanned;
} scan_git_stats;

/* Scans and adds findings to report, writing text/JSONL chunks to out as they come (SARIF is written
 * by the caller at the end). Returns CLI_OK / CLI_ERROR (messages printed), *findings the number
 * reported. */
int scan_git_run(const scan_git_opts *o, sanctum_ctx *ctx, const sanctum_scanner *scanner,
                 sanctum_scan_report *report, int32_t format, FILE *out, uint64_t *findings,
                 scan_git_stats *stats);

#endif
