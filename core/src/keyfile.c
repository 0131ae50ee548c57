#define _POSIX_C_SOURCE 200809L
#include "keyfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int sc_sync_dir_of(const char *path)
{
    char dir[4200];
    const char *sl = strrchr(path, '/');
    int len = sl == NULL ? snprintf(dir, sizeof dir, ".") : snprintf(dir, sizeof dir, "%.*s", (int)(sl - path), path);
    if (len < 0 || (size_t)len >= sizeof dir) {
        errno = ENAMETOOLONG;
        return -1;
    }
    if (dir[0] == '\0') /* a file in / */
        memcpy(dir, "/", 2);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    int saved = errno;
    close(fd);
    errno = saved;
    return rc;
}

int sc_write_all_synced(int fd, const void *p, size_t n)
{
    size_t off = 0;
    while (off < n) {
        ssize_t w = write(fd, (const uint8_t *)p + off, n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return -1;
        }
        off += (size_t)w;
    }
    return fsync(fd);
}

/* link() errors of a file system without hard links (FAT, exFAT, some network and FUSE ones). */
static int no_hard_links(int e) { return e == EPERM || e == EOPNOTSUPP || e == ENOTSUP || e == ENOSYS; }

/* The key made at path itself, exclusively, for a file system without hard links: a failed write
 * removes it; only a crash mid-write can leave it short (such file systems offer nothing better).
 * 0 created, 1 existed, -1 error (*saved = errno). */
static int create_in_place(const char *path, const void *p, size_t n, int *saved)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        *saved = errno;
        return errno == EEXIST ? 1 : -1;
    }
    errno = 0;
    int ok = sc_write_all_synced(fd, p, n) == 0;
    int e = ok ? 0 : errno;
    ok = close(fd) == 0 && ok;
    if (ok)
        return 0;
    *saved = e != 0 ? e : errno;
    unlink(path);
    return -1;
}

int sc_create_key_file(const char *path, const void *p, size_t n)
{
    char tmp[4200];
    int tl = snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
    if (tl < 0 || (size_t)tl >= sizeof tmp) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int fd = mkstemp(tmp); /* mode 0600, O_EXCL */
    if (fd < 0)
        return -1;
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    errno = 0;
    int ok = sc_write_all_synced(fd, p, n) == 0;
    int saved = errno;
    ok = close(fd) == 0 && ok;
    if (!ok && saved == 0)
        saved = errno;
    int rc = -1;
    if (ok && link(tmp, path) == 0)
        rc = 0;
    else if (ok && errno == EEXIST)
        rc = 1;
    else if (ok && no_hard_links(errno))
        rc = create_in_place(path, p, n, &saved);
    else if (ok)
        saved = errno;
    unlink(tmp);
    if (rc == 0 && sc_sync_dir_of(path) != 0) {
        rc = -1;
        saved = errno;
    }
    errno = saved;
    return rc;
}
