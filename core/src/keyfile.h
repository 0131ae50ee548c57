/* Key files written all or nothing, shared by the library (the ledger key) and the CLI (vault and
 * scan keys), which links the static library. */
#ifndef SC_KEYFILE_H
#define SC_KEYFILE_H

#include <stddef.h>

/* fsync of the directory holding path: makes a rename or link into it survive a crash.
 * 0 ok, -1 error (errno set). */
int sc_sync_dir_of(const char *path);

/* Writes p[0..n) to fd whole (a short write or EINTR continues) and fsyncs it.
 * 0 ok, -1 error (errno set; EIO when write returns 0). */
int sc_write_all_synced(int fd, const void *p, size_t n);

/* Creates path holding p[0..n) with mode 0600, all or nothing: the bytes are written and synced
 * under a temporary name, then linked into place, which never replaces a key another process made
 * meanwhile, and the directory is synced. A failed write (disk full) leaves no stub that every later
 * run would refuse, and a crash leaves either no key or the whole key, never an empty file. On a file
 * system without hard links (link() fails with EPERM or EOPNOTSUPP) the key is created in place with
 * O_EXCL instead, and removed if its write fails.
 * 0 created, 1 path existed already, -1 error (errno set). */
int sc_create_key_file(const char *path, const void *p, size_t n);

#endif
