/* Key files and the paths around them, in one place: the data directory ($XDG_DATA_HOME/sanctum or
 * ~/.local/share/sanctum), the vault key, the scan fingerprint key, and 0600 file writes. (The ledger
 * key is read by the library itself from the path the CLI passes.) */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "keyfile.h"

int cli_mkdirs_for(const char *path)
{
    char dir[4096];
    if ((size_t)snprintf(dir, sizeof dir, "%s", path) >= sizeof dir)
        return -1;
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int r = mkdir(dir, 0700);
        struct stat st;
        /* an existing directory we may not write to (EACCES on some systems) is fine */
        if (r != 0 && errno != EEXIST && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
            *p = '/';
            return -1;
        }
        *p = '/';
    }
    return 0;
}

int cli_data_path(char *buf, size_t n, const char *file, int create_dir, const char *cmd, const char *hint)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int len;
    /* The XDG spec ignores a relative XDG_DATA_HOME; a relative HOME is no better. */
    if (xdg != NULL && xdg[0] == '/')
        len = snprintf(buf, n, "%s/sanctum/%s", xdg, file);
    else if (home != NULL && home[0] == '/')
        len = snprintf(buf, n, "%s/.local/share/sanctum/%s", home, file);
    else {
        fprintf(stderr, "sanctum%s%s: neither XDG_DATA_HOME nor HOME is set; %s\n", *cmd ? " " : "", cmd, hint);
        return -1;
    }
    if (len < 0 || (size_t)len >= n) {
        fprintf(stderr, "sanctum%s%s: the data directory path is too long; %s\n", *cmd ? " " : "", cmd, hint);
        return -1;
    }
    if (create_dir && cli_mkdirs_for(buf) != 0) {
        fprintf(stderr, "sanctum%s%s: cannot create the directory of %s: %s\n", *cmd ? " " : "", cmd, buf,
                strerror(errno));
        return -1;
    }
    return 0;
}

int cli_write_file_0600(const char *path, const uint8_t *p, size_t n)
{
    /* Only a regular file is replaced: rename() over a device, a FIFO or a symlink replaced the node
     * itself (as root, --vault-out /dev/null turned /dev/null into a vault file for the whole system;
     * a symlink lost its link while the file it named kept the old content). */
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            return -1;
        }
        return -2;
    }
    /* A temp file of our own, unique and created 0600 by mkstemp (O_EXCL): a fixed PATH.tmp was
     * unlinked first, deleting whatever file of the user's bore that name. */
    char tmp[4200];
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int fd = mkstemp(tmp);
    if (fd < 0)
        return -1;
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (sc_write_all_synced(fd, p, n) != 0) {
        int saved = errno;
        close(fd);
        unlink(tmp);
        errno = saved;
        return -1;
    }
    if (close(fd) != 0 || rename(tmp, path) != 0) {
        int saved = errno;
        unlink(tmp);
        errno = saved;
        return -1;
    }
    return sc_sync_dir_of(path);
}

int cli_unhex(const char *s, uint8_t *out, size_t n)
{
    size_t got = 0;
    const char *end = NULL;
    if (strlen(s) != 2 * n || sodium_hex2bin(out, n, s, 2 * n, NULL, &got, &end) != 0 || got != n)
        return -1;
    return 0;
}

static int create_vault_key(const char *path, uint8_t key[32])
{
    if (cli_mkdirs_for(path) != 0) {
        fprintf(stderr, "sanctum: cannot create the directory of key file %s: %s\n", path, strerror(errno));
        return -1;
    }
    uint8_t raw[32];
    char hex[65];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
    hex[64] = '\n';
    int made = sc_create_key_file(path, hex, 65);
    int saved = errno;
    sodium_memzero(hex, sizeof hex);
    if (made != 0) {
        sodium_memzero(raw, sizeof raw);
        if (made == 1) /* another process made it first: use theirs */
            return cli_vault_key(path, 0, key);
        fprintf(stderr, "sanctum: cannot create key file %s: %s\n", path, strerror(saved));
        return -1;
    }
    memcpy(key, raw, 32);
    sodium_memzero(raw, sizeof raw);
    fprintf(stderr, "sanctum: created vault key %s (mode 0600)\n", path);
    return 0;
}

int cli_vault_key(const char *path, int create, uint8_t key[32])
{
    char def[4096];
    if (path == NULL) {
        if (cli_data_path(def, sizeof def, "vault.key", 0, "", "pass --key-file") != 0)
            return -1;
        path = def;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && create)
        return create_vault_key(path, key);
    if (fd < 0) {
        fprintf(stderr, "sanctum: cannot open key file %s: %s\n", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || (st.st_mode & 077) != 0) {
        close(fd);
        fprintf(stderr, "sanctum: key file %s must not be readable by group or others (chmod 600)\n", path);
        return -1;
    }
    char hex[80];
    ssize_t n = read(fd, hex, sizeof hex);
    close(fd);
    size_t got = 0;
    int ok = n >= 64 && sodium_hex2bin(key, 32, hex, 64, NULL, &got, NULL) == 0 && got == 32;
    if (ok && n > 64 && !(hex[64] == '\n' || (hex[64] == '\r' && n > 65 && hex[65] == '\n')))
        ok = 0;
    sodium_memzero(hex, sizeof hex);
    if (!ok) {
        sodium_memzero(key, 32);
        fprintf(stderr, "sanctum: key file %s must hold 64 hex digits\n", path);
        return -1;
    }
    return 0;
}

int cli_scan_key(const char *path, uint8_t key[64], size_t *key_len)
{
    char buf[4096];
    if (path == NULL) {
        if (cli_data_path(buf, sizeof buf, "scan.key", 1, "scan", "pass --fingerprint-key-file") != 0)
            return -1;
        path = buf;
        if (access(path, F_OK) != 0 && errno == ENOENT) {
            uint8_t k[32];
            randombytes_buf(k, sizeof k);
            int made = sc_create_key_file(path, k, sizeof k);
            sodium_memzero(k, sizeof k);
            if (made < 0) {
                fprintf(stderr, "sanctum scan: cannot create fingerprint key '%s': %s\n", path, strerror(errno));
                return -1;
            }
        }
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fprintf(stderr, "sanctum scan: cannot open fingerprint key '%s': %s\n", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & 077) != 0) {
        close(fd);
        fprintf(stderr, "sanctum scan: fingerprint key '%s' must be a file not readable by group or others (chmod 600)\n",
                path);
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
