/* LD_PRELOAD shim for cli_scan_race.sh: makes the directory walk's race happen every time. Right
 * after the scan stats an entry named "swapme" (lstat or fstatat, whichever the walk uses), the
 * directory is renamed aside and a symlink to $SANCTUM_TEST_SWAP_TO put in its place, as another
 * process could between the stat and the open. Only once per process.
 * With $SANCTUM_TEST_SWAP_LATE_TO instead, the directory named "swaplate" is swapped the same way when
 * the walk closes it (its files are listed, not yet read), as another process could between the walk
 * and the scan of its files. */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <limits.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int swapped;

static void swap_after_stat(int dfd, const char *path)
{
    const char *target = getenv("SANCTUM_TEST_SWAP_TO");
    const char *base = strrchr(path, '/');
    base = base != NULL ? base + 1 : path;
    if (swapped || target == NULL || strcmp(base, "swapme") != 0)
        return;
    swapped = 1;
    char aside[4200];
    snprintf(aside, sizeof aside, "%s.aside", path);
    if (renameat(dfd, path, dfd, aside) != 0 || symlinkat(target, dfd, path) != 0)
        _exit(99); /* the test must notice that the race was not staged */
}

typedef int (*lstat_fn)(const char *, struct stat *);
typedef int (*fstatat_fn)(int, const char *, struct stat *, int);

int lstat(const char *path, struct stat *st)
{
    static lstat_fn real;
    if (real == NULL)
        *(void **)&real = dlsym(RTLD_NEXT, "lstat");
    int r = real(path, st);
    swap_after_stat(AT_FDCWD, path);
    return r;
}

int fstatat(int dfd, const char *path, struct stat *st, int flags)
{
    static fstatat_fn real;
    if (real == NULL)
        *(void **)&real = dlsym(RTLD_NEXT, "fstatat");
    int r = real(dfd, path, st, flags);
    swap_after_stat(dfd, path);
    return r;
}

typedef int (*closedir_fn)(DIR *);

int closedir(DIR *d)
{
    static closedir_fn real;
    static int late_swapped;
    if (real == NULL)
        *(void **)&real = dlsym(RTLD_NEXT, "closedir");
    const char *target = getenv("SANCTUM_TEST_SWAP_LATE_TO");
    char link[64], path[PATH_MAX + 16];
    snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd(d));
    ssize_t n = target != NULL && !late_swapped ? readlink(link, path, PATH_MAX) : -1;
    int r = real(d);
    if (n > 0) {
        path[n] = '\0';
        const char *base = strrchr(path, '/');
        if (base != NULL && strcmp(base + 1, "swaplate") == 0) {
            late_swapped = 1;
            char aside[PATH_MAX + 16];
            snprintf(aside, sizeof aside, "%s.aside", path);
            if (rename(path, aside) != 0 || symlink(target, path) != 0)
                _exit(99);
        }
    }
    return r;
}
